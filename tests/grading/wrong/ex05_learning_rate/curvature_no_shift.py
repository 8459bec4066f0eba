"""Stops after the first power iteration, whatever the sign of λ.

cell: largest_curvature
task: test_largest_curvature
hint: you returned the eigenvalue of largest magnitude
mistake: curvature-no-shift
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    '    if lam < 0:  # the largest |eigenvalue| is negative: shift the spectrum up by -lam\n        lam += power(lambda u: hvp(u) - lam * u)\n': '',
}
