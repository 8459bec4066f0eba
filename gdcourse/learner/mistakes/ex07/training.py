"""Exercise 7, Tasks 8-11: the training loop, the range test, the race and the final network,
with their mistakes."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .pieces import SoftmaxCrossEntropy

# --- the training loop (Task 8) ---------------------------------------------------------------
TRAIN_MISTAKES = ("no_shuffle", "shuffle_once", "misaligned", "drop_last", "val_on_train",
                  "before_epoch", "running_accuracy", "percent")


def evaluate(model, loss, X, y) -> tuple[float, float]:
    """(mean loss, accuracy) of ``model`` on (X, y), from one forward pass."""
    out = model.forward(X)
    return float(loss.forward(out, y)), float(np.mean(out.argmax(axis=1) == y))


def train(model, loss, optimizer, X, y, X_val, y_val, *, epochs, batch_size, rng,
          mistake: str | None = None) -> dict[str, list[float]]:
    """Mini-batch training; after every epoch, loss and accuracy on both sets.

    Each epoch draws ``order = rng.permutation(N)`` and visits ``X[order]`` in batches of
    ``batch_size`` (the last one smaller); each step runs forward, loss, backward and
    ``optimizer.step(model.gradients())``. ``mistake`` is one of :data:`TRAIN_MISTAKES`.
    """
    n = len(X)
    history = {"train_loss": [], "train_accuracy": [], "val_loss": [], "val_accuracy": []}
    once = rng.permutation(n) if mistake == "shuffle_once" else None

    def record():
        tl, ta = evaluate(model, loss, X, y)
        vl, va = evaluate(model, loss, X, y) if mistake == "val_on_train" else \
            evaluate(model, loss, X_val, y_val)
        history["train_loss"].append(tl)
        history["train_accuracy"].append(ta if mistake != "running_accuracy" else running[0])
        history["val_loss"].append(vl)
        history["val_accuracy"].append(va)

    for _ in range(epochs):
        if mistake == "before_epoch":
            running = [np.nan]
            record()
        if mistake == "no_shuffle":
            order_x = order_y = np.arange(n)
        elif mistake == "shuffle_once":
            order_x = order_y = once
        elif mistake == "misaligned":
            order_x, order_y = rng.permutation(n), rng.permutation(n)
        else:
            order_x = order_y = rng.permutation(n)
        last = n - n % batch_size if mistake == "drop_last" else n
        hits = 0
        for start in range(0, last, batch_size):
            xb = X[order_x[start:start + batch_size]]
            yb = y[order_y[start:start + batch_size]]
            out = model.forward(xb)
            loss.forward(out, yb)
            hits += int(np.sum(out.argmax(axis=1) == yb))
            model.backward(loss.backward())
            optimizer.step(model.gradients())
        running = [hits / last if last else np.nan]
        if mistake != "before_epoch":
            record()
    if mistake == "percent":
        for key in ("train_accuracy", "val_accuracy"):
            history[key] = [100 * a for a in history[key]]
    return history


# --- the range test and the learning rate it suggests (Task 9) ---------------------------------
def lr_range_test(train_step: Callable[[float], float], lr_min, lr_max, steps, beta=0.9,
                  explode=4.0):
    """Smith's range test (Chapter 5), as Exercise 5 asks for it: η grows geometrically, one
    training step each; the rates and bias-corrected smoothed losses of every step taken, the
    one that stopped the test (a loss not finite, or above ``explode`` times the lowest
    smoothed loss so far) included."""
    lrs, smoothed, average = np.geomspace(lr_min, lr_max, steps), [], 0.0
    for t, lr in enumerate(lrs, start=1):
        loss = float(train_step(lr))
        average = beta * average + (1 - beta) * loss
        smoothed.append(average / (1 - beta**t))
        if not np.isfinite(loss) or smoothed[-1] > explode * min(smoothed):
            break
    return lrs[:len(smoothed)], np.array(smoothed)


FIND_LR_MISTAKES = ("lr_not_set", "loss_after_step", "same_batch", "no_reshuffle",
                    "suggest_at_min", "argmin_nan")


def find_lr(make_model, make_optimizer, X, y, *, lr_min, lr_max, steps, batch_size, seed,
            mistake: str | None = None):
    """The range test on a fresh network over shuffled mini-batches: ``(lrs, smoothed,
    suggested)``, the suggestion a tenth of the rate at the lowest smoothed loss.

    ``mistake`` is one of :data:`FIND_LR_MISTAKES`.
    """
    model = make_model(np.random.default_rng(seed))
    optimizer = make_optimizer(model.parameters())
    loss, rng = SoftmaxCrossEntropy(), np.random.default_rng(seed + 1)
    state = {"batches": [], "order": None}

    def next_batch():
        if mistake == "same_batch":
            if state["order"] is None:
                state["order"] = rng.permutation(len(X))
            return state["order"][:batch_size]
        if not state["batches"]:
            if mistake != "no_reshuffle" or state["order"] is None:
                state["order"] = rng.permutation(len(X))
            order = state["order"]
            state["batches"] = [order[i:i + batch_size] for i in range(0, len(X), batch_size)]
        return state["batches"].pop(0)

    def train_step(lr):
        batch = next_batch()
        with np.errstate(all="ignore"):
            value = loss.forward(model.forward(X[batch]), y[batch])
            model.backward(loss.backward())
            if mistake != "lr_not_set":
                optimizer.lr = lr
            optimizer.step(model.gradients())
            if mistake == "loss_after_step":
                value = loss.forward(model.forward(X[batch]), y[batch])
        return value

    with np.errstate(invalid="ignore"):
        lrs, smoothed = lr_range_test(train_step, lr_min, lr_max, steps)
    best = (np.argmin if mistake == "argmin_nan" else np.nanargmin)(smoothed)
    return lrs, smoothed, float(lrs[best] / (1 if mistake == "suggest_at_min" else 10))


# --- the race and the final network (Tasks 10 and 11) -----------------------------------------
RACE_MISTAKES = ("one_model", "shared_init_rng", "shared_shuffle_rng")


def winner(histories: Mapping[str, Mapping], rule: str = "validation") -> str:
    """The name with the highest final validation accuracy, ties to the lower validation loss.

    Other ``rule`` values are the usual wrong choices: ``"train_accuracy"``, ``"train_loss"``
    (lowest final training loss), ``"best_epoch"`` (highest validation accuracy at any epoch),
    and ``"first_of_ties"`` (highest final validation accuracy, ties to the first listed).
    """
    def last(name, key):
        return float(histories[name][key][-1])

    keys = {
        "validation": lambda n: (-last(n, "val_accuracy"), last(n, "val_loss")),
        "train_accuracy": lambda n: (-last(n, "train_accuracy"), last(n, "train_loss")),
        "train_loss": lambda n: last(n, "train_loss"),
        "best_epoch": lambda n: -max(histories[n]["val_accuracy"]),
        "first_of_ties": lambda n: -last(n, "val_accuracy"),
    }
    return min(histories, key=keys[rule])


def race(make_model, optimizers, X_train, y_train, X_val, y_val, *, epochs, batch_size, seed,
         mistake: str | None = None, train=train):
    """One fresh network per optimizer, all on the same budget; the histories and the winner.

    For every ``name, make_opt`` of ``optimizers``: ``model = make_model(default_rng(seed))``,
    ``history = train(model, SoftmaxCrossEntropy(), make_opt(model.parameters()), ...,
    rng=default_rng(seed + 1))``. ``mistake`` is one of :data:`RACE_MISTAKES`.
    """
    init_rng, shuffle_rng = np.random.default_rng(seed), np.random.default_rng(seed + 1)
    shared = make_model(np.random.default_rng(seed)) if mistake == "one_model" else None
    histories = {}
    for name, make_opt in optimizers.items():
        if shared is not None:
            model = shared
        else:
            model = make_model(init_rng if mistake == "shared_init_rng"
                               else np.random.default_rng(seed))
        rng = shuffle_rng if mistake == "shared_shuffle_rng" else np.random.default_rng(seed + 1)
        histories[name] = train(model, SoftmaxCrossEntropy(), make_opt(model.parameters()),
                                X_train, y_train, X_val, y_val, epochs=epochs,
                                batch_size=batch_size, rng=rng)
    return histories, winner(histories)


def digits_split(seed: int = 2024):
    """Chapter 7's split of the digits (60/20/20), standardised with training statistics.

    Returns ``X_train, y_train, X_val, y_val, X_test, y_test``.
    """
    from gdlib import data

    rng = np.random.default_rng(seed)
    X, y = data.load_digits()
    X_rest, X_test, y_rest, y_test = data.train_test_split(X, y, test_fraction=0.2, rng=rng)
    X_train, X_val, y_train, y_val = data.train_test_split(X_rest, y_rest, test_fraction=0.25,
                                                           rng=rng)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    return ((X_train - mean) / std, y_train, (X_val - mean) / std, y_val,
            (X_test - mean) / std, y_test)
