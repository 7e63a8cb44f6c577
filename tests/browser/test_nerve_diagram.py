"""A student uses the anatomy plate on the published (static) anatomy and causes pages."""

import pytest

from tests.helpers import assert_page_clean, open_book_page, region_point
from widgets.anatomy import load_anatomy
from widgets.plate import load_plate

pytestmark = pytest.mark.browser
ANATOMY_PAGE = "chapters/02-anatomy.html"
REGIONS = load_anatomy()["regions"]
LABELS = {region["id"]: region["label"] for region in REGIONS}
PROMPTS = load_anatomy()["find_prompts"]
EXPLORE = "[data-widget='nerve-diagram'][data-mode='explore']"
FIND = "[data-widget='nerve-diagram'][data-mode='find']"
FIND_KEY = "npc-nerve-find:v1"


def click_region(page, base, region_id):
    page.mouse.click(*region_point(page, f"{base} [data-region='{region_id}']"))


def click_each_region_and_read_its_panel(page, diagram, plate_selector, regions):
    """Click every region of a plate at a point where it is topmost; each is pressed alone,
    is named and fills the panel."""
    panel = diagram.locator("[data-role='region-info']")
    for region in regions:
        page.mouse.click(*region_point(page, f"{plate_selector} [data-region='{region['id']}']"))
        element = diagram.locator(f"[data-region='{region['id']}']")
        assert element.get_attribute("aria-pressed") == "true", region["id"]
        assert element.get_attribute("aria-label") == region["label"]
        text = panel.inner_text()
        for field in ("label", "what", "innervation", "relevance"):
            assert region[field] in text, (region["id"], field)
    assert diagram.locator("[data-region][aria-pressed='true']").count() == 1


def current_prompt(page):
    text = page.locator(f"{FIND} [data-role='find-prompt']").inner_text()
    return next(p for p in PROMPTS if p["prompt"] in text)


def wrong_region(prompt, skip=0):
    return [r["id"] for r in REGIONS if r["id"] != prompt["region"]][skip]


def score(page):
    return page.locator(f"{FIND} [data-role='score']").inner_text()


def test_every_structure_is_clickable_where_it_is_topmost_and_reads_its_panel(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    assert diagram.locator("[data-role='region-info']").get_attribute("aria-live") == "polite"
    click_each_region_and_read_its_panel(page, diagram, f"{EXPLORE} [data-plate='posterior-thigh']", REGIONS)
    assert page.locator(f"{EXPLORE} svg title").count() == 0, "no name tooltips"
    assert_page_clean(page)


def test_plate_is_one_tab_stop_and_arrow_keys_follow_the_anatomical_order(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    order = load_plate()["focus_order"]
    assert diagram.locator("[data-plate='posterior-thigh'] [data-region][tabindex='0']").count() == 1
    diagram.locator("button[data-action='zoom-in']").focus()  # the last enabled control before the plate
    page.keyboard.press("Tab")
    focused = lambda: page.evaluate("document.activeElement.dataset.region")  # noqa: E731
    assert focused() == order[0]
    for expected in order[1:5]:
        page.keyboard.press("ArrowDown")
        assert focused() == expected
    page.keyboard.press("ArrowUp")
    assert focused() == order[3]
    page.keyboard.press("End")
    assert focused() == order[-1]
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineWidth")
    assert ring == "3px"
    page.keyboard.press("Enter")
    assert diagram.locator(f"[data-region='{order[-1]}']").get_attribute("aria-pressed") == "true"
    assert LABELS[order[-1]] in diagram.locator("[data-role='region-info']").inner_text()
    page.keyboard.press("Tab")  # one Tab leaves the plate
    assert focused() is None
    assert diagram.locator("[data-plate='posterior-thigh'] [data-region][tabindex='0']").count() == 1
    assert_page_clean(page)


def test_labels_toggle_hides_and_shows_every_label(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    toggle = diagram.locator("button[data-action='labels']")
    labels = diagram.locator("[data-role='label']")
    assert toggle.get_attribute("aria-pressed") == "true" and labels.first.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert not any(labels.nth(i).is_visible() for i in range(labels.count()))
    toggle.click()
    assert labels.first.is_visible()
    assert_page_clean(page)


def test_find_mode_hides_names_and_gives_no_point_after_a_miss(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    finder = page.locator(FIND)
    names = finder.locator("[data-region]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert not set(names) & set(LABELS.values()), "structure names exposed while a prompt is open"
    assert not any(finder.locator("[data-role='label']").nth(i).is_visible() for i in range(3))
    prompt = current_prompt(page)
    click_region(page, FIND, wrong_region(prompt))
    assert finder.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    click_region(page, FIND, prompt["region"])
    assert finder.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert score(page).startswith(f"Score: 0 / {len(PROMPTS)}"), "a miss then a hit must not score"
    second = current_prompt(page)
    assert second != prompt
    click_region(page, FIND, second["region"])
    assert score(page).startswith(f"Score: 1 / {len(PROMPTS)}")
    assert_page_clean(page)


def test_hint_after_two_misses_and_show_me_after_three(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    finder = page.locator(FIND)
    prompt = current_prompt(page)
    show_me = finder.locator("button[data-action='show-me']")
    click_region(page, FIND, wrong_region(prompt, 0))
    assert "Hint" not in finder.locator("[data-role='feedback']").inner_text()
    click_region(page, FIND, wrong_region(prompt, 1))
    assert "Hint" in finder.locator("[data-role='feedback']").inner_text()
    assert not show_me.is_visible()
    click_region(page, FIND, wrong_region(prompt, 2))
    show_me.click()
    assert finder.locator(f"[data-region='{prompt['region']}']").get_attribute("data-reveal") is not None
    assert LABELS[prompt["region"]] in finder.locator("[data-role='feedback']").inner_text()
    assert current_prompt(page) != prompt
    assert score(page).startswith("Score: 0 /")
    assert_page_clean(page)


def test_progress_survives_a_reload_and_restart_clears_it(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    first = current_prompt(page)
    click_region(page, FIND, first["region"])
    second = current_prompt(page)
    open_book_page(page, site_url, ANATOMY_PAGE)  # a fresh visit
    assert score(page).startswith("Score: 1 /")
    assert current_prompt(page) == second, "the order is the learner's own and stays after a reload"
    page.locator(f"{FIND} button[data-action='restart']").click()
    assert score(page).startswith("Score: 0 /")
    assert current_prompt(page) == first
    page.evaluate("(key) => localStorage.setItem(key, '{not json')", FIND_KEY)
    open_book_page(page, site_url, ANATOMY_PAGE)
    assert "could not be read" in page.locator(f"{FIND} [data-role='save-note']").inner_text()
    kept = page.evaluate("(key) => localStorage.getItem(key + ':set-aside:1')", FIND_KEY)
    assert kept == "{not json"
    assert_page_clean(page)


def test_causes_mode_marks_the_deep_gluteal_space_and_toggles_off(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/03-causes.html")
    base = "[data-widget='nerve-diagram'][data-mode='causes']"
    diagram = page.locator(base).first
    causes = {c["id"]: c for c in load_anatomy()["causes"]}
    button = diagram.locator("button[data-cause='deep_gluteal_syndrome']")
    button.click()
    marked = diagram.locator("[data-region][data-highlight]").evaluate_all("els => els.map(e => e.dataset.region)")
    assert sorted(marked) == sorted(causes["deep_gluteal_syndrome"]["regions"])
    assert "gluteus_maximus" not in marked, "the syndrome acts deep to gluteus maximus, not in it"
    assert causes["deep_gluteal_syndrome"]["mechanism"] in diagram.locator("[data-role='cause-info']").inner_text()
    page.mouse.click(*region_point(page, f"{base} [data-region='piriformis']"))
    assert diagram.locator("[data-role='region-info']").is_visible()
    assert not diagram.locator("[data-role='cause-info']").is_visible(), "one panel at a time"
    button.click()  # pressing the chosen cause again clears it
    assert button.get_attribute("aria-pressed") == "false"
    assert diagram.locator("[data-region][data-highlight]").count() == 0
    assert_page_clean(page)


def test_every_target_is_at_least_24_css_px_in_find_mode_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = open_book_page(context.new_page(), site_url, ANATOMY_PAGE)
    sizes = page.evaluate(
        """(selector) => {
      const svg = document.querySelector(selector + " svg");
      const scale = svg.getScreenCTM().a;
      return [...svg.querySelectorAll("[data-region]")].map((g) => {
        const box = g.getBoundingClientRect();
        const strokes = [...g.querySelectorAll(".np-hit-cord")]
          .map((p) => Number(p.getAttribute("stroke-width")) * scale);
        return {id: g.dataset.region, strokes, side: Math.min(box.width, box.height)};
      });
    }""",
        FIND,
    )
    assert len(sizes) == len(REGIONS)
    small = [s for s in sizes if (s["strokes"] and min(s["strokes"]) < 24) or (not s["strokes"] and s["side"] < 24)]
    assert small == [], [(s["id"], round(min(s["strokes"] or [s["side"]]), 1)) for s in small]
    assert "Tap" in page.locator(f"{FIND} [data-role='find-prompt']").inner_text(), "touch wording on a phone"
    context.close()


def test_superficial_layer_covers_the_deep_gluteal_structures(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    point = region_point(page, f"{EXPLORE} [data-region='piriformis']")
    layer = diagram.locator("button[data-action='layer']")
    piriformis = f"{EXPLORE} [data-region='piriformis']"
    recentre = lambda: page.evaluate("(s) => document.querySelector(s).scrollIntoView({block: 'center'})", piriformis)  # noqa: E731
    layer.click()
    assert layer.get_attribute("aria-pressed") == "true"
    recentre()  # the same scroll as region_point, so the point is over piriformis again
    page.mouse.click(*point)
    assert diagram.locator("[data-region='gluteus_maximus']").get_attribute("aria-pressed") == "true"
    assert diagram.locator("[data-region='piriformis']").get_attribute("aria-pressed") == "false"
    layer.click()
    recentre()
    page.mouse.click(*point)
    assert diagram.locator("[data-region='piriformis']").get_attribute("aria-pressed") == "true"
    assert_page_clean(page)


def test_zoom_enlarges_the_plate_and_structures_stay_clickable(watched_page, site_url):
    page = open_book_page(watched_page, site_url, ANATOMY_PAGE)
    diagram = page.locator(EXPLORE).first
    width = lambda: diagram.locator("[data-plate='posterior-thigh'] svg").bounding_box()["width"]  # noqa: E731
    before = width()
    diagram.locator("button[data-action='zoom-in']").click()
    diagram.locator("button[data-action='zoom-in']").click()
    assert width() == pytest.approx(2 * before, rel=0.05)
    click_region(page, EXPLORE, "common_fibular_division")
    assert diagram.locator("[data-region='common_fibular_division']").get_attribute("aria-pressed") == "true"
    diagram.locator("button[data-action='zoom-out']").click()
    diagram.locator("button[data-action='zoom-out']").click()
    assert width() == pytest.approx(before, rel=0.05)
    assert diagram.locator("button[data-action='zoom-out']").is_disabled()
    assert_page_clean(page)
