"""The PDF of the book (``make pdf``): all of it, every glyph there, figures, math and code set
right, and nothing that only a browser can show.

Reads the PDF with poppler's tools: pdftotext (the text layer), pdffonts, pdfimages, and
pdftoppm, which renders a few pages into ``test-artifacts/pdf/`` for a person to look at.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
import yaml
from PIL import Image

from .conftest import ARTIFACTS, ROOT, poppler

#: What TeX or MyST markup looks like when it leaks into the text instead of being typeset.
RAW_MARKUP = re.compile(
    r"\\(frac|sum|theta|eta|nabla|mathbf|begin|end|left|right)\b|\$\$|:::\{|```|\{(math|figure|"
    r"admonition|bibliography)\}|<(div|img|span|script)\b|<IPython\.|object at 0x"
)
HAN = re.compile(r"[\u4e00-\u9fff]+")
MATH_LETTER = re.compile(r"[\U0001d400-\U0001d7ff]")


def _squash(text: str) -> str:
    """Text without whitespace and ligatures (ﬁ is fi), for comparisons that line breaks and
    typesetting must not upset."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _toc_sources() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc["parts"]:
        walk(part["chapters"])
    found = []
    for name in files:
        for suffix in (".ipynb", ".md"):
            if (ROOT / f"{name}{suffix}").is_file():
                found.append(ROOT / f"{name}{suffix}")
    return found


def _cells(path: Path) -> list[tuple[str, str]]:
    """(kind, source) of a notebook's cells, or of a Markdown file's text and fenced code."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
    text = path.read_text(encoding="utf-8")
    code = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.M | re.S)
    return [("markdown", text)] + [("code", c) for c in code]


def _title(path: Path) -> str:
    for kind, source in _cells(path):
        if kind == "markdown":
            match = re.search(r"^# (.+)$", source, flags=re.M)
            if match:
                return re.sub(r"[`*_]|\[([^]]*)\]\([^)]*\)", r"\1", match.group(1)).strip()
    raise AssertionError(f"{path.name} has no title")


def test_the_whole_book_is_there(pages):
    sources = _toc_sources()
    assert len(sources) >= 20, "the table of contents lists fewer documents than expected"
    text = _squash("".join(pages))
    missing = [p.name for p in sources[1:] if _squash(_title(p)) not in text]
    assert missing == [], f"chapters missing from the PDF: {missing}"
    assert len(pages) > 100, f"only {len(pages)} pages"
    bib = (ROOT / "references.bib").read_text()
    titles = re.findall(r"^\s*title\s*=\s*[{\"]+([^}\"]+)", bib, flags=re.M)
    words = re.sub(r"\W+", "", text).lower()  # hyphens at line ends and dashes vary
    absent = [t for t in titles if re.sub(r"\W+", "", _squash(t)).lower()[:30] not in words]
    assert titles and absent == [], f"references missing from the bibliography: {absent}"


def test_no_raw_tex_or_markup_outside_code(pages):
    """Math and directives are typeset, never printed as source. Code listings may contain
    TeX (a plot label like ``r"$\\frac{1}{2}$"``), so a match inside any code cell's source
    is allowed."""
    code = _squash(
        "".join(src for p in _toc_sources() for kind, src in _cells(p) if kind == "code")
    )
    leaks = []
    for number, page in enumerate(pages, start=1):
        for line in page.splitlines():
            if RAW_MARKUP.search(line) and _squash(line) not in code:
                leaks.append(f"page {number}: {line.strip()[:100]}")
    assert leaks == [], "raw TeX or markup in the PDF:\n" + "\n".join(leaks)


def test_every_glyph_is_there(pdf, pages):
    log = pdf.with_suffix(".log")
    missing = [
        ln for ln in log.read_text(errors="replace").splitlines() if "Missing character" in ln
    ]
    assert missing == [], "XeTeX found no glyph for:\n" + "\n".join(sorted(set(missing))[:20])
    assert not any("\ufffd" in page for page in pages), "the text layer has U+FFFD"

    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    not_embedded = [f for f in fonts if f.split()[-5] != "yes"]
    assert not_embedded == [], f"fonts not embedded: {not_embedded}"
    names = " ".join(f.split()[0] for f in fonts)
    assert "NotoSerifCJK" in names or "NotoSansCJK" in names, f"no Noto CJK font: {names}"

    glossary = (ROOT / "appendices" / "glossary.md").read_text(encoding="utf-8")
    rows = [r.split("|")[2] for r in glossary.splitlines() if r.startswith("|") and HAN.search(r)]
    terms = [HAN.search(cell).group() for cell in rows if HAN.search(cell)]
    assert len(terms) >= 20
    # In content-stream order a table cell's lines stay together (the page's reading order
    # interleaves the columns of a row whose Chinese term wraps onto a second line).
    text = _squash(poppler("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"))
    absent = [t for t in terms if t not in text]
    assert absent == [], f"Chinese glossary terms missing from the PDF: {absent}"


def test_nothing_runs_off_the_page(pdf):
    """TeX reports every line it could not fit in the text width; a few points into the margin
    pass unnoticed, a table or formula running off the paper does not."""
    log = pdf.with_suffix(".log").read_text(errors="replace")
    overflows = [float(pt) for pt in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    assert max(overflows, default=0) < 50, (
        f"lines up to {max(overflows):.0f}pt wider than the text (50pt is 18 mm into the margin)"
    )


def test_math_is_typeset_with_a_math_font(pdf, pages):
    """unicode-math sets math italic letters as Unicode's mathematical alphanumerics (𝜃 for a
    θ in a formula), so their count measures how much math was typeset."""
    fonts = poppler("pdffonts", str(pdf))
    assert "LatinModernMath" in fonts, "math not set in Latin Modern Math (unicode-math)"
    letters = len(MATH_LETTER.findall("".join(pages)))
    assert letters >= 1000, f"only {letters} math letters typeset"
    for symbol in "∇∑≤":
        assert "".join(pages).count(symbol) >= 5, f"math symbol {symbol} hardly appears"


def test_figures_are_in_the_pdf_and_sharp(pdf):
    rows = [r.split() for r in poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]]
    images = [r for r in rows if r[2] == "image"]
    assert len(images) >= 40, f"only {len(images)} images: figures are missing"
    ppi = np.array([float(r[12]) for r in images])
    assert np.median(ppi) >= 150, f"figures are printed at a median {np.median(ppi):.0f} ppi"


def test_sliders_print_as_still_frames(pages):
    """Every chapter has at least one slider (the browser tests check it); the PDF prints its
    first, middle and last frames with a sentence saying so, never the player's markup."""
    printed = len(re.findall(r"Online,\s*a\s*slider\s*moves", "".join(pages)))
    chapters = len(list((ROOT / "chapters").glob("*.ipynb")))
    assert printed >= chapters, f"{printed} sliders printed as still frames, {chapters} chapters"


