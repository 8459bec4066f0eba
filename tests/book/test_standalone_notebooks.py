"""The published notebooks run on their own: no checkout, no network, only the built site.

The built site (``make book``) is served on 127.0.0.1, as a mirror of the book's address
(``GDCOURSE_MIRROR``). Each notebook runs in a new virtual environment that sees the pinned
third-party packages but not the course's code, with pip allowed no index: the only way to the
course's package is the first cell, installing the wheel published with the site. Every chapter
runs top to bottom, every released exercise with its solution filled in (its last cell giving
full marks); without network, or beside another version of the package, the first cell stops
with a clear message and installs nothing. The wheel ships every exercise's hidden tests and no
line of its solutions, and grades a notebook from any folder.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import socket
import subprocess
import sysconfig
import textwrap
import threading
import venv
import zipfile
from pathlib import Path

import nbformat
import pytest

from gdcourse.grading.course import fill_in
from gdcourse.grading.layout import BEGIN_HIDDEN, BEGIN_SOLUTION, SHIPPED, Layout
from tools import bootstrap, bundle, portable, publish, release

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "_build"
HTML = Path(os.environ.get("BOOK_HTML", BUILD / "html"))
TREE = HTML.parent / publish.PUBLISHED

RUN = textwrap.dedent(
    """
    import sys, time, nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    nb = nbformat.read(sys.argv[1], as_version=4)
    # Unix sockets in the run's folder: no TCP port to lose to a kernel started at the same time
    km = KernelManager(kernel_name="python3", transport="ipc")
    client = NotebookClient(nb, km=km, timeout=300, allow_errors=True,
                            resources={"metadata": {"path": sys.argv[2]}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            start = time.time()
            client.execute_cell(cell, index)
            print(f"cell {index}: {time.time() - start:.1f} s", file=sys.stderr, flush=True)
        nbformat.write(nb, sys.argv[1])
        start = time.time()
    print(f"shutdown: {time.time() - start:.1f} s", file=sys.stderr, flush=True)
    """
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test's output readable
        pass


def _published(folder: str) -> list[Path]:
    """The published notebooks of ``folder`` (a missing one, if the book is not built)."""
    return sorted((TREE / folder).glob("*.ipynb")) or [TREE / folder / "none.ipynb"]


@pytest.fixture(scope="module")
def site():
    """The built site on 127.0.0.1, with the paths of the requests it answered."""
    if not (HTML / "index.html").is_file() or not TREE.is_dir():
        pytest.fail(f"no built book at {HTML}: run `make book` first")
    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            requests.append(f"{self.command} {self.path}")

    handler = functools.partial(Handler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", requests
    httpd.shutdown()


@pytest.fixture
def bare_python(tmp_path_factory) -> Path:
    """A new venv that sees this environment's third-party packages but not the course code.

    One per test: a test that installs the wheel must not hand it to the next.
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site_dir = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, check=True).stdout.strip()
    # A view of this environment's packages without the course's own (its code, its metadata
    # and its editable-install hook), reached through a plain path line.
    view = env_dir / "third-party"
    view.mkdir()
    for entry in Path(sysconfig.get_path("purelib")).iterdir():
        name = entry.name.lower()
        if not name.startswith(("gdcourse", "gdlib", "__editable__")) and entry.suffix != ".pth":
            (view / entry.name).symlink_to(entry)
    Path(site_dir, "outer.pth").write_text(f"{view}\n")
    probe = subprocess.run(
        [py, "-c", "import numpy, nbclient, ipykernel, pip, importlib.metadata as m\n"
                   "try:\n    m.version('gdcourse')\nexcept m.PackageNotFoundError:\n"
                   "    import gdlib"],
        capture_output=True, text=True, cwd=env_dir)
    assert "No module named 'gdlib'" in probe.stderr, probe.stderr
    return py


def _env(tmp: Path, mirror: str | None) -> dict:
    """No index, no pip configuration, no course on the path: only the mirror, if any.

    The sliders are the pre-rendered ones (``GDLIB_STATIC``), as in the book's build and the
    notebook tests: without a front end, nbclient's stand-in for ipywidgets sometimes waits out
    the cell's whole timeout on a live slider's output (tests/test_plotting.py tests that one).
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON", "GDLIB_", "GDCOURSE_"))}
    env.update(PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
               HOME=str(tmp), GDLIB_STATIC="1")
    if mirror is not None:
        env[bootstrap.MIRROR] = mirror
    return env


def _run(py: Path, nb, folder: Path, env: dict) -> nbformat.NotebookNode:
    """Execute ``nb`` in ``folder`` (no checkout there) with ``py``; the executed notebook."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notebook.ipynb"
    nbformat.write(nb, path)
    run = subprocess.run([py, "-c", RUN, str(path), str(folder)], capture_output=True, text=True,
                         env=env, cwd=folder, timeout=1200)
    assert run.returncode == 0, run.stderr[-3000:]
    # a notebook of the course runs in seconds: a step that waits minutes is a hang
    steps = [m for m in re.finditer(r"^(cell \d+|shutdown): (\d+\.\d) s$", run.stderr, re.M)]
    slow = [m[0] for m in steps if float(m[2]) > 90]
    assert slow == [], slow
    return nbformat.read(path, as_version=4)


def _errors(nb) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for c in nb.cells if c.cell_type == "code"
            for o in c.outputs if o.output_type == "error"]


