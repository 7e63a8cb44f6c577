"""The built pages' furniture, read from the strict build's HTML and log (tools/sphinx_pages.py),
and their widget state, with each shared piece stored once (widgets/authoring/shared_state.py)."""

import importlib
import json
import re

import pytest
import yaml

from tests.conftest import ROOT
from tests.helpers import PAGES_WITH_SEVERAL_WIDGETS
from tools.book_site import built_pages, toc_pages
from widgets._base import STATIC_DIR
from widgets.authoring import shared_state
from widgets.nerve_diagram import DIAGRAM_SVG

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
VIEW_SCRIPT = '<script type="application/vnd.jupyter.widget-view+json">'


def test_the_build_says_so_while_the_repository_url_is_the_placeholder(book_build):
    assert book_build.returncode == 0, "a placeholder URL must not fail the strict build (make test)"
    placeholder = "example-org" in CONFIG["repository"]["url"]
    assert ("NOTE: repository.url" in book_build.stdout + book_build.stderr) == placeholder


def test_every_page_has_one_viewport_tag(built_site):
    for page in built_pages(built_site):
        count = len(re.findall(r'<meta name="viewport"', page.read_text(encoding="utf-8")))
        assert count == 1, f"{page.relative_to(built_site)}: {count} viewport tags"


def test_the_redirect_page_declares_the_favicon(built_site):
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<link rel="icon" href="_static/[^"]+"', index), "index.html would request /favicon.ico"


def test_title_heading_and_footer_author_follow_the_config_title(built_site):
    intro = (built_site / "intro.html").read_text(encoding="utf-8")
    title = CONFIG["title"]
    assert f"<h1>{title}" in intro
    assert f"By The {title} course authors" in intro


def test_no_colab_button_since_colab_cannot_import_the_course_package(built_site):
    assert not CONFIG["launch_buttons"].get("colab_url"), "README: the Colab button is off"
    assert "colab.research.google.com" not in (built_site / "chapters" / "02-anatomy.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [p for p in toc_pages() if p.startswith("chapters/0")])
def test_every_widget_has_space_reserved_before_it_renders(built_site, path):
    text = (built_site / path).read_text(encoding="utf-8")
    views = text.count(VIEW_SCRIPT)
    reserved = re.findall(
        r'class="cell_output docutils container npc-reserve" style="--npc-reserve-wide: (\d+)px', text
    )
    assert len(reserved) == views, f"{path}: {views} widgets, {len(reserved)} with space reserved"
    assert all(int(height) > 100 for height in reserved)


def _page_state(built_site, path) -> dict:
    (document,) = shared_state.page_documents((built_site / path).read_text(encoding="utf-8"))
    return document


@pytest.mark.parametrize("path", PAGES_WITH_SEVERAL_WIDGETS)
def test_common_js_and_the_plate_svg_are_on_the_page_once(built_site, path):
    text = (built_site / path).read_text(encoding="utf-8")
    as_stored = lambda source: json.dumps(source.read_text(encoding="utf-8"))[1:-1]  # noqa: E731
    resolved = shared_state.resolve(_page_state(built_site, path))["state"]
    models = sum("_esm" in model["state"] for model in resolved.values())
    assert models > 1, f"{path}: expected several course widgets"
    assert text.count(as_stored(STATIC_DIR / "common.js")) == 1
    assert text.count(as_stored(STATIC_DIR / "common.css")) == 1
    if path == "chapters/02-anatomy.html":  # three diagrams and a quiz with hotspot items
        assert text.count(as_stored(DIAGRAM_SVG)) == 1


def test_every_widget_resolves_to_the_code_and_styles_of_its_class(built_site):
    checked = 0
    for path in toc_pages():
        for document in shared_state.page_documents((built_site / path).read_text(encoding="utf-8")):
            for model in shared_state.resolve(document)["state"].values():
                state = model["state"]
                if "_anywidget_id" not in state:
                    continue
                module, _, name = state["_anywidget_id"].rpartition(".")
                widget_class = getattr(importlib.import_module(module), name)
                assert (state["_esm"], state["_css"]) == (widget_class._esm, widget_class._css), f"{path}: {name}"
                checked += 1
    assert checked > 10, f"only {checked} widgets found in the built pages"
