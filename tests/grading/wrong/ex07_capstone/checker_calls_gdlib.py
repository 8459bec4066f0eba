"""The numerical gradient from gdlib.gradcheck.

cell: gradient_check_model
task: test_gradient_check_model
hint: reference implementation
mistake: calls-reference
"""
# ruff: noqa: E501
REPLACE = {
    ('        numerical = np.zeros_like(p)\n'
     '        for idx in np.ndindex(p.shape):\n'
     '            old = p[idx]\n'
     '            p[idx] = old + eps\n'
     '            j_plus = loss.forward(model.forward(X), y)\n'
     '            p[idx] = old - eps\n'
     '            j_minus = loss.forward(model.forward(X), y)\n'
     '            p[idx] = old  # put the entry back exactly\n'
     '            numerical[idx] = (j_plus - j_minus) / (2 * eps)'):
        ('        numerical = gdlib.gradcheck.numerical_gradient(\n'
         '            lambda _: loss.forward(model.forward(X), y), p, eps)'),
}
