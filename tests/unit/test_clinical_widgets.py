"""RootLevelExplorer and DiagnosticAccuracy: data, maths and API (RedFlagTriage: test_triage.py)."""

import re

import pytest

from images import make_leg_dermatomes
from widgets import DiagnosticAccuracy, RootLevelExplorer
from widgets.bibliography import load_bibliography
from widgets.diagnostic_accuracy import likelihood_ratios, load_accuracy_data, post_test_probability
from widgets.root_explorer import LEG_SVG
from widgets.root_levels import load_root_levels


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


def test_two_estimates_of_one_test_share_its_name_and_differ_in_source():
    """The widget groups estimates by test name, so a second estimate never reads as a second test."""
    estimates = load_accuracy_data()
    names = [t["name"] for t in estimates]
    # Estimates of one test sit next to each other in the file, in the order the widget lists them.
    assert names == sorted(names, key=names.index), names
    for name in set(names):
        sources = [t["source"] for t in estimates if t["name"] == name]
        assert len(sources) == len(set(sources)), f"{name}: two estimates from one source"
    widget = DiagnosticAccuracy()
    assert all(t["estimate"] and t["citation"].startswith(t["estimate"]) for t in widget.tests)


def test_pretest_and_test_set_from_python_are_kept_for_the_view():
    widget = DiagnosticAccuracy()
    seen = []
    widget.observe(lambda change: seen.append((change["name"], change["new"])), names=["pretest", "test"])
    widget.pretest = 0.2
    widget.test = "crossed_slr"
    assert seen == [("pretest", 0.2), ("test", "crossed_slr")]
    assert widget.get_state(["pretest", "test"]) == {"pretest": 0.2, "test": "crossed_slr"}


def test_root_levels_complete_sourced_and_svg_ids_match():
    data = load_root_levels()
    assert [r["id"] for r in data["roots"]] == ["L4", "L5", "S1", "S2"]
    bibliography = load_bibliography()
    for root in data["roots"]:
        for field in ("dermatome", "muscle_test", "reflex", "disc_level", "sources"):
            assert root[field], (root["id"], field)
        assert set(root["sources"]) <= set(bibliography), root["id"]
    svg_ids = set(re.findall(r'<g id="dermatome-(\w+)"', LEG_SVG.read_text()))
    assert svg_ids == {"L4", "L5", "S1", "S2"}


def test_every_practice_pattern_has_one_key_among_the_offered_answers_and_a_source():
    data = load_root_levels()
    offered = [choice["id"] for choice in data["practice_choices"]]
    assert len(offered) == len(set(offered))
    for item in data["practice"]:
        assert item["answer"] in offered and item["explanation"], item["pattern"]
        assert item["source"] in load_bibliography(), item["pattern"]


def _keys_for(words):
    return [
        item["answer"]
        for item in load_root_levels()["practice"]
        if all(word in item["pattern"].lower() for word in words)
    ]


def test_practice_separates_foot_drop_and_posterior_thigh_numbness_from_a_peripheral_nerve():
    # Content review M2/M3: foot drop is L5 *or* common fibular neuropathy, and isolated
    # posterior-thigh numbness is the posterior femoral cutaneous nerve before it is S2.
    offered = {choice["id"] for choice in load_root_levels()["practice_choices"]}
    assert {"peripheral_nerve", "cauda_equina"} <= offered
    assert sorted(_keys_for(["foot drop"])) == ["L5", "peripheral_nerve"]
    assert "peripheral_nerve" in _keys_for(["back of one thigh"])
    assert "S2" not in _keys_for(["thigh"])
    # The saddle check separates the cauda equina from a nerve.
    assert _keys_for(["between the legs"]) == ["cauda_equina"]


def test_leg_svg_is_regenerated_byte_for_byte(tmp_path):
    (svg,) = make_leg_dermatomes.main(tmp_path)
    assert svg.read_bytes() == LEG_SVG.read_bytes()


def test_root_explorer_api():
    assert repr(RootLevelExplorer()) == "RootLevelExplorer(selected_root='', mode='explore')"
    practice = RootLevelExplorer(mode="practice")
    assert (practice.score, practice.answered) == (0, 0)
    assert [c["id"] for c in practice.practice_choices] == [c["id"] for c in load_root_levels()["practice_choices"]]
    assert RootLevelExplorer(selected_root="L5").selected_root == "L5"
    with pytest.raises(ValueError, match="Valid root ids: L4, L5, S1, S2"):
        RootLevelExplorer(selected_root="C7")


def test_root_level_table_renders_every_root_with_its_sources_as_a_real_table():
    from widgets.bibliography import author_year
    from widgets.root_levels import root_level_table

    table = root_level_table()
    html = table._repr_html_()
    assert html.startswith('<table class="table">') and repr(table) == "RootLevelTable(roots=4)"
    for root in load_root_levels()["roots"]:
        assert f"<strong>{root['id']}</strong>" in html
        for key in root["sources"]:
            assert author_year(key) in table._repr_markdown_()
