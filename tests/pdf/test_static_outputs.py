"""What tools/book_assets.py makes of outputs that only a browser can show, on small made-up
outputs (the book itself, built, is checked by test_book_pdf.py and the browser tests)."""

from __future__ import annotations

import io
import sys
from types import SimpleNamespace

import numpy as np
import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from PIL import Image

from gdlib import plotting

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))  # as jupyter-book's local_extensions does
import book_assets  # noqa: E402


@pytest.fixture(scope="module")
def player() -> str:
    """The HTML of a real slider: five frames of a line whose slope the slider sets."""
    html = plotting.frames_slider(lambda ax, a: ax.plot([0, 1], [0, a]), [1, 2, 3, 4, 5], "a")
    return html.data


def _bundle(forms: dict[str, str]) -> nodes.container:
    bundle = nodes.container(nb_element="mime_bundle")
    for mime, text in forms.items():
        child = nodes.container(mime_type=mime)
        child += nodes.raw("", text, format="html") if mime == "text/html" else nodes.Text(text)
        bundle += child
    return bundle


def _transform(tmp_path, *bundles) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    document.extend(bundles)
    document.settings.env = SimpleNamespace(app=SimpleNamespace(outdir=str(tmp_path)))
    book_assets.StaticOutputsForPdf(document).run()
    return document


def test_frames_are_read_from_the_player_with_their_resolution(player):
    frames = book_assets._frames(player)
    assert len(frames) == 5
    width, height, dpi = book_assets._png_size(frames[0])
    assert dpi == pytest.approx(144, abs=0.5)  # frames_slider's default
    assert (width, height) == Image.open(io.BytesIO(frames[0])).size


def test_palette_frames_are_smaller_and_look_the_same(player):
    frame = book_assets._frames(player)[2]
    smaller = book_assets._palette_png(frame)
    assert len(smaller) < len(frame)
    before, after = (
        np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
        for png in (frame, smaller)
    )
    assert before.shape == after.shape
    assert np.abs(before - after).mean() < 1.0  # out of 255


def test_a_slider_prints_as_its_first_middle_and_last_frames(tmp_path, player):
    plain = "<IPython.core.display.HTML object>"
    document = _transform(tmp_path, _bundle({"text/html": player, "text/plain": plain}))
    images = list(document.findall(nodes.image))
    assert len(images) == 3
    assert all((tmp_path / image["uri"]).is_file() for image in images)
    assert "moves through these 5 frames" in document.astext()
    assert "IPython" not in document.astext()


def test_an_interactive_output_without_a_picture_prints_a_sentence(tmp_path):
    widget = {"application/vnd.jupyter.widget-view+json": "{}", "text/plain": "VBox(children=...)"}
    html = {"text/html": "<div>progress</div>", "text/plain": "<IPython.core.display.HTML object>"}
    document = _transform(tmp_path, _bundle(widget), _bundle(html))
    assert document.astext().count("This output is interactive") == 2
    assert "VBox" not in document.astext() and "IPython" not in document.astext()


def test_outputs_with_a_static_form_are_left_to_myst_nb(tmp_path):
    table = {"text/html": "<table></table>", "text/plain": "   a\n0  1"}
    figure = {"text/html": "<img>", "image/png": "..."}
    document = _transform(tmp_path, _bundle(table), _bundle(figure))
    assert len(list(document.findall(nodes.container))) == 6  # two bundles, four forms
