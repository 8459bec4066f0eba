"""Writes p = p - lr * g, which rebinds a local name: no parameter ever moves.

cell: sgd
task: test_sgd, test_sgd_momentum, test_sgd_nesterov, test_sgd_weight_decay
hint: did not change the parameters
mistake: rebinds-params
"""
REPLACE = {
    'p -= self.lr * g': 'p = p - self.lr * g  # noqa: PLW2901',
}
