"""Stops after the first power iteration, whatever the sign of λ.

cell: largest_curvature
task: test_largest_curvature
hint: you returned the eigenvalue of largest magnitude
mistake: curvature-no-shift
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec):
        v = rng.standard_normal(dim)
        v /= np.linalg.norm(v)
        lam = 0.0
        for _ in range(iters):
            w = matvec(v)
            lam = float(v @ w)
            v = w / np.linalg.norm(w)
        return lam

    lam = power(hvp)
    return lam
