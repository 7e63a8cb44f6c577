"""Root levels, test accuracy and red-flag triage on the published pages."""

import pytest

from tests.helpers import assert_page_clean, open_book_page
from widgets.diagnostic_accuracy import load_accuracy_data, post_test_probability
from widgets.red_flags import urgency_levels
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
    assert widget.locator("g[data-svg-id='dermatome-L5']").get_attribute("data-highlight") is not None
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


def test_practice_mode_explains_right_and_wrong_and_scores_only_first_answers(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "practice")
    first, second = load_root_levels()["practice"][:2]
    assert widget.locator("[data-role='pattern']").inner_text() == " ".join(first["pattern"].split())
    wrong = next(c["id"] for c in load_root_levels()["practice_choices"] if c["id"] != first["answer"])
    widget.locator(f"button[data-root='{wrong}']").click()
    assert widget.locator("[data-role='feedback']").get_attribute("data-correct") == "false"
    widget.locator(f"button[data-root='{first['answer']}']").click()
    feedback = widget.locator("[data-role='feedback']")
    assert feedback.get_attribute("data-correct") == "true" and first["explanation"].split()[0] in feedback.inner_text()
    assert widget.locator("[data-role='score']").inner_text() == "Score: 0 of 1 first answers right"
    widget.locator("button[data-action='next']").click()
    assert widget.locator("[aria-pressed='true']").count() == 0 and widget.locator("[data-highlight]").count() == 0
    widget.locator(f"button[data-root='{second['answer']}']").click()
    assert widget.locator("[data-role='score']").inner_text() == "Score: 1 of 2 first answers right"
    assert_page_clean(page)


def test_practice_progress_survives_a_reload_and_bad_progress_is_set_aside(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "practice")
    first, second = load_root_levels()["practice"][:2]
    widget.locator(f"button[data-root='{first['answer']}']").click()
    widget.locator("button[data-action='next']").click()
    open_book_page(page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "practice")
    assert widget.locator("[data-role='pattern']").inner_text() == " ".join(second["pattern"].split())
    assert widget.locator("[data-role='score']").inner_text() == "Score: 1 of 1 first answers right"
    page.evaluate("localStorage.setItem('npc-root-practice:v1', '{broken')")
    open_book_page(page, site_url, "chapters/04-symptoms.html")
    widget = explorer(page, "practice")
    assert "could not be read" in widget.locator("[data-role='storage-note']").inner_text()
    assert page.evaluate("localStorage.getItem('npc-root-practice:v1:set-aside:1')") == "{broken"
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
def test_triage_feedback_is_asymmetric_and_names_the_deciding_features(watched_page, site_url, path):
    """Less urgent than the key is unsafe; more urgent is cautious and safe; never "safer"."""
    page = open_book_page(watched_page, site_url, path)
    widget = page.locator("[data-widget='triage']")
    cases = load_cases()["cases"]
    levels = [level["id"] for level in urgency_levels()]
    assert widget.locator("[data-case-id]").count() == len(cases)
    for case in cases:
        card = widget.locator(f"[data-case-id='{case['id']}']")
        feedback = card.locator("[data-role='feedback']")
        rank = levels.index(case["answer"])
        if rank < len(levels) - 1:
            card.locator(f"button[data-choice='{levels[rank + 1]}']").click()
            assert (feedback.get_attribute("data-verdict"), feedback.get_attribute("data-correct")) == (
                "under",
                "false",
            )
            assert "Unsafe" in feedback.inner_text()
        if rank > 0:
            card.locator(f"button[data-choice='{levels[0]}']").click()
            assert (feedback.get_attribute("data-verdict"), feedback.get_attribute("data-correct")) == ("over", "false")
            assert "acceptable" in feedback.inner_text()
        assert "safer" not in feedback.inner_text().lower()
        card.locator(f"button[data-choice='{case['answer']}']").focus()
        page.keyboard.press("Enter")
        assert (feedback.get_attribute("data-verdict"), feedback.get_attribute("data-correct")) == ("right", "true")
        assert case["features"] in feedback.inner_text() and case["why"] in feedback.inner_text()
    assert (
        widget.locator("[data-role='score']").inner_text().startswith(f"Safe decisions: {len(cases)} of {len(cases)}")
    )
    assert_page_clean(page)


def test_triage_answers_survive_a_reload(watched_page, site_url):
    page = open_book_page(watched_page, site_url, "chapters/04-symptoms.html")
    case = load_cases()["cases"][0]
    card = page.locator(f"[data-widget='triage'] [data-case-id='{case['id']}']")
    card.locator(f"button[data-choice='{case['answer']}']").click()
    open_book_page(page, site_url, "chapters/04-symptoms.html")
    card = page.locator(f"[data-widget='triage'] [data-case-id='{case['id']}']")
    assert card.locator("[data-role='feedback']").get_attribute("data-verdict") == "right"
    assert_page_clean(page)
