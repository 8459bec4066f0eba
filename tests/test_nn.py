"""Tests for gdlib.nn: every backward pass against central differences, plus bad input."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib import nn
from gdlib.gradcheck import numerical_gradient
from gdlib.losses import cross_entropy, cross_entropy_grad
from tests.conftest import assert_gradient_matches


def check_module(module, x, rng):
    """Check dJ/dx and every dJ/dθ of J = Σ y ⊙ R (so dJ/dy = R) by central differences."""
    R = rng.standard_normal(module.forward(x).shape)

    def J(_=None):
        return float(np.sum(module.forward(x) * R))

    module.forward(x)
    dx = module.backward(R)
    analytic = [g.copy() for g in module.gradients()]
    scale = float(np.sum(np.abs(module.forward(x) * R)))  # size of J's terms
    assert_gradient_matches(dx, numerical_gradient(J, x), scale=scale)
    for p, g in zip(module.parameters(), analytic, strict=True):
        assert_gradient_matches(g, numerical_gradient(J, p), scale=scale)


def away_from_zero(x):
    return x + 0.1 * np.sign(x)  # keeps ReLU kinks out of reach of ±ε


def make_bn_eval(rng):
    bn = nn.BatchNorm1d(4)
    bn.gamma[...] = rng.uniform(0.5, 2.0, 4)
    bn.beta[...] = rng.standard_normal(4)
    bn.running_mean[...] = rng.standard_normal(4)
    bn.running_var[...] = rng.uniform(0.5, 2.0, 4)
    return bn.eval()


def make_bn_train(rng):
    return make_bn_eval(rng).train()


LAYERS = {
    "Linear": lambda rng: nn.Linear(4, 3, rng=rng),
    "ReLU": lambda rng: nn.ReLU(),
    "Sigmoid": lambda rng: nn.Sigmoid(),
    "Tanh": lambda rng: nn.Tanh(),
    "BatchNorm1d-train": make_bn_train,
    "BatchNorm1d-eval": make_bn_eval,
    "Residual": lambda rng: nn.Residual(nn.Sequential(nn.Linear(4, 4, rng=rng), nn.Tanh())),
    "Sequential-BN": lambda rng: nn.Sequential(
        nn.Linear(4, 5, rng=rng), nn.BatchNorm1d(5), nn.ReLU()
    ),
}


@pytest.mark.parametrize("name", LAYERS)
def test_layer_gradients_match_central_differences(name):
    rng = np.random.default_rng(0)
    module = LAYERS[name](rng)
    check_module(module, away_from_zero(rng.standard_normal((6, 4))), rng)


def test_whole_network_with_cross_entropy():
    rng = np.random.default_rng(1)
    net = nn.Sequential(
        nn.Linear(3, 5, rng=rng), nn.Tanh(), nn.Linear(5, 4, rng=rng), nn.ReLU(),
        nn.Linear(4, 3, rng=rng),
    )  # fmt: skip
    X = rng.standard_normal((7, 3))
    y = rng.integers(0, 3, 7)

    def J(_=None):
        return cross_entropy(net.forward(X), y)

    dx = net.backward(cross_entropy_grad(net.forward(X), y))
    analytic = [g.copy() for g in net.gradients()]
    assert len(analytic) == 6
    scale = J()
    assert_gradient_matches(dx, numerical_gradient(J, X), scale=scale)
    for p, g in zip(net.parameters(), analytic, strict=True):
        assert_gradient_matches(g, numerical_gradient(J, p), scale=scale)


@given(
    n=st.integers(1, 6),
    d=st.integers(1, 5),
    h=st.integers(1, 5),
    act=st.sampled_from([nn.Tanh, nn.Sigmoid, nn.ReLU]),
    seed=st.integers(0, 2**32 - 1),
)
@settings(max_examples=30, deadline=None)
def test_random_shapes(n, d, h, act, seed):
    rng = np.random.default_rng(seed)
    net = nn.Sequential(nn.Linear(d, h, rng=rng), act(), nn.Linear(h, 2, rng=rng))
    x = rng.standard_normal((n, d))
    assert net(x).shape == (n, 2)
    check_module(net, x, rng)


def test_linear_forward_and_init():
    rng = np.random.default_rng(0)
    lin = nn.Linear(200, 300, rng=rng)
    assert lin.W.shape == (200, 300) and lin.b.shape == (300,)
    np.testing.assert_array_equal(lin.b, 0.0)
    assert lin.W.std() == pytest.approx(np.sqrt(2 / 200), rel=0.02)  # He: std √(2/D)
    x = rng.standard_normal((2, 200))
    np.testing.assert_allclose(lin(x), x @ lin.W + lin.b)
    lin = nn.Linear(2, 3, init=lambda i, o, r: np.ones((i, o)), rng=rng)
    np.testing.assert_array_equal(lin.W, 1.0)
    assert nn.Linear(2, 3, init="zeros", rng=rng).W.sum() == 0.0


def test_parameters_are_stable_objects_and_gradients_overwrite():
    rng = np.random.default_rng(0)
    net = nn.Sequential(
        nn.Linear(2, 3, rng=rng), nn.ReLU(), nn.BatchNorm1d(3), nn.Linear(3, 1, rng=rng)
    )
    params, grads = net.parameters(), net.gradients()
    assert all(a is b for a, b in zip(params, net.parameters(), strict=True))
    assert all(a is b for a, b in zip(grads, net.gradients(), strict=True))
    assert [p.shape for p in params] == [g.shape for g in grads]
    x = rng.standard_normal((5, 2))
    net.forward(x)
    net.backward(np.ones((5, 1)))
    first = [g.copy() for g in grads]
    net.forward(x)
    net.backward(np.ones((5, 1)))
    for g, g0 in zip(grads, first, strict=True):
        np.testing.assert_allclose(g, g0)  # overwritten, not accumulated
    params[0][...] += 1.0  # an optimizer's in-place update is seen by forward
    assert net.layers[0].W is params[0] and np.all(net.layers[0].W == params[0])


def test_grad_norms_and_modes():
    rng = np.random.default_rng(0)
    inner = nn.Linear(3, 3, rng=rng)
    net = nn.Sequential(nn.Linear(2, 3, rng=rng), nn.Residual(inner), nn.BatchNorm1d(3),
                        nn.Linear(3, 1, rng=rng))  # fmt: skip
    net.forward(rng.standard_normal((4, 2)))
    net.backward(np.ones((4, 1)))
    norms = net.grad_norms()
    assert norms.shape == (3,)
    assert norms[1] == pytest.approx(np.linalg.norm(inner.dW))
    assert len(net) == 4 and net[1].module is inner
    net.eval()
    assert not any(m.training for m in net.modules())
    net.train()
    assert all(m.training for m in net.modules())


def test_batchnorm_statistics_follow_torch():
    rng = np.random.default_rng(0)
    bn = nn.BatchNorm1d(2, momentum=0.1)
    x = rng.standard_normal((8, 2)) * 3 + 1
    y = bn(x)
    np.testing.assert_allclose(y.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(y.std(axis=0), 1.0, rtol=1e-5)  # ε = 1e-5 shrinks it slightly
    np.testing.assert_allclose(bn.running_mean, 0.1 * x.mean(axis=0))
    np.testing.assert_allclose(bn.running_var, 0.9 + 0.1 * x.var(axis=0, ddof=1))
    bn.eval()
    one = x[:1]
    expected = (one - bn.running_mean) / np.sqrt(bn.running_var + 1e-5)
    np.testing.assert_allclose(bn(one), expected)


def test_sigmoid_is_stable():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = nn.Sigmoid()
        y = s(np.array([[-1e4, 0.0, 1e4]]))
        np.testing.assert_allclose(y, [[0.0, 0.5, 1.0]])
        np.testing.assert_allclose(s.backward(np.ones((1, 3))), [[0.0, 0.25, 0.0]])


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda r: nn.Linear(3, 2), TypeError, r"rng=np.random.default_rng\(seed\)"),
        (lambda r: nn.Linear(3, 2, rng=0), TypeError, "got int"),
        (lambda r: nn.Linear(0, 2, rng=r), ValueError, "in_features must be a positive"),
        (lambda r: nn.Linear(3, 2, init="bogus", rng=r), ValueError, "unknown initializer"),
        (lambda r: nn.Linear(3, 2, init=3, rng=r), TypeError, "init must be a name or a callable"),
        (
            lambda r: nn.Linear(3, 2, init=lambda i, o, g: np.ones((o, i)), rng=r),
            ValueError,
            r"init returned shape \(2, 3\), expected \(3, 2\)",
        ),
        (
            lambda r: nn.Linear(3, 2, rng=r)(np.ones((5, 4))),
            ValueError,
            r"Linear expected input of shape \(N, 3\), i.e. with 3 features, got shape \(5, 4\)",
        ),
        (lambda r: nn.Linear(3, 2, rng=r)(np.ones(3)), ValueError, r"got shape \(3,\)"),
        (lambda r: nn.Tanh()(np.ones((2, 2), dtype=int)), TypeError, "Tanh input must be a float"),
        (lambda r: nn.ReLU().backward(np.ones(2)), RuntimeError, "call forward"),
        (lambda r: nn.Linear(3, 2, rng=r).backward(np.ones((1, 2))), RuntimeError, "forward"),
        (lambda r: nn.Sequential(nn.ReLU(), "relu"), TypeError, "layer 1 is a str"),
        (lambda r: nn.Residual(np.tanh), TypeError, "Residual wraps"),
        (
            lambda r: nn.Residual(nn.Linear(3, 2, rng=r))(np.ones((1, 3))),
            ValueError,
            "keeps the shape",
        ),
        (lambda r: nn.BatchNorm1d(2)(np.ones((1, 2))), ValueError, "at least 2 examples"),
        (lambda r: nn.BatchNorm1d(2, momentum=1.5), ValueError, r"momentum must be in \[0, 1\]"),
        (lambda r: nn.BatchNorm1d(2, eps=0.0), ValueError, "eps must be positive"),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call(np.random.default_rng(0))


@pytest.mark.parametrize("name", LAYERS)
def test_backward_checks_grad_shape(name):
    rng = np.random.default_rng(0)
    module = LAYERS[name](rng)
    with pytest.raises(RuntimeError, match="before forward"):
        module.backward(np.ones((6, 4)))
    y = module(rng.standard_normal((6, 4)))
    with pytest.raises(ValueError, match=f"grad_out shape \\(6, 9\\) does not match.*{y.shape}"):
        module.backward(np.ones((6, 9)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_layers_keep_their_dtype(dtype):
    rng = np.random.default_rng(0)
    net = nn.Sequential(
        nn.Linear(3, 4, rng=rng, dtype=dtype), nn.BatchNorm1d(4, dtype=dtype), nn.ReLU(),
        nn.Linear(4, 4, rng=rng, dtype=dtype), nn.Sigmoid(), nn.Residual(nn.Tanh()),
        nn.Linear(4, 2, rng=rng, dtype=dtype),
    )  # fmt: skip
    x = rng.standard_normal((5, 3))  # float64 data: the first layer converts it
    y = net(x)
    dx = net.backward(np.ones_like(y))
    assert y.dtype == dx.dtype == dtype
    assert all(a.dtype == dtype for a in net.parameters() + net.gradients())
    assert net.grad_norms().dtype == dtype


def test_float32_network_is_close_to_float64():
    def run(dtype):
        rng = np.random.default_rng(0)
        net = nn.Sequential(nn.Linear(3, 8, rng=rng, dtype=dtype), nn.Tanh(),
                            nn.Linear(8, 2, rng=rng, dtype=dtype))  # fmt: skip
        x = np.random.default_rng(1).standard_normal((6, 3))
        y = net(x)
        net.backward(np.ones_like(y))
        return [y, *net.gradients()]

    for a, b in zip(run(np.float32), run(np.float64), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_needs_input_grad_false_skips_dx_but_fills_parameter_gradients():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((5, 3))
    nets = [
        nn.Sequential(nn.Linear(3, 4, rng=np.random.default_rng(1)), nn.BatchNorm1d(4),
                      nn.Residual(nn.Linear(4, 4, rng=np.random.default_rng(2))))  # fmt: skip
        for _ in range(2)
    ]
    nets[1].needs_input_grad = False
    assert not nets[1].layers[0].needs_input_grad and nets[0].needs_input_grad
    for net in nets:
        net.backward(np.ones_like(net(x)))
    for g_full, g_skip in zip(nets[0].gradients(), nets[1].gradients(), strict=True):
        np.testing.assert_array_equal(g_full, g_skip)
    assert nets[1].backward(np.ones((5, 4))) is None
    for module in (nn.ReLU(), nn.BatchNorm1d(3), nn.Residual(nn.Tanh())):
        module.needs_input_grad = False
        module(x)
        assert module.backward(np.ones_like(x)) is None


def test_dtype_must_be_a_float_type():
    with pytest.raises(TypeError, match="dtype must be a floating-point type"):
        nn.Linear(2, 2, rng=np.random.default_rng(0), dtype=np.int32)
    with pytest.raises(TypeError, match="dtype must be a floating-point type"):
        nn.BatchNorm1d(2, dtype="banana")
    with pytest.raises(ValueError, match="at least one layer"):
        nn.Sequential()


def test_the_gradient_check_catches_a_slightly_wrong_backward():
    class OffTanh(nn.Tanh):
        def _local_grad(self):
            return (1 + 1e-4) * super()._local_grad()  # 0.01% too large

    class OffLinear(nn.Linear):
        def backward(self, grad_out):
            dx = super().backward(grad_out)
            self.db *= 1 + 1e-4
            return dx

    rng = np.random.default_rng(0)
    x = rng.standard_normal((6, 4))
    for module in (OffTanh(), OffLinear(4, 3, rng=rng)):
        with pytest.raises(AssertionError, match="relative error|is off by"):
            check_module(module, x, rng)
