"""What tools/book_assets.py makes of outputs that only a browser can show, on small made-up
outputs (the book itself, built, is checked by test_book_pdf.py and the browser tests; a
slider's printed frames by tests/book/test_player.py)."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))  # as jupyter-book's local_extensions does
import book_assets  # noqa: E402


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
