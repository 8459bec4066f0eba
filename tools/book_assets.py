"""The book's figures, math and PDF: what the HTML pages ship and what the LaTeX build prints.

- **Only what the pages load.** MathJax's TeX-to-CHTML component, its web fonts, the TeX
  extensions it autoloads (``\\boldsymbol``, ``\\cancel``, ...) and what its menu's accessibility
  explorer loads (English speech rules), copied from sphinx-mathjax-offline's bundle: about
  3 MB instead of 24 MB, still without network. The theme's source maps are dropped.
- **Sharp figures that stay light.** gdlib's ``use_style()`` sends each figure as SVG and as a
  PNG at twice the resolution; pages show the lighter file (the SVG, unless a plot has so many
  marks that its PNG is smaller). Slider frames, rendered at more pixels than they are shown,
  are displayed at their figure size (96 CSS px per inch) and stored in 256 colours.
- **Dark mode.** ``book_assets.css`` inverts the lightness of figures and turns their hues back,
  so text is light on the dark page and colours keep their hue (legend and plot alike); a cell
  tagged ``keep-colours`` opts out.
- **The PDF (XeLaTeX).** The LaTeX build uses Sphinx's own ``manual`` class (the jupyterBook
  class needs TeX packages Debian ships only in texlive-fonts-extra), without ucharclasses
  (which clashes with xeCJK). Outputs that only a browser can show are printed as static
  images (the first, middle and last frames of a slider) or as a sentence, never as markup.
  Chapters are numbered as online (the introduction, exercises and appendices are not), the
  bibliography takes its chapter's title, and tables wrap inside the page.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import os
import re
import shutil
import struct
import unicodedata
from pathlib import Path

from docutils import nodes
from PIL import Image
from sphinx import addnodes
from sphinx.builders.latex.nodes import thebibliography
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape

HERE = Path(__file__).resolve().parent
CSS = HERE / "book_assets.css"

MATHJAX_PATH = "mathjax/tex-chtml.js"
#: Files of MathJax 3 that the pages load, relative to its root (directories copied whole).
MATHJAX_FILES = [
    "tex-chtml.js",
    "output/chtml/fonts/woff-v2",  # the CHTML fonts, loaded per glyph family used
    "input/tex/extensions",  # autoloaded TeX packages
    # the menu's Accessibility > Explorer: enrichment, speech rules (English), Nemeth braille
    "a11y/semantic-enrich.js",
    "a11y/complexity.js",
    "a11y/explorer.js",
    "a11y/sre.js",
    "input/mml.js",
    "sre/mathmaps/base.json",
    "sre/mathmaps/en.json",
    "sre/mathmaps/nemeth.json",
]

WIDGET = "application/vnd.jupyter.widget-view+json"  # needs a kernel: no static form at all
INTERACTIVE = {"text/html", "application/javascript", WIDGET}
STATIC = {"application/pdf", "image/png", "image/jpeg", "text/latex"}
FRAME = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\\\s]+)")
ANIMATION_IMG = re.compile(r'<img (alt="[^"]*" )?id="_anim_img')
UCHARCLASSES = re.compile(r"\\usepackage\[[^]]*\]\{ucharclasses\}")
#: The environments sphinx-jupyterbook-latex wraps code cells and outputs in (its own class,
#: replaced by Sphinx's ``manual``, defines them): inputs shaded, outputs indented on white.
CELL_ENVIRONMENTS = r"""
\usepackage[strict]{changepage}
\definecolor{CellInputBorder}{RGB}{204,204,204}
\definecolor{CellInputBackground}{RGB}{245,245,245}
\newenvironment{sphinxVerbatimInput}
  {\colorlet{VerbatimBorderColor}{CellInputBorder}\colorlet{VerbatimColor}{CellInputBackground}%
   \begin{adjustwidth}{5pt}{}}
  {\end{adjustwidth}}
\newenvironment{sphinxVerbatimOutput}
  {\colorlet{VerbatimBorderColor}{white}\colorlet{VerbatimColor}{white}%
   \begin{adjustwidth}{20pt}{}}
  {\end{adjustwidth}}
"""
SECNUMDEPTH = 2  # the report class's: chapters, sections and subsections
DEFAULT_REPR = re.compile(r"^<.+ object( at 0x[0-9a-f]+)?>$", re.DOTALL)


def mathjax_source() -> Path:
    """The full MathJax bundle that sphinx-mathjax-offline installs."""
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "sphinx-mathjax-offline is not installed: it provides the offline MathJax files"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "mathjax"


def ship_static(app, exc) -> None:
    """Copy the MathJax files the pages load, and drop the theme's source maps (3.4 MB that
    only a browser's developer tools ever fetch)."""
    if exc is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for source_map in static.rglob("*.map"):
        source_map.unlink()
    src, dest = mathjax_source(), static / "mathjax"
    shutil.rmtree(dest, ignore_errors=True)
    for rel in MATHJAX_FILES:
        if (src / rel).is_dir():
            shutil.copytree(src / rel, dest / rel)
        else:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / rel, dest / rel)