def _text(cell) -> str:
    return "".join(o.get("text", "") + o.get("evalue", "") for o in cell.outputs)


def _installed(py: Path) -> str:
    run = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('gdcourse'))"],
                         capture_output=True, text=True, cwd=py.parent)
    return run.stdout.strip() if run.returncode == 0 else "none"


def _setup_only(nb) -> nbformat.NotebookNode:
    setup = nb.cells[bootstrap.index(nb)]
    return nbformat.v4.new_notebook(cells=[setup], metadata=nb.metadata)


def test_every_notebook_starts_with_the_setup_cell():
    paths = sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("solutions/*/*.ipynb"))
    stale = [str(p.relative_to(ROOT)) for p in paths if bootstrap.main(["check", str(p)]) != 0]
    assert stale == [], f"run `python -m tools.bootstrap apply` on: {stale}"


@pytest.mark.parametrize("path", _published("chapters"), ids=lambda p: p.stem)
def test_a_chapter_runs_alone_from_its_published_notebook(path, site, bare_python, tmp_path):
    mirror, _ = site
    ran = _run(bare_python, nbformat.read(path, as_version=4), tmp_path / "anywhere",
               _env(tmp_path, mirror))
    assert _errors(ran) == []
    setup = ran.cells[bootstrap.index(ran)]
    assert "Installed the course's package, gdcourse" in _text(setup)
    assert _installed(bare_python) == bundle.wheel_version(_wheel())


@pytest.mark.parametrize("path", _published("exercises"), ids=lambda p: p.stem)
def test_a_released_exercise_with_its_solution_gets_full_marks_alone(path, site, bare_python,
                                                                      tmp_path):
    student = nbformat.read(path, as_version=4)
    if bootstrap.index(student) is None:
        pytest.skip(f"{path.stem} is a placeholder: no exercise yet")
    source = nbformat.read(Layout.course().source_notebook(path.stem), as_version=4)
    points = sum(Layout.points(c) for c in Layout.test_cells(source).values())
    mirror, _ = site
    ran = _run(bare_python, fill_in(student, source), tmp_path / "anywhere",
               _env(tmp_path, mirror))
    assert _errors(ran) == []
    graded = _text(ran.cells[-1])
    assert f"{path.stem}: this notebook graded against the hidden tests" in graded, graded
    assert "Total" in graded and f"{points:g} / {points:g}" in graded, graded


def test_without_network_the_setup_cell_says_so_and_installs_nothing(bare_python, tmp_path):
    with socket.socket() as s:  # a port nothing listens on: the connection is refused
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/"
    nb = _setup_only(nbformat.read(_published("chapters")[0], as_version=4))
    ran = _run(bare_python, nb, tmp_path / "offline", _env(tmp_path, closed))
    (error,) = _errors(ran)
    assert error.startswith("RuntimeError: Could not reach http://127.0.0.1:")
    assert "the course's package was not installed. Check the internet connection" in error
    assert _installed(bare_python) == "none"


