"""Builds ∇²J column by column from hvp, then runs power iteration on the matrix.

cell: largest_curvature
task: test_largest_curvature
hint: not one per column of the Hessian
mistake: curvature-builds-hessian
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    H = np.stack([hvp(e) for e in np.eye(dim)], axis=1)
    v = rng.standard_normal(dim)
    v /= np.linalg.norm(v)
    for _ in range(iters):
        w = H @ v
        lam = float(v @ w)
        v = w / np.linalg.norm(w)
    if lam < 0:
        shifted = H - lam * np.eye(dim)
        for _ in range(iters):
            w = shifted @ v
            top = float(v @ w)
            v = w / np.linalg.norm(w)
        lam += top
    return lam
