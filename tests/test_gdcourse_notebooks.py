"""Tests of the chapter-notebook hygiene tool (tools/notebooks.py) and the end-of-file hook."""

from pathlib import Path

import nbformat
import yaml

from tools import notebooks


def _nb_with_outputs():
    nb = nbformat.v4.new_notebook()
    checked = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1)", execution_count=3)
    checked.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="1\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
        nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"}
        ),
        nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>"}),
    ]
    plain = nbformat.v4.new_code_cell("x = 2\nx", execution_count=4)
    plain.outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=4)
    ]
    counted = nbformat.v4.new_code_cell("y = 1", execution_count=5)
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), checked, plain, counted]
    nb.metadata["widgets"] = {"state": {}}
    return nb


def test_strip_keeps_only_text_outputs_of_checked_cells():
    nb = notebooks.strip(_nb_with_outputs())
    checked, plain = nb.cells[1], nb.cells[2]
    assert [o["output_type"] for o in checked.outputs] == ["stream", "display_data"]
    assert checked.outputs[0]["text"] == "1\n"
    assert checked.outputs[1]["data"] == {"text/plain": "<Figure>"}
    assert plain.outputs == []
    assert checked.execution_count == 1  # nbval refuses outputs of a cell never run
    assert plain.execution_count is None
    assert "widgets" not in nb.metadata
    assert notebooks.problems(nb) == []


def test_problems_names_each_unclean_cell():
    found = notebooks.problems(_nb_with_outputs())
    assert any("cell 3: has an execution count" in f for f in found)
    assert any("cell 1: stores a non-text output" in f for f in found)
    assert any("cell 2: stores outputs that no test compares" in f for f in found)
    assert any("widget state" in f for f in found)


def test_sources_may_store_no_outputs_at_all():
    nb = notebooks.strip(_nb_with_outputs())
    assert notebooks.problems(nb, outputs_allowed=False) == [
        "cell 1: stores outputs; sources keep none (clear them)"
    ]


def test_cli_check_and_strip(tmp_path, capsys):
    path = tmp_path / "ch.ipynb"
    nbformat.write(_nb_with_outputs(), path)
    assert notebooks.main(["check", str(path)]) == 1
    assert notebooks.main(["strip", str(path)]) == 0
    assert notebooks.main(["check", str(path)]) == 0
    assert notebooks.main(["check", str(tmp_path / "missing.ipynb")]) == 1
    assert "no such notebook" in capsys.readouterr().err


def test_files_end_with_one_newline_by_pre_commit():
    config = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-config.yaml")
                            .read_text())
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert "end-of-file-fixer" in hooks
    assert hooks["end-of-file-fixer"]["exclude"] == r"\.ipynb$"
