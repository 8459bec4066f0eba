"""Feedback pages without a submission's active content.

A learner controls most of a submitted notebook: the Markdown they write, the outputs their code
produced, the notebook's metadata. Rendered as HTML for an instructor or a learner, any of it
could run script in the reader's browser. :class:`StripActiveContent` (a preprocessor for
``GenerateFeedback``, before the HTML export) keeps only what cannot:

- outputs keep ``text/plain`` and raster images (png, jpeg, gif); HTML, Markdown, LaTeX and SVG
  outputs become their ``text/plain`` (or their escaped source), scripts and widget views are
  dropped, and output metadata goes;
- Markdown cells the learner could edit (not locked) have raw HTML escaped and ``javascript:``
  / ``vbscript:`` / ``data:`` link targets neutralised; raw cells become plain text; cell
  attachments keep raster images only;
- the notebook's widget state is removed.

It complements ``c.HTMLExporter.sanitize_html = True`` (nbconvert's bleach-based cleaning of
HTML and Markdown outputs), which the course sets too; nbgrader's feedback template renders
Markdown cells without that cleaning, so for them this preprocessor is the only guard.
"""

from __future__ import annotations

import html
import re

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

SAFE_DATA = ("text/plain", "image/png", "image/jpeg", "image/gif")
AS_TEXT = ("text/html", "text/markdown", "text/latex", "image/svg+xml")
LINK_TARGET = re.compile(r"(\]\(\s*<?|\bhref\s*=\s*[\"']?|\bsrc\s*=\s*[\"']?)"
                         r"\s*(javascript|vbscript|data)\s*:", re.I)


def _locked(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("locked"))


def clean_markdown(text: str) -> str:
    """Markdown whose raw HTML shows as text and whose links cannot run script."""
    text = LINK_TARGET.sub(lambda m: f"{m.group(1)}blocked-{m.group(2).lower()}-", text)
    return text.replace("<", "&lt;")


def clean_output(output: dict) -> dict:
    output.pop("metadata", None)
    if output.get("output_type") in ("display_data", "execute_result"):
        data = output.get("data", {})
        text = data.get("text/plain")
        if text is None:
            source = next((data[k] for k in AS_TEXT if k in data), None)
            if source is not None:
                text = source if isinstance(source, str) else "".join(source)
        output["data"] = {k: v for k, v in data.items() if k in SAFE_DATA}
        if text is not None:
            output["data"]["text/plain"] = text
        output["metadata"] = {}
    return output


class StripActiveContent(Preprocessor):
    """Remove what could run script from a submission (see the module's docstring)."""

    # on when registered (nbgrader's converters register preprocessors without enabling them)
    enabled = Bool(True, help="strip active content").tag(config=True)

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:
            self.clean_cell(cell)
        return nb, resources

    def clean_cell(self, cell) -> None:
        if cell.cell_type == "markdown" and not _locked(cell):
            cell.source = clean_markdown(cell.source)
        elif cell.cell_type == "raw":
            cell.source = html.escape(cell.source)
            cell.metadata.pop("format", None)
            cell.metadata.pop("raw_mimetype", None)
        attachments = cell.get("attachments")
        if attachments:
            for name, bundle in list(attachments.items()):
                kept = {k: v for k, v in bundle.items() if k in SAFE_DATA}
                if kept:
                    attachments[name] = kept
                else:
                    del attachments[name]
        for output in cell.get("outputs", []):
            clean_output(output)
