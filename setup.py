"""The wheel's build hook: ship every exercise's hidden tests, never its solutions.

Everything else about the package is in pyproject.toml. While building, each
``solutions/exNN_name/exNN_name.ipynb`` is written into the wheel as
``gdcourse/assignments/exNN_name/exNN_name.ipynb`` with every solution replaced by the stub
and the hidden tests kept (:func:`gdcourse.grading.layout.ship`), so that an installed package
grades anywhere. Nothing generated is committed; an editable install reads ``solutions/``.
"""

import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _layout():
    """gdcourse/grading/layout.py alone (standard library only): the package is not built yet."""
    spec = importlib.util.spec_from_file_location(
        "_gdcourse_layout", HERE / "gdcourse" / "grading" / "layout.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class BuildWithAssignments(build_py):
    """build_py, then the solution-free sources into the build folder."""

    def run(self):
        super().run()
        if not self.editable_mode:
            layout = _layout()
            out = Path(self.build_lib) / "gdcourse" / layout.SHIPPED
            for path in layout.ship(HERE / "solutions", out):
                print(f"shipping {path.relative_to(self.build_lib)}")


setup(cmdclass={"build_py": BuildWithAssignments})
