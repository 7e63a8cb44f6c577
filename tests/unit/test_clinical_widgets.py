"""RootLevelExplorer, DiagnosticAccuracy and RedFlagTriage: data, maths and API."""

import re

import pytest

from images import make_leg_dermatomes
from widgets import DiagnosticAccuracy, RedFlagTriage, RootLevelExplorer
from widgets.bibliography import load_bibliography
from widgets.diagnostic_accuracy import likelihood_ratios, load_accuracy_data, post_test_probability
from widgets.root_explorer import LEG_SVG
from widgets.root_levels import load_root_levels
from widgets.triage import RED_FLAGS, load_cases, validate_cases


@pytest.mark.parametrize(
    "pretest, sens, spec, positive, expected",
    [
        # Worked by hand: odds 1, LR+ 0.91/0.74 = 1.2297 -> 1.2297/2.2297 = 0.5515
        (0.5, 0.91, 0.26, True, 0.5515),
        # LR- 0.09/0.26 = 0.3462 -> 0.3462/1.3462 = 0.2571
        (0.5, 0.91, 0.26, False, 0.2571),
        # odds 0.25/0.75 = 1/3, LR+ 0.29/0.12 = 2.4167 -> 0.8056/1.8056 = 0.4462
        (0.25, 0.29, 0.88, True, 0.4462),
        # odds 9, LR- 0.71/0.88 = 0.8068 -> 7.2614/8.2614 = 0.8790
        (0.9, 0.29, 0.88, False, 0.8790),
    ],
)
def test_post_test_probability_matches_hand_worked_values(pretest, sens, spec, positive, expected):
    assert post_test_probability(pretest, sens, spec, positive) == pytest.approx(expected, abs=1e-4)


def test_likelihood_ratios_match_the_fact_sheet():
    lr_positive, lr_negative = likelihood_ratios(0.91, 0.26)
    assert round(lr_positive, 2) == 1.23 and round(lr_negative, 2) == 0.35


@pytest.mark.parametrize(
    "field, args",
    [
        ("pretest", (0, 0.9, 0.5, True)),
        ("pretest", (1, 0.9, 0.5, True)),
        ("sensitivity", (0.5, 1, 0.5, True)),
        ("specificity", (0.5, 0.9, 0, False)),
    ],
)
def test_zero_and_one_are_rejected_with_a_clear_error(field, args):
    with pytest.raises(ValueError, match=f"{field} must be strictly between 0 and 1"):
        post_test_probability(*args)


def test_diagnostic_accuracy_widget_validates_and_reprs():
    widget = DiagnosticAccuracy(test="crossed_slr", pretest=0.3)
    assert repr(widget) == "DiagnosticAccuracy(test='crossed_slr', pretest=0.3)"
    with pytest.raises(ValueError, match="Valid test ids: slr"):
        widget.test = "slump"
    with pytest.raises(ValueError):
        widget.pretest = 1.0
    assert all(t["source"] in load_bibliography() for t in load_accuracy_data())


def test_triage_cases_are_sourced_and_cover_every_red_flag():
    data = load_cases()
    assert validate_cases(data, set(load_bibliography())) == []
    assert len(data["cases"]) >= 8
    covered = {flag for case in data["cases"] for flag in case["red_flags"]}
    assert set(RED_FLAGS) - covered == set()
    assert {case["answer"] for case in data["cases"]} == set(data["choices"])
    assert repr(RedFlagTriage()) == f"RedFlagTriage(cases={len(data['cases'])}, answered=0)"


def test_root_levels_complete_sourced_and_svg_ids_match():
    data = load_root_levels()
    assert [r["id"] for r in data["roots"]] == ["L4", "L5", "S1", "S2"]
    for root in data["roots"]:
        for field in ("dermatome", "muscle_test", "reflex", "disc_level", "source"):
            assert root[field], (root["id"], field)
        assert root["source"] in load_bibliography()
    svg_ids = set(re.findall(r'<g id="dermatome-(\w+)"', LEG_SVG.read_text()))
    assert svg_ids == {"L4", "L5", "S1", "S2"}
    assert {p["answer"] for p in data["practice"]} <= svg_ids


def test_leg_svg_is_regenerated_byte_for_byte(tmp_path):
    (svg,) = make_leg_dermatomes.main(tmp_path)
    assert svg.read_bytes() == LEG_SVG.read_bytes()


def test_root_explorer_api():
    assert repr(RootLevelExplorer()) == "RootLevelExplorer(selected_root='', mode='explore')"
    assert RootLevelExplorer(selected_root="L5").selected_root == "L5"
    with pytest.raises(ValueError, match="Valid roots: L4, L5, S1, S2"):
        RootLevelExplorer(selected_root="C7")
