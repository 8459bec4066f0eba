"""Wraps the reference optimizer instead of writing the update.

cell: sgd
task: test_sgd, test_sgd_momentum, test_sgd_nesterov, test_sgd_weight_decay
hint: the reference implementation of what this task asks you to write
mistake: calls-reference
"""
# ruff: noqa: F821 (gdlib is imported by the notebook's first cell)
class SGD:
    def __init__(self, params, lr, momentum=0.0, nesterov=False, weight_decay=0.0):
        self._opt = gdlib.optim.SGD(params, lr, momentum=momentum, nesterov=nesterov,
                                    weight_decay=weight_decay)
        self.params = self._opt.params

    def step(self, grads):
        self._opt.step(grads)
