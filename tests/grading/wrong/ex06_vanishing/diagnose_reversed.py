"""Takes the first entry as the layer next to the loss.

cell: diagnose_gradients
task: test_diagnose_gradients
hint: lists the layers from the input to the output
mistake: diagnose-grads-reversed
"""
REPLACE = {
    'last = norms[-1]': 'last = norms[0]',
}
