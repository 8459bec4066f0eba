r"""Loss functions J(θ) and their gradients with respect to the prediction.

Chapter 1 derives every formula here (:ref:`regression-losses-mse-mae-and-huber`,
:ref:`binary-cross-entropy`, :ref:`softmax-cross-entropy`,
:ref:`numerical-stability-the-log-sum-exp-trick`). Each ``*_grad`` returns dJ/d(pred) (or
dJ/d(logits)) with the same shape and dtype as its first argument, so it can be fed straight
into a layer's ``backward``; targets are converted to the prediction's dtype. All reductions
are means, as in ``torch.nn`` with its default ``reduction="mean"``. No function mutates its
inputs. Everything stays finite and warning-free for logits as large as ±1e4; an e^{-|z|} too
small for the dtype underflows silently to 0, which is the correctly rounded answer.
"""

from .classification import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    cross_entropy,
    cross_entropy_grad,
    log_softmax,
    sigmoid,
    softmax,
)
from .regression import huber, huber_grad, mae, mae_grad, mse, mse_grad

__all__ = [
    "mse", "mse_grad", "mae", "mae_grad", "huber", "huber_grad",
    "sigmoid", "log_softmax", "softmax", "cross_entropy", "cross_entropy_grad",
    "binary_cross_entropy", "binary_cross_entropy_grad",
]  # fmt: skip

for _name in __all__:  # each public object reports the module it is imported from: gdlib.losses.X
    globals()[_name].__module__ = __name__
del _name
