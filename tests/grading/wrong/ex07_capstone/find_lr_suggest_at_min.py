"""The suggestion is the rate at the lowest smoothed loss itself.

cell: find_lr
task: test_find_lr
hint: takes a tenth of it
mistake: find-lr-suggest-at-min
"""
# ruff: noqa: E501
REPLACE = {
    '    return lrs, smoothed, float(lrs[np.nanargmin(smoothed)] / 10)':
        '    return lrs, smoothed, float(lrs[np.nanargmin(smoothed)])',
}
