"""The published pages as a reader first meets them, on a desktop and on a phone: nothing jumps
when the widgets render, one search control, one viewport tag, one prominent notice with the
red-flag line, tables that scroll with a cue, tap targets of at least 24 px."""

from __future__ import annotations

import pytest

from tools.book_site import toc_pages

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
MAX_CLS = 0.05
VIEW_SCRIPT = "script[type='application/vnd.jupyter.widget-view+json']"

# Every layout-shift entry since navigation (buffered), with what moved: the sum is the page's
# cumulative layout shift for a load without input, the figure the review measured (0.15).
LAYOUT_SHIFTS_JS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = (entry.sources || []).map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?");
      shifts.push({value: entry.value, moved: moved.join(", ")});
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 300);
})"""


def open_fresh(browser, site_url: str, path: str, device: dict):
    context = browser.new_context(**device)
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="load")
    if page.locator(VIEW_SCRIPT).count():
        page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=15000)
    page.evaluate("document.fonts.ready.then(() => true)")
    return context, page


def layout_shift(page) -> tuple[float, list]:
    shifts = page.evaluate(LAYOUT_SHIFTS_JS)
    return sum(shift["value"] for shift in shifts), shifts


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", toc_pages())
def test_nothing_jumps_while_the_page_and_its_widgets_load(browser, site_url, path, device):
    """From the top, and on a desktop from every section link too (the review's `#summary` landed
    227 px down; on a phone the widgets above a section link are out of view)."""
    context, page = open_fresh(browser, site_url, path, device)
    try:
        total, shifts = layout_shift(page)
        assert total <= MAX_CLS, f"{path}: cumulative layout shift {total:.3f} > {MAX_CLS}: {shifts}"
        sections = (
            []
            if device is PHONE
            else page.evaluate("() => Array.from(document.querySelectorAll('article section[id]'), (s) => s.id)")
        )
        for anchor in sections[1:]:
            page.goto("about:blank")
            page.goto(f"{site_url}/{path}#{anchor}", wait_until="load")
            if page.locator(VIEW_SCRIPT).count():
                page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=15000)
            total, shifts = layout_shift(page)
            assert total <= MAX_CLS, f"{path}#{anchor}: cumulative layout shift {total:.3f} > {MAX_CLS}: {shifts}"
    finally:
        context.close()


def visible_count(page, selector: str) -> int:
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden").length""",
        selector,
    )


def test_one_search_control_and_one_viewport_tag_on_desktop(browser, site_url):
    context, page = open_fresh(browser, site_url, "chapters/02-anatomy.html", DESKTOP)
    try:
        assert visible_count(page, ".search-button-field, .search-button__button") == 1
        assert page.locator("meta[name='viewport']").count() == 1
    finally:
        context.close()


def test_a_reader_searches_from_a_chapter_and_gets_results(browser, site_url):
    # Chapters no longer load the search index (_templates/layout.html): the dialog's form
    # takes the query to search.html, which loads it.
    context, page = open_fresh(browser, site_url, "chapters/02-anatomy.html", DESKTOP)
    try:
        assert page.evaluate("typeof Search") == "undefined"
        page.locator(".search-button-field:visible").first.click()
        page.locator("#pst-search-dialog input[name='q']").fill("piriformis")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=piriformis*")
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        assert page.locator("#search-results ul.search li").count() >= 1
    finally:
        context.close()


def test_the_red_flag_line_is_on_every_page_once_and_not_a_copy_of_the_page_notice(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        for path in toc_pages():
            page.goto(f"{site_url}/{path}", wait_until="load")
            banner = page.locator(".bd-header-announcement")
            assert banner.count() == 1 and banner.is_visible(), f"{path}: no red-flag line"
            text = banner.inner_text().lower()
            assert "emergency" in text and "bladder" in text, f"{path}: the banner lost the red-flag line: {text!r}"
            assert "not medical advice" not in text, f"{path}: the banner repeats the page's own notice"
            height = banner.bounding_box()["height"]
            assert height <= 90, f"{path}: the banner takes {height:.0f} px of an 844 px phone screen"
    finally:
        context.close()


def test_a_wide_table_scrolls_inside_its_box_with_a_visible_cue_on_a_phone(browser, site_url):
    context, page = open_fresh(browser, site_url, "chapters/02-anatomy.html", PHONE)
    try:
        tables = page.evaluate("""() => Array.from(document.querySelectorAll("article table")).map((table) => {
            const box = table.closest(".pst-scrollable-table-container") || table.parentElement;
            const style = getComputedStyle(box);
            return {wide: table.scrollWidth > box.clientWidth + 1, overflow: style.overflowX,
                    cue: style.backgroundImage !== "none" || !!box.querySelector(".npc-scroll-cue"),
                    pageWide: document.documentElement.scrollWidth > window.innerWidth + 1};
        })""")
    finally:
        context.close()
    assert tables, "ch02 has a table of the hamstring muscles"
    for table in tables:
        assert not table["pageWide"], "the page itself scrolls sideways"
        if table["wide"]:
            assert table["overflow"] in ("auto", "scroll"), f"a wide table is clipped: {table}"
            assert table["cue"], f"a wide table scrolls with no visible cue: {table}"


def test_quiz_radios_and_checkboxes_are_at_least_24_px_targets(browser, site_url):
    context, page = open_fresh(browser, site_url, "chapters/02-anatomy.html", PHONE)
    try:
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll(
            "[data-widget] input[type=radio], [data-widget] input[type=checkbox]"))
            // A hotspot item's radios are hidden: its answer is picked on the plate instead.
            .filter((input) => input.getClientRects().length > 0)
            .map((input) => {
                const box = input.getBoundingClientRect();
                return [Math.round(box.width), Math.round(box.height)];
            })""")
    finally:
        context.close()
    assert sizes, "no radios or checkboxes found on ch02"
    small = [size for size in sizes if min(size) < 24]
    assert not small, f"{len(small)} of {len(sizes)} inputs are smaller than 24 px: {small[:5]}"
