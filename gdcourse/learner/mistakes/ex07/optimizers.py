"""Exercise 7, Tasks 6 and 7: SGD with momentum and Adam, with their mistakes."""

from __future__ import annotations

import numpy as np


# --- the optimizers (Tasks 6 and 7) -----------------------------------------------------------
class SGD:
    """torch.optim.SGD's momentum (dampening 0): v_t = μ v_{t-1} + g_t, θ_t = θ_{t-1} - η v_t."""

    def __init__(self, params, lr, momentum=0.0):
        self.params, self.lr, self.momentum = list(params), lr, momentum
        self.velocity = [np.zeros_like(p) for p in self.params]

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v + g
            p -= self.lr * v


class SGDWithoutMomentum(SGD):
    """Steps along g_t: momentum ignored, or a velocity that is not kept between steps."""

    def step(self, grads):
        for p, g in zip(self.params, grads, strict=True):
            p -= self.lr * g


class SGDDampened(SGD):
    """v_t = μ v_{t-1} + (1 - μ) g_t: an average of the gradients, not torch's sum."""

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v + (1 - self.momentum) * g
            p -= self.lr * v


class SGDVelocityForm(SGD):
    """v_t = μ v_{t-1} - η_t g_t, θ_t = θ_{t-1} + v_t: torch's steps while η is constant, not
    after η changes (the old steps keep their old η inside v)."""

    def step(self, grads):
        for p, g, v in zip(self.params, grads, self.velocity, strict=True):
            v[...] = self.momentum * v - self.lr * g
            p += v


class Adam:
    """torch.optim.Adam without weight decay. The hooks ``_square``, ``_corrected`` and
    ``_denominator`` let a mistake model change one term of the update."""

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8):
        self.params, self.lr, self.betas, self.eps = list(params), lr, betas, eps
        self.m = [np.zeros_like(p) for p in self.params]
        self.s = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def step(self, grads):
        self.t += 1
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self._update(p, g, m, s, self.t)

    def _update(self, p, g, m, s, t):
        b1, b2 = self.betas
        m[...] = b1 * m + (1 - b1) * g
        s[...] = b2 * s + (1 - b2) * self._square(g)
        with np.errstate(divide="ignore", invalid="ignore"):
            m_hat, s_hat = self._corrected(m, s, t)
            p -= self.lr * m_hat / self._denominator(s_hat)

    def _square(self, g):
        return g * g

    def _corrected(self, m, s, t):
        b1, b2 = self.betas
        return m / (1 - b1**t), s / (1 - b2**t)

    def _denominator(self, s_hat):
        return np.sqrt(s_hat) + self.eps


class AdamWithoutBiasCorrection(Adam):
    """Steps with m_t / (√s_t + ε): the division by 1 - β^t forgotten."""

    def _corrected(self, m, s, t):
        return m, s


class AdamFirstMomentOnly(Adam):
    """Corrects m_t but not s_t."""

    def _corrected(self, m, s, t):
        return m / (1 - self.betas[0] ** t), s


class AdamEpsInsideRoot(Adam):
    """θ -= η m̂ / √(ŝ + ε): ε under the square root."""

    def _denominator(self, s_hat):
        return np.sqrt(s_hat + self.eps)


class AdamAverageOfG(Adam):
    """s_t averages g_t instead of g_t²: its square root is NaN where s_t < 0."""

    def _square(self, g):
        return g


class AdamStepAfterUpdate(Adam):
    """Uses t before counting the step: t = 0 at the first step, and 1 - β^0 = 0 divides."""

    def step(self, grads):
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self._update(p, g, m, s, self.t)
        self.t += 1


class AdamStepPerArray(Adam):
    """Counts t once per parameter array (``self.t += 1`` inside the loop over the arrays)."""

    def step(self, grads):
        for p, g, m, s in zip(self.params, grads, self.m, self.s, strict=True):
            self.t += 1
            self._update(p, g, m, s, self.t)


class AdamKingmaPlainEps(Adam):
    """Kingma and Ba's efficient form with ε where ε̂ = ε√(1 - β2^t) belongs."""

    def _corrected(self, m, s, t):
        b1, b2 = self.betas
        return m * np.sqrt(1 - b2**t) / (1 - b1**t), s  # η_t m_t / (√s_t + ε), with η_t / η
