"""σ(z) as exp(z)/(1 + exp(z)): inf/inf for z = 800.

cell: binary_cross_entropy_grad
task: test_binary_cross_entropy_grad
hint: exp(z) / (1 + exp(z)) is inf/inf
mistake: sigmoid-overflow
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy_grad(logits, targets):
    p = np.exp(logits) / (1.0 + np.exp(logits))
    return (p - targets) / logits.size
