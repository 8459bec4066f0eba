"""Where a learner's code runs while it is graded, and within which limits.

- :mod:`.execute`: :class:`LimitedExecute`, nbgrader's ``Execute`` step with the course's
  limits (per-cell output, a time budget per notebook, a cell that kills the kernel scores zero);
- :mod:`.kernel`: :class:`LimitedKernelManager`, the kernel in a folder of its own with a
  scrubbed environment, started through
- :mod:`.launcher`: resource limits (RLIMIT_AS, RLIMIT_FSIZE, RLIMIT_CPU), then the kernel.

An operating-system sandbox per submission (namespaces, a private filesystem, no network)
belongs here too, as another way for :class:`LimitedKernelManager` to start the kernel.

The names are imported on first use: the launcher starts every kernel and must not pay for
importing nbgrader.
"""

from importlib import import_module

__all__ = ["LimitedExecute", "LimitedKernelManager", "kernel_env"]
_HOME = {"LimitedExecute": ".execute", "LimitedKernelManager": ".kernel", "kernel_env": ".kernel"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
