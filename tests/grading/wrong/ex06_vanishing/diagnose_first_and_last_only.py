"""Compares only the first layer with the last (the previous version's rules).

cell: diagnose_gradients
task: test_diagnose_gradients
hint: you compared only the first layer with the last
mistake: diagnose-grads-first-and-last-only
"""
REPLACE = {
    'np.any(norms > ratio * last)': 'norms[0] > ratio * last',
    'np.any(norms < last / ratio)': 'norms[0] < last / ratio',
}
