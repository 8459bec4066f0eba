"""Runs a fixed 100 iterations whatever `iters` says.

cell: largest_curvature
task: test_largest_curvature
hint: run `iters` iterations, as the argument says
mistake: curvature-ignores-iters
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec):
        v = rng.standard_normal(dim)
        v /= np.linalg.norm(v)
        lam = 0.0
        for _ in range(100):
            w = matvec(v)
            lam = float(v @ w)
            v = w / np.linalg.norm(w)
        return lam

    lam = power(hvp)
    if lam < 0:
        lam += power(lambda u: hvp(u) - lam * u)
    return lam
