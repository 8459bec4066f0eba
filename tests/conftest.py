"""Shared pytest set-up: figures off-screen, and the unit tests' one gradient comparison."""

import matplotlib
import numpy as np

from gdlib.gradcheck import relative_error

matplotlib.use("Agg")

GRAD_RTOL = 1e-6  # the course's one gradient-check threshold: max relative error ≤ 1e-6


def assert_gradient_matches(analytic, numerical, *, floor: float = 1e-8) -> None:
    """Analytic gradient against central differences, by ``gdlib.gradcheck.relative_error``.

    The max entrywise relative error must be at most ``GRAD_RTOL``. Entries whose numerical
    gradient is below ``floor`` in size (a true gradient of 0, or one that round-off in the
    difference quotient swamps) carry no relative information; as the gradcheck docstring
    advises, they are compared absolutely instead: they must agree to within ``floor``.
    """
    analytic, numerical = np.asarray(analytic, dtype=float), np.asarray(numerical, dtype=float)
    assert analytic.shape == numerical.shape, (analytic.shape, numerical.shape)
    small = np.abs(numerical) < floor
    worst_small = float(np.max(np.abs(analytic - numerical)[small], initial=0.0))
    assert worst_small < floor, f"an entry that should be ~0 is off by {worst_small:.2e}"
    err = relative_error(analytic[~small], numerical[~small])
    assert err <= GRAD_RTOL, f"max relative error {err:.2e} > {GRAD_RTOL}"
