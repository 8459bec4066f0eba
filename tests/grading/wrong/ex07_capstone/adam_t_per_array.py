"""The step count grows once per parameter array.

cell: adam
task: test_adam
hint: once per parameter array
mistake: t-per-array
"""
# ruff: noqa: E501
REPLACE = {
    '        self.t += 1  # once per step: t = 1 at the first\n':
        '',
    '            m *= b1':
        '            self.t += 1\n            m *= b1',
}
