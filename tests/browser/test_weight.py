"""What a reader downloads: each page's weight in the browser, and MathJax cut down to the files
the pages load (tools/book_assets.py), still offline.

Writes ``test-artifacts/page-weight.txt``: for each page, the bytes Chromium received for it
(HTML, scripts, styles, fonts, images) with an empty cache, split into what every page shares
(the theme, MathJax and its fonts: downloaded once, then cached) and what is the page's own
(its HTML and figures: downloaded for each page a reader opens).
"""

from __future__ import annotations

from urllib.parse import urlparse

from .conftest import ARTIFACTS
from .test_rendered_book import CHAPTERS, _wait_for_math

WEIGHED = ["intro.html", *CHAPTERS, "appendices/glossary.html"]
MATHJAX_MB = 4.0  # the whole bundle is 24 MB
PAGE_MB = 6.5  # a first visit: shared files and the page's own
OWN_MB = 2.5  # every further page: its HTML and figures


def _mathjax_files(rec) -> set[str]:
    return {
        urlparse(r.url).path.split("/_static/mathjax/", 1)[1]
        for r in rec.loaded
        if "/_static/mathjax/" in r.url
    }


def test_mathjax_is_only_what_the_pages_load(book_html, open_page):
    shipped = [f for f in (book_html / "_static" / "mathjax").rglob("*") if f.is_file()]
    size = sum(f.stat().st_size for f in shipped) / 1e6
    assert size < MATHJAX_MB, f"MathJax ships {size:.1f} MB in {len(shipped)} files"

    rec = open_page()
    page = rec.goto("chapters/03_update_rule.html")
    _wait_for_math(page)
    loaded = _mathjax_files(rec)
    assert "tex-chtml.js" in loaded
    assert any(f.startswith("output/chtml/fonts/woff-v2/") for f in loaded), loaded

    # The menu's Accessibility > Explorer loads more of MathJax on demand: it must be there too.
    page.evaluate(
        """() => MathJax.startup.document.menu.menu.pool.lookup('explorer').setValue(true)"""
    )
    explorer = ["a11y/explorer.js", "a11y/sre.js", "sre/mathmaps/en.json"]
    page.wait_for_function(
        """names => names.every(n => performance.getEntriesByType('resource')
                                        .some(e => e.name.endsWith('/mathjax/' + n)))""",
        arg=explorer,
        timeout=30_000,
    )
    page.wait_for_load_state("networkidle", timeout=90_000)
    assert rec.failed == [] and rec.blocked == [], f"MathJax needed {rec.failed + rec.blocked}"


def _own(url: str) -> bool:
    """The page's HTML and its figures (``_images/``); the rest is shared by every page."""
    path = urlparse(url).path
    return "/_images/" in path or path.endswith(".html")


def test_each_page_is_light_to_download(open_page):
    weights, own = {}, {}
    for rel in WEIGHED:
        rec = open_page()  # a new browser context: nothing cached
        page = rec.goto(rel)
        _wait_for_math(page)
        page.wait_for_load_state("networkidle", timeout=90_000)
        got = [r for r in rec.loaded if r.request.method == "GET"]
        weights[rel] = sum(len(r.body()) for r in got)
        own[rel] = sum(len(r.body()) for r in got if _own(r.url))
        assert rec.failed == [] and rec.blocked == []
    ARTIFACTS.parent.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / "page-weight.txt").write_text(
        "bytes received by Chromium per page, empty cache (the page's own HTML and figures)\n"
        + "".join(f"{rel}: {w / 1e6:.2f} MB ({own[rel] / 1e6:.2f} MB)\n"
                  for rel, w in sorted(weights.items()))
    )
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] < PAGE_MB * 1e6, (
        f"{heaviest} downloads {weights[heaviest] / 1e6:.1f} MB"
    )
    heaviest = max(own, key=own.get)
    assert own[heaviest] < OWN_MB * 1e6, (
        f"{heaviest}'s own HTML and figures weigh {own[heaviest] / 1e6:.1f} MB"
    )
