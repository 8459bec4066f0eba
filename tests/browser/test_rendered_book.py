"""The rendered book as a reader meets it, in headless Chromium with the network blocked.

Every page named in ``_toc.yml`` loads without console errors or failed requests, its images load
and carry alt text, its math is typeset, and the chapters' static slider demos respond.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import ARTIFACTS, ROOT

REPO = "gradient-descent-course/gradient-descent-course"


def toc_pages() -> list[str]:
    """Every document of the table of contents, as the path of its built HTML page."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    docs = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                docs.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return [f"{d}.html" for d in docs]


PAGES = toc_pages()
CHAPTERS = [p for p in PAGES if p.startswith("chapters/")]
EXERCISES = [p for p in PAGES if re.match(r"exercises/ex\d\d_", p)]


def _wait_for_math(page):
    page.wait_for_function(
        "() => !window.MathJax || !window.MathJax.startup || window.MathJax.startup.promise"
    )
    page.evaluate("() => window.MathJax && MathJax.startup && MathJax.startup.promise")


@pytest.mark.parametrize("rel", PAGES)
def test_page_loads_offline_with_images_and_math(recorder, book_html, rel):
    assert (book_html / rel).is_file(), f"{rel} was not built"
    page = recorder.goto(rel)
    _wait_for_math(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / (rel.replace("/", "__") + ".png")), full_page=True)

    assert recorder.blocked == [], f"{rel}: needs the network for {recorder.blocked}"
    assert recorder.failed == [], f"{rel}: failed requests {recorder.failed}"
    assert recorder.console_errors == [], f"{rel}: console errors {recorder.console_errors}"

    images = page.evaluate(
        """() => Array.from(document.querySelectorAll('article img')).map(img => ({
            src: img.getAttribute('src'), alt: (img.getAttribute('alt') || '').trim(),
            ok: img.complete && img.naturalWidth > 0}))"""
    )
    broken = [i["src"] for i in images if not i["ok"]]
    no_alt = [i["src"][:80] for i in images if not i["alt"]]
    assert broken == [], f"{rel}: images that did not load: {broken}"
    assert no_alt == [], f"{rel}: images without alt text: {no_alt}"

    math = page.evaluate(
        """() => ({n: document.querySelectorAll('article .math').length,
                   typeset: document.querySelectorAll('article mjx-container').length,
                   raw: Array.from(document.querySelectorAll('article p, article li'))
                        .map(e => e.innerText).filter(t => /\\$[^$\\s][^$]*\\$/.test(t)).length})"""
    )
    untypeset = math["n"] - math["typeset"]
    assert untypeset <= 0, f"{rel}: {untypeset} formulas not typeset"
    assert math["raw"] == 0, f"{rel}: {math['raw']} paragraphs show raw $...$ math"


@pytest.mark.parametrize("rel", CHAPTERS)
def test_chapter_shows_outputs_and_a_working_slider(recorder, rel):
    page = recorder.goto(rel)
    assert page.locator("article .cell_output").count() > 0, f"{rel}: no code output shown"
    assert page.locator("article img").count() >= 3, f"{rel}: fewer than three figures"
    sliders = page.locator("article .animation input[type=range]")
    assert sliders.count() >= 1, f"{rel}: no static slider demo"
    player = sliders.first.locator("xpath=ancestor::div[contains(@class,'animation')]")
    frame = player.locator("img").first
    before = frame.get_attribute("src")
    last = int(sliders.first.get_attribute("max"))
    sliders.first.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }", last
    )
    after = frame.get_attribute("src")
    assert before != after, f"{rel}: moving the slider did not change the figure"


@pytest.mark.parametrize("query", ["Adam", "learning rate"])
def test_search_finds(recorder, query):
    page = recorder.goto(f"search.html?q={query.replace(' ', '+')}")
    page.wait_for_selector("ul.search li", timeout=20_000)
    assert page.locator("ul.search li").count() >= 2
    assert recorder.console_errors == []


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_internal_link_and_anchor_resolves(book_html):
    ids: dict[Path, set[str]] = {}
    missing = []
    for rel in PAGES:
        page = book_html / rel
        for a in _soup(page).select("a[href]"):
            href = a["href"]
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                hint = " (the PDF: run `make pdf`)" if target.suffix == ".pdf" else ""
                missing.append(f"{rel}: {href}{hint}")
                continue
            if url.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {t["id"] for t in _soup(target).select("[id]")}
                if url.fragment not in ids[target]:
                    missing.append(f"{rel}: {href} (no such anchor)")
    assert missing == [], "broken internal links:\n" + "\n".join(missing)


