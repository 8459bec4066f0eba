"""The gradient with the wrong sign, (Y - P) / N.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: (Y - P)/N, which points uphill
mistake: ce_grad_sign
"""
# ruff: noqa: F821, F841, E501, B007 (the notebook defines np, gdlib and the earlier tasks; a mistake may leave a name unused or a line long)
class SoftmaxCrossEntropy:
    """Mean softmax cross-entropy of logits and integer labels (``gdlib.losses.cross_entropy``)."""

    def forward(self, logits, labels):
        """J for logits of shape (N, C) and integer labels of shape (N,), as a float."""
        shifted = logits - logits.max(axis=1, keepdims=True)  # each row's largest logit is 0
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log softmax
        self.p, self.labels = np.exp(log_p), labels
        return float(-log_p[np.arange(len(labels)), labels].mean())

    def backward(self):
        """dJ/dlogits, shape (N, C), for the last forward."""
        grad = self.p.copy()
        grad[np.arange(len(self.labels)), self.labels] -= 1.0  # P - Y
        return -grad / len(self.labels)
