"""Takes the first entry as the layer next to the loss.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: lists the layers from the input to the output
mistake: diagnose-grads-reversed
"""
# ruff: noqa: F821 (the notebook defines np)
def diagnose_gradients(grad_norms, ratio=100.0):
    norms = np.asarray(grad_norms, dtype=float)
    last = norms[0]
    if not np.all(np.isfinite(norms)) or np.any(norms > ratio * last):
        return "exploding"
    if np.any(norms < last / ratio):
        return "vanishing"
    return "healthy"
