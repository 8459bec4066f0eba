"""Feedback pages keep a submission's text but none of its active content."""

from __future__ import annotations

import re

import nbformat
import pytest
from nbconvert import HTMLExporter

from gdcourse.grading.sandbox.sanitize import StripActiveContent, clean_markdown

MARK = "alert(4711)"


def hostile_notebook() -> nbformat.NotebookNode:
    v4 = nbformat.v4
    nb = v4.new_notebook()
    nb.cells = [
        v4.new_markdown_cell(f"# Answer\n<script>{MARK}</script>\n"
                             f"<img src=x onerror=\"{MARK}\">\n[click](javascript:{MARK})\n"
                             f"<a href='javascript:{MARK}'>x</a>"),
        v4.new_raw_cell(f"<script>{MARK}</script>", metadata={"format": "text/html"}),
        v4.new_code_cell("x = 1", outputs=[
            v4.new_output("display_data", data={"text/html": f"<script>{MARK}</script>"}),
            v4.new_output("display_data", data={"application/javascript": MARK,
                                                "text/plain": "js"}),
            v4.new_output("display_data", data={
                "image/svg+xml": f"<svg onload=\"{MARK}\"><script>{MARK}</script></svg>"}),
            v4.new_output("execute_result", execution_count=1, data={
                "text/markdown": f"<script>{MARK}</script>",
                "text/html": f"<iframe src='javascript:{MARK}'></iframe>"}),
            v4.new_output("stream", name="stdout", text=f"<script>{MARK}</script>"),
        ]),
    ]
    nb.cells[2].attachments = {"a.svg": {"image/svg+xml": "PHN2Zz48L3N2Zz4="}}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"x": {"model_name": f"</script><script>{MARK}</script>"}}}}
    return nb


def active(page: str) -> list[str]:
    """Places where the mark could run: in a script, an event handler, a javascript: URL."""
    found = [m for m in re.findall(r"<script[^>]*>(.*?)</script>", page, re.S | re.I)
             if MARK in m]
    found += re.findall(r"<[^>]+\bon\w+\s*=\s*[\"']?[^>]*" + re.escape(MARK), page, re.I)
    found += re.findall(r"<[^>]+(?:href|src)\s*=\s*[\"']?\s*javascript:", page, re.I)
    return found


def render(nb, strip: bool, sanitize_html: bool) -> str:
    if strip:
        nb, _ = StripActiveContent().preprocess(nb, {})
    exporter = HTMLExporter(template_name="classic", sanitize_html=sanitize_html)
    return exporter.from_notebook_node(nb)[0]


def test_an_unprotected_page_runs_the_submissions_script():
    """The problem (and proof that the check below can fail)."""
    assert active(render(hostile_notebook(), strip=False, sanitize_html=False))


@pytest.mark.parametrize("strip, sanitize_html", [(True, False), (False, True), (True, True)])
def test_no_active_content_survives(strip, sanitize_html):
    page = render(hostile_notebook(), strip, sanitize_html)
    assert active(page) == []


def test_the_text_is_still_there_escaped():
    page = render(hostile_notebook(), strip=True, sanitize_html=True)
    assert "&lt;script&gt;" in page and "Answer" in page


def test_markdown_links_and_tags_are_neutralised():
    text = clean_markdown("[a](javascript:x) <b onclick=y>b</b> [ok](https://example.org)")
    assert "javascript:" not in text and "<b" not in text and "https://example.org" in text


def test_it_runs_where_nbgrader_registers_it():
    """nbgrader's converters register preprocessors without enabling them (the feedback's
    template renders Markdown cells without nbconvert's sanitiser, too)."""
    exporter = HTMLExporter(template_name="classic")
    exporter.register_preprocessor(StripActiveContent)
    assert active(exporter.from_notebook_node(hostile_notebook())[0]) == []
