"""The gradient P / N: the one-hot labels not subtracted.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: subtract the one-hot labels
mistake: ce_grad_no_onehot
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
        pass
        return grad / len(self.labels)  # dJ/dZ = (P - Y) / N
