"""The sandbox, the kernel and the judge when the grader is an ordinary user.

Instructors may grade as root or as themselves. As root the sandbox drops to a uid of its own;
as an ordinary user it runs in a user namespace instead (see ``gdcourse.grading.sandbox.bwrap``).
This test runs ``test_bwrap.py``, ``test_judge.py`` and ``test_escape.py`` again as the user
``$GDCOURSE_TEST_USER`` (default ``grader``), with a Python that user can run: this one if it
can, else ``$GDCOURSE_TEST_USER_PYTHON`` (a venv with ``requirements.txt``). It is skipped unless
pytest runs as root and both exist.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from gdcourse.grading.layout import CHECKOUT

USER = os.environ.get("GDCOURSE_TEST_USER", "grader")
HERE = Path(__file__).resolve().parent


def _home() -> str | None:
    try:
        return pwd.getpwnam(USER).pw_dir
    except KeyError:
        return None


def _python() -> str | None:
    """A Python the user can run, with this checkout's requirements, or None."""
    for python in (sys.executable, os.environ.get("GDCOURSE_TEST_USER_PYTHON")):
        if python and subprocess.run(
                ["runuser", "-u", USER, "--", python, "-c", "import nbgrader, pytest"],
                capture_output=True, timeout=60).returncode == 0:
            return python
    return None


def test_the_same_tests_pass_as_an_ordinary_user():
    if os.geteuid() != 0 or _home() is None:
        pytest.skip(f"needs root and the user {USER}")
    python = _python()
    if python is None:
        pytest.skip(f"{USER} cannot run {sys.executable}: set GDCOURSE_TEST_USER_PYTHON")
    run = subprocess.run(
        ["runuser", "-u", USER, "--", "env", f"HOME={_home()}", f"PYTHONPATH={CHECKOUT}",
         "PYTHONDONTWRITEBYTECODE=1", python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "test_bwrap.py", "test_judge.py", "test_escape.py"],
        cwd=HERE, capture_output=True, text=True, timeout=900)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    print(f"\nas {USER}: {summary}")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary
