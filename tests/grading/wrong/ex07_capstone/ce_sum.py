"""The loss summed over the batch instead of averaged.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: N times the mean
mistake: sum-not-mean
"""
# ruff: noqa: E501
REPLACE = {
    '        return float(-log_p[np.arange(len(labels)), labels].mean())':
        '        return float(-log_p[np.arange(len(labels)), labels].sum())',
}
