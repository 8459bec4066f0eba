"""-(y log σ(z) + (1 - y) log σ(-z)) with a stable log σ.

cell: binary_cross_entropy
"""
# ruff: noqa: F821 (np is imported by the notebook's first cell)
def binary_cross_entropy(logits, targets):
    def log_sigmoid(z):
        return -np.logaddexp(0.0, -z)
    return float(-np.mean(targets * log_sigmoid(logits) + (1 - targets) * log_sigmoid(-logits)))
