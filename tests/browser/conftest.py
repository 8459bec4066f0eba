"""Fixtures for testing the built book in Debian's headless Chromium.

The book must be built first (``make book``; ``make test`` does it). The pages are served on
localhost and every request to any other host is blocked, which proves the book works offline.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def book_html() -> Path:
    if not (HTML / "index.html").is_file():
        pytest.fail(f"no built book at {HTML}: run `make book` first")
    return HTML


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def server(book_html):
    handler = functools.partial(_Quiet, directory=str(book_html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.fail("Chromium not found: install Debian's package (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        yield b
        b.close()


class PageRecorder:
    """A page whose console errors, failed and blocked requests are recorded.

    ``color_scheme`` is the reader's system preference ("light" or "dark"), which the theme
    follows until the reader picks a mode with its switch.
    """

    def __init__(self, browser, base: str, color_scheme: str = "light"):
        self.context = browser.new_context(
            viewport={"width": 1280, "height": 900}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.base = base
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.blocked: list[str] = []
        self.loaded: list = []  # responses, to weigh a page and see which files it needs
        host = urlparse(base).netloc
        self.context.route("**/*", self._route(host))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"page error: {exc}"))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("response", self._response)

    def _route(self, host):
        def handle(route):
            url = urlparse(route.request.url)
            if url.scheme in ("data", "blob") or url.netloc == host:
                route.continue_()
            else:
                self.blocked.append(route.request.url)
                route.abort()

        return handle

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.url} (HTTP {response.status})")
        else:
            self.loaded.append(response)

    def goto(self, rel: str):
        self.page.goto(f"{self.base}/{rel}", wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def recorder(browser, server):
    rec = PageRecorder(browser, server)
    yield rec
    rec.close()


@pytest.fixture
def open_page(browser, server):
    """``open_page(color_scheme)``: a new recorded page for a reader who prefers that scheme."""
    opened = []

    def make(color_scheme: str = "light") -> PageRecorder:
        opened.append(PageRecorder(browser, server, color_scheme))
        return opened[-1]

    yield make
    for rec in opened:
        rec.close()
