"""The test-accuracy calculator on chapter 5 as a learner uses it: slider and number box in step,
bad values named inline with no stale results beside them, the Fagan nomogram following, the
slider by keyboard, and axe-clean in light and dark mode."""

from __future__ import annotations

import pytest

from tests.browser.test_feedback_visible import AA_BODY_TEXT, CONTRAST_JS
from tests.browser.test_site_audit import axe_violations
from tests.helpers import assert_page_clean, open_book_page
from widgets.diagnostic_accuracy import load_accuracy_data, post_test_probability

pytestmark = pytest.mark.browser
PAGE = "chapters/05-diagnosis-and-treatment.html"
SLR = next(t for t in load_accuracy_data() if t["id"] == "slr")


def expected(pretest_percent: float, positive: bool) -> str:
    probability = post_test_probability(pretest_percent / 100, SLR["sensitivity"], SLR["specificity"], positive)
    return f"{probability * 100:.1f}%"


@pytest.fixture
def widget(watched_page, site_url):
    page = open_book_page(watched_page, site_url, PAGE)
    return page.locator("[data-widget='test-accuracy']")


def readout(widget) -> tuple[str, str]:
    return (
        widget.locator("[data-role='post-test-positive']").inner_text(),
        widget.locator("[data-role='post-test-negative']").inner_text(),
    )


def line_ends(widget, result: str) -> tuple[float, ...]:
    line = widget.locator(f"[data-role='nomogram-{result}']")
    return tuple(float(line.get_attribute(name)) for name in ("x1", "y1", "x2", "y2"))


def test_typing_a_number_moves_the_slider_and_the_results(widget):
    widget.locator("input[data-role='pretest']").fill("30")
    assert widget.locator("input[data-role='pretest-slider']").input_value() == "30"
    assert readout(widget) == (expected(30, True), expected(30, False))
    assert widget.locator("[data-role='pretest-message']").inner_text() == ""
    assert_page_clean(widget.page)


def test_keyboard_user_moves_the_slider_and_the_number_box_follows(widget):
    box, slider = widget.locator("input[data-role='pretest']"), widget.locator("input[data-role='pretest-slider']")
    box.fill("40")
    slider.focus()
    widget.page.keyboard.press("ArrowRight")
    assert box.input_value() == "41" and readout(widget) == (expected(41, True), expected(41, False))
    widget.page.keyboard.press("End")
    assert box.input_value() == "99" and readout(widget)[0] == expected(99, True)
    widget.page.keyboard.press("Home")
    assert box.input_value() == "1" and readout(widget)[1] == expected(1, False)
    assert slider.get_attribute("aria-valuetext") == "1 %"
    assert_page_clean(widget.page)


@pytest.mark.parametrize(
    "typed, settled",
    [("0", "1"), ("100", "99"), ("150", "99"), ("-5", "1"), ("0.5", "1"), ("", "20"), ("abc", "20")],
)
def test_a_bad_pretest_shows_a_message_never_stale_results_then_settles(widget, typed, settled):
    box = widget.locator("input[data-role='pretest']")
    message = widget.locator("[data-role='pretest-message']")
    box.fill("20")
    assert readout(widget) == (expected(20, True), expected(20, False))
    box.fill(typed)
    # While the bad value stands: a message, no numbers, no lines on the nomogram.
    assert message.is_visible() and message.inner_text()
    assert box.get_attribute("aria-invalid") == "true"
    assert readout(widget) == ("—", "—")
    assert not widget.locator("[data-role='nomogram-positive']").is_visible()
    assert "No result" in widget.locator("[data-role='nomogram-text']").inner_text()
    # Leaving the box clamps out-of-range values and restores the last good one for a blank.
    box.press("Tab")
    assert box.input_value() == settled
    assert widget.locator("input[data-role='pretest-slider']").input_value() == settled
    assert readout(widget) == (expected(int(settled), True), expected(int(settled), False))
    assert f"{settled} %" in message.inner_text()
    assert widget.locator("[data-role='nomogram-positive']").is_visible()
    assert_page_clean(widget.page)


def test_nomogram_lines_start_at_the_pretest_and_move_with_it(widget):
    box = widget.locator("input[data-role='pretest']")
    box.fill("20")
    positive_at_20, negative_at_20 = line_ends(widget, "positive"), line_ends(widget, "negative")
    assert positive_at_20[:2] == negative_at_20[:2], "both lines start at the pre-test point"
    box.fill("60")
    positive_at_60, negative_at_60 = line_ends(widget, "positive"), line_ends(widget, "negative")
    # The pre-test scale runs downwards and the post-test scale upwards, as in Fagan's drawing.
    assert positive_at_60[1] > positive_at_20[1]
    assert positive_at_60[3] < positive_at_20[3] and negative_at_60[3] < negative_at_20[3]
    # A positive SLR raises the probability, a negative one lowers it: ends above and below.
    assert positive_at_60[3] < negative_at_60[3]
    caption = widget.locator("[data-role='nomogram-text']").inner_text()
    assert "60.0%" in caption and expected(60, True) in caption and expected(60, False) in caption


def test_the_second_slr_estimate_is_labelled_as_the_same_test(widget):
    labels = widget.locator("fieldset label").all_inner_texts()
    assert [label.split(":")[0] for label in labels] == [t["name"] for t in load_accuracy_data()]
    assert "second estimate" in labels[1] and "Straight leg raise" in labels[1]
    # "Test" is said once: by the fieldset's legend, not again by a radiogroup label.
    assert widget.locator("[role='radiogroup']").count() == 0


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_calculator_is_accessible_with_a_message_showing(widget, mode):
    page = widget.page
    widget.locator("input[data-role='pretest']").fill("150")
    assert axe_violations(page, mode) == []  # also switches the mode, with transitions off
    readings = page.evaluate(CONTRAST_JS, "[data-widget='test-accuracy']")
    low = [r for r in readings if r["visible"] and r["ratio"] < AA_BODY_TEXT]
    assert low == [], f"[{mode}] text below {AA_BODY_TEXT}:1: {low}"
    widget.locator("input[data-role='pretest']").fill("35")
    assert axe_violations(page, mode) == []
