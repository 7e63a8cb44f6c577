"""The lumbar-spine plate (a second plate of the anatomy widget) and zooming by wheel and pinch,
on the published (static) anatomy and causes pages."""

import pytest

from tests.browser.test_nerve_diagram import click_each_region_and_read_its_panel
from tests.browser.test_site_audit import axe_violations
from tests.helpers import answer_question, assert_page_clean, open_book_page, region_point
from widgets.anatomy import load_anatomy, load_lumbar_anatomy
from widgets.plate import LUMBAR_PLATE_FILE, load_plate
from widgets.quizbank import load_all_banks

pytestmark = pytest.mark.browser
ANATOMY_PAGE = "chapters/02-anatomy.html"
CAUSES_PAGE = "chapters/03-causes.html"
EXPLORE = "[data-widget='nerve-diagram'][data-mode='explore']"
CAUSES = "[data-widget='nerve-diagram'][data-mode='causes']"
LUMBAR = "[data-plate='lumbar-spine']"
POSTERIOR = "[data-plate='posterior-thigh']"
REGIONS = load_lumbar_anatomy()["regions"]
CAUSE_DATA = {cause["id"]: cause for cause in load_anatomy()["causes"]}
LUMBAR_HOTSPOT = next(
    (bank.name, item)
    for bank in load_all_banks()
    for item in bank.items
    if item["type"] == "hotspot" and item.get("plate") == "lumbar-spine"
)


def show_lumbar(diagram):
    diagram.locator("button[data-action='plate'][data-plate-choice='lumbar-spine']").click()


def svg_width(diagram, plate=LUMBAR):
    return diagram.locator(f"{plate} svg").bounding_box()["width"]


