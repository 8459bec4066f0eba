"""Builds ∇²J from hvp and asks numpy for its eigenvalues.

cell: largest_curvature
task: test_largest_curvature
hint: the reference implementation of what this task asks
mistake: calls-reference
"""
# ruff: noqa: F821 (the notebook defines np)
def largest_curvature(hvp, dim, rng, iters=100):
    H = np.stack([hvp(e) for e in np.eye(dim)], axis=1)
    return float(np.linalg.eigvalsh((H + H.T) / 2)[-1])
