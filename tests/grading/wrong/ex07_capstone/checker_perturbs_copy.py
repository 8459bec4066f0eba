"""The entries of a copy of each parameter array are perturbed: the loss never changes.

cell: gradient_check_model
task: test_gradient_check_model
hint: not copies of them
mistake: perturbs-copy
"""
# ruff: noqa: E501
REPLACE = {
    '    for p, a in zip(model.parameters(), analytic, strict=True):':
        '    for p, a in zip([p.copy() for p in model.parameters()], analytic, strict=True):',
}
