"""A learner takes a chapter's self-check quiz on the published (static) site.

Items are picked from the banks by type, so editing a bank's content never breaks these tests.
"""

import pytest

from tests.helpers import answer_question, assert_page_clean, open_book_page
from widgets.quizbank import load_all_banks

pytestmark = pytest.mark.browser
BANKS = {bank.name: bank for bank in load_all_banks()}


def page_of(bank_name: str) -> str:
    return f"chapters/{BANKS[bank_name].chapter}.html"


def first_item(kind: str):
    """(bank name, item) for the first item of a type, in course order."""
    for bank in sorted(BANKS.values(), key=lambda b: b.chapter):
        for item in bank.items:
            if item["type"] == kind:
                return bank.name, item
    raise AssertionError(f"no {kind} item in any bank")


def quiz_on(page, bank_name):
    return page.locator(f"[data-widget='quiz'][data-bank='{bank_name}']")


def question(page, bank_name, item_id):
    return quiz_on(page, bank_name).locator(f"[data-question-id='{item_id}']")


def score(page, bank_name):
    return quiz_on(page, bank_name).locator("[data-role='score']").inner_text()


def score_line(right: int, done: int, total: int) -> str:
    return f"Score: {right} / {total} right · {done} of {total} done"


def test_every_item_uses_real_inputs_with_labels_and_unique_ids(watched_page, site_url):
    bank, _ = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    quiz = quiz_on(page, bank)
    total = len(BANKS[bank].items)
    assert quiz.locator("[data-question-id]").count() == total
    for input_ in quiz.locator("input").all():
        assert quiz.locator(f"label[for='{input_.get_attribute('id')}']").count() == 1
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
    assert score(page, bank) == score_line(0, 0, total)
    assert_page_clean(page)


