"""np.argmin, which picks the NaN of a run that blew up.

cell: find_lr
task: test_find_lr
hint: Use np.nanargmin
mistake: argmin-of-nan
"""
# ruff: noqa: E501
REPLACE = {
    'np.nanargmin(smoothed)':
        'np.argmin(smoothed)',
}
