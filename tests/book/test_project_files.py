"""The project's metadata agrees with itself: one version, written once, workflows that run the
README's commands, a Makefile whose help names every target, and a configuration that points at
the real repository."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path
from types import SimpleNamespace

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import gdcourse
import gdlib
from tools import bootstrap, sphinx_ext

ROOT = Path(__file__).resolve().parents[2]
VERSION_HOME = "gdcourse/__init__.py (__version__)"


def test_the_version_is_written_once():
    assert re.fullmatch(r"\d+\.\d+\.\d+", gdcourse.__version__), gdcourse.__version__
    assert gdlib.__version__ is gdcourse.__version__  # imported from there, not written again
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "gdcourse.__version__"}
    # The book's landing page shows {{ version }}, which the Sphinx extension sets at config time.
    assert "{{ version }}" in (ROOT / "intro.md").read_text()
    config = SimpleNamespace(myst_substitutions={"version": "0.0.0", "other": "kept"})
    sphinx_ext._version(None, config)
    assert config.myst_substitutions == {"version": gdcourse.__version__, "other": "kept"}


def test_the_built_book_shows_the_version():
    root = yaml.safe_load((ROOT / "_toc.yml").read_text())["root"]
    landing = ROOT / "_build" / "html" / f"{root}.html"
    assert landing.is_file(), "no built book: run `make book` first"
    assert f"Version {gdcourse.__version__}" in landing.read_text(), (
        f"the landing page does not show version {gdcourse.__version__}: rebuild the book")


def test_citation_and_changelog_repeat_the_version():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert str(citation["version"]) == gdcourse.__version__, (
        f"CITATION.cff says version {citation['version']} but the package is "
        f"{gdcourse.__version__}. The version is written in {VERSION_HOME}; make CITATION.cff's "
        "`version:` (and `date-released:`) match it.")
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert re.search(rf"^## {re.escape(gdcourse.__version__)}\b", changelog, re.M), (
        f"CHANGELOG.md has no `## {gdcourse.__version__}` section (the version in {VERSION_HOME})")


# Modules a notebook finds in any Jupyter kernel, and the book's own build (chapters guard it).
KERNEL = {"IPython", "ipykernel", "matplotlib_inline"}
BOOK_ONLY = {"myst_nb"}


def _imported(code: str) -> set[str]:
    """Top-level modules that ``code`` imports (IPython's %magics and !commands skipped)."""
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line
                     for line in code.splitlines())
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    """The installed distributions that provide each third-party module."""
    ours = {"gdlib", "gdcourse", "tools"}
    provided = packages_distributions()
    return {m: {canonicalize_name(d) for d in provided.get(m, [m])}
            for m in modules - ours - set(sys.stdlib_module_names)}


def _declared(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + [r for e in extras
                                       for r in project["optional-dependencies"][e]]
    return {canonicalize_name(Requirement(line).name) for line in lines}


def test_the_learner_extra_has_what_chapters_and_exercises_import():
    notebooks = sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("solutions/*/*.ipynb"))
    modules = set()
    for path in notebooks:
        cells = json.loads(path.read_text())["cells"]
        modules |= set().union(*(_imported("".join(c["source"])) for c in cells
                                 if c["cell_type"] == "code"))
    library = set().union(*(_imported(p.read_text()) for p in ROOT.glob("gdlib/**/*.py")))
    learner = set().union(*(_imported(p.read_text())
                            for p in ROOT.glob("gdcourse/learner/**/*.py")))
    declared = _declared("learner")
    missing = {m: d for m, d in _distributions(modules | library | learner).items()
               if m not in KERNEL | BOOK_ONLY and not d & declared}
    assert missing == {}, f"add to the learner extra in pyproject.toml (then make lock): {missing}"


def test_the_grading_extra_has_what_grading_imports():
    grading = set().union(*(_imported(p.read_text()) for p in ROOT.glob("gdcourse/**/*.py")
                            if "learner" not in p.parts))
    declared = _declared("grading")
    missing = {m: d for m, d in _distributions(grading).items() if not d & declared}
    # nbgrader brings nbconvert, nbclient, jupyter_client, traitlets and alembic: its own needs
    nbgrader = {canonicalize_name(n) for n in ("nbconvert", "nbclient", "jupyter-client",
                                                "traitlets", "alembic")}
    missing = {m: d for m, d in missing.items() if not d & nbgrader}
    assert missing == {}, f"add to the grading extra in pyproject.toml (then make lock): {missing}"


def test_workflows_parse_and_run_the_readme_commands():
    readme = (ROOT / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    ci_steps = [s.get("run", "") for s in ci["jobs"]["test"]["steps"]]
    assert "make test" in ci_steps
    assert any("make book" in s.get("run", "") for s in pages["jobs"]["build"]["steps"])
    assert any("deploy-pages" in s.get("uses", "") for s in pages["jobs"]["deploy"]["steps"])
    assert "make test" in (ROOT / ".ci/run").read_text()


def test_a_tag_releases_the_wheel_and_the_site():
    release = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    on = release[True]  # YAML 1.1 reads the key `on` as true
    assert on["push"]["tags"] == ["v*.*.*"]
    assert release["permissions"]["contents"] == "write"
    runs = "\n".join(s.get("run", "") for s in release["jobs"]["release"]["steps"])
    for command in ("make test", "make dist", "gdcourse.__version__", "gh release create"):
        assert command in runs, command
    assert "_build/dist/*.whl" in runs


def test_make_help_names_every_target():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    assert {"book", "test", "test-quick", "pdf", "lock", "dist", "debs"} <= targets
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    named = set(re.findall(r"^make ([a-z-]+)", shown, re.M))
    assert named == targets - {"help"}, f"make help lacks {targets - named - {'help'}}"


def test_config_points_at_one_repository():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    assert url == bootstrap.REPOSITORY
    assert config["repository"]["branch"] == "main"
    assert config["html"]["use_download_button"] is True
    assert all(config["launch_buttons"][k].startswith("https://")
               for k in ("binderhub_url", "colab_url", "jupyterhub_url"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["repository-code"] == url


def test_generated_output_is_ignored():
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in ("_build/", "release/", "exercises/", "gradebook.db", ".venv/"):
        assert entry in ignored
    assert re.search(r"CC BY 4\.0", (ROOT / "LICENSE").read_text())
