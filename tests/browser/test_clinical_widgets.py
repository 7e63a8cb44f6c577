"""Root levels, test accuracy and red-flag triage on the published pages."""

import pytest

from tests.helpers import assert_page_clean, open_book_page
from widgets.diagnostic_accuracy import load_accuracy_data, post_test_probability
from widgets.root_levels import load_root_levels
from widgets.triage import load_cases

pytestmark = pytest.mark.browser


def explorer(page, mode):
    return page.locator(f"[data-widget='root-explorer'][data-mode='{mode}']")


def test_picking_l5_highlights_its_dermatome_and_lists_its_tests(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "explore")
    widget.locator("button[data-root='L5']").click()
    assert widget.locator("button[data-root='L5']").get_attribute("aria-pressed") == "true"
    assert widget.locator("g#dermatome-L5").get_attribute("data-highlight") is not None
    assert widget.locator("[data-highlight]").count() == 1
    l5 = next(r for r in load_root_levels()["roots"] if r["id"] == "L5")
    info = widget.locator("[data-role='root-info']").inner_text()
    for field in ("dermatome", "muscle_test", "reflex", "disc_level"):
        assert l5[field] in info
    assert_page_clean(page)


def test_keyboard_user_picks_s1(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "explore")
    widget.locator("button[data-root='S1']").focus()
    page.keyboard.press("Enter")
    assert widget.locator("button[data-root='S1']").get_attribute("aria-pressed") == "true"
    assert "Ankle (Achilles) reflex" in widget.locator("[data-role='root-info']").inner_text()
    assert_page_clean(page)


def test_practice_mode_explains_right_and_wrong(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "practice")
    first = load_root_levels()["practice"][0]
    assert widget.locator("[data-role='pattern']").inner_text() == first["pattern"]
    widget.locator("button[data-root='S1']").click()
    assert widget.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    widget.locator(f"button[data-root='{first['answer']}']").click()
    feedback = widget.locator("[data-role='feedback']")
    assert feedback.get_attribute("data-correct") == "true" and first["explanation"] in feedback.inner_text()
    assert widget.locator("[data-role='score']").inner_text() == "Score: 1"
    assert_page_clean(page)


def test_pretest_and_test_choice_update_post_test_probabilities(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/05-diagnosis-and-treatment.html")
    widget = page.locator("[data-widget='test-accuracy']")
    widget.locator("input[data-role='pretest']").fill("60")
    tests = {t["id"]: t for t in load_accuracy_data()}

    def expected(test, positive):
        return f"{post_test_probability(0.6, test['sensitivity'], test['specificity'], positive) * 100:.1f}%"

    assert widget.locator("[data-role='post-test-positive']").inner_text() == expected(tests["slr"], True)
    assert widget.locator("[data-role='post-test-negative']").inner_text() == expected(tests["slr"], False)
    widget.locator("label", has_text="Crossed straight leg raise").click()
    assert widget.locator("[data-role='post-test-positive']").inner_text() == expected(tests["crossed_slr"], True)
    assert widget.locator("[data-role='post-test-negative']").inner_text() == expected(tests["crossed_slr"], False)
    assert_page_clean(page)


@pytest.mark.parametrize("path", ["chapters/04-symptoms.html", "chapters/08-review.html"])
def test_triage_feedback_names_the_deciding_features(watched_page, site_url, path):
    page = open_book_page(watched_page, site_url, path)
    widget = page.locator("[data-widget='triage']")
    cases = load_cases()["cases"]
    assert widget.locator("[data-case-id]").count() == len(cases)
    for case in cases:
        card = widget.locator(f"[data-case-id='{case['id']}']")
        wrong = next(c for c in ("emergency", "soon", "self_care") if c != case["answer"])
        card.locator(f"button[data-choice='{wrong}']").click()
        assert card.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
        card.locator(f"button[data-choice='{case['answer']}']").focus()
        page.keyboard.press("Enter")
        feedback = card.locator("[data-role='feedback']")
        assert feedback.get_attribute("data-correct") == "true"
        assert case["features"] in feedback.inner_text() and case["why"] in feedback.inner_text()
    assert widget.locator("[data-role='score']").inner_text() == f"{len(cases)} / {len(cases)} correct"
    assert_page_clean(page)
