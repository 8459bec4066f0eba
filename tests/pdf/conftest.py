"""Fixtures for testing the book's PDF with poppler's tools (Debian's poppler-utils).

The PDF must be built first (``make pdf``). Pages rendered for a person to look at land in
``test-artifacts/pdf/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
#: The PDF that ``make pdf`` builds, named after the LaTeX document in _config.yml.
_TEX = yaml.safe_load((ROOT / "_config.yml").read_text())["latex"]["latex_documents"]["targetname"]
PDF = Path(os.environ.get("BOOK_PDF", ROOT / "_build" / "latex" / Path(_TEX).with_suffix(".pdf")))
ARTIFACTS = ROOT / "test-artifacts" / "pdf"


def poppler(tool: str, *args: str) -> str:
    """Run one of poppler's command-line tools and return what it prints."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} not found: install Debian's poppler-utils")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def pdf() -> Path:
    if not PDF.is_file():
        pytest.fail(f"no PDF at {PDF}: run `make pdf` first")
    return PDF


@pytest.fixture(scope="session")
def pages(pdf) -> list[str]:
    """The text layer of each page, in order (pdftotext separates pages with form feeds)."""
    return poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]
