"""Takes eigvalsh(...)[0], the smallest eigenvalue: the returned rate diverges.

cell: max_stable_lr
task: test_max_stable_lr
hint: in ascending order
"""
# ruff: noqa: F821 (the notebook defines np)
def max_stable_lr(X):
    L = np.linalg.eigvalsh(2.0 / len(X) * X.T @ X)[0]
    return float(2.0 / L)
