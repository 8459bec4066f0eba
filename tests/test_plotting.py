"""Tests for gdlib.plotting (Agg backend, set in conftest.py): artists, labels, the slider."""

import base64
import io
import json
import re

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from gdlib import plotting
from gdlib.functions import IllConditionedQuadratic, Saddle


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def legend_labels(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_palette_and_style():
    assert len(plotting.PALETTE) == 8
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in plotting.PALETTE)
    with mpl.rc_context():
        plotting.use_style()
        colors = mpl.rcParams["axes.prop_cycle"].by_key()["color"]
        assert [c.upper() for c in colors] == plotting.PALETTE
        assert tuple(mpl.rcParams["figure.figsize"]) == (6.4, 4.0)
        assert mpl.rcParams["axes.grid"] and mpl.rcParams["figure.dpi"] == 100


def test_contour_paths_draws_paths_markers_and_legend():
    q = IllConditionedQuadratic()
    paths = {"SGD": np.array([[2.0, 1.0], [1.0, -0.5], [0.5, 0.2]]), "Adam": np.zeros((1, 2))}
    ax = plotting.contour_paths(q, paths, title="bowl")
    assert legend_labels(ax) == ["SGD", "Adam", "minimum"]
    # per path: the line, the start square and the end star; plus the minimum cross
    assert len(ax.lines) == 3 * 2 + 1
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [2.0, 1.0, 0.5])
    assert ax.get_xlabel() == r"$\theta_1$" and ax.get_ylabel() == r"$\theta_2$"
    assert ax.get_title() == "bowl"
    assert ax.get_xlim() == q.bounds[0]
    levels = ax.collections[0].levels
    assert len(levels) == 20 and levels[0] > 0
    np.testing.assert_allclose(np.diff(np.log(levels)), np.log(levels[1] / levels[0]))  # log-spaced


def test_contour_paths_linear_levels_for_saddle_and_explicit_levels():
    fig, ax = plt.subplots()
    out = plotting.contour_paths(Saddle(), {}, ax=ax, levels=7)
    assert out is ax and ax.get_legend() is None  # no paths, no minima
    levels = ax.collections[0].levels
    np.testing.assert_allclose(np.diff(levels), levels[1] - levels[0])  # evenly spaced
    assert levels[0] < 0
    ax = plotting.contour_paths(Saddle(), {"p": np.zeros((2, 2))}, levels=[-1.0, 0.0, 1.0],
                                bounds=((-1, 1), (-1, 1)))  # fmt: skip
    np.testing.assert_allclose(ax.collections[0].levels, [-1.0, 0.0, 1.0])
    assert ax.get_ylim() == (-1, 1)


def test_frames_slider_renders_one_frame_per_value_and_shows_the_first():
    calls = []

    def draw(ax, p):
        calls.append(p)
        ax.plot(np.linspace(0, 1, 50) ** p)

    n_before = len(plt.get_fignums())
    values = np.linspace(0.5, 2.0, 8)  # 8 frames keep the test fast; pages use ~20
    frames = plotting.frames_slider(draw, values, "p")
    assert list(calls) == list(values)
    assert len(frames.frames) == 8 and all(f.startswith(b"\x89PNG") for f in frames.frames)
    assert frames.titles[0] == "p = 0.5" and frames.titles[-1] == "p = 2"
    assert sum(map(len, frames.frames)) < 1_500_000 * 8 / 20  # 20 such frames stay below 1.5 MB
    assert len(plt.get_fignums()) == n_before  # the figure was closed
    data, metadata = frames._repr_mimebundle_()
    # a notebook shows the first frame; the book's build reads all of them (tools/player.py)
    assert data["image/png"] == base64.b64encode(frames.frames[0]).decode()
    player = data[plotting.FRAMES_MIME]
    assert len(player["frames"]) == 8 and player["titles"] == frames.titles
    assert player["width"] == 480 == metadata["image/png"]["width"]  # 5 in at 96 px per inch
    assert "8 frames of p" in data["text/plain"]
    json.dumps(data)  # what a notebook stores


