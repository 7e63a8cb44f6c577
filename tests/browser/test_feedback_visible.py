"""What a learner SEES after answering: every feedback text readable (WCAG AA contrast against
its effective background), in light and dark mode, at desktop and phone width, for every
widget type that gives feedback; axe-core finds nothing serious in the answered state; no
duplicate ids on any page."""

from __future__ import annotations

import pytest

from tests.browser.test_site_audit import axe_violations, expected_pages
from tests.helpers import answer_question, assert_page_clean, open_book_page, region_point
from widgets.anatomy import load_anatomy
from widgets.quizbank import load_all_banks
from widgets.root_levels import load_root_levels
from widgets.triage import load_cases

pytestmark = pytest.mark.browser
AA_BODY_TEXT = 4.5
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
MODES = ("light", "dark")
ITEMS = {item["id"]: item for bank in load_all_banks() for item in bank.items}

# The contrast of every text node inside feedback and option marks, against the first opaque
# background behind it (alpha-composited up the tree), as WCAG 2 defines contrast.
CONTRAST_JS = """(selector) => {
  const parse = (c) => {
    const m = c.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1};
  };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                  b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const background = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg.a > 0) layers.push(bg);
      if (bg.a >= 1) break;
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const results = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const visible = box.width > 0 && box.height > 0 && style.visibility !== "hidden" && Number(style.opacity) > 0.5;
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      results.push({text: node.textContent.trim().slice(0, 50), ratio: (light + 0.05) / (dark + 0.05), visible});
    }
  }
  return results;
}"""
FEEDBACK_TEXT = "[data-role='feedback'], [data-mark] .npc-mark"


def answer_quiz(page):
    quiz = page.locator("[data-widget='quiz']").first
    fieldsets = quiz.locator("[data-question-id]")
    first = fieldsets.nth(0)
    answer_question(first, ITEMS[first.get_attribute("data-question-id")], correct=False)  # open, marked wrong
    second = fieldsets.nth(1)
    answer_question(second, ITEMS[second.get_attribute("data-question-id")], correct=True)
    fieldsets.nth(2).locator("button[data-action='show-answer']").click()


def answer_deck(page):
    card = page.locator("[data-widget='review-deck'] [data-role='card'] [data-question-id]")
    answer_question(card, ITEMS[card.get_attribute("data-question-id")], correct=False)


def answer_find(page):
    first_prompt = load_anatomy()["find_prompts"][0]["region"]
    wrong = next(r["id"] for r in load_anatomy()["regions"] if r["id"] != first_prompt)
    widget = "[data-widget='nerve-diagram'][data-mode='find']"
    page.mouse.click(*region_point(page, f"{widget} [data-region='{wrong}']"))
    assert page.locator(f"{widget} [data-role='feedback']").get_attribute("data-correct") == "false"


def answer_root_practice(page):
    widget = page.locator("[data-widget='root-explorer'][data-mode='practice']")
    first = load_root_levels()["practice"][0]
    wrong = next(r["id"] for r in load_root_levels()["roots"] if r["id"] != first["answer"])
    widget.locator(f"button[data-root='{wrong}']").click()


def answer_triage(page):
    widget = page.locator("[data-widget='triage']").first
    cases = load_cases()["cases"]
    levels = ["emergency", "same_day", "soon", "self_care"]
    under = next(c for c in cases if c["answer"] == "emergency")
    over = next(c for c in cases if c["answer"] == "self_care")
    widget.locator(f"[data-case-id='{under['id']}'] button[data-choice='soon']").click()
    widget.locator(f"[data-case-id='{over['id']}'] button[data-choice='{levels[0]}']").click()
    right = next(c for c in cases if c["answer"] == "same_day")
    widget.locator(f"[data-case-id='{right['id']}'] button[data-choice='same_day']").click()


WIDGETS = {
    "quiz": ("chapters/01-introduction.html", answer_quiz),
    "review-deck": ("chapters/08-review.html", answer_deck),
    "find-mode": ("chapters/02-anatomy.html", answer_find),
    "root-practice": ("chapters/04-symptoms.html", answer_root_practice),
    "triage": ("chapters/04-symptoms.html", answer_triage),
}


@pytest.fixture
def sized_page(browser, request):
    viewport = request.param
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone", has_touch=viewport == "phone"
    )
    from tests.conftest import PageWatch
    from tools.book_site import block_other_hosts

    watch = PageWatch()
    block_other_hosts(context, watch.blocked)
    page = context.new_page()
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
    page.on(
        "response", lambda response: response.status >= 400 and watch.failed.append(f"{response.status} {response.url}")
    )
    page.watch = watch
    # Colour transitions caught half-way would make contrast readings depend on timing.
    page.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style');"
        " s.textContent = '*, *::before, *::after { transition: none !important; }';"
        " document.head.append(s); });"
    )
    yield page
    context.close()


@pytest.mark.parametrize("sized_page", list(VIEWPORTS), indirect=True)
@pytest.mark.parametrize("widget", list(WIDGETS))
def test_feedback_is_readable_after_answering_in_light_and_dark(sized_page, site_url, widget):
    path, answer = WIDGETS[widget]
    page = open_book_page(sized_page, site_url, path)
    answer(page)
    # Checked before axe runs: axe's stylesheet preload requests the theme's @import from the
    # wrong base URL, a 404 that no reader ever triggers.
    assert_page_clean(page)
    for mode in MODES:
        page.evaluate(
            "(mode) => { const html = document.documentElement; html.dataset.theme = mode; html.dataset.mode = mode; }",
            mode,
        )
        readings = page.evaluate(CONTRAST_JS, FEEDBACK_TEXT)
        assert readings, f"{widget}: no feedback text after answering"
        assert not [r for r in readings if r["text"] in ("null", "undefined")], f"{widget}: a missing value printed"
        unreadable = [r for r in readings if r["visible"] and r["ratio"] < AA_BODY_TEXT]
        hidden = [r["text"] for r in readings if not r["visible"]]
        assert unreadable == [], f"{widget} [{mode}]: feedback below {AA_BODY_TEXT}:1: {unreadable}"
        assert hidden == [], f"{widget} [{mode}]: feedback text not visible: {hidden}"
        violations = axe_violations(page, mode)
        assert violations == [], f"{widget}: answered state:\n" + "\n".join(violations)


@pytest.mark.parametrize("path", [p for p in expected_pages() if p.startswith("chapters/") and "appendix" not in p])
def test_no_page_has_duplicate_ids(watched_page, site_url, path):
    page = open_book_page(watched_page, site_url, path)
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == [], f"{path}: duplicate ids {duplicates}"
