"""The course's settings make the sandbox the default for autograding, and say so when it is off.

- ``nbgrader_config.py`` (through ``settings.configure``): ``LimitedExecute`` with the sandbox
  on, gdlib among its packages, the course folder and ``solutions/`` among its secrets, the
  feedback stripped of active content;
- where no sandbox can be made, the instructors' command grades nothing and exits 3 with the
  cause and the explicit way out;
- the self-grade's temporary course turns it off, in its ``nbgrader_config.py``, in words.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

from gdcourse.grading.course import Course
from gdcourse.grading.layout import CHECKOUT

NAME = "ex01_losses"


def load(root: Path):
    return PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()


def test_the_course_grades_in_the_sandbox_by_default():
    config = load(CHECKOUT)
    assert config.LimitedExecute.sandbox is True
    assert str(CHECKOUT / "gdlib") in config.LimitedExecute.packages
    secrets = set(config.LimitedExecute.secrets)
    assert {str(CHECKOUT), str(CHECKOUT / "solutions")} <= secrets
    names = [p.__name__ for p in config.GenerateFeedback.preprocessors]
    assert "StripActiveContent" in names and config.HTMLExporter.sanitize_html


def test_the_self_grade_turns_the_sandbox_off_and_says_why(tmp_path):
    Course(tmp_path / "mine", [NAME], sandbox=False)
    text = (tmp_path / "mine" / "nbgrader_config.py").read_text()
    assert "c.LimitedExecute.sandbox = False" in text and "learner's own notebook" in text
    assert load(tmp_path / "mine").LimitedExecute.sandbox is False
    Course(tmp_path / "class", [NAME])
    assert load(tmp_path / "class").LimitedExecute.sandbox is True


def test_without_a_sandbox_the_command_grades_nothing_and_says_why(tmp_path):
    course = Course(tmp_path / "course", [NAME])
    course.generate(NAME)
    course.submit(NAME, "ada", course.release(NAME))
    env = course._env() | {"PATH": str(Path(sys.executable).parent)}  # no bwrap on it
    proc = subprocess.run([sys.executable, "-m", "gdcourse.grading", str(course.root),
                           f"autograde:{NAME}"], cwd=course.root, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 3, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "bubblewrap (`bwrap`) is not installed" in proc.stderr
    assert "c.LimitedExecute.sandbox = False" in proc.stderr
    assert not (course.root / "autograded").exists()
