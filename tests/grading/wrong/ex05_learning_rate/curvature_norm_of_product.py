"""Takes ‖∇²J v‖ as the eigenvalue, which loses its sign.

cell: largest_curvature
task: test_largest_curvature
hint: ‖∇²J v‖ loses the sign
mistake: curvature-norm-of-product
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec):
        v = rng.standard_normal(dim)
        v /= np.linalg.norm(v)
        lam = 0.0
        for _ in range(iters):
            w = matvec(v)
            lam = float(np.linalg.norm(w))
            v = w / np.linalg.norm(w)
        return lam

    lam = power(hvp)
    if lam < 0:
        lam += power(lambda u: hvp(u) - lam * u)
    return lam
