"""The book's slider player: gdlib's pre-rendered frames as a slider a reader moves offline.

Under ``GDLIB_STATIC`` (the book's build) ``gdlib.plotting.slider_demo`` returns its frames as
:data:`gdlib.plotting.FRAMES_MIME` (JSON: labels, PNG frames, alt text, width) beside a PNG of the
first frame. This extension renders that output:

- **HTML**: a player (``div.animation.gdlib-player``): the frame, a range input and five buttons
  (first, previous, play/pause, next, last) whose icons are inline SVG, so they need no icon
  font and no network. ``player.js`` moves it. Frames are shown at their figure's width and
  stored in 256 colours (half the bytes, no visible change for line art). The first frame is
  in the page; the others are image files in ``_images/`` that the browser fetches when the
  reader moves the slider, so a page with sliders weighs little more than its first frames.
- **LaTeX** (the PDF): the first, middle and last frames, with a sentence saying so.

myst-nb renders a MIME type it does not know through a plugin (its ``MimeRenderPlugin``
protocol); plugins are found through the ``myst_nb.mime_renderers`` entry points of installed
packages, and the book's tools are not installed, so :func:`setup` adds :class:`FramesRenderer`
to the list that myst-nb loads.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import struct
from pathlib import Path

from docutils import nodes
from PIL import Image
from sphinx.transforms.post_transforms import SphinxPostTransform

from gdlib.plotting import FRAMES_MIME

HERE = Path(__file__).resolve().parent
ASSETS = [HERE / "player.js", HERE / "player.css"]
CLASS = "gdlib-frames"  # the node that holds a slider's frames until a builder renders them

#: Inline SVG icons (16 x 16, drawn in the text colour) of the player's buttons.
ICONS = {
    "first": "M2 3h2v10H2zM9 3v10L4 8zM15 3v10l-5-5z",
    "previous": "M3 3h2v10H3zM13 3v10L6 8z",
    "play": "M4 2v12l10-6z",
    "pause": "M3 2h4v12H3zM9 2h4v12H9z",
    "next": "M11 3h2v10h-2zM3 3v10l7-5z",
    "last": "M12 3h2v10h-2zM1 3v10l5-5zM7 3v10l5-5z",
}
LABELS = {"first": "First frame", "previous": "Previous frame", "play": "Play",
          "next": "Next frame", "last": "Last frame"}


class FramesRenderer:
    """myst-nb's mime renderer plugin for gdlib's frames: keeps them in a node for the builder."""

    mime_priority_overrides = [("*", FRAMES_MIME, 1)]  # before the first frame's PNG

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        if data.mime_type != FRAMES_MIME or inline:
            return None
        content = data.content if isinstance(data.content, dict) else json.loads(data.string)
        return [nodes.container(classes=[CLASS], frames=json.dumps(content))]


def _payloads(document):
    for node in list(document.findall(nodes.container)):
        if CLASS in node["classes"]:
            yield node, json.loads(node["frames"])


def _icon(name: str) -> str:
    return (f'<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" '
            f'focusable="false"><path fill="currentColor" d="{ICONS[name]}"/></svg>')


def player_html(payload: dict, frame_url=None) -> str:
    """The player of one slider: the first frame, a range input, buttons and the frames.

    ``frame_url(png)`` gives the address of a later frame (written as a file); by default every
    frame is a data URI in the page.
    """
    pngs = [_palette_png(base64.b64decode(f)) for f in payload["frames"]]
    frames = [_data_uri(pngs[0]), *map(frame_url or _data_uri, pngs[1:])]
    label, titles = payload["label"], payload["titles"]
    buttons = "".join(
        f'<button type="button" data-action="{name}" title="{LABELS[name]}" '
        f'aria-label="{LABELS[name]}">{_icon(name)}{_icon("pause") if name == "play" else ""}'
        "</button>"
        for name in ("first", "previous", "play", "next", "last")
    )
    # the first frame is the image's own source (player.js reads it there)
    data = json.dumps({"frames": ["", *frames[1:]], "titles": titles,
                       "interval": payload["interval"]})
    data = data.replace("</", "<\\/")  # nothing in the data may close its script element
    return (
        f'<div class="animation gdlib-player">'
        f'<img alt="{html.escape(payload["alt"])}" src="{frames[0]}" '
        f'style="width: {int(payload["width"])}px">'
        f'<div class="gdlib-controls">'
        f'<input type="range" min="0" max="{len(frames) - 1}" step="1" value="0" '
        f'aria-label="{html.escape(label)}" aria-valuetext="{html.escape(titles[0])}">'
        f'<span class="gdlib-buttons">{buttons}</span></div>'
        f'<script type="application/json">{data}</script></div>'
    )


class PlayerForHtml(SphinxPostTransform):
    """Each slider's frames as the player (after myst-nb has picked the frames' MIME type)."""

    default_priority = 10
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for node, payload in _payloads(self.document):
            html = player_html(payload, self.frame_file)
            node.replace_self(nodes.raw("", html, format="html", classes=["output", "text_html"]))

    def frame_file(self, png: bytes) -> str:
        """Write ``png`` into the site's ``_images/``; its URL from this page."""
        name = f"slider-{hashlib.sha256(png).hexdigest()[:16]}.png"
        folder = Path(self.app.outdir, "_images")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(png)
        page = Path(self.app.outdir, self.env.docname).parent
        return os.path.relpath(folder / name, page).replace(os.sep, "/")


