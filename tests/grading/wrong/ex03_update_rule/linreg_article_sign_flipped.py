"""The blog post's linear regression, line for line: the residual is y - ŷ, so GD climbs.

Its gradient also sums over a (5, 5) broadcast of residuals times inputs, and b is updated
with the mean residual; the loss runs off to infinity.

cell: fit_linear_regression
task: test_fit_linear_regression
hint: your steps climb
mistake: linreg-climbs
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def fit_linear_regression(X, y, lr=0.01, steps=1000):
    w = np.zeros(X.shape[1])
    b = 0.0
    losses = []
    for _ in range(steps):
        losses.append(float(np.mean((np.dot(X, w) + b - y) ** 2)))
        gradient = (1 / len(X)) * 2 * np.sum((y - (np.dot(X, w) + b)) * X)
        w -= lr * gradient
        b -= lr * np.mean(y - (np.dot(X, w) + b))
    return w, float(b), losses
