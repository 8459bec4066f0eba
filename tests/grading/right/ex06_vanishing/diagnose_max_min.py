"""Compares the largest and the smallest ratio to the last layer.

cell: diagnose_gradients
"""
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = [float(v) for v in grad_norms]
    if any(v != v or v in (float("inf"), float("-inf")) for v in norms):
        return "exploding"
    last = norms[-1]
    if max(norms) > ratio * last:
        return "exploding"
    if min(norms) * ratio < last:
        return "vanishing"
    return "healthy"
