"""The ReLU mask taken from the incoming gradient instead of the forward input.

cell: relu_backward
task: test_relu_backward
hint: you masked with the sign of grad_out
mistake: relu-mask-on-gradient
"""
def relu_backward(grad_out, x):
    return grad_out * (grad_out > 0)
