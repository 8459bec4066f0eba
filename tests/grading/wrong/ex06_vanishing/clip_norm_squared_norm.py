"""Forgets the square root of the sum of squares.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: without the square root
mistake: clip-norm-squared
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))': 'float(sum(np.sum(g * g) for g in grads))',
}
