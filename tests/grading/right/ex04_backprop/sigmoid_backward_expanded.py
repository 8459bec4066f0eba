"""σ' written as A - A², returned as float32-free plain float64 product.

cell: sigmoid_backward
"""
def sigmoid_backward(grad_out, out):
    local = out - out**2
    return local * grad_out
