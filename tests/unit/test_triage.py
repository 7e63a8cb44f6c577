"""RedFlagTriage and the course's one urgency scale: keys agree with the red-flag table."""

import copy

import pytest

from widgets import RedFlagTriage
from widgets.bibliography import load_bibliography
from widgets.red_flags import level_for_flags, red_flag_table_markdown, red_flags, urgency_levels, urgency_rank
from widgets.triage import load_cases, validate_cases

CASES = load_cases()["cases"]
KNOWN_SOURCES = set(load_bibliography())


def test_the_urgency_scale_is_the_four_ordered_levels():
    assert [level["id"] for level in urgency_levels()] == ["emergency", "same_day", "soon", "self_care"]
    assert urgency_rank("emergency") < urgency_rank("same_day") < urgency_rank("soon") < urgency_rank("self_care")


def test_every_red_flag_has_a_level_a_condition_and_a_real_source():
    levels = {level["id"] for level in urgency_levels()}
    for flag in red_flags().values():
        assert flag["level"] in levels, flag["id"]
        assert flag["raises"] and flag["flag"], flag["id"]
        assert flag["source"] in KNOWN_SOURCES, flag["id"]


def test_triage_cases_validate_and_cover_every_red_flag():
    assert validate_cases(load_cases(), KNOWN_SOURCES) == []
    covered = {flag for case in CASES for flag in case["red_flags"]}
    assert set(red_flags()) - covered == set()
    assert repr(RedFlagTriage()) == f"RedFlagTriage(cases={len(CASES)}, answered=0)"


@pytest.mark.parametrize("case", [c for c in CASES if c["red_flags"]], ids=lambda c: c["id"])
def test_each_triage_key_is_what_the_chapters_red_flag_table_says(case):
    """The chapters render their red-flag table from urgency.yml; a triage key may not disagree."""
    assert case["answer"] == level_for_flags(case["red_flags"])
    expected_label = next(level["label"] for level in urgency_levels() if level["id"] == case["answer"])
    table = red_flag_table_markdown()
    for flag in case["red_flags"]:
        row = next(line for line in table.splitlines() if line.startswith(f"| {red_flags()[flag]['flag']} |"))
        assert f"**{next(lv['label'] for lv in urgency_levels() if lv['id'] == red_flags()[flag]['level'])}**" in row
    assert expected_label in table


@pytest.mark.parametrize(
    "case_id, level",
    [
        ("cancer-weight-loss", "same_day"),  # suspected MSCC: NICE NG234, never "soon"
        ("immunosuppressed-fever", "emergency"),  # possible spinal infection, signs blunted by steroids
        ("fever-ivdu", "emergency"),
        ("saddle-retention", "emergency"),  # suspected CES: GIRFT 2023, emergency department now
    ],
)
def test_the_reviewed_safety_keys(case_id, level):
    case = next(c for c in CASES if c["id"] == case_id)
    assert case["answer"] == level


def test_cauda_equina_cases_cite_the_ces_pathway_not_nice_ng59():
    ces_flags = {
        "saddle_numbness",
        "bladder_dysfunction",
        "bowel_incontinence",
        "sexual_dysfunction",
        "bilateral_sciatica",
    }
    for case in CASES:
        if ces_flags & set(case["red_flags"]):
            assert case["source"] == "girft2023ces", case["id"]


def test_no_feedback_calls_a_less_urgent_choice_safer():
    for case in CASES:
        assert "safer" not in (case["why"] + case["features"]).lower(), case["id"]


def test_a_key_that_disagrees_with_the_red_flag_table_is_named():
    data = copy.deepcopy(load_cases())
    data["cases"][0]["answer"] = "soon"
    problems = validate_cases(data, KNOWN_SOURCES)
    assert problems == [
        f"triage_cases.yml: case {data['cases'][0]['id']!r}: field 'answer': 'soon' disagrees "
        "with urgency.yml, where these red flags call for 'emergency'"
    ]


def test_an_unknown_level_and_flag_are_named_with_a_hint():
    data = copy.deepcopy(load_cases())
    data["cases"][1]["answer"] = "tomorrow"
    data["cases"][1]["red_flags"] = ["bad_vibes"]
    problems = "\n".join(validate_cases(data, KNOWN_SOURCES))
    assert "field 'answer': 'tomorrow' is not a level in urgency.yml" in problems
    assert "field 'red_flags': unknown flag 'bad_vibes' (add it to urgency.yml first)" in problems


def _urgency_rank_of_option(option: str):
    for rank, level in enumerate(urgency_levels()):
        if option.lower().startswith(level["label"].lower()):
            return rank
    return None


def test_bank_items_never_call_a_more_urgent_choice_unsafe():
    """Quiz items that use the urgency scale follow the triage rule: over-triage is cautious."""
    from widgets.quizbank import load_all_banks

    checked = 0
    for bank in load_all_banks():
        for item in bank.items:
            keyed = _urgency_rank_of_option(item["answer"]) if isinstance(item["answer"], str) else None
            if keyed is None:
                continue
            for option, text in (item.get("option_feedback") or {}).items():
                rank = _urgency_rank_of_option(option)
                if rank is not None and rank < keyed:
                    checked += 1
                    words = text.lower()
                    assert "unsafe" not in words and "less safe" not in words, (item["id"], option)
    assert checked > 0
