"""Exercise 7 (the capstone): reference versions of the learner's pieces, and their mistakes.

The capstone's pieces talk to each other through one small interface, the one ``gdlib.nn`` and
``gdlib.optim`` use: a layer has ``forward(x)``, ``backward(grad_out)``, ``parameters()`` and
``gradients()``; the loss has ``forward(logits, labels)`` and ``backward()``; an optimizer has
``step(grads)``. The classes here follow it in plain numpy (no ``gdlib`` object is called), so a
test can lend them to a later task with ``checks.substitute(globals(), Linear=ex07.Linear, ...)``
while it forbids ``gdlib`` in the learner's code, and a mistake costs points once.

Every mistake model is the reference with one thing done the way learners often do it
(``train(..., mistake="no_shuffle")``, :class:`AdamWithoutBiasCorrection`, ...). A test runs
it beside the learner's code: when the learner's numbers match a model, the hint names that
mistake. By task: :mod:`.pieces` (Tasks 1-5: layers, loss, network, gradient check),
:mod:`.optimizers` (Tasks 6 and 7), :mod:`.training` (Tasks 8-11: the loop, the range test,
the race, the digits).
"""

from __future__ import annotations

import sys

from gdlib import gradcheck as _gradcheck
from gdlib import losses as _losses
from gdlib import nn as _nn
from gdlib import optim as _optim
from gdlib import train as _fit

from .optimizers import (
    SGD,
    Adam,
    AdamAverageOfG,
    AdamEpsInsideRoot,
    AdamFirstMomentOnly,
    AdamKingmaPlainEps,
    AdamStepAfterUpdate,
    AdamStepPerArray,
    AdamWithoutBiasCorrection,
    SGDDampened,
    SGDVelocityForm,
    SGDWithoutMomentum,
)
from .pieces import (
    TINY,
    CubicModel,
    Linear,
    LinearAccumulating,
    LinearBiasMean,
    ReLU,
    Sequential,
    SoftmaxCrossEntropy,
    SumLoss,
    cross_entropy_global_shift,
    cross_entropy_log_of_softmax,
    cross_entropy_naive,
    gradient_check_model,
    relative_errors,
    sequential_gradients,
)
from .training import (
    FIND_LR_MISTAKES,
    RACE_MISTAKES,
    TRAIN_MISTAKES,
    digits_split,
    evaluate,
    find_lr,
    lr_range_test,
    race,
    train,
    winner,
)

__all__ = [
    "Linear", "LinearAccumulating", "LinearBiasMean", "ReLU", "SoftmaxCrossEntropy",
    "cross_entropy_naive", "cross_entropy_log_of_softmax", "cross_entropy_global_shift",
    "Sequential", "sequential_gradients", "relative_errors", "gradient_check_model",
    "CubicModel", "SumLoss",
    "SGD", "SGDWithoutMomentum", "SGDDampened", "SGDVelocityForm", "Adam",
    "AdamWithoutBiasCorrection", "AdamFirstMomentOnly", "AdamEpsInsideRoot", "AdamAverageOfG",
    "AdamStepAfterUpdate", "AdamStepPerArray", "AdamKingmaPlainEps",
    "evaluate", "train", "lr_range_test", "find_lr", "winner", "race", "digits_split",
    "TINY", "TRAIN_MISTAKES", "FIND_LR_MISTAKES", "RACE_MISTAKES",
]

# Each reference piece reports this package as its module, so that forbidding the package
# (FORBID below, expanded by gdcourse.learner.reference.expand) forbids every piece in it.
for _name in __all__:
    if callable(globals()[_name]):
        globals()[_name].__module__ = __name__
del _name

#: What the learner's pieces must not use: gdlib's versions of them.
FORBID_GDLIB = (_nn, _losses, _gradcheck, _optim, _fit)
#: ... nor the reference versions above (for the tasks that do not lend them).
FORBID = (*FORBID_GDLIB, sys.modules[__name__])
