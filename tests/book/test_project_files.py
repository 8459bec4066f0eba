"""The project's metadata agrees with itself: one version everywhere, workflows that run the
README's commands, and a configuration that points at the real repository."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import gdcourse
import gdlib

ROOT = Path(__file__).resolve().parents[2]


def test_one_version_everywhere():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    shown = config["parse"]["myst_substitutions"]["version"]
    assert gdcourse.__version__ == gdlib.__version__ == shown == str(citation["version"])
    assert "{{ version }}" in (ROOT / "intro.md").read_text()
    assert f"## {gdcourse.__version__}" in (ROOT / "CHANGELOG.md").read_text()


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


def test_config_points_at_one_repository():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    url = config["repository"]["url"]
    # the launch buttons open the published notebooks (tests/book/test_links.py), not main's
    assert config["repository"]["branch"] != "main"
    assert config["html"]["use_download_button"] is True
    assert all(config["launch_buttons"][k].startswith("https://")
               for k in ("binderhub_url", "colab_url"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["repository-code"] == url


def test_generated_output_is_ignored():
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in ("_build/", "release/", "exercises/", "gradebook.db", ".venv/"):
        assert entry in ignored
    assert re.search(r"CC BY 4\.0", (ROOT / "LICENSE").read_text())