def test_every_lumbar_structure_is_clickable_where_it_is_topmost(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    assert diagram.locator(LUMBAR).is_hidden(), "the posterior plate is shown first"
    show_lumbar(diagram)
    assert diagram.locator(LUMBAR).is_visible() and diagram.locator(POSTERIOR).is_hidden()
    switch = diagram.locator("button[data-plate-choice='lumbar-spine']")
    assert switch.get_attribute("aria-pressed") == "true"
    assert diagram.locator("button[data-action='layer']").is_hidden(), "the lumbar plate has no layers"
    click_each_region_and_read_its_panel(page, diagram, f"{EXPLORE} {LUMBAR}", REGIONS)
    assert_page_clean(page)


def test_each_plate_is_one_tab_stop_and_arrow_keys_follow_the_lumbar_order(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    order = load_plate(LUMBAR_PLATE_FILE)["focus_order"]
    for plate in (POSTERIOR, LUMBAR):
        assert diagram.locator(f"{plate} [data-region][tabindex='0']").count() == 1, plate
    show_lumbar(diagram)
    diagram.locator("button[data-action='zoom-in']").focus()
    page.keyboard.press("Tab")
    focused = lambda: page.evaluate("document.activeElement.dataset.region")  # noqa: E731
    assert focused() == order[0]
    for expected in order[1:]:
        page.keyboard.press("ArrowRight")
        assert focused() == expected
    page.keyboard.press("ArrowDown")
    assert focused() == order[0], "the order wraps round"
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    assert diagram.locator(f"[data-region='{order[-1]}']").get_attribute("aria-pressed") == "true"
    page.keyboard.press("Tab")
    assert focused() is None, "one Tab leaves the plate"
    assert_page_clean(page)


def test_labels_toggle_hides_and_shows_the_lumbar_labels(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    show_lumbar(diagram)
    toggle = diagram.locator("button[data-action='labels']")
    labels = diagram.locator(f"{LUMBAR} [data-role='label']")
    assert toggle.get_attribute("aria-pressed") == "true" and labels.first.is_visible()
    toggle.click()
    assert not any(labels.nth(i).is_visible() for i in range(labels.count()))
    toggle.click()
    assert labels.last.is_visible()
    assert_page_clean(page)


@pytest.mark.parametrize("cause", ["disc_herniation", "degenerative_stenosis"])
def test_causes_mode_shows_the_lumbar_plate_with_the_structures_involved(watched_page, site_url, cause):
    page = open_book_page(watched_page, site_url, CAUSES_PAGE)
    diagram = page.locator(CAUSES).first
    diagram.locator(f"button[data-cause='{cause}']").click()
    assert diagram.locator(LUMBAR).is_visible() and diagram.locator(POSTERIOR).is_hidden()
    assert diagram.locator("[data-role='plate-title']").inner_text() == load_plate(LUMBAR_PLATE_FILE)["title"]
    marked = diagram.locator("[data-region][data-highlight]").evaluate_all("els => els.map(e => e.dataset.region)")
    assert sorted(marked) == sorted(CAUSE_DATA[cause]["regions"])
    assert CAUSE_DATA[cause]["mechanism"] in diagram.locator("[data-role='cause-info']").inner_text()
    diagram.locator("button[data-cause='piriformis_syndrome']").click()  # a buttock cause: back to that plate
    assert diagram.locator(POSTERIOR).is_visible() and diagram.locator(LUMBAR).is_hidden()
    assert_page_clean(page)


def test_ctrl_wheel_zooms_about_the_pointer_and_a_plain_wheel_scrolls_the_page(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    figure = diagram.locator(POSTERIOR)
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    before = svg_width(diagram, POSTERIOR)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 3)
    scroll = page.evaluate("window.scrollY")
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(200)
    assert svg_width(diagram, POSTERIOR) == pytest.approx(before), "a plain wheel does not zoom"
    assert page.evaluate("window.scrollY") > scroll, "a plain wheel still scrolls the page"
    assert diagram.locator("[data-role='zoom-hint'][data-shown]").count() == 1
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 3)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_timeout(200)
    assert svg_width(diagram, POSTERIOR) > 1.5 * before
    assert not diagram.locator("button[data-action='zoom-out']").is_disabled()
    assert_page_clean(page)


def test_two_finger_pinch_zooms_and_drag_pans(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    show_lumbar(diagram)
    figure = diagram.locator(LUMBAR)
    figure.scroll_into_view_if_needed()
    before = svg_width(diagram)
    page.evaluate(
        """(selector) => {
      const figure = document.querySelector(selector);
      const box = figure.getBoundingClientRect();
      const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
      const fire = (type, id, x) => figure.dispatchEvent(new PointerEvent(type,
        {pointerId: id, pointerType: "touch", isPrimary: id === 1, clientX: x, clientY: cy, bubbles: true}));
      fire("pointerdown", 1, cx - 40); fire("pointerdown", 2, cx + 40);
      for (let step = 1; step <= 10; step++) {
        fire("pointermove", 1, cx - 40 - 4 * step);
        fire("pointermove", 2, cx + 40 + 4 * step);
      }
      fire("pointerup", 1, cx - 80); fire("pointerup", 2, cx + 80);
    }""",
        f"{EXPLORE} {LUMBAR}",
    )
    assert svg_width(diagram) == pytest.approx(2 * before, rel=0.1), "fingers spread to twice the distance"
    box = figure.bounding_box()
    left = figure.evaluate("f => f.scrollLeft")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 - 60, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    assert figure.evaluate("f => f.scrollLeft") == pytest.approx(left + 60, abs=2)
    assert diagram.locator("[data-region][aria-pressed='true']").count() == 0, "a drag is not a click"
    assert_page_clean(page)


def test_the_lumbar_plate_fits_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_book_page(context.new_page(), site_url, CAUSES_PAGE)
    diagram = page.locator(CAUSES).first
    diagram.locator("button[data-cause='disc_herniation']").click()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling of the page"
    assert svg_width(diagram) >= 340
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_lumbar_plate_is_accessible(watched_page, site_url, mode):
    page = open_book_page(watched_page, site_url, CAUSES_PAGE)
    diagram = page.locator(CAUSES).first
    diagram.locator("button[data-cause='disc_herniation']").click()
    page.mouse.click(*region_point(page, f"{CAUSES} {LUMBAR} [data-region='l5_root_traversing']"))
    assert axe_violations(page, mode) == []


def test_print_shows_the_lumbar_plate_once_as_the_labelled_figure(watched_page, site_url):
    page = open_book_page(watched_page, site_url, CAUSES_PAGE)
    diagram = page.locator(CAUSES).first
    diagram.locator("button[data-cause='disc_herniation']").click()  # the lumbar plate is on screen
    page.emulate_media(media="print")
    assert diagram.locator(LUMBAR).is_hidden(), "the widget's copy of the lumbar plate is left out of print"
    assert diagram.locator(POSTERIOR).is_visible(), "the causes widget prints its posterior plate"
    figure = page.locator("#fig-lumbar-plate-static img")
    assert figure.is_visible() and figure.get_attribute("src").endswith("lumbar-spine-plate.svg")
    assert figure.bounding_box()["width"] > 500, "on paper the plate takes the width, so its labels can be read"
    assert diagram.locator("button[data-action='plate']").first.is_hidden(), "no switch on paper"


def test_every_lumbar_target_is_at_least_24_css_px_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_book_page(context.new_page(), site_url, CAUSES_PAGE)
    page.locator(CAUSES).first.locator("button[data-cause='degenerative_stenosis']").click()
    sizes = page.evaluate(
        """(selector) => {
      const svg = document.querySelector(selector + " svg");
      const scale = svg.getScreenCTM().a;
      return [...svg.querySelectorAll("[data-region]")].map((g) => {
        const hits = [...g.querySelectorAll(".np-hit")];
        const sides = hits.map((p) => {
          const box = p.getBBox(), wide = Number(p.getAttribute("stroke-width") || 0);
          const stroke = p.classList.contains("np-hit-cord");  // a stroke alone: its width is the size
          return stroke ? wide * scale : (Math.min(box.width, box.height) + wide) * scale;
        });
        return {id: g.dataset.region, size: Math.max(...sides)};
      });
    }""",
        f"{CAUSES} {LUMBAR}",
    )
    assert len(sizes) == len(REGIONS)
    small = [(s["id"], round(s["size"], 1)) for s in sizes if s["size"] < 24]
    assert small == []
    context.close()


@pytest.mark.parametrize("correct", [True, False], ids=["right", "wrong"])
def test_a_hotspot_item_is_answered_on_the_lumbar_plate(watched_page, site_url, correct):
    bank, item = LUMBAR_HOTSPOT
    assert bank == "causes"
    page = open_book_page(watched_page, site_url, CAUSES_PAGE)
    fieldset = page.locator(f"[data-widget='quiz'][data-bank='{bank}'] [data-question-id='{item['id']}']")
    assert fieldset.locator(f"{LUMBAR} svg").count() == 1
    assert fieldset.locator("[data-role='label']").count() == 0, "no labels to give the answer away"
    names = fieldset.locator("[data-region]").evaluate_all("els => els.map((e) => e.getAttribute('aria-label'))")
    assert not set(names) & {region["label"] for region in REGIONS}, "neutral descriptions while it is open"
    answer_question(fieldset, item, correct=correct)
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") == str(correct).lower()
    if correct:
        assert fieldset.locator(f"[data-region='{item['answer']}']").get_attribute("data-mark") == "right"
    assert_page_clean(page)


def test_plus_and_minus_zoom_about_the_focused_structure(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    show_lumbar(diagram)
    before = svg_width(diagram)
    diagram.locator(f"{LUMBAR} [data-region='facet_joint']").focus()
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert svg_width(diagram) == pytest.approx(2 * before, rel=0.05)
    box = diagram.locator(f"{LUMBAR} [data-region='facet_joint']").bounding_box()
    frame = diagram.locator(LUMBAR).bounding_box()
    assert frame["x"] <= box["x"] + box["width"] / 2 <= frame["x"] + frame["width"], "it stays in view"
    page.keyboard.press("0")
    assert svg_width(diagram) == pytest.approx(before, rel=0.02)
    assert diagram.locator("button[data-action='zoom-out']").is_disabled()
    assert_page_clean(page)