def test_beside_another_version_the_setup_cell_changes_nothing(site, bare_python, tmp_path):
    mirror, requests = site
    purelib = subprocess.run([bare_python, "-c", "import sysconfig; "
                              "print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    other = Path(purelib) / "gdcourse-0.0.9.dist-info"
    other.mkdir()
    (other / "METADATA").write_text("Metadata-Version: 2.1\nName: gdcourse\nVersion: 0.0.9\n")
    before = len(requests)
    nb = _setup_only(nbformat.read(_published("exercises")[0], as_version=4))
    ran = _run(bare_python, nb, tmp_path / "other", _env(tmp_path, mirror))
    (error,) = _errors(ran)
    version = bundle.wheel_version(_wheel())
    assert error.startswith(f"RuntimeError: This notebook is for version {version} of the "
                            "course, but version 0.0.9 of its package (gdcourse) is installed "
                            "here; nothing was changed.")
    assert '%pip install "gdcourse[learner] @ ' in error
    assert _installed(bare_python) == "0.0.9" and requests[before:] == []


def test_the_setup_cell_refuses_a_wheel_that_is_not_the_published_one(bare_python, tmp_path):
    mirror = tmp_path / "mirror"
    (mirror / "_static").mkdir(parents=True)
    wheel = _wheel()
    (mirror / "_static" / wheel.name).write_bytes(wheel.read_bytes() + b"tampered")
    handler = functools.partial(_Quiet, directory=str(mirror))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        nb = _setup_only(nbformat.read(_published("chapters")[0], as_version=4))
        ran = _run(bare_python, nb, tmp_path / "tampered",
                   _env(tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}/"))
    finally:
        httpd.shutdown()
    setup = ran.cells[0]
    assert _errors(ran) == ["RuntimeError: Installing the course's package failed: pip says why "
                            "above."]
    assert "DO NOT MATCH THE HASHES" in _text(setup)
    assert _installed(bare_python) == "none"


def test_once_installed_the_setup_cell_does_nothing(site, bare_python, tmp_path):
    mirror, requests = site
    nb = _setup_only(nbformat.read(_published("chapters")[0], as_version=4))
    _run(bare_python, nb, tmp_path / "first", _env(tmp_path, mirror))
    before = len(requests)
    again = _run(bare_python, nb, tmp_path / "again", _env(tmp_path, mirror))
    assert _errors(again) == [] and again.cells[0].outputs == []
    assert requests[before:] == []


def test_published_notebooks_read_right_outside_the_book():
    """No raw MyST, every answer hidden, the setup cell pinned to the site's wheel."""
    wheel = _wheel()
    setup = bootstrap.published_source(_baseurl(), f"_static/{wheel.name}", bundle.sha256(wheel),
                                       bundle.wheel_version(wheel))
    published = _published("chapters") + _published("exercises")
    assert [p.stem for p in _published("chapters")] == sorted(
        p.stem for p in ROOT.glob("chapters/*.ipynb"))
    for path in published:
        nb = nbformat.read(path, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert portable.leftover_myst(markdown) == [], path.name
        source = ROOT / path.relative_to(TREE)
        dropdowns = source.read_text(encoding="utf-8").count(":class: dropdown")
        assert markdown.count("<details>") == dropdowns, path.name
        code = [c for c in nb.cells if c.cell_type == "code"]
        if code:
            assert nb.cells[bootstrap.index(nb)].source == setup, path.name
        assert not any("myst_nb" in c.source for c in code[1:]), path.name
        outputs = json.dumps([c.get("outputs", []) for c in code])
        assert "vnd.gdlib.frames" not in outputs and "papermill" not in outputs, path.name


def _baseurl() -> str:
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["html"]["baseurl"].rstrip("/") + "/"


def _wheel() -> Path:
    wheels = sorted((HTML / "_static").glob("gdcourse-*.whl"))
    if not wheels:
        pytest.fail(f"no wheel in {HTML / '_static'}: run `make book` first")
    return wheels[0]


def _wheel_text(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        return {n: z.read(n).decode("utf-8", errors="replace") for n in z.namelist()}


def test_wheel_ships_the_hidden_tests_and_no_solution():
    files = _wheel_text(_wheel())
    layout = Layout.course()
    shipped = {n: t for n, t in files.items() if n.startswith(f"gdcourse/{SHIPPED}/")}
    assert sorted(shipped) == [f"gdcourse/{SHIPPED}/{a}/{a}.ipynb" for a in layout.assignments()]
    assert not [n for n in files if n.startswith(("tools/", "solutions/", "tests/"))]
    # gdlib (the reference the tests compare with) and the models of mistakes (a solution with
    # one thing wrong) are public by design and share lines with solutions; nothing else may
    public = ("gdlib/", "gdcourse/learner/mistakes/")
    everything = release._squash("\n".join(t for n, t in files.items()
                                           if not n.startswith(public)))
    in_notebooks = release._squash("\n".join(
        Layout.text(c) for t in shipped.values() for c in json.loads(t)["cells"]))
    hidden = release.secrets(kinds=("HIDDEN TESTS",))
    solutions = release.secrets(kinds=("SOLUTION",))
    assert len(hidden) > 50 and len(solutions) > 50
    assert [line for line in hidden if line not in in_notebooks] == []
    assert [line for line in solutions if line in everything] == []
    assert BEGIN_SOLUTION not in in_notebooks and BEGIN_HIDDEN in in_notebooks


def test_the_grade_command_grades_a_published_exercise_from_the_wheel_alone(tmp_path,
                                                                          bare_python):
    env = _env(tmp_path, None)
    install = subprocess.run([bare_python, "-m", "pip", "install", "--quiet", str(_wheel())],
                             capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stderr
    source = nbformat.read(ROOT / "solutions/ex01_losses/ex01_losses.ipynb", as_version=4)
    answers = {gid: Layout.strip_solution_markers(Layout.text(c))
               for gid, c in Layout.answer_cells(source).items()}
    answers["mse_grad"] = answers["mse_grad"].replace("(pred - target)", "(target - pred)")
    student = nbformat.read(TREE / "exercises" / "ex01_losses.ipynb", as_version=4)
    mine = tmp_path / "anywhere" / "my attempt.ipynb"
    mine.parent.mkdir()
    nbformat.write(fill_in(student, source, answers), mine)
    graded = subprocess.run([bare_python, "-m", "gdcourse.grade", mine.name], cwd=mine.parent,
                            capture_output=True, text=True, env=env, timeout=600)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert "ex01_losses: my attempt.ipynb graded against the hidden tests" in graded.stdout
    assert "hint: mse_grad: the gradient has the right size but the opposite sign" in graded.stdout
    assert "14 / 16" in graded.stdout
    where = subprocess.run([bare_python, "-c", "from gdcourse.grading import Layout; "
                            "print(Layout.course().source_dir)"],
                           cwd=tmp_path, capture_output=True, text=True, env=env)
    assert where.stdout.strip().endswith(f"site-packages/gdcourse/{SHIPPED}"), where.stdout
