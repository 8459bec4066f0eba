"""The repository's own tooling: run from a checkout (``python -m tools.NAME``), never installed.

- :mod:`.notebooks`: chapters keep only the outputs that nbval compares (refresh, strip, check);
- :mod:`.bootstrap`: the setup cell at the top of every notebook (apply, check);
- :mod:`.release`: the student versions of the exercises for the book, and the leak check;
- :mod:`.sphinx_ext`: the book's Sphinx extension (``_config.yml`` loads it from here).
"""