def test_frames_slider_with_given_figure_and_labels():
    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    frames = plotting.frames_slider(lambda a, v: a.set_title(v), ["SGD", "Adam"], "optimizer",
                                    fig=fig, dpi=100)  # fmt: skip
    assert frames.titles == ["optimizer = SGD", "optimizer = Adam"]
    assert Image.open(io.BytesIO(frames.frames[0])).size == (300, 200)  # 3 x 2 in at 100 dpi
    assert frames.width == 288
    assert not plt.fignum_exists(fig.number)


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: plotting.frames_slider("draw", [1], "x"), TypeError, "draw must be a callable"),
        (lambda: plotting.frames_slider(lambda a, v: None, [], "x"), ValueError, "values is empty"),
        (
            lambda: plotting.contour_paths(Saddle(), {"bad": np.zeros((3, 3))}),
            ValueError,
            r"path 'bad' must have shape \(K, 2\)",
        ),
    ],
)
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_slider_demo_is_static_when_the_book_is_built(monkeypatch):
    from gdlib.plotting import slider_demo

    monkeypatch.setenv("GDLIB_STATIC", "1")
    frames = slider_demo(lambda ax, v: ax.plot([0, 1], [0, v]), [1.0, 2.0, 3.0], "slope")
    assert isinstance(frames, plotting.Frames) and len(frames.frames) == 3


def test_slider_demo_is_a_widget_in_a_live_kernel(monkeypatch):
    pytest.importorskip("ipywidgets")
    from gdlib.plotting import slider_demo

    monkeypatch.delenv("GDLIB_STATIC", raising=False)
    drawn = []
    box = slider_demo(lambda ax, v: drawn.append(v), [1.0, 2.0], "slope")
    slider = box.children[0]
    assert list(slider.options) == [1.0, 2.0] and drawn == [1.0]
    slider.value = 2.0
    assert drawn == [1.0, 2.0]
    with pytest.raises(ValueError, match="values is empty"):
        slider_demo(lambda ax, v: None, [], "x")
    with pytest.raises(TypeError, match="draw must be a callable"):
        slider_demo(None, [1.0], "x")


def test_slider_demo_falls_back_without_ipywidgets(monkeypatch):
    import builtins

    from gdlib.plotting import slider_demo

    monkeypatch.delenv("GDLIB_STATIC", raising=False)
    real_import = builtins.__import__

    def no_widgets(name, *args, **kwargs):
        if name == "ipywidgets":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_widgets)
    frames = slider_demo(lambda ax, v: None, [1.0], "x")
    assert isinstance(frames, plotting.Frames)


def test_package_reexports_and_lazy_plotting():
    import gdlib

    assert gdlib.Adam is gdlib.optim.Adam and gdlib.mse is gdlib.losses.mse
    assert gdlib.plotting.slider_demo.__name__ == "slider_demo"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        gdlib.nope  # noqa: B018
    assert set(gdlib.__all__) <= set(dir(gdlib)) | {"plotting"}


def test_frames_slider_gives_the_frames_alt_text():
    frames = plotting.frames_slider(lambda ax, v: None, [1, 2], "eta", alt='paths for "eta"')
    assert frames.alt == 'paths for "eta"'
    default = plotting.frames_slider(lambda ax, v: None, [1, 2], "eta")
    assert default.alt == "Figure whose frames vary eta from 1 to 2; move the slider"


def test_slider_demo_live_reuses_a_two_panel_figure(monkeypatch):
    pytest.importorskip("ipywidgets")
    from gdlib.plotting import slider_demo

    monkeypatch.delenv("GDLIB_STATIC", raising=False)
    fig, (left, right) = plt.subplots(1, 2)
    seen = []

    def draw(ax, v):
        seen.append((ax is left, len(ax.figure.axes)))
        ax.figure.axes[1].plot([0, v])

    box = slider_demo(draw, [1.0, 2.0], "v", fig=fig, alt="two panels")
    box.children[0].value = 2.0
    assert seen == [(True, 2), (True, 2)]
    assert len(right.lines) == 1  # cleared before each redraw


def test_frames_slider_can_show_progress(capsys):
    plotting.frames_slider(lambda ax, v: ax.plot([0, v]), [1, 2, 3], "v", progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "frame" in err
    plotting.frames_slider(lambda ax, v: None, [1, 2], "v")
    assert capsys.readouterr().err == ""
