"""gdlib: the course's small, exact numpy reference implementation."""

from . import (  # noqa: F401
    clip,
    data,
    functions,
    gradcheck,
    init,
    losses,
    nn,
    optim,
    schedules,
    train,
)

__version__ = "0.1.0"
