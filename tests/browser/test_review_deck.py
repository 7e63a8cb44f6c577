"""A learner reviews due cards in the review chapter; progress survives a reload."""

import pytest

from tests.helpers import answer_question, assert_page_clean, open_book_page
from widgets.quizbank import load_all_banks

pytestmark = pytest.mark.browser
PAGE = "chapters/08-review.html"
ITEMS = {item["id"]: item for bank in load_all_banks() for item in bank.items}


def deck_on(page):
    return page.locator("[data-widget='review-deck']")


def due(page) -> int:
    return int(deck_on(page).locator("[data-role='due-count']").inner_text())


def answer_current(page, correct):
    card = deck_on(page).locator("[data-role='card'] [data-question-id]")
    item_id = card.get_attribute("data-question-id")
    answer_question(card, ITEMS[item_id], correct=correct)
    return item_id, card


def test_everything_is_due_on_a_first_visit(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    assert due(page) == len(ITEMS)
    assert_page_clean(page)


def test_right_answer_schedules_the_card_and_progress_survives_reload(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    item_id, card = answer_current(page, correct=True)
    assert card.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    assert due(page) == len(ITEMS) - 1
    deck_on(page).locator("button[data-action='next']").click()
    assert deck_on(page).locator("[data-role='card'] [data-question-id]").get_attribute("data-question-id") != item_id
    open_book_page(page, site_url, PAGE)
    assert due(page) == len(ITEMS) - 1
    assert "Cards per box (1-5): 0, 1, 0, 0, 0" in deck_on(page).locator("[data-role='boxes']").inner_text()
    assert_page_clean(page)


def test_wrong_answer_keeps_the_card_due(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer_current(page, correct=False)
    assert due(page) == len(ITEMS)
    assert "Cards per box (1-5): 1, 0, 0, 0, 0" in deck_on(page).locator("[data-role='boxes']").inner_text()
    assert_page_clean(page)


def test_corrupted_review_progress_is_discarded_with_a_note(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    page.evaluate("localStorage.setItem('npc-review:v1', '[1, 2')")
    open_book_page(page, site_url, PAGE)
    assert "could not be read" in deck_on(page).locator("[data-role='storage-note']").inner_text()
    assert due(page) == len(ITEMS)
    assert_page_clean(page)
