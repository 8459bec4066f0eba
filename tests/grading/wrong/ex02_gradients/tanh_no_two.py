"""d(h - t)²/dh taken as (h - t).

cell: tanh_layer_grads
task: test_tanh_layer_grads
hint: d(h - t)²/dh = 2 (h - t)
mistake: missing-two
"""
REPLACE = {
    '2.0 * (H - T) / H.size': '(H - T) / H.size',
}
