"""nesterov=True is ignored: plain momentum steps.

cell: sgd
task: test_sgd_nesterov
hint: your steps are plain momentum's
mistake: nesterov-ignored
"""
REPLACE = {
    'g = g + mu * v if self.nesterov else v': 'g = v',
}
