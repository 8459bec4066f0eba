"""Clips when the norm equals max_norm too.

cell: clip_grad_norm
task: test_clip_grad_norm
hint: you clipped a gradient whose global norm equals max_norm exactly
mistake: clip-norm-at-equality
"""
REPLACE = {
    'if total > max_norm:': 'if total >= max_norm:',
}
