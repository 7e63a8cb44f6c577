"""`make notebooks` saves widget outputs with stable model ids, so a re-run changes only what changed."""

import nbformat

from widgets.notebooks import WIDGET_VIEW, stable_model_ids


def notebook_with_views(model_ids):
    outputs = [
        nbformat.v4.new_output("display_data", data={WIDGET_VIEW: {"model_id": model_id}, "text/plain": "W()"})
        for model_id in model_ids
    ]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("W()", outputs=outputs)])


def saved_ids(notebook):
    return [output.data[WIDGET_VIEW]["model_id"] for output in notebook.cells[0].outputs]


def test_two_runs_with_random_ids_save_the_same_distinct_ids():
    first = saved_ids(stable_model_ids(notebook_with_views(["a1", "b2"]), "02-anatomy.ipynb"))
    second = saved_ids(stable_model_ids(notebook_with_views(["c3", "d4"]), "02-anatomy.ipynb"))
    assert first == second and len(set(first)) == 2
    assert all(len(model_id) == 32 for model_id in first)  # the shape of a kernel's own ids


def test_each_notebook_numbers_its_own_widgets():
    anatomy = saved_ids(stable_model_ids(notebook_with_views(["a"]), "02-anatomy.ipynb"))
    causes = saved_ids(stable_model_ids(notebook_with_views(["a"]), "03-causes.ipynb"))
    assert anatomy != causes