class StillFramesForPdf(SphinxPostTransform):
    """Each slider printed as its first, middle and last frames, side by side when narrow."""

    default_priority = 10
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node, payload in _payloads(self.document):
            frames = [base64.b64decode(f) for f in payload["frames"]]
            node.replace_self(still_frames(frames, Path(self.app.outdir)))


def still_frames(frames: list[bytes], outdir: Path) -> nodes.Element:
    """The first, middle and last frames (written into ``outdir``) and a sentence."""
    picks = sorted({0, len(frames) // 2, len(frames) - 1})
    width, height = png_size(frames[0])
    narrow = width <= 1.6 * height
    box = nodes.container(classes=["slider-frames"])
    row = nodes.paragraph()
    for k in picks:
        name = f"slider-{hashlib.sha256(frames[k]).hexdigest()[:16]}.png"
        (outdir / name).write_bytes(_palette_png(frames[k]))
        image = nodes.image(uri=name, candidates={"*": name})
        image["width"] = f"{96 // len(picks)}%" if narrow else "75%"
        if narrow:
            row += [image, nodes.Text(" ")]
        else:
            box += nodes.paragraph("", "", image)
    if narrow:
        box += row
    which = {1: "the only one", 2: "the first and the last"}.get(
        len(picks), "the first, the middle and the last"
    )
    note = f"Online, a slider moves through these {len(frames)} frames; printed here: {which}."
    box += nodes.paragraph("", "", nodes.emphasis("", note))
    return box


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG (its header)."""
    return struct.unpack(">II", data[16:24])


def _palette_png(data: bytes) -> bytes:
    """The same picture in at most 256 colours, if that is smaller (it keeps the resolution)."""
    image = Image.open(io.BytesIO(data))
    quantized = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantized.save(out, "PNG", optimize=True, dpi=image.info.get("dpi", (72, 72)))
    return out.getvalue() if out.tell() < len(data) else data


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _register_with_myst_nb() -> None:
    from myst_nb.core import render

    loaded = render.load_mime_renders
    if getattr(loaded, "with_gdlib_frames", False):
        return

    def load_mime_renders():
        return [*loaded(), FramesRenderer]

    load_mime_renders.with_gdlib_frames = True
    render.load_mime_renders = load_mime_renders


def _add_static(app, config) -> None:
    config.html_static_path.extend(str(asset) for asset in ASSETS)


def setup(app):
    _register_with_myst_nb()
    app.connect("config-inited", _add_static)
    app.add_js_file("player.js", defer="defer")
    app.add_css_file("player.css")
    app.add_post_transform(PlayerForHtml)
    app.add_post_transform(StillFramesForPdf)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
