"""Training speed: gdlib against PyTorch (CPU) on the capstone MLP.

The workload is the capstone's: sklearn's 8×8 digits (pixels / 16, a stratified 80/20
split with a fixed seed), an MLP 64 → 128 → ReLU → 64 → ReLU → 10 trained with softmax
cross-entropy (mean over the batch) and Adam (lr 1e-3, betas (0.9, 0.999), eps 1e-8, no
weight decay), reshuffled every epoch. Both frameworks start from the same He-initialised
weights, built in the dtype being timed (``nn.Linear(..., dtype=np.float32)``).

gdlib is timed twice: through ``gdlib.train.fit`` (what the chapters call: it also records
the loss, learning rate and per-layer gradient norms and checks for divergence at every
step) and through a bare loop (forward, loss gradient, backward, ``Adam.step``) that does
exactly what the torch loop does. Both skip the first layer's dJ/dX (``fit`` on its own, the
loop by ``model.needs_input_grad = False``), as torch does for an input without
``requires_grad``. The torch loop indexes the in-memory tensors with a fresh permutation
(no DataLoader, which would only slow torch down).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import gdlib
from gdlib import losses, nn, optim

from .env import thread_label, threads, try_import_torch

SIZES = (64, 128, 64, 10)
LR = 1e-3


@dataclass
class Digits:
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray

    def astype(self, dtype) -> Digits:
        return Digits(
            self.X_train.astype(dtype), self.y_train, self.X_test.astype(dtype), self.y_test
        )


def load_digits(seed: int = 0) -> Digits:
    from sklearn.datasets import load_digits as sk_digits
    from sklearn.model_selection import train_test_split

    X, y = sk_digits(return_X_y=True)
    X_tr, X_te, y_tr, y_te = train_test_split(
        X / 16.0, y, test_size=0.2, stratify=y, random_state=seed
    )
    return Digits(X_tr, y_tr.astype(np.int64), X_te, y_te.astype(np.int64))


# ---------------------------------------------------------------- models


def initial_weights(seed: int) -> list[np.ndarray]:
    """He-initialised [W1, b1, W2, b2, W3, b3] (float64), W of shape (D, H)."""
    return [p.copy() for p in gdlib_model(seed, np.float64).parameters()]


def gdlib_model(seed: int, dtype) -> nn.Sequential:
    """The capstone MLP in the given dtype (the float64 draws of the initialiser, rounded)."""
    rng = np.random.default_rng(seed)
    a, b, c, d = SIZES
    return nn.Sequential(
        nn.Linear(a, b, rng=rng, dtype=dtype), nn.ReLU(), nn.Linear(b, c, rng=rng, dtype=dtype),
        nn.ReLU(), nn.Linear(c, d, rng=rng, dtype=dtype),
    )  # fmt: skip


def torch_model(weights: list[np.ndarray], dtype):
    torch = try_import_torch()
    a, b, c, d = SIZES
    model = torch.nn.Sequential(
        torch.nn.Linear(a, b), torch.nn.ReLU(), torch.nn.Linear(b, c), torch.nn.ReLU(),
        torch.nn.Linear(c, d),
    )  # fmt: skip
    tdtype = torch.float32 if np.dtype(dtype) == np.float32 else torch.float64
    model = model.to(tdtype)
    with torch.no_grad():
        linears = [m for m in model if isinstance(m, torch.nn.Linear)]
        for layer, W, bias in zip(linears, weights[::2], weights[1::2], strict=True):
            layer.weight.copy_(torch.from_numpy(W.T.copy()))  # torch stores W as (H, D)
            layer.bias.copy_(torch.from_numpy(bias))
    return model, tdtype


# ---------------------------------------------------------------- one training run each


def train_gdlib_fit(data: Digits, dtype, batch: int, epochs: int, seed: int):
    model = gdlib_model(seed, dtype)
    opt = optim.Adam(model.parameters(), lr=LR)
    rng = np.random.default_rng(seed + 1)
    t0 = time.perf_counter()
    gdlib.train.fit(
        model, "cross_entropy", data.X_train, data.y_train, opt, epochs=epochs,
        batch_size=batch, rng=rng,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    return seconds, gdlib.train.accuracy(model, data.X_test, data.y_test)


def train_gdlib_loop(data: Digits, dtype, batch: int, epochs: int, seed: int):
    model = gdlib_model(seed, dtype)
    model.needs_input_grad = False  # the data need no gradient
    opt = optim.Adam(model.parameters(), lr=LR)
    grads = model.gradients()
    rng = np.random.default_rng(seed + 1)
    X, y, n = data.X_train, data.y_train, len(data.X_train)
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            out = model.forward(X[idx])
            model.backward(losses.cross_entropy_grad(out, y[idx]))
            opt.step(grads)
    seconds = time.perf_counter() - t0
    return seconds, gdlib.train.accuracy(model, data.X_test, data.y_test)


def train_torch(data: Digits, dtype, batch: int, epochs: int, seed: int):
    torch = try_import_torch()
    torch.manual_seed(seed)
    model, tdtype = torch_model(initial_weights(seed), dtype)

    opt = torch.optim.Adam(model.parameters(), lr=LR)
    X = torch.from_numpy(data.X_train).to(tdtype)
    y = torch.from_numpy(data.y_train)
    n = len(X)
    loss_fn = torch.nn.functional.cross_entropy
    t0 = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n)
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(model(X[idx]), y[idx]).backward()
            opt.step()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        pred = model(torch.from_numpy(data.X_test).to(tdtype)).argmax(dim=1).numpy()
    return seconds, float(np.mean(pred == data.y_test))


TRAINERS: dict[str, Callable] = {
    "gdlib fit": train_gdlib_fit,
    "gdlib loop": train_gdlib_loop,
    "torch": train_torch,
}


def training_speed(
    batches=(64, 256, 1024),
    dtypes=("float32", "float64"),
    thread_settings=(None, 1),
    epochs: int = 20,
    repeats: int = 5,
) -> list[dict]:
    """Median seconds per epoch and final test accuracy of every trainer, side by side.

    For each thread setting (None: the libraries' defaults, as a user runs them), dtype and
    batch size, the trainers take turns inside each repeat (round robin), so a slow spell of
    the machine hits all of them alike. One untimed warm-up run each comes first.
    """
    data64 = load_digits()
    names = [k for k in TRAINERS if k != "torch" or try_import_torch() is not None]
    rows = []
    for n_threads in thread_settings:
        with threads(n_threads):
            for dtype in dtypes:
                data = data64.astype(dtype)
                for batch in batches:
                    rows += _race(names, data, dtype, batch, epochs, repeats, n_threads)
    return rows


def _race(names, data, dtype, batch, epochs, repeats, n_threads) -> list[dict]:
    times = {k: [] for k in names}
    accs = {k: [] for k in names}
    for k in names:
        TRAINERS[k](data, dtype, batch, 1, 0)  # warm-up
    for r in range(repeats):
        for k in names:
            seconds, acc = TRAINERS[k](data, dtype, batch, epochs, r)
            times[k].append(seconds / epochs)
            accs[k].append(acc)
    return [
        dict(
            threads=thread_label(n_threads), dtype=dtype, batch=batch, trainer=k, epochs=epochs,
            steps_per_epoch=-(-len(data.X_train) // batch),
            epoch_s=float(np.median(times[k])), accuracy=float(np.median(accs[k])),
        )  # fmt: skip
        for k in names
    ]


# ---------------------------------------------------------------- overhead outside matmuls


def step_overhead(
    batch: int = 256, dtypes=("float64", "float32"), steps: int = 200, repeats: int = 7
):
    """Seconds per training step (bare loop and ``fit``) against its matmuls alone.

    The floor is the 8 matrix products one step of this MLP needs: 3 forward (x W), 3 for
    dJ/dW = xᵀ g and 2 for dJ/dx = g Wᵀ (the first layer's dJ/dx is not needed, and both the
    bare loop, through ``needs_input_grad = False``, and ``fit`` skip it).
    """
    rows = []
    rng = np.random.default_rng(0)
    n = batch * 8
    X64 = rng.standard_normal((n, SIZES[0]))
    y = rng.integers(0, SIZES[-1], n)
    for dtype in dtypes:
        X = X64.astype(dtype)
        model = gdlib_model(0, dtype)
        model.needs_input_grad = False
        opt = optim.Adam(model.parameters(), lr=LR)
        grads = model.gradients()
        batches = [(X[i : i + batch], y[i : i + batch]) for i in range(0, n, batch)]

        def bare_steps(model=model, opt=opt, grads=grads, batches=batches):
            for s in range(steps):
                xb, yb = batches[s % len(batches)]
                out = model.forward(xb)
                model.backward(losses.cross_entropy_grad(out, yb))
                opt.step(grads)

        fit_model = gdlib_model(0, dtype)
        fit_opt = optim.Adam(fit_model.parameters(), lr=LR)
        fit_rng = np.random.default_rng(1)
        fit_steps = -(-len(X) // batch)
        reps = max(1, steps // fit_steps)

        def fit_run(m=fit_model, o=fit_opt, r=fit_rng, X=X, reps=reps):
            gdlib.train.fit(
                m, "cross_entropy", X, y, o, epochs=reps, batch_size=batch, rng=r
            )  # fmt: skip

        Ws = [p for p in model.parameters() if p.ndim == 2]
        acts = [X[:batch]] + [np.ones((batch, W.shape[1]), dtype=dtype) for W in Ws]

        def matmuls_only(Ws=Ws, acts=acts):
            for _ in range(steps):
                for W, a in zip(Ws, acts, strict=False):  # forward: x W
                    a @ W
                for k, W in enumerate(Ws):  # backward: xᵀ g, and g Wᵀ for layers 2, 3
                    g = acts[k + 1]
                    acts[k].T @ g
                    if k:
                        g @ W.T

        t_bare, t_fit, t_mm = _median_times([bare_steps, fit_run, matmuls_only], repeats)
        t_bare, t_fit, t_mm = t_bare / steps, t_fit / (reps * fit_steps), t_mm / steps
        rows.append(
            dict(
                dtype=dtype, batch=batch, step_s=t_bare, fit_step_s=t_fit, matmul_s=t_mm,
                overhead=1 - t_mm / t_bare, fit_overhead=1 - t_mm / t_fit,
            )
        )  # fmt: skip
    return rows


def _median_times(fns: list[Callable[[], None]], repeats: int) -> list[float]:
    """Median seconds of each function; they take turns in every repeat (after a warm-up)."""
    for fn in fns:
        fn()
    times = [[] for _ in fns]
    for _ in range(repeats):
        for fn, record in zip(fns, times, strict=True):
            t0 = time.perf_counter()
            fn()
            record.append(time.perf_counter() - t0)
    return [float(np.median(t)) for t in times]


# ---------------------------------------------------------------- optimizer step cost

OPTIMIZERS = {
    # name: (gdlib factory, torch factory), same hyperparameters
    "SGD": (lambda p: optim.SGD(p, lr=0.01), lambda t, p: t.optim.SGD(p, lr=0.01)),
    "SGD momentum": (
        lambda p: optim.SGD(p, lr=0.01, momentum=0.9),
        lambda t, p: t.optim.SGD(p, lr=0.01, momentum=0.9),
    ),
    "SGD Nesterov": (
        lambda p: optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True),
        lambda t, p: t.optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True),
    ),
    "AdaGrad": (lambda p: optim.AdaGrad(p, lr=0.01), lambda t, p: t.optim.Adagrad(p, lr=0.01)),
    "RMSprop": (lambda p: optim.RMSprop(p, lr=0.01), lambda t, p: t.optim.RMSprop(p, lr=0.01)),
    "Adam": (lambda p: optim.Adam(p, lr=1e-3), lambda t, p: t.optim.Adam(p, lr=1e-3)),
    "Adam weight decay": (
        lambda p: optim.Adam(p, lr=1e-3, weight_decay=1e-4),
        lambda t, p: t.optim.Adam(p, lr=1e-3, weight_decay=1e-4),
    ),
    "AdamW": (lambda p: optim.AdamW(p, lr=1e-3), lambda t, p: t.optim.AdamW(p, lr=1e-3)),
}


def optimizer_steps(
    size: int = 1_000_000, dtypes=("float64", "float32"), steps: int = 20, repeats: int = 7
):
    """Seconds per ``step`` on ``size`` parameters (one flat array), gdlib against torch.optim."""
    torch = try_import_torch()
    rng = np.random.default_rng(0)
    rows = []
    for dtype in dtypes:
        theta0 = rng.standard_normal(size).astype(dtype)
        grad = (rng.standard_normal(size) * 1e-2).astype(dtype)
        for name, (make_gd, make_torch) in OPTIMIZERS.items():
            theta = theta0.copy()
            opt = make_gd([theta])

            def gd_steps(opt=opt, grad=grad):
                for _ in range(steps):
                    opt.step([grad])

            row = dict(dtype=dtype, optimizer=name)
            if torch is None:
                row["gdlib_s"] = _median_times([gd_steps], repeats)[0] / steps
            else:
                p = torch.nn.Parameter(torch.from_numpy(theta0.copy()))
                p.grad = torch.from_numpy(grad.copy())
                topt = make_torch(torch, [p])

                def torch_steps(topt=topt):
                    with torch.no_grad():
                        for _ in range(steps):
                            topt.step()

                t_gd, t_torch = _median_times([gd_steps, torch_steps], repeats)
                row.update(gdlib_s=t_gd / steps, torch_s=t_torch / steps, ratio=t_gd / t_torch)
            rows.append(row)
    return rows


def profile_step(batch: int = 256, dtype="float32", steps: int = 200, top: int = 8) -> list[dict]:
    """Where one bare training step spends its time: cProfile's top functions by own time."""
    import cProfile
    import pstats

    rng = np.random.default_rng(0)
    X = rng.standard_normal((batch, SIZES[0])).astype(dtype)
    y = rng.integers(0, SIZES[-1], batch)
    model = gdlib_model(0, dtype)
    model.needs_input_grad = False
    opt = optim.Adam(model.parameters(), lr=LR)
    grads = model.gradients()

    def run():
        for _ in range(steps):
            out = model.forward(X)
            model.backward(losses.cross_entropy_grad(out, y))
            opt.step(grads)

    run()
    prof = cProfile.Profile()
    prof.runcall(run)
    stats = pstats.Stats(prof).stats  # {(file, line, name): (cc, nc, tottime, cumtime, callers)}
    total = sum(v[2] for v in stats.values())
    rows = sorted(stats.items(), key=lambda kv: -kv[1][2])[:top]
    return [
        dict(
            where=f"{Path(f).name}:{line}({name})" if f != "~" else name,
            share=v[2] / total,
            per_step_us=1e6 * v[2] / steps,
        )
        for (f, line, name), v in rows
    ]
