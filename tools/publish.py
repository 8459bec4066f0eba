"""What the book publishes beside its pages: the course's wheel, portable notebooks, one zip.

Run by the HTML build (Sphinx's ``build-finished``, so ``make book`` does it), from the book's
address (``html.baseurl`` in ``_config.yml``, the one place it is written):

1. **The wheel** of this checkout (``gdcourse``: gdlib, the learner's checks, the exercises'
   hidden tests), built into ``_static/``; its SHA-256 pins it everywhere below. Its files
   carry a fixed date, so the same sources give the same wheel and hash.
2. **Portable notebooks**, one per notebook page: a chapter as the build ran it (from
   myst-nb's jupyter-cache, outputs kept), an exercise from its student version
   (``exercises/``, as ``make book`` generates it). Each gets the published setup cell
   (``bootstrap.published_source``: installs that wheel), Markdown without MyST
   (``portable.markdown``), a ``glue`` that needs no myst-nb, and only the outputs a notebook
   can show. They replace the files behind the download button (``_sources/``) and the
   ``{download}`` links (``_downloads/``).
3. **The published tree**, ``_build/published/``: the portable notebooks at their pages' paths,
   a ``binder/`` learner environment (the wheel with its ``learner`` extra, Python pinned) and
   a README. The pages workflow pushes it to the branch that the launch buttons open
   (``repository.branch``).
4. **One zip** of the portable chapters and exercises, the wheel and a README on installing
   and grading, linked from the landing page (``bundle.py`` makes the wheel, ``binder/`` and
   the zip).
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import nbformat
from myst_nb.core.variables import format_plain_text

from gdlib.plotting import FRAMES_MIME
from tools import bootstrap, bundle, portable

PUBLISHED = "published"  # _build/published: the tree the launch buttons open
GLUE_IMPORT = re.compile(r"^from myst_nb import glue\b.*$", re.M)
GLUE = '''\
def glue(name, value, display=True):
    """In the book this puts ``value`` into the text; this copy's text holds it already."""
    if display:
        from IPython.display import display as show

        show(value)
