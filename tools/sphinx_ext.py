"""A small Sphinx extension: the book offline with a clean console, and what it publishes.

- Publishes, after the HTML build, what the download button, the launch buttons and the
  landing page's links serve: the course's wheel, the portable notebooks, the tree that the
  launch buttons open and the zip of all notebooks (``publish.py``). The launch buttons
  themselves are sphinx-book-theme's, set in ``_config.yml``: Binder and Colab open the page's
  notebook on the published branch (``repository.branch``); a JupyterHub button appears only
  when ``launch_buttons.jupyterhub_url`` is set.
- Drops the Thebe scripts that Jupyter Book adds even with live code switched off: they are
  included twice (a console error) and would fetch Thebe from a CDN.
- Normalizes the theme's light/dark mode before the theme reads it, so a first visit with an
  empty ``localStorage`` logs no "invalid theme mode" error.
- Gives the book the package's version (``gdcourse.__version__``, written once): the
  ``{{ version }}`` substitution of the landing page, whatever ``_config.yml`` says.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import gdcourse

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # local_extensions puts tools/ on the path; publish imports tools.*
    sys.path.insert(0, str(ROOT))

from tools.publish import on_build_finished  # noqa: E402

THEME_MODE_FIX = (
    "if (!document.documentElement.dataset.mode) {"
    " document.documentElement.dataset.mode = 'auto'; }"
)


def _is_thebe(asset) -> bool:
    name = os.fspath(asset.filename or "")
    body = asset.attributes.get("body", "") if hasattr(asset, "attributes") else ""
    return "thebe" in name or "THEBE_JS_URL" in body or "thebe" in body.lower()


def _page_context(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_thebe(a)]


def _version(app, config):
    config.myst_substitutions = {**config.myst_substitutions, "version": gdcourse.__version__}


def setup(app):
    app.connect("config-inited", _version)
    app.connect("html-page-context", _page_context)
    app.add_js_file(None, body=THEME_MODE_FIX, priority=1000)
    app.connect("build-finished", on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
