"""Pages whose widgets share code: the static loader resolves the pieces the build stores once
per page to exactly what the notebook saved, imports one module per widget class, and adds each
stylesheet part once (widgets/runtime/anywidget-static.js, widgets/authoring/shared_state.py)."""

from __future__ import annotations

import pytest

from tests.helpers import PAGES_WITH_SEVERAL_WIDGETS, assert_page_clean, open_book_page
from widgets.authoring import shared_state

pytestmark = pytest.mark.browser

# Counts the modules the loader makes (each import is one Blob URL of JavaScript).
COUNT_MODULES = """
(() => {
  window.__moduleBlobs = 0;
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    if (blob && blob.type === "text/javascript") window.__moduleBlobs += 1;
    return create.call(URL, blob);
  };
})();
"""


@pytest.mark.parametrize("path", PAGES_WITH_SEVERAL_WIDGETS)
def test_widgets_sharing_code_render_from_the_state_the_notebook_saved(watched_page, site_url, built_site, path):
    watched_page.context.add_init_script(COUNT_MODULES)
    open_book_page(watched_page, site_url, path)
    assert_page_clean(watched_page)
    (document,) = shared_state.page_documents((built_site / path).read_text(encoding="utf-8"))
    resolved = shared_state.resolve(document)["state"]
    assert watched_page.evaluate("window.courseWidgetState()") == resolved

    views = watched_page.locator("script[type='application/vnd.jupyter.widget-view+json']").count()
    assert watched_page.locator(".anywidget-static [data-widget]").count() >= views
    classes = {model["state"]["_esm"] for model in resolved.values() if "_esm" in model["state"]}
    assert watched_page.evaluate("window.__moduleBlobs") == len(classes), "one import per widget class"
    common_styles = watched_page.evaluate(
        "Array.from(document.querySelectorAll('style'), (s) => s.textContent)"
        ".filter((text) => text.startsWith('/*@course-part common*/')).length"
    )
    assert common_styles == 1
