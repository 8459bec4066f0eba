"""Starts every power iteration from np.ones.

cell: largest_curvature
task: test_largest_curvature
hint: your start vector has no component along the top eigenvector
mistake: curvature-fixed-start
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec):
        v = np.ones(dim)
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
