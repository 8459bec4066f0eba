"""gdlib: the course's small, exact numpy reference implementation.

One module per topic; the names below are re-exported for convenience::

    import numpy as np
    import gdlib

    rng = np.random.default_rng(0)
    model = gdlib.Sequential(gdlib.Linear(2, 8, rng=rng), gdlib.ReLU(), gdlib.Linear(8, 2, rng=rng))
    opt = gdlib.Adam(model.parameters(), lr=1e-2)

``gdlib.plotting`` is imported on first use, so numerical code does not load matplotlib.
"""

# gdlib ships in the gdcourse distribution, with its version: written once, in gdcourse.
from gdcourse import __version__ as __version__

from . import clip, data, functions, gradcheck, init, losses, nn, optim, schedules, train
from .clip import clip_grad_norm, clip_grad_value
from .gradcheck import gradient_check, numerical_gradient, relative_error
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    cross_entropy,
    cross_entropy_grad,
    huber,
    huber_grad,
    mae,
    mae_grad,
    mse,
    mse_grad,
    sigmoid,
    softmax,
)
from .nn import BatchNorm1d, Linear, Module, ReLU, Residual, Sequential, Sigmoid, Tanh
from .optim import SGD, AdaGrad, Adam, AdamW, Optimizer, RMSprop
from .train import DivergenceError, accuracy, fit, minimize, predict

__all__ = [
    "clip", "data", "functions", "gradcheck", "init", "losses", "nn", "optim", "plotting",
    "schedules", "train",
    "clip_grad_norm", "clip_grad_value",
    "gradient_check", "numerical_gradient", "relative_error",
    "binary_cross_entropy", "binary_cross_entropy_grad", "cross_entropy", "cross_entropy_grad",
    "huber", "huber_grad", "mae", "mae_grad", "mse", "mse_grad", "sigmoid", "softmax",
    "BatchNorm1d", "Linear", "Module", "ReLU", "Residual", "Sequential", "Sigmoid",
    "Tanh",
    "SGD", "AdaGrad", "Adam", "AdamW", "Optimizer", "RMSprop",
    "DivergenceError", "accuracy", "fit", "minimize", "predict",
]  # fmt: skip


def __getattr__(name: str):
    if name == "plotting":
        import importlib

        return importlib.import_module(".plotting", __name__)
    raise AttributeError(f"module 'gdlib' has no attribute {name!r}")
