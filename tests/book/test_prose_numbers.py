"""Every number a chapter's prose quotes comes from the code that computes it.

A number in a chapter's Markdown passes when one of these shows where it comes from:

- it is glued (``{glue:text}`name```): the build inserts the value the code computed;
- it is printed by a cell marked ``# NBVAL_CHECK_OUTPUT`` (nbval compares the stored output with
  a fresh run), at the precision the prose quotes it (0.9724 printed, 0.972 quoted), or as a
  percentage of it (97.2% for 0.972);
- it is a literal in the notebook's code (a hyperparameter the text names: ``η = 0.5``);
- it is structural: an integer up to 10, a year, the number of a chapter, section, exercise,
  task, figure, question or answer;
- the notebook's metadata lists it under ``allowed_numbers`` (``{"101": "why"}``, keyed by the
  number as written) with the reason it needs no code, e.g. arithmetic shown in the derivation.

Anything else is a number the prose states without the code showing it: glue it, print it in a
checked cell, or list it with its reason.
"""

from __future__ import annotations

import io
import math
import re
import tokenize
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
MARKER = "# NBVAL_CHECK_OUTPUT"

NUMBER = re.compile(
    r"(?<![\w.\\])"
    r"(?:10\^\{?(?P<exp>[-−]?\d+)\}?"  # 10^6, 10^{-8}
    r"|(?P<num>\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][-+−]?\d+)?)(?P<pct>\s?%|\\%)?)"
    r"(?![\w])"
)
STRUCTURAL = re.compile(
    r"(chapter|chapters|section|exercise|exercises|task|tasks|figure|table|question|answer|"
    r"part|step|equation|eq\.|ch\.|§)\s*$", re.I)
ROLE = re.compile(r"\{(glue|cite|ref|numref|eq|doc|download|term)(:[a-z]+)?\}`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
LABEL = re.compile(r"^\([\w-]+\)=\s*$", re.M)
HTML_ATTR = re.compile(r"<[^>]+>")


def _value(match: re.Match) -> float:
    if match.group("exp") is not None:
        return 10.0 ** int(match.group("exp").replace("−", "-"))
    return float(match.group("num").replace(",", "").replace("−", "-"))


def _decimals(text: str) -> int:
    mantissa = re.split(r"[eE]", text)[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def _code_literals(nb) -> set[float]:
    values: set[float] = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(cell.source).readline))
        except (tokenize.TokenError, IndentationError, SyntaxError):
            continue
        for tok in tokens:
            if tok.type == tokenize.NUMBER:
                try:
                    values.add(float(tok.string.replace("_", "")))
                except ValueError:
                    continue
            elif tok.type == tokenize.STRING:  # numbers inside strings, e.g. labels "0.9"
                values.update(float(m.group("num").replace(",", ""))
                              for m in NUMBER.finditer(tok.string) if m.group("num"))
    return values


def _checked_outputs(nb) -> list[str]:
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and MARKER in cell.source:
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    texts.append(out.get("text", ""))
                else:
                    texts.append(out.get("data", {}).get("text/plain", ""))
    return texts


def _output_numbers(texts: list[str]) -> list[tuple[float, int]]:
    found = []
    for text in texts:
        for m in NUMBER.finditer(text):
            if m.group("num") is not None:
                found.append((_value(m), _decimals(m.group("num"))))
            else:
                found.append((_value(m), 0))
    return found


def _matches(value: float, decimals: int, pct: bool, literals: set[float],
             outputs: list[tuple[float, int]]) -> bool:
    candidates = [value] + ([value / 100] if pct else [])
    for v in candidates:
        if any(math.isclose(v, lit, rel_tol=1e-12, abs_tol=1e-15) for lit in literals):
            return True
        for out, _ in outputs:
            for scale in ((1.0,) if not pct else (1.0, 100.0)):
                shown = out * scale
                tol = 0.5 * 10.0 ** (-decimals) if decimals else 0.5
                if math.isclose(shown, value, rel_tol=1e-9) or (
                        abs(shown - value) <= tol * (1 + 1e-9) and abs(value) >= tol):
                    return True
    return False


def _prose(nb) -> str:
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    text = ROLE.sub(" ", text)
    text = LINK_TARGET.sub("]", text)
    text = LABEL.sub("", text)
    text = HTML_ATTR.sub(" ", text)
    return re.sub(r"^:[a-z-]+:.*$", "", text, flags=re.M)  # directive options (:class: ...)


def unsourced(path: Path) -> list[str]:
    """The numbers in ``path``'s prose that nothing in the notebook produces."""
    nb = nbformat.read(path, as_version=4)
    literals = _code_literals(nb)
    outputs = _output_numbers(_checked_outputs(nb))
    allowed = nb.metadata.get("allowed_numbers", {})
    text = _prose(nb)
    problems = []
    for m in NUMBER.finditer(text):
        written = m.group(0).strip()
        if written in allowed:
            continue
        value = _value(m)
        before = text[max(0, m.start() - 20):m.start()]
        if m.group("num") and "." not in m.group("num") and "e" not in m.group("num").lower():
            if value <= 10 or 1900 <= value <= 2099 or STRUCTURAL.search(before):
                continue
        if re.search(r"[\d.]$", before) or text[m.end():m.end() + 1] in ("/",) and value <= 10:
            continue
        decimals = _decimals(m.group("num")) if m.group("num") else 0
        if _matches(value, decimals, bool(m.group("pct")), literals, outputs):
            continue
        line = text[:m.start()].count("\n") + 1
        context = text[max(0, m.start() - 40):m.end() + 30].replace("\n", " ")
        problems.append(f"{path.name}, prose line {line}: {written!r} in “…{context}…”")
    return problems


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_number_in_the_prose_is_computed(path):
    problems = unsourced(path)
    assert not problems, (
        f"{len(problems)} number(s) in the prose come from no code: glue them "
        "({glue:text}`name`), print them in a # NBVAL_CHECK_OUTPUT cell, or list them in the "
        "notebook's metadata `allowed_numbers` with the reason:\n" + "\n".join(problems))


def test_the_check_finds_an_unsourced_number(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("lr = 0.5\nprint(round(0.97234, 4))  # NBVAL_CHECK_OUTPUT",
                                  outputs=[nbformat.v4.new_output("stream", text="0.9723\n")]),
        nbformat.v4.new_markdown_cell(
            "With $\\eta = 0.5$ the accuracy is 0.972 (97.2%) after 3 epochs, "
            "{glue:text}`acc` in Chapter 12; the loss is 0.0311.")])
    path = tmp_path / "99_example.ipynb"
    nbformat.write(nb, path)
    problems = unsourced(path)
    assert len(problems) == 1 and "0.0311" in problems[0]
