"""Reads the norms as if the last entry were the first layer.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: lists the layers from the input to the output
"""
# ruff: noqa: F821 (the notebook imports np and gdlib)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    first, last = norms[-1], norms[0]
    if not np.all(np.isfinite(norms)) or first > ratio * last:
        return "exploding"
    if first < last / ratio:
        return "vanishing"
    return "healthy"
