"""Sweeps all the rates, ignoring the explosion.

cell: lr_range_test
task: test_lr_range_test
hint: your test never stops early
mistake: range-test-never-stops
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    '        if not np.isfinite(loss) or smoothed[-1] > explode * min(smoothed):\n            break  # the loss has exploded\n': '',
}