def configure(app, config) -> None:
    """Runs after sphinx-jupyterbook-latex has set its LaTeX defaults."""
    if config.mathjax_path.startswith(("http:", "https:")):  # Sphinx's CDN default
        config.mathjax_path = MATHJAX_PATH
    config.html_static_path.append(str(CSS))
    config.latex_theme = "manual"
    preamble = config.latex_elements.get("preamble", "")
    config.latex_elements["preamble"] = UCHARCLASSES.sub("", preamble) + CELL_ENVIRONMENTS


def _png_size(data: bytes) -> tuple[int, int, float | None]:
    """Width and height in pixels of a PNG and its resolution in dots per inch, if stored."""
    width, height = struct.unpack(">II", data[16:24])
    at = data.find(b"pHYs")
    if at < 0:
        return width, height, None
    per_unit, _, unit = struct.unpack(">IIB", data[at + 4 : at + 13])
    return width, height, per_unit * 0.0254 if unit == 1 else None  # unit 1: per metre


def _frames(html: str) -> list[bytes]:
    """The PNG frames a matplotlib player embeds (base64 split over lines ending in a backslash,
    which b64decode drops)."""
    return [base64.b64decode(m.group(1)) for m in FRAME.finditer(html)]


def _mime_bundles(document):
    """Each output of myst-nb before it picks one form per builder: (node, {mime type: child})."""
    for node in list(document.findall(nodes.container)):
        if node.get("nb_element") == "mime_bundle":
            yield node, {child["mime_type"]: child for child in node.children}


def _image_file(app, container: nodes.Element) -> Path | None:
    image = next(container.findall(nodes.image), None)
    if image is None:
        return None
    uri = image["uri"]  # myst-nb writes outputs under _build/, as "/..." from the source root
    return Path(app.srcdir, uri.lstrip("/")) if uri.startswith("/") else Path(uri)


class PreferLightFigures(SphinxPostTransform):
    """Of a figure's SVG and its PNG (rendered at 2x), keep the lighter file."""

    default_priority = 3  # before myst-nb's SelectMimeType picks one output
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for _bundle, forms in _mime_bundles(self.document):
            if "image/svg+xml" not in forms or "image/png" not in forms:
                continue
            svg = _image_file(self.app, forms["image/svg+xml"])
            png = _image_file(self.app, forms["image/png"])
            if svg and png and svg.stat().st_size > png.stat().st_size:
                forms["image/svg+xml"].parent.remove(forms["image/svg+xml"])


class SliderFrames(SphinxPostTransform):
    """Show slider frames at their figure size, however many pixels they were rendered at, and
    store each in 256 colours (half the bytes, no visible change for line art). The first frame
    stays in the page; the others become image files that the browser fetches when the reader
    moves the slider, so a page with sliders weighs little more than its first frames."""

    default_priority = 10  # after myst-nb has picked the HTML form
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for raw in list(self.document.findall(nodes.raw)):
            html = raw.astext()
            frames = _frames(html) if ANIMATION_IMG.search(html) else []
            if not frames:
                continue
            width, _, dpi = _png_size(frames[0])
            css = round(width * 96 / dpi) if dpi else width
            html = ANIMATION_IMG.sub(rf'<img \1style="width: {css}px" id="_anim_img', html, count=1)
            count = iter(range(len(frames)))
            html = FRAME.sub(lambda m, n=count: self.frame_source(next(n), m.group(1)), html)
            raw.replace_self(nodes.raw("", html, format="html"))

    def frame_source(self, index: int, encoded: str) -> str:
        """A data URI for the first frame, the URL of an image file for every later one."""
        png = _palette_png(base64.b64decode(encoded))
        if index == 0:
            return _data_uri(png)
        name = f"slider-{hashlib.sha256(png).hexdigest()[:16]}.png"
        folder = Path(self.app.outdir, "_images")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(png)
        page_dir = Path(self.app.outdir, self.env.docname).parent
        return os.path.relpath(folder / name, page_dir).replace(os.sep, "/")


