"""A learner takes the symptoms self-quiz on the published (static) site."""

import pytest

from tests.helpers import answer_question, assert_page_clean, open_book_page
from widgets.quizbank import BANK_DIR, load_bank

pytestmark = pytest.mark.browser
PAGE = "chapters/04-symptoms.html"
ITEMS = {item["id"]: item for item in load_bank(BANK_DIR / "symptoms.yml").items}
TOTAL = len(ITEMS)


def quiz_on(page):
    return page.locator("[data-widget='quiz'][data-bank='symptoms']")


def question(page, item_id):
    return quiz_on(page).locator(f"[data-question-id='{item_id}']")


def answer(page, item_id, correct):
    answer_question(question(page, item_id), ITEMS[item_id], correct=correct)


def feedback(page, item_id):
    return question(page, item_id).locator("[data-role='feedback']")


def score(page):
    return quiz_on(page).locator("[data-role='score']").inner_text()


def test_every_item_uses_real_inputs_with_labels(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    quiz = quiz_on(page)
    assert quiz.locator("[data-question-id]").count() == TOTAL
    for input_ in quiz.locator("input[type='radio'], input[type='checkbox'], input[type='number']").all():
        assert quiz.locator(f"label[for='{input_.get_attribute('id')}']").count() == 1
    assert quiz.locator("button[data-action='check']").count() == TOTAL
    assert score(page) == f"0 / {TOTAL}"
    assert_page_clean(page)


def test_right_and_wrong_answers_get_feedback_and_score(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer(page, "symptoms-l5-big-toe", correct=True)
    right = feedback(page, "symptoms-l5-big-toe")
    assert right.get_attribute("data-correct") == "true"
    assert "extensor hallucis longus" in right.inner_text().lower()
    assert "Source: Ropper and Zafonte (2015)" in right.inner_text()
    answer(page, "symptoms-s1-reflex", correct=False)
    wrong = feedback(page, "symptoms-s1-reflex")
    assert wrong.get_attribute("data-correct") == "false"
    assert "The answer is: S1" in wrong.inner_text()
    answer(page, "symptoms-cauda-equina-signs", correct=True)
    assert score(page) == f"2 / {TOTAL}"
    assert_page_clean(page)


def test_retry_clears_only_the_missed_ones(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer(page, "symptoms-l5-big-toe", correct=True)
    answer(page, "symptoms-s1-reflex", correct=False)
    quiz_on(page).locator("button[data-action='retry']").click()
    assert feedback(page, "symptoms-s1-reflex").get_attribute("data-correct") is None
    assert feedback(page, "symptoms-l5-big-toe").get_attribute("data-correct") == "true"
    answer(page, "symptoms-s1-reflex", correct=True)
    assert score(page) == f"2 / {TOTAL}"
    assert_page_clean(page)


def test_progress_is_kept_after_a_reload(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer(page, "symptoms-night-pain", correct=True)
    open_book_page(page, site_url, PAGE)
    assert feedback(page, "symptoms-night-pain").get_attribute("data-correct") == "true"
    assert score(page) == f"1 / {TOTAL}"
    assert_page_clean(page)


def test_corrupted_saved_progress_is_discarded_with_a_note(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer(page, "symptoms-night-pain", correct=True)
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('npc-quiz:symptoms:'))")
    assert len(keys) == 1
    page.evaluate("(key) => localStorage.setItem(key, '{this is not json')", keys[0])
    open_book_page(page, site_url, PAGE)
    note = quiz_on(page).locator("[data-role='storage-note']")
    assert note.is_visible() and "could not be read" in note.inner_text()
    assert score(page) == f"0 / {TOTAL}"
    page.evaluate("(key) => localStorage.setItem(key, JSON.stringify({'symptoms-night-pain': 'yes'}))", keys[0])
    open_book_page(page, site_url, PAGE)
    assert "could not be read" in quiz_on(page).locator("[data-role='storage-note']").inner_text()
    assert_page_clean(page)


def test_every_chapter_ends_with_its_quiz(watched_page, site_url):
    stems = {
        "01-introduction": "introduction",
        "02-anatomy": "anatomy",
        "03-causes": "causes",
        "05-diagnosis-and-treatment": "diagnosis-and-treatment",
        "06-prevention": "prevention",
        "07-conclusion": "conclusion",
        "08-review": "review",
    }
    for stem, bank in stems.items():
        page = open_book_page(watched_page, site_url, f"chapters/{stem}.html")
        quiz = page.locator(f"[data-widget='quiz'][data-bank='{bank}']")
        assert quiz.locator("[data-question-id]").count() >= 5, stem
    assert_page_clean(watched_page)
