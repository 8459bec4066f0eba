"""Shared pytest set-up: figures off-screen, and the unit tests' one gradient comparison."""

import matplotlib
import numpy as np
from hypothesis import settings

from gdlib.gradcheck import relative_error

matplotlib.use("Agg")

# The same examples on every run: a property test that fails in CI fails on a laptop too.
settings.register_profile("course", derandomize=True, print_blob=True)
settings.load_profile("course")

GRAD_RTOL = 1e-6  # the course's one gradient-check threshold: max relative error ≤ 1e-6


def assert_gradient_matches(analytic, numerical, *, scale: float = 1.0) -> None:
    """Analytic gradient against central differences, by ``gdlib.gradcheck.relative_error``.

    The max entrywise relative error must be at most ``GRAD_RTOL``. Round-off in the two loss
    values of a central difference (step ε = 1e-6) is about 1e-16·|J|/ε = 1e-10·|J|, so an
    entry much below 1e-4·|J| cannot be resolved to that relative accuracy: entries below
    ``floor = 1e-3 * (1 + scale)``, where ``scale`` is the size of J's terms, are instead
    held to ``GRAD_RTOL * floor`` absolutely (the advice of the gradcheck docstring).
    """
    analytic, numerical = np.asarray(analytic, dtype=float), np.asarray(numerical, dtype=float)
    assert analytic.shape == numerical.shape, (analytic.shape, numerical.shape)
    floor = 1e-3 * (1.0 + scale)
    small = np.abs(numerical) < floor
    worst_small = float(np.max(np.abs(analytic - numerical)[small], initial=0.0))
    assert worst_small <= GRAD_RTOL * floor, f"a ~0 entry is off by {worst_small:.2e}"
    err = relative_error(analytic[~small], numerical[~small])
    assert err <= GRAD_RTOL, f"max relative error {err:.2e} > {GRAD_RTOL}"
