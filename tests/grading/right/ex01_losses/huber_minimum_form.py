"""One formula for both pieces: ½m² + δ(|r| - m) with m = min(|r|, δ).

cell: huber
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def huber(pred, target, delta=1.0):
    a = np.abs(pred - target)
    m = np.minimum(a, delta)
    return float(np.mean(0.5 * m**2 + delta * (a - m)))
