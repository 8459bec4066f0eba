"""Compares without testing for NaN.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: test np.isfinite on all the norms first
mistake: diagnose-grads-nan-compared
"""
REPLACE = {
    'not np.all(np.isfinite(norms)) or ': '',
}
