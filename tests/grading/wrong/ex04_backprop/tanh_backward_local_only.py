"""Returns tanh'(Z) without the incoming gradient.

cell: tanh_backward
task: test_tanh_backward
hint: you returned the local derivative 1 - A² alone
mistake: tanh-local-only
"""
def tanh_backward(grad_out, out):
    return 1.0 - out**2
