r"""The few figure helpers the chapters reuse: optimizer paths on contours and a slider demo
that is live in a notebook and pre-rendered for the static book.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms
of colour blindness; ``use_style()`` makes it the default colour cycle. Every helper draws
into ``ax`` when given (else a new figure) and returns the axes.
"""

from __future__ import annotations

import base64
import io
import numbers
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler

__all__ = [
    "PALETTE",
    "use_style",
    "contour_paths",
    "FRAMES_MIME",
    "Frames",
    "frames_slider",
    "slider_demo",
]

#: Okabe–Ito colours as hex, in cycle order (orange, sky blue, bluish green, blue,
#: vermillion, reddish purple, yellow, black); yellow and black come last.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]


def use_style() -> None:
    """Set matplotlib defaults for the book: palette cycle, readable fonts, light grid.

    Every chapter's figures use it, from :ref:`the-first-gradient-descent-figure` on.
    """
    mpl.rcParams.update(
        {
            "axes.prop_cycle": cycler(color=PALETTE),
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 200,
            "svg.hashsalt": "gdlib",  # the same figure gives the same SVG file
            "font.size": 11,
            "axes.titlesize": 12,
            "axes.labelsize": 11,
            "legend.fontsize": 10,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "lines.linewidth": 2.0,
            "legend.frameon": False,
        }
    )
    # In IPython, send figures as PNG at twice figure.dpi, sharp on high-density screens; the
    # static book (GDLIB_STATIC) also gets an SVG of each and shows the lighter of the two.
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: no inline figures to configure
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        formats = ("svg", "retina") if os.environ.get("GDLIB_STATIC") else ("retina",)
        set_matplotlib_formats(*formats)


def _axes(ax):
    return plt.subplots()[1] if ax is None else ax


def _levels(Z: np.ndarray, levels) -> np.ndarray:
    """Log-spaced levels for a non-negative surface, else linear ones."""
    if levels is not None and not isinstance(levels, int | np.integer):
        return np.asarray(levels, dtype=float)
    n = 20 if levels is None else int(levels)
    lo, hi = float(np.min(Z)), float(np.max(Z))
    if lo >= 0.0 and hi > 0.0:
        lo = max(lo, hi * 1e-6)  # a zero minimum has no logarithm
        return np.geomspace(lo, hi, n)
    return np.linspace(lo, hi, n)


def contour_paths(
    surface,
    paths: Mapping[str, np.ndarray],
    ax=None,
    levels: int | Sequence[float] | None = None,
    title: str | None = None,
    bounds=None,
    resolution: int = 200,
):
    r"""Contours of a 2-D surface with optimizer paths drawn on top, as in :ref:`the-race`.

    Parameters
    ----------
    surface : gdlib.functions surface
        Needs ``value(grid)`` for a grid of shape (2, R, R); its ``bounds`` set the window
        and its ``minima`` (if any) are marked with a cross.
    paths : dict of label -> ndarray of shape (K, 2)
        Each path is drawn with small markers, a square at its start and a star at its end.
    ax : matplotlib Axes, optional
    levels : int or sequence of float, optional
        Number of levels (default 20) or explicit levels. Log-spaced when J ≥ 0 on the
        window, which shows both the steep walls and the flat valley floor.
    title : str, optional
    bounds : ((xmin, xmax), (ymin, ymax)), optional
        Overrides ``surface.bounds``.
    resolution : int
        Grid points per axis R.

    Returns
    -------
    matplotlib Axes
    """
    ax = _axes(ax)
    (x0, x1), (y0, y1) = surface.bounds if bounds is None else bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution))
    Z = surface.value(np.stack([X, Y]))
    ax.contour(X, Y, Z, levels=_levels(Z, levels), colors="0.55", linewidths=0.8)
    for i, (label, path) in enumerate(paths.items()):
        path = np.asarray(path, dtype=float)
        if path.ndim != 2 or path.shape[1] != 2:
            raise ValueError(f"path {label!r} must have shape (K, 2), got {path.shape}")
        color = PALETTE[i % len(PALETTE)]
        ax.plot(path[:, 0], path[:, 1], "-o", color=color, ms=3, lw=1.5, label=label)
        ax.plot(*path[0], "s", color=color, ms=7)
        ax.plot(*path[-1], "*", color=color, ms=12, mec="black", mew=0.5)
    minima = np.asarray(getattr(surface, "minima", np.zeros((0, 2))))
    if len(minima):
        ax.plot(minima[:, 0], minima[:, 1], "x", color="black", ms=9, mew=2, label="minimum")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(r"$\theta_1$")
    ax.set_ylabel(r"$\theta_2$")
    if title:
        ax.set_title(title)
    if paths or len(minima):
        ax.legend(loc="best")
    return ax


#: The MIME type of a slider's pre-rendered frames (JSON), which the book's build shows as a
#: player a reader moves without a kernel; a notebook shows the first frame, as a PNG.
FRAMES_MIME = "application/vnd.gdlib.frames+json"


def _demo_values(draw, values) -> list:
    """Check a slider demo's arguments; return its values as a list."""
    if not callable(draw):
        raise TypeError(f"draw must be a callable draw(ax, value), got {type(draw).__name__}")
    values = list(values)
    if not values:
        raise ValueError("values is empty; pass at least one value to show")
    return values


def _frame_title(label: str, value) -> str:
    return f"{label} = {value:.3g}" if isinstance(value, numbers.Real) else f"{label} = {value}"


