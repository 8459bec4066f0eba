"""Returns the derivative of ReLU without the incoming gradient.

cell: relu_backward
task: test_relu_backward
hint: you returned the local derivative 1[x > 0] alone
mistake: relu-local-only
"""
def relu_backward(grad_out, x):
    return (x > 0).astype(float)
