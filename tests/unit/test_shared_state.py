"""A page's widget state with each shared piece stored once (widgets/authoring/shared_state.py):
it round-trips exactly, and on the pages with several widgets common.js and the plate SVG are
stored once. The built pages themselves are checked in tests/test_published_pages.py."""

from __future__ import annotations

import json

import nbformat
import pytest
from ipywidgets import Widget
from ipywidgets.widgets import widget as ipywidget

from widgets._base import STATIC_DIR
from widgets.authoring.shared_state import REFERENCE, SHARED, pack, resolve
from widgets.nerve_diagram import DIAGRAM_SVG
from widgets.paths import REPO_ROOT

PAGES_WITH_SEVERAL_WIDGETS = ["02-anatomy", "04-symptoms", "08-review"]


def page_state(chapter: str) -> dict:
    """The widget state of a chapter's page, made as the build makes it: run the chapter's
    code cells, then save the state of every widget they made (ipywidgets' embed format)."""
    before = set(ipywidget._instances)
    notebook = nbformat.read(REPO_ROOT / "chapters" / f"{chapter}.ipynb", as_version=4)
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            exec(compile(cell.source, f"{chapter}.ipynb", "exec"), namespace)
    made = [w for key, w in list(ipywidget._instances.items()) if key not in before]
    document = Widget.get_manager_state(drop_defaults=False, widgets=made)
    for widget in made:
        widget.close()
    return json.loads(json.dumps(document))


def stored_count(document: dict, text: str) -> int:
    """How often `text` appears in the document as the page carries it (JSON)."""
    return json.dumps(document).count(json.dumps(text)[1:-1])


@pytest.fixture(scope="module", params=PAGES_WITH_SEVERAL_WIDGETS)
def real_page(request):
    return request.param, page_state(request.param)


def test_a_packed_page_resolves_to_exactly_what_the_notebook_saved(real_page):
    _chapter, document = real_page
    packed = pack(document)
    assert resolve(json.loads(json.dumps(packed))) == document


def test_common_js_is_stored_once_however_many_widgets_use_it(real_page):
    chapter, document = real_page
    common = (STATIC_DIR / "common.js").read_text(encoding="utf-8")
    course_models = sum("_esm" in model["state"] for model in document["state"].values())
    assert course_models > 1, f"{chapter}: expected several course widgets"
    assert stored_count(document, common) == course_models
    assert stored_count(pack(document), common) == 1


def test_the_plate_svg_is_stored_once_on_the_anatomy_page():
    document = page_state("02-anatomy")
    svg = DIAGRAM_SVG.read_text(encoding="utf-8")
    assert stored_count(document, svg) > 1, "the anatomy page has several plates (diagrams and a hotspot quiz)"
    assert stored_count(pack(document), svg) == 1


def test_each_model_refers_to_its_parts_in_order():
    document = page_state("08-review")
    packed = pack(document)
    for model_id, model in document["state"].items():
        reference = packed["state"][model_id]["state"].get("_esm")
        if reference is None:
            continue
        texts = [packed[SHARED][key] for key in reference[REFERENCE]]
        assert "".join(texts) == model["state"]["_esm"]
        assert all(text.startswith("//@course-part ") for text in texts)


def test_short_or_unrepeated_strings_stay_in_place():
    document = {"state": {"a": {"state": {"text": "x" * 5000, "short": "y"}}, "b": {"state": {"short": "y"}}}}
    assert pack(document) == document


def test_a_page_with_one_widget_keeps_its_state_as_saved():
    document = page_state("01-introduction")
    assert sum("_esm" in model["state"] for model in document["state"].values()) == 1
    assert pack(document) == document


def test_a_state_that_already_looks_like_a_reference_is_refused():
    document = {"state": {"a": {"state": {"odd": {REFERENCE: ["k"]}, "_css": "/*@course-part x*/\nb{}"}}}}
    with pytest.raises(ValueError, match=r"already holds a '\$course-shared' key \(under 'odd'\)"):
        pack(document)


def test_a_reference_missing_from_the_table_is_named():
    document = {"state": {"a": {"state": {"_esm": {REFERENCE: ["common-123"]}}}}, SHARED: {}}
    with pytest.raises(KeyError, match="common-123"):
        resolve(document)