'''
WIDGET = "application/vnd.jupyter.widget-view+json"  # needs the widget's state, never saved


class PublishError(RuntimeError):
    """The book cannot publish its notebooks as they are (the message says what to fix)."""


def portable_notebook(nb, docname: str, site: portable.Site, setup: str, glued: dict):
    """The portable form of notebook ``nb`` of page ``docname`` (a new notebook)."""
    nb = copy.deepcopy(nb)
    problems = []

    def glue(spec: str) -> str:
        key, _, fmt = spec.partition(":")
        if key not in glued or "text/plain" not in glued[key].get("data", {}):
            raise portable.ConversionError(f"{docname}: no glued value {key!r}")
        return format_plain_text(glued[key]["data"]["text/plain"], fmt)  # as the book does

    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timings of the build's run
        if cell.cell_type == "markdown":
            cell.source = portable.markdown(cell.source, docname, site, glue)
            problems += [f"{docname}: raw MyST left: {line}"
                         for line in portable.leftover_myst(cell.source)]
        elif cell.cell_type == "code":
            _portable_code(cell, docname, problems)
    if any(c.cell_type == "code" for c in nb.cells):
        bootstrap.apply(nb, setup)
    if problems:
        raise PublishError("\n".join(problems))
    return nb


def _portable_code(cell, docname: str, problems: list[str]) -> None:
    tags = cell.metadata.get("tags", [])
    if bootstrap.TAG in tags:
        return
    cell.source = GLUE_IMPORT.sub("\n\n" + GLUE, cell.source)
    if "myst_nb" in cell.source:
        problems.append(f"{docname}: a cell uses myst_nb other than by `from myst_nb import glue`")
    hidden = {"remove-cell", "remove-input", "hide-input"} & set(tags)
    if hidden:
        cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    if {"remove-output", "hide-output"} & set(tags):
        cell.metadata.setdefault("jupyter", {})["outputs_hidden"] = True
    kept = []
    for output in cell.get("outputs", []):
        data = output.get("data")
        if data is None:
            kept.append(output)
            continue
        record = output.get("metadata", {}).pop("scrapbook", None)
        if record and record.get("mime_prefix"):  # a value glued into the text, not shown
            continue
        for mime in (FRAMES_MIME, WIDGET):
            data.pop(mime, None)
            output.get("metadata", {}).pop(mime, None)
        if "image/svg+xml" in data and "image/png" in data:  # keep the lighter of the two
            heavier = max(("image/svg+xml", "image/png"), key=lambda m: len(str(data[m])))
            data.pop(heavier)
            output.get("metadata", {}).pop(heavier, None)
        if data:
            kept.append(output)
    cell.outputs = kept


def write_json(nb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.validate(nb)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                    encoding="utf-8")


def site_of(app) -> portable.Site:
    """The book's address, targets, page titles and citations, from the Sphinx build."""
    base = (app.config.html_baseurl or "").strip()
    if not base.startswith(("https://", "http://")):
        raise PublishError("the book's address is not set: write it as html.baseurl in "
                           "_config.yml (e.g. https://ORG.github.io/REPO/)")
    base = base.rstrip("/") + "/"
    env = app.env
    std = env.get_domain("std")
    labels = {name: (doc, anchor, title) for name, (doc, anchor, title) in std.labels.items()}
    for name, (doc, anchor) in std.anonlabels.items():
        labels.setdefault(name, (doc, anchor, ""))
    citations = {}
    if "cite" in env.domains:
        domain = env.get_domain("cite")
        for citation in domain.citations:
            page = citation.bibliography_key.docname
            year = str(citation.entry.fields.get("year", "n.d."))
            citations[citation.key] = (_authors(citation.entry), year,
                                       f"{base}{page}.html#{citation.citation_id}")
    return portable.Site(
        base=base,
        labels=labels,
        titles={doc: title.astext() for doc, title in env.titles.items()},
        citations=citations,
        substitutions=dict(app.config.myst_substitutions or {}),
    )


def _authors(entry) -> str:
    """"Smith", "Smith and Jones" or "Smith et al." for a pybtex entry."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [re.sub(r"[{}\\]", "", " ".join(p.prelast_names + p.last_names)) for p in people]
    if not names:
        return re.sub(r"[{}\\]", "", str(entry.fields.get("organization", entry.key)))
    return names[0] if len(names) == 1 else (
        f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]} et al.")


def executed(app, docname: str, source: Path) -> tuple[nbformat.NotebookNode, dict]:
    """The notebook of page ``docname`` as the build ran it, and the values it glued.

    In myst-nb's ``cache`` mode the run is in the jupyter-cache (``jupyter_execute/`` then holds
    the unexecuted source whenever the page came from the cache); a notebook excluded from
    execution (an exercise) is its source.
    """
    nb = nbformat.read(source, as_version=4)
    config = app.env.mystnb_config
    if config.execution_mode == "cache":
        from jupyter_cache import get_cache

        try:
            _, nb = get_cache(config.execution_cache_path).merge_match_into_notebook(nb)
        except KeyError:  # never executed
            pass
    else:
        ran = Path(config.output_folder) / f"{docname}.ipynb"
        nb = nbformat.read(ran, as_version=4) if ran.is_file() else nb
    glued = {}
    for cell in nb.cells:
        glued.update(_glued(cell))
    return nb, glued


def _glued(cell) -> dict:
    """The values that ``cell`` glued, by name (myst-nb's ``glue`` records them as outputs)."""
    values = {}
    for output in cell.get("outputs", []):
        record = output.get("metadata", {}).get("scrapbook")
        if record:
            prefix = len(record.get("mime_prefix", ""))
            values[record["name"]] = {"data": {k[prefix:]: v for k, v in output["data"].items()}}
    return values


def on_build_finished(app, exc) -> None:
    """Sphinx's build-finished: publish the wheel, the portable notebooks, the tree, the zip."""
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    site = site_of(app)
    wheel = bundle.build_wheel(out / "_static")
    digest, version = bundle.sha256(wheel), bundle.wheel_version(wheel)
    path = f"_static/{wheel.name}"
    setup = bootstrap.published_source(site.base, path, digest, version)
    requirement = f"gdcourse[learner] @ {site.base}{path}#sha256={digest}"
    notebooks = {}
    for docname in sorted(app.env.found_docs):
        source = Path(app.env.doc2path(docname))
        if source.suffix == ".ipynb":
            nb, values = executed(app, docname, source)
            notebooks[docname] = portable_notebook(nb, docname, site, setup, values)

    tree = out.parent / PUBLISHED
    shutil.rmtree(tree, ignore_errors=True)
    for docname, nb in notebooks.items():
        write_json(nb, out / "_sources" / f"{docname}.ipynb")  # the download button's file
        write_json(nb, tree / f"{docname}.ipynb")
    for filename, (_pages, dest) in app.env.dlfiles.items():  # the {download} links' files
        docname = filename.removesuffix(".ipynb")
        if filename.endswith(".ipynb") and docname in notebooks:
            write_json(notebooks[docname], out / "_downloads" / dest)
    title = app.config.html_title or app.config.project
    for name, text in bundle.binder_files(requirement).items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text, encoding="utf-8")
    (tree / "README.md").write_text(
        bundle.TREE_README.format(title=title, version=version, site=site.base), encoding="utf-8")

    files = {f"{docname}.ipynb": (tree / f"{docname}.ipynb").read_bytes()
             for docname in notebooks}
    files[wheel.name] = wheel.read_bytes()
    files["README.md"] = bundle.ZIP_README.format(
        title=title, site=site.base, version=version, requirement=requirement, wheel=wheel.name
    ).encode()
    bundle.write_zip(out / bundle.ZIP_NAME, files)
