"""The second moment averages g instead of g².

cell: adam
task: test_adam
hint: square root of a negative number
mistake: adam-s-averages-g
"""
# ruff: noqa: E501
REPLACE = {
    '            s += (1 - b2) * g * g  # s_t = β2 s_{t-1} + (1-β2) g_t²':
        '            s += (1 - b2) * g',
}
