"""Records the loss after each update instead of before.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: record the loss at the current (w, b) before you update them
mistake: loss-after-step
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def fit_linear_regression(X, y, lr=0.01, steps=1000):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(steps):
        residual = X @ w + b - y
        w = w - lr * 2.0 / n * X.T @ residual
        b = b - lr * 2.0 / n * np.sum(residual)
        losses.append(float(np.mean((X @ w + b - y) ** 2)))
    return w, float(b), losses
