"""Shifted by the largest logit of the whole batch, not of each row.

cell: softmax_cross_entropy
task: test_softmax_cross_entropy
hint: largest logit of the whole batch
mistake: shift-by-batch-max
"""
# ruff: noqa: E501
REPLACE = {
    '        shifted = logits - logits.max(axis=1, keepdims=True)':
        '        shifted = logits - logits.max()',
}
