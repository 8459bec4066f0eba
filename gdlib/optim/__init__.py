r"""First-order optimizers: SGD (with momentum and Nesterov), AdaGrad, RMSprop, Adam, AdamW.

Derived in Chapter 3 (:ref:`one-step-downhill`, :ref:`momentum-and-adaptive-methods`). Each
class follows the update equations of the ``torch.optim`` class of the same name with the
same options and defaults, so numbers agree with PyTorch; hyperparameters are plain
attributes (``opt.lr``, ``opt.momentum``, ``opt.betas``, ...) and the running state sits in
``opt.state`` under torch's names (``momentum_buffer``, ``sum``, ``square_avg``,
``exp_avg``, ``exp_avg_sq``), one array per param.

Every optimizer holds a list of float parameter arrays θ and updates them **in place**
when ``step(grads)`` is called with a list of gradients g_t of the same shapes. The state
and the update keep each param's dtype (float32 or float64). A schedule changes the
learning rate η between steps: ``opt.lr = schedule(k)``.
"""

from .adagrad import AdaGrad
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "AdaGrad", "RMSprop", "Adam", "AdamW"]

for _name in __all__:  # each public object reports the module it is imported from: gdlib.optim.X
    globals()[_name].__module__ = __name__
del _name
