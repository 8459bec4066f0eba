"""A float32 model end to end: forward, losses, backward, every optimizer, clipping, fit.

Nothing along the way may hold a float64 array (the walk visits every attribute of the
model, its layers, the optimizers and their state, and every result), and the float32
numbers must agree with the same run in float64 to float32 accuracy: rtol 1e-3 after nine
training steps, since every step carries the round-off of the last into the next (float32's
unit round-off is 6e-8; the largest deviation measured is 2e-4, with RMSprop).
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlib import clip, data, losses, nn, optim, schedules, train

OPTIMIZERS = {
    "SGD": lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3),
    "AdaGrad": lambda p: optim.AdaGrad(p, lr=0.05),
    "RMSprop": lambda p: optim.RMSprop(p, lr=0.01, momentum=0.5),
    "Adam": lambda p: optim.Adam(p, lr=0.01, weight_decay=1e-3),
    "AdamW": lambda p: optim.AdamW(p, lr=0.01),
}


def float64_arrays(obj, path="", seen=None):
    """Paths of every float64 ndarray reachable from ``obj`` through attributes and containers."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return []
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        return [path] if obj.dtype == np.float64 else []
    if isinstance(obj, np.float64):
        return [path]
    if isinstance(obj, dict):
        items = obj.items()
    elif isinstance(obj, list | tuple):
        items = enumerate(obj)
    elif hasattr(obj, "__dict__") and type(obj).__module__.startswith(("gdlib", "tests")):
        items = vars(obj).items()
    else:
        return []
    return [p for key, value in items for p in float64_arrays(value, f"{path}.{key}", seen)]


def test_the_walk_finds_a_float64_array_where_there_is_one():
    model = nn.Sequential(nn.Linear(2, 2, rng=np.random.default_rng(0), dtype=np.float32))
    assert float64_arrays(model) == []
    model.layers[0].b = np.zeros(2)
    assert float64_arrays(model) == [".layers.0.b"]
    assert float64_arrays({"state": [np.float64(1.0)]}) == [".state.0"]


def network(dtype):
    rng = np.random.default_rng(0)
    return nn.Sequential(
        nn.Linear(2, 16, rng=rng, dtype=dtype), nn.ReLU(), nn.BatchNorm1d(16, dtype=dtype),
        nn.Residual(nn.Sequential(nn.Linear(16, 16, rng=rng, dtype=dtype), nn.Tanh())),
        nn.Linear(16, 8, rng=rng, dtype=dtype), nn.Sigmoid(), nn.Linear(8, 3, rng=rng, dtype=dtype),
    )  # fmt: skip


def run(dtype, make_optimizer):
    """Every step of training by hand, then fit; returns (objects to walk, results to compare)."""
    X, y = data.spirals(90, np.random.default_rng(1), classes=3)  # float64 data
    model = network(dtype)
    opt = make_optimizer(model.parameters())
    results = []
    for k in range(3):
        logits = model(X[30 * k : 30 * (k + 1)])
        grad = losses.cross_entropy_grad(logits, y[30 * k : 30 * (k + 1)])
        dx = model.backward(grad)
        norm = clip.clip_grad_norm(model.gradients(), 1.0)
        clip.clip_grad_value(model.gradients(), 0.05)
        opt.step(model.gradients())
        results += [logits, grad, dx, np.array(norm, dtype=dtype)]
    out = model(X[:4])
    for loss, loss_grad, target in [
        (losses.mse, losses.mse_grad, np.ones((4, 3))),
        (losses.huber, losses.huber_grad, np.ones((4, 3))),
        (losses.binary_cross_entropy, losses.binary_cross_entropy_grad, np.eye(4, 3)),
    ]:
        results += [np.array(loss(out, target), dtype=dtype), loss_grad(out, target)]
    history = train.fit(
        model, "cross_entropy", X, y, opt, epochs=2, batch_size=30, rng=np.random.default_rng(2),
        X_val=X, y_val=y, clip_norm=5.0, schedule=schedules.CosineAnnealing(0.01, 6),
        callback=lambda epoch, h: results.append(h.loss),
    )  # fmt: skip
    results += [train.predict(model, X), *vars(history).values(), *model.parameters()]
    return (model, opt, history, results), results


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_float32_end_to_end_holds_no_float64_and_agrees_with_float64(name):
    walked, results32 = run(np.float32, OPTIMIZERS[name])
    assert float64_arrays(walked) == []
    _, results64 = run(np.float64, OPTIMIZERS[name])
    for i, (a, b) in enumerate(zip(results32, results64, strict=True)):
        assert a.dtype == np.float32 and b.dtype == np.float64, i
        np.testing.assert_allclose(a, b, rtol=1e-3, atol=1e-6, err_msg=f"result {i}")
