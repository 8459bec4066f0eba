r"""Optimization loops: ``minimize`` for 2-D paths (Chapter 3) and ``fit`` for networks
(Chapters 5 and 7).

Both loops are the same idea: compute the gradient :math:`g_t`, let the optimizer update
θ in place, repeat. ``fit`` adds mini-batches drawn with an explicit ``rng``, an optional
learning-rate schedule (``opt.lr = schedule(k)`` before every step), optional global-norm
gradient clipping, a record of what happened (:class:`History`), an optional progress bar
and a per-epoch callback.

A run whose loss (or iterate) stops being finite raises :class:`DivergenceError`, naming
the step and the learning rate so the fix is clear.
"""

from .fit import History, accuracy, fit, predict
from .minimize import DivergenceError, Trajectory, minimize

__all__ = ["DivergenceError", "Trajectory", "History", "minimize", "fit", "predict", "accuracy"]

for _name in __all__:  # each public object reports the module it is imported from: gdlib.train.X
    globals()[_name].__module__ = __name__
del _name
