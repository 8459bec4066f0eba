"""A one-hot matrix from np.eye, log-sum-exp with np.logaddexp.reduce, and the loss returned as a
numpy scalar.

cell: softmax_cross_entropy
"""
# ruff: noqa: E501
REPLACE = {
    ("        shifted = logits - logits.max(axis=1, keepdims=True)  # each row's largest logit is 0\n"
     '        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log softmax\n'
     '        self.p, self.labels = np.exp(log_p), labels\n'
     '        return float(-log_p[np.arange(len(labels)), labels].mean())'):
        ('        log_p = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)\n'
         '        self.p = np.exp(log_p)\n'
         '        self.onehot = np.eye(logits.shape[1])[labels]\n'
         '        return -np.sum(self.onehot * log_p) / len(labels)'),
    ('        grad = self.p.copy()\n'
     '        grad[np.arange(len(self.labels)), self.labels] -= 1.0  # P - Y\n'
     '        return grad / len(self.labels)  # dJ/dZ = (P - Y) / N'):
        '        return (self.p - self.onehot) / len(self.onehot)',
}
