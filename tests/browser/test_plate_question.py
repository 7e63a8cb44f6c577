"""A `type: hotspot` bank item answered by picking the structure on the plate
(widgets/static/plate_question.js), rendered on a bare page with the shared question code."""

import pytest

from widgets._base import STATIC_DIR
from widgets.nerve_diagram import question_plate
from widgets.quizbank import item_payload, load_all_banks

pytestmark = pytest.mark.browser
HOTSPOT = next(item for bank in load_all_banks() for item in bank.items if item["type"] == "hotspot")


@pytest.fixture
def question_page(browser):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    script = "\n".join((STATIC_DIR / name).read_text() for name in ("common.js", "question.js", "plate_question.js"))
    style = "\n".join(
        (STATIC_DIR / name).read_text() for name in ("common.css", "plate_colours.css", "plate_question.css")
    )
    page.set_content(
        f"<html><head><style>{style}</style></head><body><div class='npc-widget' id='host'></div></body></html>"
    )
    page.add_script_tag(
        content=script
        + """
      window.entries = [];
      window.mount = (item, plate) => {
        let entry = null;
        const view = renderHotspotQuestion(item, { label: "Question 1", maxAttempts: 2,
          onCheck: (value) => {
            entry = nextEntry(item, entry, value, 2); window.entries.push(entry); view.show(entry);
          },
          onReveal: () => { entry = revealedEntry(entry); view.show(entry); } }, plate);
        document.getElementById("host").append(view.element);
        view.show(null);
      };"""
    )
    page.evaluate("([item, plate]) => window.mount(item, plate)", [item_payload(HOTSPOT), question_plate()])
    page.errors = errors
    yield page
    context.close()


def pick(page, region_id):
    point = page.evaluate(
        """(id) => {
        const el = document.querySelector(`[data-region="${id}"]`);
        const box = el.getBoundingClientRect();
        for (let fy = 0.5; fy < 1; fy += 0.05) for (const f of [fy, 1 - fy]) for (let fx = 0.1; fx <= 0.9; fx += 0.1) {
          const x = box.left + box.width * fx, y = box.top + box.height * f;
          const hit = document.elementFromPoint(x, y);
          if (hit && el.contains(hit)) return {x, y};
        }
        return null; }""",
        region_id,
    )
    assert point, region_id
    page.mouse.click(point["x"], point["y"])


def test_hotspot_item_is_answered_right_on_the_picture(question_page):
    page = question_page
    names = page.locator("[data-region]").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    labels = {region["label"] for region in question_plate()["regions"]}
    assert not set(names) & labels, "structure names given away before answering"
    assert not page.locator(".npc-option").first.is_visible(), "no list of names to pick from"
    pick(page, HOTSPOT["answer"])
    page.locator("button[data-action='check']").click()
    assert page.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert page.locator(f"[data-region='{HOTSPOT['answer']}']").get_attribute("data-mark") == "right"
    assert page.errors == []


def test_hotspot_item_answered_wrong_then_shown_by_keyboard(question_page):
    page = question_page
    wrong = next(r["id"] for r in question_plate()["regions"] if r["id"] != HOTSPOT["answer"])
    pick(page, wrong)
    page.locator("button[data-action='check']").click()
    assert page.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    assert page.locator(f"[data-region='{wrong}']").get_attribute("data-mark") == "wrong"
    page.locator("[data-region][tabindex='0']").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.locator("[data-region][aria-pressed='true']").count() == 1
    page.locator("button[data-action='show-answer']").click()
    assert page.evaluate("window.entries.length") == 1, "a pick alone is not an answer"
    answer = page.locator(f"[data-region='{HOTSPOT['answer']}']")
    assert answer.get_attribute("data-mark") == "right"
    assert answer.get_attribute("aria-label") == item_payload(HOTSPOT)["answer"], "names return once closed"
    assert page.errors == []
