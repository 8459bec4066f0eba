"""Stops early once the estimate settles, and always shifts by |λ|.

cell: largest_curvature
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    def power(matvec, tol=1e-13):
        v = rng.normal(size=dim)
        v = v / np.sqrt(np.sum(v * v))
        old = np.inf
        for _ in range(iters):
            w = matvec(v)
            lam = v.dot(w)
            v = w / np.sqrt(np.sum(w * w))
            if abs(lam - old) <= tol * abs(lam):
                break
            old = lam
        return float(lam)

    big = power(hvp)
    if big >= 0:
        return big
    shift = abs(big)  # ∇²J + |λ| I has eigenvalues λ_i + |λ| >= 0, the largest L + |λ|
    return power(lambda u: hvp(u) + shift * u) - shift
