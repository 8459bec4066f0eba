"""Draws the start from np.random instead of the rng argument.

cell: largest_curvature
task: test_largest_curvature
hint: draw the start vector from the `rng` argument
mistake: global-random
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec):
        v = np.random.standard_normal(dim)
        v /= np.linalg.norm(v)
        lam = 0.0
        for _ in range(iters):
            w = matvec(v)
            lam = float(v @ w)
            v = w / np.linalg.norm(w)
        return lam

    lam = power(hvp)
    if lam < 0:
        lam += power(lambda u: hvp(u) - lam * u)
    return lam