def _ink(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Darkness (0..1) and colourfulness (0..1) of each pixel of a rendered page."""
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=float) / 255
    return 1 - rgb.mean(axis=2), rgb.max(axis=2) - rgb.min(axis=2)


def _page_with(pages, pattern: str, after: int = 0) -> int:
    for number, page in enumerate(pages, start=1):
        if number > after and re.search(pattern, page):
            return number
    raise AssertionError(f"no page matches {pattern!r}")


def test_pages_render_with_figures_code_math_and_chinese(pdf, pages):
    contents_end = _page_with(pages, r"Start here", after=3)  # the part after the contents
    chosen = {
        "title": 1,
        "figure": _page_with(pages, r"Fig\.\s*\d", after=contents_end),
        "slider": _page_with(pages, r"Online,\s*a\s*slider", after=contents_end),
        "math": int(np.argmax([len(MATH_LETTER.findall(p)) for p in pages])) + 1,
        "code": int(np.argmax([p.count("np.") for p in pages])) + 1,
        "glossary": _page_with(pages, r"简体中文", after=contents_end),
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for what, number in chosen.items():
        stem = ARTIFACTS / f"{what}-page{number:03d}"
        poppler("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                str(pdf), str(stem))  # fmt: skip
        dark, colour = _ink(stem.with_suffix(".png"))
        assert (dark > 0.5).mean() > 0.002, f"the {what} page ({number}) is blank"
        edge = max(1, dark.shape[1] // 40)
        spill = max(dark[:, :edge].max(), dark[:, -edge:].max())
        assert spill < 0.3, f"the {what} page ({number}) has ink at the paper's edge"
        if what in ("figure", "slider"):
            assert (colour > 0.3).mean() > 0.001, f"the {what} page ({number}) has no colour figure"


@pytest.mark.parametrize("pattern", [r"Start here", r"Chapters", r"Appendices"])
def test_parts_and_numbering_follow_the_online_book(pages, pattern):
    contents = "".join(pages[:6])
    assert re.search(pattern, contents), f"the contents have no part {pattern!r}"
    # numbered as online: Loss functions is Chapter 1, the Introduction has no number
    assert re.search(r"\b1\s+Loss functions", contents)
    assert not re.search(r"\b1\s+Introduction", contents)
