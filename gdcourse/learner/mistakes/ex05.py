"""Models of Exercise 5's common mistakes (choosing the learning rate), run beside a learner's code.

- :func:`range_test` is Smith's learning-rate range test with the conventions of Task 4, and
  with ``mistake=`` one of :data:`RANGE_TEST_MISTAKES` it makes that mistake instead;
- :data:`DIAGNOSE_MISTAKES` maps a mistake id to a loss-curve classifier (Task 3) that makes it.
"""

from __future__ import annotations

import math

import numpy as np

# -- Task 3: reading a loss curve --------------------------------------------------------


def _diagnose(losses, rise_fraction=0.25, settle=0.9, *, nan_ok=True, rises_ge=True,
              rises_of_len=False, window=None, tail_from_end=False, order=("saw", "tail"),
              diverged_ge=False):
    J = [float(v) for v in losses]
    T = len(J) - 1
    finite = all(math.isfinite(v) for v in J)
    if (not finite and nan_ok) or (J[-1] >= J[0] if diverged_ge else J[-1] > J[0]):
        return "diverged"
    rises = sum(1 for a, b in zip(J, J[1:], strict=False) if b > a)
    steps = len(J) if rises_of_len else T
    saw = rises >= rise_fraction * steps if rises_ge else rises > rise_fraction * steps
    w = window(T) if window else max(1, math.ceil(T / 4))
    start = J[-w] if tail_from_end else J[T - w]
    tail = J[-1] < settle * start
    for rule in order:
        if rule == "saw" and saw:
            return "saw-tooth"
        if rule == "tail" and tail:
            return "still falling"
    return "settled"


DIAGNOSE_MISTAKES = {
    "nan_compared": lambda *a, **k: _diagnose(*a, nan_ok=False, **k),
    "rises_strict": lambda *a, **k: _diagnose(*a, rises_ge=False, **k),
    "rises_over_len": lambda *a, **k: _diagnose(*a, rises_of_len=True, **k),
    "window_floor": lambda *a, **k: _diagnose(*a, window=lambda T: max(1, T // 4), **k),
    "window_no_floor": lambda *a, **k: _diagnose(*a, window=lambda T: T // 4, **k),
    "window_off_by_one": lambda *a, **k: _diagnose(*a, tail_from_end=True, **k),
    "rules_swapped": lambda *a, **k: _diagnose(*a, order=("tail", "saw"), **k),
    "diverged_at_equal": lambda *a, **k: _diagnose(*a, diverged_ge=True, **k),
}


# -- Task 4: the learning-rate range test -------------------------------------------------
RANGE_TEST_MISTAKES = ("linear_sweep", "factor_off_by_one", "no_bias_correction",
                       "average_starts_at_first_loss", "stop_on_raw_loss", "stop_against_first",
                       "nan_not_caught", "stop_before_recording", "never_stops",
                       "beta_swapped")


def range_test(train_step, lr_min, lr_max, steps, beta=0.9, explode=4.0, mistake=None):
    """The range test of Task 4 (``mistake=None``), or with one named mistake.

    Returns ``(lrs, smoothed)``, two float arrays of the same length.
    """
    if mistake == "linear_sweep":
        lrs = np.linspace(lr_min, lr_max, steps)
    elif mistake == "factor_off_by_one":
        lrs = lr_min * (lr_max / lr_min) ** (np.arange(steps) / steps)
    else:
        lrs = lr_min * (lr_max / lr_min) ** (np.arange(steps) / (steps - 1))
    avg, tried, smoothed, raw = 0.0, [], [], []
    for t, lr in enumerate(lrs, start=1):
        loss = float(train_step(float(lr)))
        if mistake == "beta_swapped":
            avg = (1 - beta) * avg + beta * loss
        elif mistake == "average_starts_at_first_loss" and t == 1:
            avg = loss
        else:
            avg = beta * avg + (1 - beta) * loss
        corrected = mistake in ("no_bias_correction", "average_starts_at_first_loss")
        s = avg if corrected else avg / (1 - beta**t)
        raw.append(loss)
        if mistake == "stop_on_raw_loss":
            stop = not math.isfinite(loss) or loss > explode * min(raw)
        elif mistake == "stop_against_first":
            stop = not math.isfinite(loss) or s > explode * (smoothed[0] if smoothed else s)
        elif mistake == "nan_not_caught":
            stop = s > explode * min([s, *smoothed])
        elif mistake == "never_stops":
            stop = False
        else:
            stop = not math.isfinite(loss) or s > explode * min([s, *smoothed])
        if stop and mistake == "stop_before_recording":
            break
        tried.append(float(lr))
        smoothed.append(s)
        if stop:
            break
    return np.array(tried), np.array(smoothed)


class QuadraticRun:
    """A training run that a range test drives: ``run(lr)`` takes one step, returns the loss.

    Gradient descent on J(θ) = ½ Σ_i λ_i θ_i² from θ_0 (the loss is that *before* the step),
    plus a small deterministic wobble per step like mini-batch noise. ``calls`` counts the steps.
    """

    def __init__(self, curvatures, theta0, wobble=0.02, seed=0):
        self.lam = np.asarray(curvatures, dtype=float)
        self.theta = np.asarray(theta0, dtype=float).copy()
        self.noise = np.random.default_rng(seed).uniform(-wobble, wobble, size=10_000)
        self.calls = 0

    def __call__(self, lr):
        loss = float(0.5 * np.sum(self.lam * self.theta**2)) * (1 + self.noise[self.calls])
        self.calls += 1
        with np.errstate(over="ignore", invalid="ignore"):
            self.theta = self.theta - lr * self.lam * self.theta
        return loss


# -- Task 5: the noise floor of SGD --------------------------------------------------------
def noise_floor_mistakes(lr, curvature, noise_var) -> dict[str, float]:
    """What the usual slips of the derivation return, by mistake id (for 0 < ηλ < 2).

    A slip whose value equals the right floor for these arguments is left out.
    """
    a, v = lr * curvature, noise_var
    right = lr * v / (2 * (2 - a))
    slips = {
        "small_step": lr * v / 4,  # 1 - (1 - ηλ)² taken as 2ηλ
        "variance": lr * v / (curvature * (2 - a)),  # E[θ²] instead of E[J]
        "missing_half": lr * v / (2 - a),  # J = λθ² instead of ½λθ²
        "noise_not_scaled": v / (2 * lr * (2 - a)),  # σ² added to E[θ²] instead of η²σ²
        "variance_squared": lr * v**2 / (2 * (2 - a)),  # σ² squared again
        "factor_not_squared": lr * v / 2,  # (1 - ηλ) E[θ²] instead of (1 - ηλ)² E[θ²]
    }
    return {k: w for k, w in slips.items() if not math.isclose(w, right, rel_tol=1e-3)}
