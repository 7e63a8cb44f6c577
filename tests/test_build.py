"""The real Jupyter Book build, with warnings as errors, and what it must (not) produce."""

import re

import pytest

pytestmark = pytest.mark.build


def test_strict_book_build_succeeds_without_warnings(book_build):
    output = book_build.stdout + book_build.stderr
    assert book_build.returncode == 0, output[-4000:]
    # Sphinx prints "WARNING: ..."; kernels log "[IPKernelApp] WARNING | ..." to stderr, not ours.
    assert [line for line in output.splitlines() if "WARNING:" in line] == []


def test_no_page_loads_anything_from_another_host(built_site):
    external = re.compile(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["'](?:https?:)?//""", re.I)
    offenders = {
        str(page.relative_to(built_site)): external.findall(page.read_text(encoding="utf-8"))
        for page in built_site.rglob("*.html")
    }
    assert {page: found for page, found in offenders.items() if found} == {}


def test_pages_without_widgets_load_no_widget_runtime(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        has_widgets = "application/vnd.jupyter.widget-view+json" in html
        assert ("anywidget-static.js" in html) == has_widgets, page


def test_every_page_carries_the_not_medical_advice_notice(built_site):
    for page in sorted(built_site.rglob("*.html")):
        if page.name in {"search.html", "genindex.html"} or "_static" in page.parts or page.name == "index.html":
            continue
        assert "not medical advice" in page.read_text(encoding="utf-8").lower(), page
