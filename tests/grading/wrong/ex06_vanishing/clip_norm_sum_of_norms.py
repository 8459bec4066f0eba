"""Adds up the arrays' norms instead of their squares.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: your global norm is the sum of the arrays' norms
mistake: clip-norm-sum-of-norms
"""
# ruff: noqa: E501 (one line of the solution each)
REPLACE = {
    'float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))': 'float(sum(np.linalg.norm(g) for g in grads))',
}
