"""Loops over the examples for the gradient, and returns the losses as an array.

cell: fit_linear_regression
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def fit_linear_regression(X, y, lr=0.01, steps=1000):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = np.zeros(steps)
    for t in range(steps):
        grad_w, grad_b, total = np.zeros(d), 0.0, 0.0
        for x_n, y_n in zip(X, y, strict=True):
            r = x_n @ w + b - y_n
            total += r * r
            grad_w += 2.0 * r * x_n / n
            grad_b += 2.0 * r / n
        losses[t] = total / n
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b, losses
