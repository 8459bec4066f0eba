"""Divides by the norm without torch's 1e-6.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: which matters when ||g|| is small
mistake: clip-norm-no-epsilon
"""
REPLACE = {
    'max_norm / (total + 1e-6)': 'max_norm / total',
}
