"""Uses sech² of the output, the formula for the input.

cell: tanh_backward
task: test_tanh_backward
hint: you evaluated the derivative at `out` as if it were the input Z
mistake: tanh-of-output
"""
# ruff: noqa: F821 (the notebook defines np)
def tanh_backward(grad_out, out):
    return grad_out / np.cosh(out) ** 2
