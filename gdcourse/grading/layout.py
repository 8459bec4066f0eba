"""The one owner of nbgrader's conventions in this course: cell metadata, markers and folders.

Every other part of the course (the grading pipeline, the self-grade command, the grade run
inside a notebook, the book's release and leak check, the build hook that ships the hidden
tests, the tests and the benchmarks) asks a :class:`Layout` instead of spelling these facts out:

- **metadata**: which cell is an answer (``solution``), a test (``grade``, with ``points``) or
  read-only, and its ``grade_id`` (:meth:`Layout.kind`, :meth:`Layout.test_cells`, ...);
- **markers**: ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` and ``### BEGIN HIDDEN TESTS``
  ... ``### END HIDDEN TESTS`` (:meth:`Layout.strip_solution_markers`,
  :meth:`Layout.without_solutions`, :meth:`Layout.secret_regions`, ...);
- **folders**: nbgrader's course directory, ``<root>/<folder>/[<student>/]<assignment>/``
  (:meth:`Layout.source_notebook`, :meth:`Layout.autograded_notebook`, ...), and where the
  course's own exercises are (:meth:`Layout.course`).

It needs nothing but the standard library, so a learner's kernel (no nbgrader, maybe no nbformat)
and the wheel's build hook can use it. Cells may be nbformat nodes or plain dicts of a
notebook's JSON; ``source`` may be a string or a list of lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the gdcourse package
CHECKOUT = PACKAGE.parent  # the repository, when gdcourse runs from a checkout
SHIPPED = "assignments"  # gdcourse/assignments/: the solution-free sources in a built wheel

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SECRETS = ("SOLUTION", "HIDDEN TESTS")  # the kinds of region a student version leaves out
_REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.S)
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n.*?### END HIDDEN TESTS\n?", re.S)
_MARKER_LINE = re.compile(r"\s*### (BEGIN|END) SOLUTION\s*$")


@dataclass(frozen=True)
class Layout:
    """An nbgrader course directory at ``root``, with the course's folder names.

    ``source`` is nbgrader's source folder (``solutions`` in this repository, where the
    notebooks hold the solutions and the hidden tests); the others are nbgrader's defaults.
    """

    root: Path
    source: str = "solutions"
    release: str = "release"
    submitted: str = "submitted"
    autograded: str = "autograded"
    feedback: str = "feedback"

    # Student versions: what replaces a solution (nbgrader's ClearSolutions stubs).
    CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
    TEXT_STUB = "YOUR ANSWER HERE"
    MARKERS = (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)

    # -- where the exercises are ---------------------------------------------------------------
    @classmethod
    def course(cls) -> Layout:
        """The course's own exercises: ``solutions/`` of a checkout, else the shipped copy.

        In a checkout (``solutions/`` and ``nbgrader_config.py`` beside the package) the
        sources are read as they are. An installed wheel carries ``gdcourse/assignments/``
        instead: the same notebooks with every solution replaced by the stub and the hidden
        tests kept (written by the build hook, :func:`ship`).
        """
        if (CHECKOUT / "nbgrader_config.py").is_file() and (CHECKOUT / "solutions").is_dir():
            return cls(CHECKOUT)
        return cls(PACKAGE, source=SHIPPED)

    @classmethod
    def of_sources(cls, folder: Path | str) -> Layout:
        """A layout whose source folder is ``folder`` (an instructor's private assignments)."""
        folder = Path(folder).resolve()
        return cls(folder.parent, source=folder.name)

    _TRAITS = {"source": "source_directory", "release": "release_directory",
               "submitted": "submitted_directory", "autograded": "autograded_directory",
               "feedback": "feedback_directory"}

    def nbgrader_directories(self) -> dict[str, str]:
        """The folder names as ``CourseDirectory`` settings (``nbgrader_config.py`` reads them)."""
        return {trait: getattr(self, name) for name, trait in self._TRAITS.items()}

    @classmethod
    def from_nbgrader(cls, root: Path, course_directory: Mapping) -> Layout:
        """The layout that nbgrader's ``CourseDirectory`` settings describe, rooted at ``root``."""
        return cls(Path(root), **{name: course_directory[trait]
                                  for name, trait in cls._TRAITS.items()
                                  if trait in course_directory})

    @property
    def source_dir(self) -> Path:
        return Path(self.root) / self.source

    @property
    def release_dir(self) -> Path:
        return Path(self.root) / self.release

    @property
    def submitted_dir(self) -> Path:
        return Path(self.root) / self.submitted

    @property
    def feedback_dir(self) -> Path:
        return Path(self.root) / self.feedback

    def assignments(self) -> list[str]:
        """Names of the assignments: folders ``exNN_name`` holding ``exNN_name.ipynb``."""
        return sorted(p.name for p in self.source_dir.glob("ex[0-9][0-9]_*")
                      if (p / f"{p.name}.ipynb").is_file())

    def source_notebook(self, assignment: str) -> Path:
        return self.source_dir / assignment / f"{assignment}.ipynb"

    def tests_in_kernel(self) -> list[str]:
        """Assignments whose test cells run in the submission's (sandboxed) kernel, not in the
        grader: those whose source notebook, the instructor's file and never a submission, has
        ``"gdcourse": {"tests_in_kernel": true}`` in its metadata. Their tests hand the course's
        own objects to the learner's code (a reference layer inside the learner's network),
        which the judge does not lend (appendices/instructors.md, "What remains possible")."""
        return [a for a in self.assignments()
                if self.read(self.source_notebook(a)).get("metadata", {})
                .get("gdcourse", {}).get("tests_in_kernel") is True]

    def release_notebook(self, assignment: str) -> Path:
        return self.release_dir / assignment / f"{assignment}.ipynb"

    def submission(self, student: str, assignment: str) -> Path:
        """The folder of one student's submission (the notebook and anything beside it)."""
        return self.submitted_dir / student / assignment

    def submitted_notebook(self, student: str, assignment: str) -> Path:
        return self.submission(student, assignment) / f"{assignment}.ipynb"

    def autograded_notebook(self, student: str, assignment: str) -> Path:
        return Path(self.root) / self.autograded / student / assignment / f"{assignment}.ipynb"

    def feedback_page(self, student: str, assignment: str) -> Path:
        return self.feedback_dir / student / assignment / f"{assignment}.html"

    def triage_report(self, student: str, assignment: str) -> Path:
        """What the grader noticed before running a submission (JSON; the course's own folder)."""
        return Path(self.root) / "reports" / assignment / f"{student}.json"

    def staging(self, assignment: str, grader: str) -> Path:
        """Where one grader stages the submissions it autogrades (removed afterwards)."""
        return Path(self.root) / ".staged" / f"{assignment}-{grader}"

    def students(self, assignment: str) -> list[str]:
        """Every student with a submitted folder for ``assignment``."""
        return sorted(p.parent.name for p in self.submitted_dir.glob(f"*/{assignment}")
                      if p.is_dir())

    # -- metadata ------------------------------------------------------------------------------
    @staticmethod
    def nbgrader(cell: Mapping) -> Mapping:
        return cell.get("metadata", {}).get("nbgrader", {})

    @staticmethod
    def grade_id(cell: Mapping) -> str | None:
        return Layout.nbgrader(cell).get("grade_id")

    @staticmethod
    def kind(cell: Mapping) -> str | None:
        """``"answer"`` (a learner fills it in), ``"test"`` (graded), ``"read-only"``, or None."""
        meta = Layout.nbgrader(cell)
        if not meta.get("grade_id"):
            return None
        if meta.get("solution"):
            return "answer"
        return "test" if meta.get("grade") else "read-only"

    @staticmethod
    def points(cell: Mapping) -> float:
        return float(Layout.nbgrader(cell).get("points", 0) or 0)

    @staticmethod
    def text(cell: Mapping) -> str:
        """A cell's source as one string (the JSON may hold a list of lines)."""
        source = cell.get("source", "")
        return "".join(source) if isinstance(source, list) else source

    @staticmethod
    def test_cells(nb: Mapping) -> dict[str, Mapping]:
        """The autograded test cells, by grade id, in notebook order."""
        return {Layout.grade_id(c): c for c in nb["cells"]
                if Layout.kind(c) == "test" and c.get("cell_type") == "code"}

    @staticmethod
    def answer_cells(nb: Mapping) -> dict[str, Mapping]:
        """The cells a learner fills in, by grade id."""
        return {Layout.grade_id(c): c for c in nb["cells"] if Layout.kind(c) == "answer"}

    @staticmethod
    def grade_ids(nb: Mapping) -> set[str]:
        return {gid for gid in map(Layout.grade_id, nb["cells"]) if gid}

    @staticmethod
    def task_title(cell: Mapping) -> str:
        """A test cell's title: its first line, a comment such as ``# Task 2: mse_grad``."""
        text = Layout.text(cell)
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        return first.lstrip("# ").strip() if first.startswith("#") else str(Layout.grade_id(cell))

    @staticmethod
    def read(path: Path) -> dict:
        """A notebook as plain JSON (no nbformat needed): a dict with its ``cells``."""
        return json.loads(Path(path).read_text(encoding="utf-8"))

    # -- markers -------------------------------------------------------------------------------
    @staticmethod
    def strip_solution_markers(source: str) -> str:
        """A solution's code without its ``### BEGIN/END SOLUTION`` lines."""
        return "\n".join(line for line in source.splitlines() if not _MARKER_LINE.match(line))

    @staticmethod
    def without_hidden_tests(source: str) -> str:
        """A test cell as the student version shows it: the hidden-tests region removed."""
        return _HIDDEN.sub("", source)

    @staticmethod
    def secret_regions(source: str, kinds: Iterable[str] = SECRETS) -> Iterator[tuple[str, str]]:
        """Each region of ``kinds`` (``"SOLUTION"``, ``"HIDDEN TESTS"``): ``(kind, its body)``."""
        for match in _REGION.finditer(source + "\n"):
            if match.group(1) in kinds:
                yield match.group(1), match.group(2)

    @staticmethod
    def without_secrets(source: str, kinds: Iterable[str] = SECRETS) -> str:
        """What is left of a cell once every region of ``kinds`` is removed."""
        kinds = set(kinds)
        return _REGION.sub(lambda m: "" if m.group(1) in kinds else m.group(0), source + "\n")

    @classmethod
    def without_solutions(cls, source: str, code: bool = True) -> str:
        """Each solution region replaced by the stub, indented as its marker (as nbgrader does).

        A source without markers is replaced whole (nbgrader's rule for an answer cell).
        """
        stub = (cls.CODE_STUB if code else cls.TEXT_STUB).split("\n")
        if BEGIN_SOLUTION not in source:
            return "\n".join(stub)
        out, inside = [], False
        for line in source.split("\n"):
            if BEGIN_SOLUTION in line:
                indent = re.match(r"\s*", line).group(0)
                out += [indent + s for s in stub]
                inside = True
            elif END_SOLUTION in line:
                inside = False
            elif not inside:
                out.append(line)
        return "\n".join(out)

    @classmethod
    def solution_free(cls, nb: dict) -> dict:
        """The notebook with every answer replaced by the stub, hidden tests kept, no outputs.

        What the wheel ships per exercise: enough to grade (the test cells, with their hidden
        tests and points) and nothing of the solutions.
        """
        nb = json.loads(json.dumps(nb))
        for cell in nb["cells"]:
            if cls.kind(cell) == "answer":
                cell["source"] = cls.without_solutions(cls.text(cell), cell["cell_type"] == "code")
            if cell.get("cell_type") == "code":
                cell["outputs"], cell["execution_count"] = [], None
        return nb


def ship(solutions: Path, out: Path) -> list[Path]:
    """Write the solution-free source of every assignment of ``solutions`` into ``out``.

    The wheel's build hook (``setup.py``) calls it with ``out`` in the build folder, so that
    an installed package grades with the hidden tests (:meth:`Layout.course`) and holds no
    solution. Nothing it writes is committed.
    """
    origin = Layout.of_sources(solutions)
    names = origin.assignments()
    if not names:
        raise FileNotFoundError(f"no assignments in {solutions}: build the wheel from a checkout "
                                "of the course (pip wheel --no-deps .)")
    written = []
    for name in names:
        nb = Layout.solution_free(Layout.read(origin.source_notebook(name)))
        dst = Path(out) / name / f"{name}.ipynb"
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(dst)
    return written