def test_a_right_answer_scores_and_marks_the_option(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    answer_question(fieldset, item, correct=True)
    feedback = fieldset.locator("[data-role='feedback']")
    assert feedback.get_attribute("data-correct") == "true"
    assert feedback.locator(".npc-verdict").inner_text() == "Correct."
    assert fieldset.locator("[data-mark='right']").inner_text().endswith("✓ right")
    assert score(page, bank) == score_line(1, 1, len(BANKS[bank].items))
    assert_page_clean(page)


def test_a_wrong_try_shows_no_answer_and_the_last_one_reveals_it_without_a_point(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    feedback = fieldset.locator("[data-role='feedback']")
    answer_question(fieldset, item, correct=False)
    assert feedback.get_attribute("data-correct") == "false"
    assert "Try again" in feedback.inner_text() and "The answer is" not in feedback.inner_text()
    assert fieldset.locator("[data-mark]").count() == 1
    assert fieldset.locator("[data-mark='wrong']").count() == 1
    answer_question(fieldset, item, correct=False)
    assert f"The answer is: {item['answer']}" in feedback.inner_text()
    assert fieldset.locator("[data-mark='right']").count() == 1
    # The gaming path from the review: re-checking with the revealed answer earns nothing.
    assert fieldset.locator("button[data-action='check']").is_disabled()
    assert fieldset.locator("input").first.is_disabled()
    assert score(page, bank) == score_line(0, 1, len(BANKS[bank].items))
    assert_page_clean(page)


def test_show_answer_closes_the_item_and_it_never_counts(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    fieldset.locator("button[data-action='show-answer']").click()
    assert fieldset.get_attribute("data-state") == "revealed"
    assert "Answer shown." in fieldset.locator("[data-role='feedback']").inner_text()
    assert fieldset.locator("button[data-action='check']").is_disabled()
    assert score(page, bank) == score_line(0, 1, len(BANKS[bank].items))
    assert_page_clean(page)


def test_multiple_answer_feedback_names_the_wrong_ticks(watched_page, site_url):
    bank, item = first_item("multiple")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    answer_question(fieldset, item, correct=False)
    fieldset.locator("button[data-action='check']").click()  # the same wrong ticks, last try
    text = fieldset.locator("[data-role='feedback']").inner_text()
    assert "Ticked but wrong:" in text and "Not ticked but right:" in text
    assert fieldset.locator("[data-mark='right']").count() == len(item["answer"])
    assert_page_clean(page)


def test_numeric_items_take_a_decimal_comma_and_enter_and_show_the_accepted_range(watched_page, site_url):
    bank, item = first_item("numeric")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    field = fieldset.locator("input[inputmode='decimal']")
    field.fill(str(item["answer"] + item.get("tolerance", 0) + 50).replace(".", ","))
    field.press("Enter")
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    field.fill(str(item["answer"]).replace(".", ","))
    field.press("Enter")
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    fieldset_text = fieldset.locator("[data-role='feedback']").inner_text()
    assert "Correct." in fieldset_text
    assert_page_clean(page)


def test_start_again_clears_answers_and_reveals_and_keeps_focus_in_the_quiz(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    fieldset.locator("button[data-action='show-answer']").click()
    quiz_on(page, bank).locator("button[data-action='restart']").click()
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") is None
    assert not fieldset.locator("button[data-action='check']").is_disabled()
    assert page.evaluate("document.activeElement.closest('[data-widget=quiz]') !== null")
    assert score(page, bank) == score_line(0, 0, len(BANKS[bank].items))
    assert_page_clean(page)


def test_a_finished_quiz_summarises_results_by_objective(watched_page, site_url):
    bank = min(BANKS.values(), key=lambda b: len(b.items)).name
    page = open_book_page(watched_page, site_url, page_of(bank))
    quiz = quiz_on(page, bank)
    for button in quiz.locator("button[data-action='show-answer']").all():
        button.click()
    summary = quiz.locator("[data-role='summary']")
    objectives = {item["objective"] for item in BANKS[bank].items}
    assert summary.locator("[data-objective]").count() == len(objectives)
    assert "0 of" in summary.inner_text()
    assert_page_clean(page)


def test_progress_and_option_order_are_kept_after_a_reload(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    order = fieldset.locator(".npc-option label").all_inner_texts()
    answer_question(fieldset, item, correct=True)
    open_book_page(page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert fieldset.locator(".npc-option label").all_inner_texts() == order
    assert score(page, bank) == score_line(1, 1, len(BANKS[bank].items))
    assert_page_clean(page)


def test_corrupted_saved_progress_is_set_aside_under_a_new_name_with_a_note(watched_page, site_url):
    bank, item = first_item("single")
    page = open_book_page(watched_page, site_url, page_of(bank))
    answer_question(question(page, bank, item["id"]), item, correct=True)
    keys = page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('npc-quiz:v2:{bank}:'))")
    assert len(keys) == 1
    for attempt in (1, 2):
        page.evaluate("(key) => localStorage.setItem(key, '{this is not json')", keys[0])
        open_book_page(page, site_url, page_of(bank))
        note = quiz_on(page, bank).locator("[data-role='storage-note']")
        assert note.is_visible() and "could not be read" in note.inner_text()
        kept = page.evaluate("(key) => localStorage.getItem(key)", f"{keys[0]}:set-aside:{attempt}")
        assert kept == "{this is not json", f"set-aside copy {attempt} missing or overwritten"
    assert score(page, bank) == score_line(0, 0, len(BANKS[bank].items))
    assert_page_clean(page)


def test_every_chapter_ends_with_its_quiz(watched_page, site_url):
    for bank in BANKS.values():
        page = open_book_page(watched_page, site_url, page_of(bank.name))
        quiz = quiz_on(page, bank.name)
        assert quiz.locator("[data-question-id]").count() == len(bank.items), bank.name
    assert_page_clean(watched_page)


def test_a_hotspot_item_is_answered_on_the_plate_not_from_a_list(watched_page, site_url):
    bank, item = first_item("hotspot")
    page = open_book_page(watched_page, site_url, page_of(bank))
    fieldset = question(page, bank, item["id"])
    assert fieldset.locator("[data-plate='posterior-thigh'] svg").count() == 1
    assert not fieldset.locator(".npc-option").first.is_visible(), "the answer is picked on the picture"
    answer_question(fieldset, item, correct=True)
    assert fieldset.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert fieldset.locator(f"[data-region='{item['answer']}']").get_attribute("data-mark") == "right"
    assert_page_clean(page)


def test_an_item_figure_shows_with_its_alt_text(watched_page, site_url):
    bank, item = next((bank.name, item) for bank in BANKS.values() for item in bank.items if item.get("image"))
    page = open_book_page(watched_page, site_url, page_of(bank))
    figure = question(page, bank, item["id"]).locator("img.npc-question-image")
    assert figure.get_attribute("alt") == item["image"]["alt"]
    assert figure.evaluate("img => img.complete && img.naturalWidth > 0"), "the figure did not load"
    assert_page_clean(page)
