"""A learner reviews cards in the review chapter on FSRS: one grade per card per review, failed
cards return in the sitting, a daily limit on new cards in course order, reset, export and import,
corrupted or old progress set aside with a note; the My progress page shows what was saved."""

import datetime as dt
import json

import pytest

from tests.helpers import answer_question, assert_page_clean, open_book_page
from widgets.progress import course_outline
from widgets.quizbank import load_all_banks
from widgets.review_deck import deck_items
from widgets.review_schedule import empty_progress, format_time, replay

pytestmark = pytest.mark.browser
PAGE = "chapters/08-review.html"
PROGRESS_PAGE = "chapters/appendix/my-progress.html"
KEY = "npc-review:v2"
ITEMS = deck_items()
# Bank items as written (answer_question expects them, not the page payload).
BY_ID = {item["id"]: item for bank in load_all_banks() for item in bank.items}


def deck_on(page):
    return page.locator("[data-widget='review-deck']")


def due(page) -> int:
    return int(deck_on(page).locator("[data-role='due-count']").inner_text())


def current_card(page):
    return deck_on(page).locator("[data-role='card'] [data-question-id]")


def answer_current(page, correct):
    card = current_card(page)
    item_id = card.get_attribute("data-question-id")
    answer_question(card, BY_ID[item_id], correct=correct)
    return item_id


def stored(page) -> dict:
    return page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")


def seed_progress(page, cards: dict):
    progress = dict(empty_progress(), updated=1, cards=cards)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(progress)])


def card_from(reviews):
    reviews = [[format_time(when), grade] for when, grade in reviews]
    return dict(replay(reviews), reviews=reviews)


