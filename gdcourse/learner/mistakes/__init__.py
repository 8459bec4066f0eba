"""Models of common mistakes, one module per exercise, run beside a learner's code.

A test that knows what a mistake produces can name it: if the learner's optimizer moves exactly
like :func:`.ex03.momentum_ignored`, the hint is about momentum, not "wrong values". An
exercise's imports cell binds its own module as ``mistakes``::

    from gdcourse.learner.mistakes import ex03 as mistakes

so its test cells say ``mistakes.momentum_ignored``, and the models of different exercises
never share a file. Add ``exNN.py`` for a new exercise; nothing else needs to change.

The ``quietly`` decorator runs a model with numpy's warnings off: an overflow or a 0/0 is what
the mistake produces, not something to warn the learner about.
"""

from __future__ import annotations

import functools

import numpy as np


def quietly(func):
    """Run ``func`` with numpy's floating-point warnings off."""
    @functools.wraps(func)
    def run(*args, **kwargs):
        with np.errstate(all="ignore"):
            return func(*args, **kwargs)
    return run
