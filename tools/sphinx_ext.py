"""A small Sphinx extension that keeps the built book offline and its console clean.

- Drops the Thebe scripts that Jupyter Book adds even with live code switched off: they are
  included twice (a console error) and would fetch Thebe from a CDN.
- Normalizes the theme's light/dark mode before the theme reads it, so a first visit with an
  empty ``localStorage`` logs no "invalid theme mode" error.
- Gives the book the package's version (``gdcourse.__version__``, written once): the
  ``{{ version }}`` substitution of the landing page, whatever ``_config.yml`` says.
"""

from __future__ import annotations

import os

import gdcourse

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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
