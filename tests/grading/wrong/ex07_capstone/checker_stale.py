"""The gradients the model held before the call, without running backward.

cell: gradient_check_model
task: test_gradient_check_model
hint: held before the call
mistake: no-backward-pass
"""
# ruff: noqa: E501
REPLACE = {
    ('    loss.forward(model.forward(X), y)\n'
     '    model.backward(loss.backward())\n'):
        '',
}
