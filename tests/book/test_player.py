"""The book's slider player (tools/player.py) on a real slider's frames: the HTML player, the
PDF's still frames and the myst-nb plugin that hands it the frames. The built book's players
are moved in Chromium by tests/browser."""

from __future__ import annotations

import base64
import io
import json
import re
from types import SimpleNamespace

import numpy as np
import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from PIL import Image

from gdlib import plotting
from tools import player


@pytest.fixture(scope="module")
def frames() -> dict:
    """The frames' JSON of a real slider: five frames of a line whose slope the slider sets."""
    data, _ = plotting.frames_slider(lambda ax, a: ax.plot([0, 1], [0, a]), [1, 2, 3, 4, 5],
                                     "a", alt="a line of slope a")._repr_mimebundle_()
    return data[plotting.FRAMES_MIME]


def _document(tmp_path, payload: dict) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    renderer = player.FramesRenderer
    data = SimpleNamespace(mime_type=plotting.FRAMES_MIME, content=payload, string="")
    document.extend(renderer.handle_mime(None, data, False))
    document.settings.env = SimpleNamespace(app=SimpleNamespace(outdir=str(tmp_path)))
    return document


def test_the_player_has_a_slider_buttons_and_every_frame(frames):
    html = player.player_html(frames)
    assert html.startswith('<div class="animation gdlib-player">')
    assert re.search(r'<input type="range" min="0" max="4" step="1" value="0" aria-label="a"', html)
    assert '<img alt="a line of slope a" src="data:image/png;base64,' in html
    assert 'style="width: 480px"' in html  # the figure's size, whatever the frames' pixels
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html)[1])
    assert len(data["frames"]) == 5 and data["titles"][2] == "a = 3"
    assert data["frames"][0] == ""  # the first frame is the image's own source
    labels = re.findall(r'<button type="button" data-action="(\w+)"', html)
    assert labels == ["first", "previous", "play", "next", "last"]


def test_the_player_needs_no_network_and_no_icon_font(frames):
    html = player.player_html(frames)
    assert "http://" not in html and "https://" not in html
    assert 'class="fa' not in html  # matplotlib's player needed Font Awesome from a CDN
    # its icons are drawn, not characters of a font (⏮ ⏴ ⏵ ⏸ ⏭ are in no Debian font)
    assert html.count("<svg") == 6 and not re.search("[\u23e9-\u23ff\u25b6\u25c0]", html)


def test_frames_are_stored_in_256_colours_and_look_the_same(frames):
    frame = base64.b64decode(frames["frames"][2])
    smaller = player._palette_png(frame)
    assert len(smaller) < len(frame)
    before, after = (np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)
                     for png in (frame, smaller))
    assert before.shape == after.shape
    assert np.abs(before - after).mean() < 1.0  # out of 255


def test_html_pages_hold_the_first_frame_and_link_the_others(tmp_path, frames):
    document = _document(tmp_path, frames)
    document.settings.env.docname = "chapters/03_update_rule"
    player.PlayerForHtml(document).run()
    (raw,) = document.findall(nodes.raw)
    assert raw["format"] == "html" and "gdlib-player" in raw.astext()
    html = raw.astext()
    data = json.loads(re.search(r'<script type="application/json">(.*?)</script>', html)[1])
    first, *later = data["frames"]
    assert first == "" and '<img alt="a line of slope a" src="data:image/png;base64,' in html
    assert all(re.fullmatch(r"\.\./_images/slider-[0-9a-f]{16}\.png", url) for url in later)
    assert all((tmp_path / "chapters" / url).resolve().is_file() for url in later)


def test_the_pdf_prints_the_first_middle_and_last_frames(tmp_path, frames):
    document = _document(tmp_path, frames)
    player.StillFramesForPdf(document).run()
    images = list(document.findall(nodes.image))
    assert len(images) == 3
    assert all((tmp_path / image["uri"]).is_file() for image in images)
    assert "moves through these 5 frames" in document.astext()


def test_the_plugin_is_what_myst_nb_loads_and_prefers(frames):
    from myst_nb.core import render

    player._register_with_myst_nb()
    player._register_with_myst_nb()  # twice is once
    assert render.load_mime_renders().count(player.FramesRenderer) == 1
    for builder in ("html", "latex"):
        assert render.get_mime_priority(builder, [])[0] == plotting.FRAMES_MIME
    assert player.FramesRenderer.handle_mime(None, SimpleNamespace(
        mime_type="image/png", content="", string=""), False) is None
