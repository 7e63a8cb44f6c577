"""A student uses the sciatic-nerve diagram on the published (static) anatomy page."""

import pytest

from tests.helpers import assert_page_clean, open_book_page, region_point
from widgets.anatomy import load_anatomy

pytestmark = pytest.mark.browser
ANATOMY_PAGE = "chapters/02-anatomy.html"
REGIONS = load_anatomy()["regions"]


def explore_diagram(page):
    return page.locator("[data-widget='nerve-diagram'][data-mode='explore']").first


def test_every_region_is_an_accessible_button(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = explore_diagram(page)
    for region in REGIONS:
        element = diagram.locator(f"[data-region='{region['id']}']")
        assert element.get_attribute("role") == "button"
        assert element.get_attribute("tabindex") == "0"
        assert element.get_attribute("aria-label") == region["label"]
    panel = diagram.locator("[data-role='region-info']")
    assert panel.get_attribute("aria-live") == "polite"
    assert_page_clean(page)


def test_student_clicks_each_region_and_reads_its_panel(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = explore_diagram(page)
    panel = diagram.locator("[data-role='region-info']")
    for region in REGIONS:
        selector = f"[data-widget='nerve-diagram'][data-mode='explore'] [data-region='{region['id']}']"
        page.mouse.click(*region_point(page, selector))
        assert diagram.locator(f"[data-region='{region['id']}']").get_attribute("aria-pressed") == "true"
        text = panel.inner_text()
        for field in ("label", "what", "innervation", "relevance"):
            assert region[field] in text, (region["id"], field)
    assert diagram.locator("[aria-pressed='true']").count() == 1
    assert_page_clean(page)


def test_keyboard_user_tabs_to_piriformis_and_presses_enter(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = explore_diagram(page)
    diagram.locator("[data-region='piriformis']").focus()
    page.keyboard.press("Enter")
    assert "Piriformis" in diagram.locator("[data-role='region-info']").inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    focused = page.evaluate("document.activeElement.getAttribute('data-region')")
    assert diagram.locator(f"[data-region='{focused}']").get_attribute("aria-pressed") == "true"
    assert_page_clean(page)


def test_find_mode_scores_right_answers_only(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    finder = page.locator("[data-widget='nerve-diagram'][data-mode='find']").first
    prompts = load_anatomy()["find_prompts"]
    base = "[data-widget='nerve-diagram'][data-mode='find']"
    assert finder.locator("[data-role='find-prompt']").inner_text() == prompts[0]["prompt"]
    page.mouse.click(*region_point(page, f"{base} [data-region='semitendinosus']"))
    assert finder.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    assert finder.locator("[data-role='score']").inner_text() == f"Score: 0 / {len(prompts)}"
    for prompt in prompts[:2]:
        page.mouse.click(*region_point(page, f"{base} [data-region='{prompt['region']}']"))
        assert finder.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert finder.locator("[data-role='score']").inner_text() == f"Score: 2 / {len(prompts)}"
    assert finder.locator("[data-role='find-prompt']").inner_text() == prompts[2]["prompt"]
    assert_page_clean(page)


def test_causes_page_marks_where_piriformis_syndrome_acts(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/03-causes.html")
    diagram = page.locator("[data-widget='nerve-diagram'][data-mode='causes']").first
    cause = next(c for c in load_anatomy()["causes"] if c["id"] == "piriformis_syndrome")
    diagram.locator("button[data-cause='piriformis_syndrome']").click()
    assert diagram.locator("button[data-cause='piriformis_syndrome']").get_attribute("aria-pressed") == "true"
    marked = diagram.locator("[data-region][data-highlight]")
    assert sorted(marked.evaluate_all("els => els.map(e => e.dataset.region)")) == sorted(cause["regions"])
    assert cause["mechanism"] in diagram.locator("[data-role='cause-info']").inner_text()
    assert_page_clean(page)
