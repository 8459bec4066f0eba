"""Every command-line entry point: ``--help`` that documents the exit status, clear errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gdcourse.grading.layout import CHECKOUT

COMMANDS = ["gdcourse.grade", "gdcourse.grading", "gdcourse.grading.sandbox.launcher",
            "tools.release", "tools.notebooks", "tools.bootstrap"]


def run(*args: str, cwd: Path = CHECKOUT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("module", COMMANDS)
def test_help(module):
    proc = run("-m", module, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "Exit status" in proc.stdout and "usage" in proc.stdout.lower()


@pytest.mark.parametrize("script", ["gdcourse-grade", "gdcourse-autograde"])
def test_console_scripts_are_installed(script):
    path = shutil.which(script, path=str(Path(sys.executable).parent))
    assert path, f"{script} is not installed beside {sys.executable} (pip install -e .)"
    proc = subprocess.run([path, "--help"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "Exit status" in proc.stdout


def test_grading_command_explains_bad_arguments(tmp_path):
    no_course = run("-m", "gdcourse.grading", str(tmp_path), "autograde:ex01_losses")
    assert no_course.returncode == 2
    assert "has no nbgrader_config.py" in no_course.stderr
    bad_step = run("-m", "gdcourse.grading", ".", "grade:ex01_losses")
    assert bad_step.returncode == 2
    assert "'grade:ex01_losses' is not a step" in bad_step.stderr
    assert "autograde:ex01_losses" in bad_step.stderr


def test_grade_command_explains_bad_arguments(tmp_path):
    missing = run("-m", "gdcourse.grade", str(tmp_path / "nothing.ipynb"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    nb = tmp_path / "ex01_losses.ipynb"
    nb.write_text("{}")
    no_source = run("-m", "gdcourse.grade", str(nb), "--source", str(tmp_path / "private"))
    assert no_source.returncode == 2 and "no such folder" in no_source.stderr
    unknown = run("-m", "gdcourse.grade", str(nb), "--assignment", "ex99_nothing")
    assert unknown.returncode == 2 and "Your notebook was not changed" in unknown.stderr


def test_launcher_refuses_a_command_line_without_a_kernel():
    proc = run("-m", "gdcourse.grading.sandbox.launcher", "--as=1")
    assert proc.returncode == 2 and "usage" in proc.stderr


def test_tools_say_which_notebook_is_wrong(tmp_path):
    broken = tmp_path / "broken.ipynb"
    broken.write_text("not a notebook")
    proc = run("-m", "tools.bootstrap", "check", str(broken))
    assert proc.returncode == 1 and "broken.ipynb: cannot be read" in proc.stderr
    proc = run("-m", "tools.release", "--check", str(tmp_path))
    assert proc.returncode == 0 and "no leaks found" in proc.stdout
