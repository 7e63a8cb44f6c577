"""A learner works through the clinical cases on the published (static) site."""

import pytest

from tests.browser.test_site_audit import AXE, SERIOUS
from tests.helpers import assert_page_clean, open_book_page
from widgets.authoring.case_validation import CASE_DIR, load_case

pytestmark = pytest.mark.browser
MSCC, CES = "mscc-cancer-survivor", "ces-scan-negative"
CASES = {path.stem: load_case(path).data for path in sorted(CASE_DIR.glob("*.yml"))}


def widget_axe_violations(page, mode: str) -> list[str]:
    """axe-core on the case widget only, in the theme's light or dark mode. The whole page is the
    site audit's job; scoping here keeps the theme's own transitions out of this test."""
    page.evaluate(
        "(mode) => { document.documentElement.dataset.theme = mode; document.documentElement.dataset.mode = mode; }",
        mode,
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text())
    results = page.evaluate("""async () => {
        const r = await axe.run("[data-widget='case-study']", {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")
    return [f"[{mode}] {v['id']} ({v['impact']}) at {v['targets']}" for v in results if v["impact"] in SERIOUS]


def case_page(page, site_url, case_id):
    open_book_page(page, site_url, f"chapters/cases/{case_id}.html")
    return page.locator(f"[data-widget='case-study'][data-case-id='{case_id}']")


def stage(widget, stage_id):
    return widget.locator(f"[data-case-stage='{stage_id}']")


def rank_with_keyboard(page, section, order):
    """Reach the model order with Move up buttons pressed from the keyboard."""
    for position, option_id in enumerate(order):
        while True:
            ids = section.locator("li[data-option-id]").evaluate_all("items => items.map(i => i.dataset.optionId)")
            if ids.index(option_id) == position:
                break
            section.locator(f"li[data-option-id='{option_id}'] button[data-move='up']").focus()
            page.keyboard.press("Enter")


def commit_stage(page, widget, stage_data, correct=True):
    decision = stage_data["decision"]
    section = stage(widget, stage_data["id"])
    kind = decision["type"]
    if kind == "ranking":
        rank_with_keyboard(page, section, decision["answer"] if correct else decision["answer"][::-1])
    elif kind == "free_text":
        section.locator("textarea").fill("Red flags, the pathway and written safety-netting.")
    else:
        wanted = [decision["answer"]] if isinstance(decision["answer"], str) else decision["answer"]
        if not correct:
            options = section.locator("input").evaluate_all("inputs => inputs.map(i => i.value)")
            wanted = [next(value for value in options if value not in wanted)]
        for value in wanted:
            section.locator(f"input[value='{value}']").check()
    section.locator("button[data-action='commit']").click()
    if kind == "free_text":
        section.locator("button[data-action='rate'][data-rating='some']").click()
    return section


def test_nothing_is_revealed_before_the_learner_commits(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, CES)
    first, second = CASES[CES]["stages"][:2]
    assert widget.locator("[data-case-stage]").count() == 1
    assert widget.locator("[data-role='reveal']").count() == 0
    assert widget.locator("[data-role='feedback']").count() == 0
    section = stage(widget, first["id"])
    section.locator("button[data-action='commit']").click()
    assert "Choose an answer" in section.locator("[data-role='commit-note']").inner_text()
    assert widget.locator("[data-role='reveal']").count() == 0 and stage(widget, second["id"]).count() == 0

    commit_stage(page, widget, first)
    reveal = section.locator("[data-role='reveal']")
    assert reveal.is_visible()
    feedback = section.locator("[data-role='feedback']")
    assert feedback.get_attribute("data-correct") == "true"
    assert "Source: Getting It Right First Time" in feedback.inner_text()
    assert feedback.evaluate("el => el === document.activeElement"), "focus moves to the feedback"
    assert section.locator("input").evaluate_all("inputs => inputs.every(i => i.disabled)")
    assert stage(widget, second["id"]).is_visible()
    assert stage(widget, second["id"]).locator("[data-role='reveal']").count() == 0
    assert_page_clean(page)


def test_keyboard_only_ranking_reaches_the_model_order(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, MSCC)
    first = CASES[MSCC]["stages"][0]
    section = stage(widget, first["id"])
    top = first["decision"]["answer"][0]
    section.locator(f"li[data-option-id='{top}'] button[data-move='up']").focus()
    page.keyboard.press("Enter")
    assert "moved to position" in section.locator("[aria-live='polite']").first.inner_text()
    page.keyboard.press("Enter")
    order = section.locator("li[data-option-id]").evaluate_all("items => items.map(i => i.dataset.optionId)")
    assert order[0] == top
    assert page.evaluate("document.activeElement.dataset.move") in ("up", "down"), "focus stays on the moved item"
    for _ in range(12):
        if page.evaluate("document.activeElement.dataset.action") == "commit":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    feedback = section.locator("[data-role='feedback']")
    assert feedback.get_attribute("data-correct") == "true"
    assert_page_clean(page)


def test_mouse_drag_reorders_a_ranking(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, MSCC)
    section = stage(widget, CASES[MSCC]["stages"][0]["id"])
    items = section.locator("li[data-option-id]")
    last = items.nth(items.count() - 1).get_attribute("data-option-id")
    items.nth(items.count() - 1).drag_to(items.nth(0))
    assert items.nth(0).get_attribute("data-option-id") == last
    assert widget.locator("[data-role='reveal']").count() == 0, "reordering is not committing"
    assert_page_clean(page)


def choose_mscc_urgency(page, widget, level):
    """Commit the MSCC case up to its urgency stage, choose `level`, and return the feedback."""
    stages = CASES[MSCC]["stages"]
    for stage_data in stages[:3]:
        commit_stage(page, widget, stage_data)
    urgency = stage(widget, stages[3]["id"])
    urgency.locator(f"input[value='{level}']").check()
    urgency.locator("button[data-action='commit']").click()
    return urgency.locator("[data-role='feedback']")


def test_urgency_feedback_is_asymmetric(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, MSCC)
    feedback = choose_mscc_urgency(page, widget, "emergency")
    assert feedback.get_attribute("data-verdict") == "over-triage"
    assert feedback.get_attribute("data-correct") == "true"
    assert "acceptable" in feedback.inner_text() and "safer" not in feedback.inner_text()

    widget.locator("button[data-action='restart']").click()
    feedback = choose_mscc_urgency(page, widget, "soon")
    assert feedback.get_attribute("data-verdict") == "under-triage"
    assert feedback.get_attribute("data-correct") == "false"
    assert "Unsafe" in feedback.inner_text()
    assert_page_clean(page)


def test_rating_an_earlier_answer_keeps_the_open_stage_choice(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, MSCC)
    stages = CASES[MSCC]["stages"]
    for stage_data in stages[:2]:
        commit_stage(page, widget, stage_data)
    free_text = stage(widget, stages[2]["id"])
    free_text.locator("textarea").fill("Power, reflexes, sensation and an upper-motor-neuron screen.")
    free_text.locator("button[data-action='commit']").click()
    stage(widget, stages[3]["id"]).locator("input[value='soon']").check()
    free_text.locator("button[data-action='rate'][data-rating='all']").click()
    assert free_text.locator("button[data-rating='all']").get_attribute("aria-pressed") == "true"
    assert stage(widget, stages[3]["id"]).locator("input[value='soon']").is_checked()
    assert_page_clean(page)


def test_progress_is_kept_after_a_reload(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, CES)
    first, second = CASES[CES]["stages"][:2]
    commit_stage(page, widget, first, correct=False)
    widget = case_page(page, site_url, CES)
    section = stage(widget, first["id"])
    assert section.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    assert section.locator("input:checked").count() == 1
    assert stage(widget, second["id"]).is_visible()
    assert widget.locator("[data-role='storage-note']").is_hidden()
    assert_page_clean(page)


def test_corrupted_progress_is_set_aside_never_overwritten(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, CES)
    commit_stage(page, widget, CASES[CES]["stages"][0])
    keys = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('npc-case:{CES}:'))")
    assert len(keys) == 1
    key = keys[0]
    page.evaluate("(key) => localStorage.setItem(key, '{this is not json')", key)
    widget = case_page(page, site_url, CES)
    note = widget.locator("[data-role='storage-note']")
    assert note.is_visible() and "set aside" in note.inner_text() and f"{key}:set-aside:1" in note.inner_text()
    assert widget.locator("[data-role='reveal']").count() == 0
    assert page.evaluate("(key) => localStorage.getItem(key + ':set-aside:1')", key) == "{this is not json"

    page.evaluate("(key) => localStorage.setItem(key, JSON.stringify({version: 1, decisions: {nope: 1}}))", key)
    case_page(page, site_url, CES)
    assert page.evaluate("(key) => localStorage.getItem(key + ':set-aside:1')", key) == "{this is not json"
    assert "nope" in page.evaluate("(key) => localStorage.getItem(key + ':set-aside:2')", key)
    assert page.evaluate("(key) => localStorage.getItem(key)", key) is None
    assert_page_clean(page)


def test_restart_clears_the_case(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, CES)
    commit_stage(page, widget, CASES[CES]["stages"][0])
    widget.locator("button[data-action='restart']").click()
    assert widget.locator("[data-role='reveal']").count() == 0
    assert widget.locator("[data-case-stage]").count() == 1
    case_page(page, site_url, CES)
    assert page.locator("[data-role='reveal']").count() == 0
    assert_page_clean(page)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_whole_case_ends_with_the_two_paths_and_is_accessible(watched_page, site_url, case_id):
    page = watched_page
    widget = case_page(page, site_url, case_id)
    stages = CASES[case_id]["stages"]
    for index, stage_data in enumerate(stages):
        commit_stage(page, widget, stage_data, correct=index % 2 == 0)
    summary = widget.locator("[data-role='summary']")
    assert summary.is_visible()
    assert summary.locator("tbody tr").count() == len(stages)
    assert "keyed decisions match the model" in summary.locator("[data-role='score']").inner_text()
    ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), el => el.id)")
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    assert_page_clean(page)  # before axe, which switches the theme's colour mode as the site audit does
    violations = widget_axe_violations(page, "light") + widget_axe_violations(page, "dark")
    assert violations == [], "\n".join(violations)


def test_the_progress_page_shows_what_a_case_saved(watched_page, site_url):
    page = watched_page
    widget = case_page(page, site_url, CES)
    commit_stage(page, widget, CASES[CES]["stages"][0])
    open_book_page(page, site_url, "chapters/appendix/my-progress.html")
    row = page.locator(f"[data-widget='progress'] [data-role='cases'] [data-case='{CES}']")
    stages = len(CASES[CES]["stages"])
    assert f"1 of {stages} stages committed · 1 decision as the model answer" in row.inner_text()
    assert_page_clean(page)
