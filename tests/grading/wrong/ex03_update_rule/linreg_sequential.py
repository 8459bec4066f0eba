"""Updates w, then computes b's gradient at the new w.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: compute both gradients at the same (w, b)
mistake: sequential-update
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def fit_linear_regression(X, y, lr=0.01, steps=1000):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(steps):
        losses.append(float(np.mean((X @ w + b - y) ** 2)))
        w = w - lr * 2.0 / n * X.T @ (X @ w + b - y)
        b = b - lr * 2.0 / n * np.sum(X @ w + b - y)
    return w, float(b), losses
