"""1 - A² factored as (1 - A)(1 + A).

cell: tanh_backward
"""
def tanh_backward(grad_out, out):
    return grad_out * (1.0 - out) * (1.0 + out)
