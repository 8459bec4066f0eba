"""Softmax without subtracting the largest logit.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: np.exp overflows on large logits
mistake: naive-softmax
"""
# ruff: noqa: E501
REPLACE = {
    ("        shifted = logits - logits.max(axis=1, keepdims=True)  # each row's largest logit is 0\n"
     '        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log softmax'):
        ('        e = np.exp(logits)\n'
         '        log_p = np.log(e / e.sum(axis=1, keepdims=True))'),
}
