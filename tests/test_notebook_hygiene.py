"""Committed notebooks are lessons nbval can compare: outputs saved, lean, widgets only."""

import nbformat
import pytest

from widgets.paths import REPO_ROOT as ROOT

NOTEBOOKS = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_executed_and_lean(path):
    notebook = nbformat.read(path, as_version=4)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells, "every chapter has at least one code cell"
    assert all(cell.execution_count for cell in code_cells), "run `make notebooks` and commit the outputs"
    assert [cell.execution_count for cell in code_cells] == list(range(1, len(code_cells) + 1)), "run top to bottom"
    assert "widgets" not in notebook.metadata, "embedded widget state is added by the build, not committed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_imports_course_code_only_from_widgets(path):
    allowed = {"widgets", "matplotlib", "numpy", "math", "statistics", "IPython"}
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for line in cell.source.splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]):
                assert words[1].split(".")[0] in allowed, line


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_is_removed_from_the_published_pages(path):
    """Students read the book, not Python: every code cell's input is removed on the site and in
    print (it stays in the notebook for JupyterLab). `hide-input` is not used because the
    theme's "show code" toggle fails axe's label-content-name-mismatch rule."""
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            assert "remove-input" in cell.metadata.get("tags", []), f"cell {index} shows its code on the site"