def test_landing_page_offers_the_pdf(book_html):
    """The link is checked like every other by the test above: the PDF must be there."""
    links = [a["href"] for a in _soup(book_html / "intro.html").select("a[href$='.pdf']")]
    assert links, "the landing page has no link to the PDF of the book"


@pytest.mark.parametrize("rel", EXERCISES + CHAPTERS)
def test_notebook_download_and_launch_buttons(book_html, rel):
    html = (book_html / rel).read_text(encoding="utf-8")
    nb = rel.replace(".html", ".ipynb")
    assert f"_sources/{nb}" in html, f"{rel}: no download link for the notebook"
    assert (book_html / "_sources" / nb).is_file(), f"{rel}: the downloadable notebook is missing"
    # the branch the pages workflow publishes the portable notebooks to (tests/book/test_links.py
    # resolves every link); no JupyterHub button: no hub is configured
    branch = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["branch"]
    assert f"mybinder.org/v2/gh/{REPO}/{branch}?urlpath=lab/tree/{nb}" in html, "Binder link"
    assert f"colab.research.google.com/github/{REPO}/blob/{branch}/{nb}" in html, "Colab link"
    assert "hub/user-redirect/git-pull?repo=" not in html, "JupyterHub link without a hub"
    assert f"https://github.com/{REPO}" in html, "repository link"


def test_book_is_light(book_html):
    """Every page with what it embeds stays under 5 MB; the web book without its downloads
    under 24 MB (the whole site weighed 40 MB when all of MathJax was shipped); the PDF under
    12 MB and the notebooks' zip under 4 MB."""
    total = sum(f.stat().st_size for f in book_html.rglob("*") if f.is_file())
    downloads = {f: f.stat().st_size for f in [*book_html.glob("*.pdf"), *book_html.glob("*.zip"),
                                               *book_html.glob("_static/*.whl"),
                                               *book_html.rglob("_sources/**/*")] if f.is_file()}
    web = total - sum(downloads.values())
    parts = {
        name: sum(f.stat().st_size for f in (book_html / name).rglob("*") if f.is_file())
        for name in ("_static/mathjax", "_static", "_images", "chapters")
    }
    pdfs = {f.name: f.stat().st_size for f in book_html.glob("*.pdf")}
    sizes = {}
    for rel in PAGES:
        page = book_html / rel
        size = page.stat().st_size
        for img in _soup(page).select("img[src]"):
            src = urlparse(img["src"])
            if not src.scheme:
                f = (page.parent / unquote(src.path)).resolve()
                size += f.stat().st_size if f.is_file() else 0
        sizes[rel] = size
    heaviest = max(sizes, key=sizes.get)
    ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / "size-report.txt").write_text(
        f"whole book: {total / 1e6:.1f} MB, of which downloads {(total - web) / 1e6:.1f} MB\n"
        + "".join(f"  {name}/: {size / 1e6:.1f} MB\n" for name, size in parts.items())
        + "".join(f"  {name}: {size / 1e6:.1f} MB\n" for name, size in pdfs.items())
        + f"heaviest page: {heaviest} {sizes[heaviest] / 1e6:.2f} MB\n"
        + "".join(f"{r}: {s / 1e6:.2f} MB\n" for r, s in sorted(sizes.items()))
    )
    assert sizes[heaviest] < 5e6, f"{heaviest} weighs {sizes[heaviest] / 1e6:.1f} MB"
    assert web < 24e6, f"the web book (no PDF, zip, wheel, notebooks) weighs {web / 1e6:.1f} MB"
    for f, size in downloads.items():
        if f.suffix in (".pdf", ".zip"):
            limit = 12e6 if f.suffix == ".pdf" else 4e6
            assert size < limit, f"{f.name} weighs {size / 1e6:.1f} MB"