def _palette_png(data: bytes) -> bytes:
    """The same picture in at most 256 colours, if that is smaller (it keeps the resolution)."""
    image = Image.open(io.BytesIO(data))
    quantized = image.convert("RGB").quantize(256, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantized.save(out, "PNG", optimize=True, dpi=image.info.get("dpi", (72, 72)))
    return out.getvalue() if out.tell() < len(data) else data


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


class StaticOutputsForPdf(SphinxPostTransform):
    """Print what only a browser can show as still images or a sentence, never as markup."""

    default_priority = 3  # before myst-nb's SelectMimeType picks one output
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for bundle, forms in _mime_bundles(self.document):
            if STATIC & forms.keys() or not INTERACTIVE & forms.keys():
                continue
            html = forms["text/html"].astext() if "text/html" in forms else ""
            frames = _frames(html) if ANIMATION_IMG.search(html) else []
            plain = forms["text/plain"].astext().strip() if "text/plain" in forms else ""
            if frames:
                bundle.replace_self(self.still_frames(frames))
            elif WIDGET in forms or not plain or DEFAULT_REPR.match(plain):
                note = "This output is interactive: see it in the online book."
                bundle.replace_self(nodes.paragraph("", "", nodes.emphasis("", note)))
            # else the output's own plain text (a table's, say) is printed

    def still_frames(self, frames: list[bytes]) -> nodes.Element:
        """The first, middle and last frames of a slider, side by side when they are narrow."""
        picks = sorted({0, len(frames) // 2, len(frames) - 1})
        width, height, _ = _png_size(frames[0])
        narrow = width <= 1.6 * height
        box = nodes.container(classes=["slider-frames"])
        row = nodes.paragraph()
        for k in picks:
            name = f"slider-{hashlib.sha256(frames[k]).hexdigest()[:16]}.png"
            Path(self.app.outdir, name).write_bytes(_palette_png(frames[k]))
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


class NumberPartsAsOnline(SphinxPostTransform):
    """Number chapters and sections only in the parts the table of contents numbers, as the
    online book does: the introduction and the appendices stay unnumbered, and the chapter the
    text calls Chapter 3 is Chapter 3 in the PDF too."""

    default_priority = 800  # after sphinx-jupyterbook-latex has made parts of the captions
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        site_map = getattr(self.config, "external_site_map", None)
        if site_map is None:
            return
        numbered = {toc.caption: bool(toc.numbered) for toc in site_map.root.subtrees}
        for section in self.document.findall(nodes.section):
            caption = section.get("docname")
            if caption not in numbered or not isinstance(section[0], nodes.title):
                continue
            depth = SECNUMDEPTH if numbered[caption] else -1  # -1: parts only
            section.insert(
                1, nodes.raw("", f"\\setcounter{{secnumdepth}}{{{depth}}}\n", format="latex")
            )


class BibliographyAsItsChapter(SphinxPostTransform):
    """LaTeX collects every citation into one bibliography at the end of the book, which leaves
    the chapter that holds the ``{bibliography}`` directive empty: drop that chapter and give
    the bibliography its title."""

    default_priority = 800  # after sphinx-jupyterbook-latex has moved the bibliography
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        bibliography = next(self.document.findall(thebibliography), None)
        if bibliography is None:
            return
        docs = {key.docname for key in self.env.get_domain("cite").bibliographies}
        for start in list(self.document.findall(addnodes.start_of_file)):
            section = next(iter(start.findall(nodes.section)), None)
            if start.get("docname") not in docs or section is None or _has_text(section):
                continue
            name = texescape.escape(section[0].astext())
            bibliography.parent.insert(
                bibliography.parent.index(bibliography),
                nodes.raw("", f"\\renewcommand{{\\bibname}}{{{name}}}\n", format="latex"),
            )
            start.parent.remove(start)


class TableColumnsForPdf(SphinxPostTransform):
    """Give the tables whose author set no column widths widths in proportion to what their
    columns hold, so that text wraps inside its column: LaTeX's default for a long table (more
    than 30 rows, like the glossary's) is one unbroken line per cell, off the page's edge."""

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for table in self.document.findall(nodes.table):
            tgroup = next(table.findall(nodes.tgroup), None)
            if tgroup is None or "colwidths-given" in table["classes"]:
                continue
            columns = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
            widths = [[] for _ in columns]
            for row in tgroup.findall(nodes.row):
                for column, entry in zip(widths, row.children, strict=False):  # spans shift
                    column.append(_text_width(entry.astext()))
            for colspec, column in zip(columns, widths, strict=True):
                # halfway between the mean and the widest cell, in characters, within [6, 60]
                mean = sum(column) / max(1, len(column))
                colspec["colwidth"] = min(60, max(6, round((mean + max(column, default=0)) / 2)))
            table["classes"].append("colwidths-given")


def _text_width(text: str) -> int:
    """Width of a text in Latin characters: a Chinese character counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


def _has_text(section: nodes.section) -> bool:
    """Whether a section says anything besides its title."""
    return any(
        not isinstance(child, nodes.title) and child.astext().strip() for child in section.children
    )


def setup(app):
    app.connect("config-inited", configure, priority=800)  # jupyterbook-latex's runs at 500
    app.connect("build-finished", ship_static)
    app.add_css_file("book_assets.css")
    app.add_post_transform(PreferLightFigures)
    app.add_post_transform(SliderFrames)
    app.add_post_transform(StaticOutputsForPdf)
    app.add_post_transform(NumberPartsAsOnline)
    app.add_post_transform(BibliographyAsItsChapter)
    app.add_post_transform(TableColumnsForPdf)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
