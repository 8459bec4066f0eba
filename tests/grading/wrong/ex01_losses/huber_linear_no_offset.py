"""The linear piece δ|r| without the - ½δ² that makes it meet the quadratic.

cell: huber
task: test_huber
hint: without the - ½δ²
mistake: huber-linear-offset
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber(pred, target, delta=1.0):
    a = np.abs(pred - target)
    return float(np.mean(np.where(a <= delta, 0.5 * a**2, delta * a)))
