"""Cross-check gdlib.optim against torch.optim (skipped when torch is not installed).

Each optimizer and option combination runs 20 steps from the same params with the same random
gradients (the learning rate changes halfway, as a schedule would change it); the params must
agree to rtol 1e-10 in float64, and to float32 round-off (rtol 1e-5) in float32.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import optim

torch = pytest.importorskip("torch")

N_STEPS = 20
TOLERANCES = {"float64": (1e-10, 1e-13), "float32": (1e-5, 1e-6)}  # (rtol, atol)

# (gdlib class, torch class, shared keyword arguments)
CASES = {
    "sgd": (optim.SGD, "SGD", {"lr": 0.1}),
    "sgd_momentum": (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.9}),
    "sgd_nesterov": (optim.SGD, "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    "sgd_weight_decay": (optim.SGD, "SGD", {"lr": 0.1, "weight_decay": 0.01}),
    "sgd_all": (
        optim.SGD,
        "SGD",
        {"lr": 0.05, "momentum": 0.5, "nesterov": True, "weight_decay": 0.1},
    ),
    "adagrad": (optim.AdaGrad, "Adagrad", {"lr": 0.1}),
    "adagrad_eps": (optim.AdaGrad, "Adagrad", {"lr": 0.5, "eps": 1e-3}),
    "rmsprop": (optim.RMSprop, "RMSprop", {"lr": 0.01}),
    "rmsprop_alpha": (optim.RMSprop, "RMSprop", {"lr": 0.01, "alpha": 0.5, "eps": 1e-4}),
    "rmsprop_momentum": (optim.RMSprop, "RMSprop", {"lr": 0.01, "momentum": 0.9}),
    "adam": (optim.Adam, "Adam", {"lr": 0.01}),
    "adam_betas": (optim.Adam, "Adam", {"lr": 0.01, "betas": (0.5, 0.9), "eps": 1e-6}),
    "adam_weight_decay": (optim.Adam, "Adam", {"lr": 0.01, "weight_decay": 0.1}),
    "adamw": (optim.AdamW, "AdamW", {"lr": 0.01}),
    "adamw_weight_decay": (optim.AdamW, "AdamW", {"lr": 0.01, "weight_decay": 0.5}),
    "adamw_all": (
        optim.AdamW,
        "AdamW",
        {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.1},
    ),
}


@pytest.mark.parametrize("dtype", list(TOLERANCES))
@pytest.mark.parametrize("name", list(CASES))
def test_matches_torch_optim(name, dtype):
    ours_cls, torch_name, kwargs = CASES[name]
    rtol, atol = TOLERANCES[dtype]
    rng = np.random.default_rng(0)
    shapes = [(3, 2), (4,)]
    params = [rng.normal(size=s).astype(dtype) for s in shapes]
    tparams = [torch.tensor(p.copy(), requires_grad=True) for p in params]
    ours = ours_cls(params, **kwargs)
    theirs = getattr(torch.optim, torch_name)(tparams, **kwargs)
    for t in range(N_STEPS):
        if t == N_STEPS // 2:  # a schedule changing η mid-run
            ours.lr = kwargs["lr"] / 3
            for group in theirs.param_groups:
                group["lr"] = kwargs["lr"] / 3
        grads = [rng.normal(size=s).astype(dtype) for s in shapes]
        ours.step(grads)
        for tp, g in zip(tparams, grads, strict=True):
            tp.grad = torch.from_numpy(g.copy())
        theirs.step()
        for i, (p, tp) in enumerate(zip(params, tparams, strict=True)):
            np.testing.assert_allclose(
                p, tp.detach().numpy(), rtol=rtol, atol=atol, err_msg=f"param {i}, step {t + 1}"
            )