@dataclass(repr=False)
class Frames:
    """A slider demo's pre-rendered frames: what :func:`frames_slider` returns, as in
    :ref:`try-it-a-learning-rate-slider`.

    A notebook shows the first frame (``image/png``); the book's build shows them all
    (:data:`FRAMES_MIME`) as a player with a slider and buttons. ``titles`` are the frames'
    ``"label = value"``, ``frames`` their PNGs, ``width`` the CSS pixels to show them at (their
    figure's width at 96 px per inch, however many pixels they were rendered at) and
    ``interval`` the milliseconds between frames when played.
    """

    label: str
    titles: list[str]
    frames: list[bytes]
    alt: str
    width: int
    interval: int = 300

    def __repr__(self) -> str:
        return (f"<{len(self.frames)} frames of {self.label}, {self.titles[0]} to "
                f"{self.titles[-1]}; with ipywidgets, a notebook shows a live slider>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        pngs = [base64.b64encode(png).decode("ascii") for png in self.frames]
        player = {"label": self.label, "titles": self.titles, "frames": pngs, "alt": self.alt,
                  "width": self.width, "interval": self.interval}
        data = {FRAMES_MIME: player, "image/png": pngs[0], "text/plain": repr(self)}
        return data, {"image/png": {"width": self.width}}


def frames_slider(
    draw: Callable,
    values: Sequence,
    label: str,
    *,
    fig=None,
    interval: int = 300,
    dpi: int = 144,
    figsize: tuple[float, float] = (5.0, 3.5),
    alt: str | None = None,
    progress: bool = False,
) -> Frames:
    """A slider demo that needs no running kernel: one pre-rendered frame per value.

    The static form of the sliders, first met in :ref:`try-it-a-learning-rate-slider`.

    Calls ``draw(ax, value)`` on cleared axes for each value and keeps each figure as a PNG. The
    book shows the frames as a player a reader moves without a kernel; a notebook shows the
    first. The figure is closed so it is not also shown.

    Parameters
    ----------
    draw : callable
        ``draw(ax, value)`` draws one frame.
    values : sequence
        One frame per value (keep it to ~20 so the page stays light).
    label : str
        Name of the varied quantity, shown as ``"label = value"`` above each frame.
    fig : matplotlib Figure, optional
        Figure to draw into (its first axes); default a new small figure.
    interval : int
        Milliseconds between frames when played.
    dpi, figsize
        Frame resolution and size; the defaults give roughly 30 kB per frame, sharp on
        high-density screens.
    alt : str, optional
        Alt text of the frame image, for readers who cannot see it; the default names the
        slider's quantity and range.
    progress : bool, default False
        Show a progress bar over the frames (tqdm's ``auto`` bar); rendering 20 frames takes
        a few seconds.

    Returns
    -------
    Frames
    """
    values = _demo_values(draw, values)
    if fig is None:
        fig = plt.figure(figsize=figsize, dpi=dpi)
    ax = fig.axes[0] if fig.axes else fig.add_subplot()
    bar = None
    if progress:
        from tqdm.auto import tqdm  # a widget in a notebook, a text bar in a terminal

        bar = tqdm(total=len(values), unit="frame", desc=label)
    frames, titles = [], []
    try:
        for value in values:
            ax.clear()
            draw(ax, value)
            titles.append(_frame_title(label, value))
            fig.suptitle(titles[-1])
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=dpi)
            frames.append(png.getvalue())
            if bar is not None:
                bar.update()
    finally:
        plt.close(fig)
        if bar is not None:
            bar.close()
    if alt is None:
        alt = f"Figure whose frames vary {label} from {values[0]} to {values[-1]}; move the slider"
    return Frames(label, titles, frames, alt, round(fig.get_figwidth() * 96), interval)


def slider_demo(draw: Callable, values: Sequence, label: str, **kwargs):
    """An interactive demo that works both in a live notebook and in the static book.

    The sliders of the chapters, first met in :ref:`try-it-a-learning-rate-slider`.

    In a running Jupyter kernel it shows an ipywidgets slider that redraws the figure with
    ``draw(ax, value)``; when the environment variable ``GDLIB_STATIC`` is set (the book build
    and the notebook tests set it) or ipywidgets is missing, it returns the pre-rendered
    :func:`frames_slider` frames, which the book shows as a player a reader moves without a
    kernel.

    Parameters
    ----------
    draw : callable
        ``draw(ax, value)`` draws one frame.
    values : sequence
        The slider's positions.
    label : str
        Name of the varied quantity.
    **kwargs
        Passed on to :func:`frames_slider` (``fig``, ``figsize``, ``dpi``, ``alt``, ``progress``); a
        given ``fig`` (e.g. with two axes) is reused for every redraw in a live kernel too.

    Returns
    -------
    Frames or ipywidgets.Widget
    """
    if os.environ.get("GDLIB_STATIC"):
        return frames_slider(draw, values, label, **kwargs)
    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:  # plain Python or a kernel without ipywidgets
        return frames_slider(draw, values, label, **kwargs)
    values = _demo_values(draw, values)
    out = widgets.Output()
    fig = kwargs.get("fig")
    if fig is not None:
        plt.close(fig)  # shown inside the widget only, not again below the cell

    def redraw(value):
        with out:
            out.clear_output(wait=True)
            f = fig if fig is not None else plt.figure(figsize=kwargs.get("figsize", (5.0, 3.5)))
            for a in f.axes:
                a.clear()
            draw(f.axes[0] if f.axes else f.add_subplot(), value)
            f.suptitle(_frame_title(label, value))
            display(f)
            if fig is None:
                plt.close(f)

    slider = widgets.SelectionSlider(options=values, value=values[0], description=label,
                                     continuous_update=False)
    slider.observe(lambda change: redraw(change["new"]), names="value")
    redraw(values[0])
    return widgets.VBox([slider, out])
