"""Figures, sliders and math stay legible in the theme's light and dark modes, and the glossary's
Chinese terms are drawn with a Chinese font.

Legibility is measured on screenshots of each element, with WCAG's relative luminance:

- a figure's paper (its margin, outside the axes) must match the page's background (contrast
  ratio under 1.25), so no white rectangle glares on a dark page;
- its ink (the 0.2% of pixels farthest from that background: text, axes, lines) must stand
  out from it with a contrast ratio of at least 7, WCAG's AAA level for text;
- math and the sliders' buttons, drawn in the theme's colours, are checked on their computed
  colours the same way.

Screenshots land in ``test-artifacts/screenshots/themes/`` for a person to look at.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from .conftest import ARTIFACTS
from .test_rendered_book import CHAPTERS, _wait_for_math

SHOTS = ARTIFACTS / "themes"
MODES = ["light", "dark"]

#: The first non-transparent background behind an element, as [r, g, b].
BACKGROUND_JS = """el => {
    for (let e = el; e; e = e.parentElement) {
        const m = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g);
        if (m && (m.length < 4 || +m[3] > 0.5)) return m.slice(0, 3).map(Number);
    }
    return [255, 255, 255];
}"""
COLOR_JS = "el => getComputedStyle(el).color.match(/[\\d.]+/g).slice(0, 3).map(Number)"


def luminance(rgb) -> np.ndarray:
    """WCAG relative luminance of sRGB colours given as 0..255, shape (..., 3) -> (...)."""
    c = np.asarray(rgb, dtype=float) / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(l1: float, l2: float) -> float:
    """WCAG contrast ratio of two luminances (1 = identical, 21 = black on white)."""
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)


def paper_and_ink(png: bytes) -> tuple[float, float]:
    """Luminance of a figure's paper (the median of its 4-pixel margin, outside the axes) and
    of its ink: the 0.2% of pixels farthest from the paper, which the axis labels and tick
    labels alone exceed."""
    lum = luminance(np.asarray(Image.open(io.BytesIO(png)).convert("RGB")))
    margin = np.concatenate(
        [lum[:4].ravel(), lum[-4:].ravel(), lum[:, :4].ravel(), lum[:, -4:].ravel()]
    )
    paper = float(np.median(margin))
    ink = float(np.percentile(lum, 0.2 if paper > 0.5 else 99.8))
    return paper, ink


def open_in_mode(open_page, rel: str, mode: str):
    """A chapter opened by a reader whose system prefers ``mode``; the theme follows it."""
    rec = open_page(mode)
    page = rec.goto(rel)
    _wait_for_math(page)
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    return rec, page


def test_theme_switch_turns_the_book_dark_and_remembers(open_page):
    rec = open_page("light")
    page = rec.goto(CHAPTERS[0])
    switch = page.locator(".theme-switch-button").first
    for _ in range(3):  # the switch cycles through light, dark and the system's setting
        if page.evaluate("document.documentElement.dataset.theme") == "dark":
            break
        switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.goto(page.url.replace(CHAPTERS[0], CHAPTERS[1]))
    assert page.evaluate("document.documentElement.dataset.theme") == "dark", "not remembered"
    assert rec.console_errors == [] and rec.failed == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("rel", CHAPTERS)
def test_figures_sliders_and_math_legible(open_page, rel, mode):
    rec, page = open_in_mode(open_page, rel, mode)
    page_bg = float(luminance(page.locator("article").first.evaluate(BACKGROUND_JS)))
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"{mode}-{rel.split('/')[-1].removesuffix('.html')}"

    figures = page.locator("article div.cell_output img:not(.animation img)")
    assert figures.count() >= 2, f"{rel}: fewer than two figures"
    for k in range(min(3, figures.count())):
        figure = figures.nth(k)
        figure.scroll_into_view_if_needed()
        paper, ink = paper_and_ink(figure.screenshot())
        if k == 0:
            page.screenshot(path=str(SHOTS / f"{name}-figure.png"))
        assert contrast(paper, page_bg) < 1.25, (
            f"{rel} ({mode}): figure {k + 1}'s paper (luminance {paper:.2f}) stands out "
            f"from the page's ({page_bg:.2f})"
        )
        assert contrast(paper, ink) >= 7, (
            f"{rel} ({mode}): figure {k + 1}'s text and lines have contrast "
            f"{contrast(paper, ink):.1f} against its paper, below 7"
        )

    slider = page.locator("article .animation").first
    slider.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{name}-slider.png"))
    paper, ink = paper_and_ink(slider.locator("img").first.screenshot())
    assert contrast(paper, page_bg) < 1.25, f"{rel} ({mode}): the slider's frame glares"
    assert contrast(paper, ink) >= 7, f"{rel} ({mode}): the slider's frame is faint"
    button = slider.locator("button").first
    fg = float(luminance(button.evaluate(COLOR_JS)))
    bg = float(luminance(button.evaluate(BACKGROUND_JS)))
    assert contrast(fg, bg) >= 4.5, (
        f"{rel} ({mode}): slider buttons have contrast {contrast(fg, bg):.1f}"
    )

    math = page.locator("article mjx-container")
    assert math.count() > 0, f"{rel}: no typeset math"
    for k in range(min(5, math.count())):
        fg = float(luminance(math.nth(k).evaluate(COLOR_JS)))
        bg = float(luminance(math.nth(k).evaluate(BACKGROUND_JS)))
        assert contrast(fg, bg) >= 7, f"{rel} ({mode}): math has contrast {contrast(fg, bg):.1f}"
    assert rec.console_errors == [] and rec.failed == [] and rec.blocked == []


@pytest.mark.parametrize("mode", MODES)
def test_glossary_chinese_terms_drawn_with_a_chinese_font(open_page, mode):
    """Chromium reports which installed fonts drew a node's text: every character of the
    Chinese column must be drawn by Noto Sans CJK SC, a Simplified Chinese face, not by
    whatever fallback (a Japanese face, empty boxes) the system would pick."""
    rec, page = open_in_mode(open_page, "appendices/glossary.html", mode)
    cell = page.locator("article table tbody tr td:nth-child(2)").first
    cell.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{mode}-glossary.png"))
    text = cell.inner_text()
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert han >= 2, f"the first glossary row has no Chinese term: {text!r}"

    cdp = rec.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    selector = "article table tbody tr td:nth-child(2)"
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    noto = sum(f["glyphCount"] for f in fonts if f["familyName"] == "Noto Sans CJK SC")
    assert noto >= han, (
        f"the Chinese terms are drawn by {fonts}, not by Noto Sans CJK SC "
        "(Debian's fonts-noto-cjk, named first for Chinese in tools/book_assets.css)"
    )
    assert rec.console_errors == [] and rec.failed == []
