"""Never rescales v, so v·(∇²J v) is not a Rayleigh quotient of a unit vector.

cell: largest_curvature
task: test_largest_curvature
hint: larger than any eigenvalue of this Hessian
mistake: curvature-not-normalised
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
            v = w
        return lam

    lam = power(hvp)
    if lam < 0:
        lam += power(lambda u: hvp(u) - lam * u)
    return lam
