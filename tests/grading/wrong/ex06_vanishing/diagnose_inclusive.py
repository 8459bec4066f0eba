"""Uses >= and <= at the thresholds.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: you also counted a norm exactly ratio times
mistake: diagnose-grads-inclusive
"""
REPLACE = {
    'norms > ratio * last': 'norms >= ratio * last',
    'norms < last / ratio': 'norms <= last / ratio',
}
