"""A forward difference instead of the central one.

cell: gradient_check_model
task: test_gradient_check_model
hint: is a forward difference
mistake: forward-difference
"""
# ruff: noqa: E501
REPLACE = {
    ('    loss.forward(model.forward(X), y)\n'
     '    model.backward(loss.backward())'):
        ('    j_0 = loss.forward(model.forward(X), y)\n'
         '    model.backward(loss.backward())'),
    '            numerical[idx] = (j_plus - j_minus) / (2 * eps)':
        '            numerical[idx] = (j_plus - j_0) / eps',
}