def test_first_visit_offers_the_daily_new_cards_in_course_order(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    assert due(page) == 20
    assert current_card(page).get_attribute("data-question-id") == ITEMS[0]["id"]
    assert "box" not in deck_on(page).inner_text().lower()
    assert_page_clean(page)


def test_five_checks_on_one_card_grade_it_once(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    item_id = answer_current(page, correct=True)
    for _ in range(4):
        current_card(page).locator("button[data-action='check']").click(force=True)
    good = deck_on(page).locator("button[data-grade='good']")
    good.click()
    good.click(force=True)
    deck_on(page).locator("button[data-grade='easy']").click(force=True)
    assert [grade for _time, grade in stored(page)["cards"][item_id]["reviews"]] == [3]
    assert "Next review in 2 days" in deck_on(page).locator("[data-role='next-review']").inner_text()
    assert due(page) == 19
    open_book_page(page, site_url, PAGE)
    assert due(page) == 19 and current_card(page).get_attribute("data-question-id") != item_id
    assert_page_clean(page)


def test_a_wrong_answer_allows_only_again_and_survives_a_reload(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    item_id = answer_current(page, correct=False)
    grades = deck_on(page).locator("button[data-grade]")
    assert grades.evaluate_all("bs => bs.map(b => b.dataset.grade)") == ["again"]
    open_book_page(page, site_url, PAGE)  # reloading does not offer the card afresh
    assert current_card(page).get_attribute("data-question-id") == item_id
    assert current_card(page).locator("button[data-action='check']").is_disabled()
    assert grades.evaluate_all("bs => bs.map(b => b.dataset.grade)") == ["again"]
    assert_page_clean(page)


def test_a_failed_card_comes_back_in_the_same_sitting(watched_page, site_url):
    watched_page.clock.install()
    page = open_book_page(watched_page, site_url, PAGE)
    item_id = answer_current(page, correct=False)
    deck_on(page).locator("button[data-grade='again']").click()
    assert "in 10 minutes, in this sitting" in deck_on(page).locator("[data-role='next-review']").inner_text()
    deck_on(page).locator("button[data-action='next']").click()
    assert current_card(page).get_attribute("data-question-id") != item_id
    page.clock.fast_forward("11:00")
    answer_current(page, correct=True)
    deck_on(page).locator("button[data-grade='good']").click()
    deck_on(page).locator("button[data-action='next']").click()
    assert current_card(page).get_attribute("data-question-id") == item_id
    assert_page_clean(page)


def test_new_cards_stop_at_the_daily_limit_and_reviews_come_back_when_due(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    now = dt.datetime.now(dt.UTC)
    cards = {item["id"]: card_from([(now - dt.timedelta(minutes=1), 3)]) for item in ITEMS[:20]}
    overdue = ITEMS[25]["id"]
    cards[overdue] = card_from([(now - dt.timedelta(days=30), 3)])
    seed_progress(page, cards)
    open_book_page(page, site_url, PAGE)
    assert due(page) == 1
    assert current_card(page).get_attribute("data-question-id") == overdue
    assert_page_clean(page)


def test_reset_clears_progress_after_confirming(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    answer_current(page, correct=True)
    deck_on(page).locator("button[data-grade='good']").click()
    deck_on(page).locator("button[data-action='reset']").click()
    deck_on(page).locator("button[data-action='confirm-reset']").click()
    assert stored(page)["cards"] == {}
    assert due(page) == 20
    assert_page_clean(page)


def test_export_then_import_restores_progress(watched_page, site_url, tmp_path):
    page = open_book_page(watched_page, site_url, PAGE)
    answer_current(page, correct=True)
    deck_on(page).locator("button[data-grade='easy']").click()
    before = stored(page)["cards"]
    with page.expect_download() as download:
        deck_on(page).locator("button[data-action='export']").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["cards"] == before
    deck_on(page).locator("button[data-action='reset']").click()
    deck_on(page).locator("button[data-action='confirm-reset']").click()
    deck_on(page).locator("input[data-action='import']").set_input_files(str(exported))
    page.wait_for_function(f"Object.keys(JSON.parse(localStorage.getItem('{KEY}')).cards).length === 1")
    assert stored(page)["cards"] == before
    assert "Imported 1 card" in deck_on(page).locator("[data-role='tools-status']").inner_text()
    assert_page_clean(page)


def test_corrupted_progress_is_set_aside_under_numbered_keys_with_a_note(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    for n, text in ((1, "[1, 2"), (2, '{"cards": 3}')):
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, text])
        open_book_page(page, site_url, PAGE)
        assert "could not be read" in deck_on(page).locator("[data-role='storage-note']").inner_text()
        assert page.evaluate(f"localStorage.getItem('{KEY}:set-aside:{n}')") == text
    assert page.evaluate(f"localStorage.getItem('{KEY}:set-aside:1')") == "[1, 2"
    assert due(page) == 20
    assert_page_clean(page)


def test_leitner_progress_is_kept_aside_and_the_learner_told_once(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    page.evaluate(
        "localStorage.setItem('npc-review:v1', JSON.stringify({cards: {x: {box: 3, due: '2026-11-26'}}, updated: 1}))"
    )
    open_book_page(page, site_url, PAGE)
    assert "could not be carried over" in deck_on(page).locator("[data-role='storage-note']").inner_text()
    assert page.evaluate("localStorage.getItem('npc-review:v1:set-aside:1')") is not None
    open_book_page(page, site_url, PAGE)
    assert deck_on(page).locator("[data-role='storage-note']").is_hidden()


def test_progress_page_shows_what_the_quiz_and_the_deck_saved(watched_page, site_url):
    anatomy = next(chapter for chapter in course_outline() if chapter["bank"] == "anatomy")
    page = open_book_page(watched_page, site_url, "chapters/02-anatomy.html")
    quiz = page.locator("[data-widget='quiz']").first
    first = quiz.locator("[data-question-id]").first
    quiz_item = first.get_attribute("data-question-id")
    answer_question(first, BY_ID[quiz_item], correct=True)

    now = dt.datetime.now(dt.UTC)
    strong = next(item for item in ITEMS if item["chapter"] == "03-causes")
    waiting = next(item for item in ITEMS if item["chapter"] == "04-symptoms")
    seed_progress(
        page,
        {
            strong["id"]: card_from([(now - dt.timedelta(days=60), 4), (now - dt.timedelta(days=20), 3)]),
            waiting["id"]: card_from([(now - dt.timedelta(days=10), 3)]),
        },
    )
    assert (
        replay(card_from([(now - dt.timedelta(days=60), 4), (now - dt.timedelta(days=20), 3)])["reviews"])["stability"]
        >= 21
    )

    page = open_book_page(page, site_url, PROGRESS_PAGE)
    report = page.locator("[data-widget='progress']")
    objective = next(o for o in anatomy["objectives"] if quiz_item in o["items"])
    row = report.locator(f"[data-chapter='02-anatomy'] [data-objective='{objective['id']}']")
    assert f"1 of {len(objective['items'])} mastered" in row.inner_text()
    assert "Mastered 1 of" in report.locator("[data-chapter='03-causes'] [data-role='chapter-summary']").inner_text()
    assert (
        "1 due for review today"
        in report.locator("[data-chapter='04-symptoms'] [data-role='chapter-summary']").inner_text()
    )
    assert report.locator("[data-role='due-total']").inner_text() == "1"
    with page.expect_download() as download:
        report.locator("button[data-action='export']").click()
    backup = json.loads(download.value.path().read_text())
    assert backup["format"] == "npc-course-progress" and KEY in backup["storage"]
    assert_page_clean(page)
