"""Case validation: each kind of fault is named as `file:line: case 'id': field: message (hint: ...)`."""

import copy
import re
import subprocess
import sys

import pytest
import yaml

from widgets.authoring.case_validation import CASE_DIR, CaseError, case_problems, check_cases, load_case

MESSAGE = re.compile(
    r"^(?P<file>[^:]+\.yml):(?P<line>\d+): case '(?P<case>[^']+)': (?P<field>[^:]+): (?P<message>.+) \(hint: .+\)$"
)

VALID = {
    "id": "demo",
    "title": "A demo case",
    "summary": "A short case for the validator tests.",
    "chapters": ["04-symptoms"],
    "stages": [
        {
            "id": "history",
            "title": "The history",
            "presentation": "Leg pain for a week.",
            "decision": {
                "type": "single",
                "prompt": "What first?",
                "options": [
                    {"id": "ask", "text": "Ask about red flags", "why": "Always first."},
                    {"id": "scan", "text": "Order a scan"},
                ],
                "answer": "ask",
                "explanation": "Red flags first.",
                "source": "finucane2020redflags",
            },
            "findings": "None.",
            "reasoning": "Screened {cite}`finucane2020redflags`.",
        },
        {
            "id": "rank",
            "title": "Hypotheses",
            "presentation": "Rank them.",
            "decision": {
                "type": "ranking",
                "prompt": "Most likely first.",
                "options": [{"id": "b", "text": "Tendinopathy"}, {"id": "a", "text": "Disc"}],
                "answer": ["a", "b"],
                "explanation": "Disc is commonest.",
                "source": "koes2007sciatica",
            },
            "findings": "SLR positive.",
            "reasoning": "Fits a disc.",
        },
        {
            "id": "urgency",
            "title": "Urgency",
            "presentation": "Decide.",
            "decision": {
                "type": "urgency",
                "prompt": "How urgent?",
                "answer": "self_care",
                "explanation": "No flags.",
                "source": "nice2016ng59",
            },
            "findings": "Advice given.",
            "reasoning": "Safety-net.",
        },
        {
            "id": "explain",
            "title": "Explain",
            "presentation": "Tell her.",
            "decision": {
                "type": "free_text",
                "prompt": "What do you say?",
                "model_answer": "Most sciatica settles.",
                "key_points": ["Natural history"],
                "explanation": "Reassure.",
                "source": "koes2007sciatica",
            },
            "findings": "She is reassured.",
            "reasoning": "Good.",
        },
    ],
    "outcome": "She recovered.",
    "take_home": ["Red flags first."],
}


def write_case(tmp_path, data=None, text=None, name="demo"):
    path = tmp_path / f"{name}.yml"
    path.write_text(text if text is not None else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def problems(tmp_path, mutate=None, text=None):
    data = copy.deepcopy(VALID)
    if mutate:
        mutate(data)
    found, _ = case_problems(write_case(tmp_path, data, text))
    return found


def the_one(found, field, *fragments):
    assert len(found) == 1, found
    match = MESSAGE.match(found[0])
    assert match, f"not in the file:line: case 'id': field: message (hint) format: {found[0]}"
    assert match["field"] == field, found[0]
    for fragment in fragments:
        assert fragment in found[0], found[0]
    return int(match["line"])


def line_of(path_text: str, needle: str) -> int:
    return next(n for n, line in enumerate(path_text.splitlines(), start=1) if needle in line)


def test_the_valid_demo_case_has_no_problems(tmp_path):
    assert problems(tmp_path) == []


def test_every_shipped_case_is_valid():
    assert check_cases() == []
    assert len(list(CASE_DIR.glob("*.yml"))) >= 2


def test_malformed_yaml_names_the_line(tmp_path):
    found = problems(tmp_path, text="id: demo\nstages:\n  - id: a\n    title: [unclosed\n")
    assert the_one(found, "(file)", "malformed YAML") >= 4


def test_missing_field_names_the_stage_and_field(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1].pop("findings"))
    the_one(found, "stages[1].findings", "missing")


def test_unknown_field_is_a_typo_to_fix(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0].update(reasonning="typo"))
    the_one(found, "stages[0]", "unknown field(s) reasonning")


def test_unknown_decision_type_lists_the_types(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0]["decision"].update(type="essay"))
    the_one(found, "stages[0].decision.type", "unknown decision type 'essay'", "single, multiple, ranking")


def test_id_must_equal_the_file_name(tmp_path):
    found = problems(tmp_path, lambda d: d.update(id="other-case"))
    the_one(found, "id", "differs from the file name")


def test_duplicate_stage_id(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1].update(id="history"))
    the_one(found, "stages[1].id", "repeats")


def test_duplicate_option_id(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0]["decision"]["options"][1].update(id="ask"))
    the_one(found, "stages[0].decision.options", "option id 'ask' repeats")


def test_single_answer_must_be_an_option_and_the_line_points_at_it(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0]["decision"].update(answer="refer"))
    line = the_one(found, "stages[0].decision.answer", "'refer' is not one of the option ids", "use one of ask, scan")
    text = (tmp_path / "demo.yml").read_text()
    assert line == line_of(text, "answer: refer")


def test_multiple_answer_ids_must_be_options(tmp_path):
    def mutate(data):
        data["stages"][0]["decision"].update(type="multiple", answer=["ask", "xray"])

    the_one(problems(tmp_path, mutate), "stages[0].decision.answer", "'xray' is not one of the option ids")


def test_ranking_answer_must_order_every_option(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1]["decision"].update(answer=["a"]))
    the_one(found, "stages[1].decision.answer", "every option id exactly once")


def test_ranking_options_must_not_start_in_the_model_order(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1]["decision"].update(answer=["b", "a"]))
    the_one(found, "stages[1].decision.options", "gives the answer away")


def test_match_top_cannot_exceed_the_options(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1]["decision"].update(match_top=3))
    the_one(found, "stages[1].decision.match_top", "more than the 2 options")


def test_urgency_answer_must_be_a_level_of_the_course_scale(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][2]["decision"].update(answer="urgent"))
    the_one(found, "stages[2].decision.answer", "not a level of the course's urgency scale", "emergency, same_day")


def test_urgency_decisions_take_no_options_of_their_own(tmp_path):
    def mutate(data):
        data["stages"][2]["decision"]["options"] = [{"id": "now", "text": "Now"}, {"id": "later", "text": "Later"}]

    the_one(problems(tmp_path, mutate), "stages[2].decision", "does not use", "urgency scale")


def test_free_text_needs_a_model_answer(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][3]["decision"].pop("model_answer"))
    the_one(found, "stages[3].decision.model_answer", "missing")


def test_unknown_decision_source(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0]["decision"].update(source="nobody2099"))
    the_one(found, "stages[0].decision.source", "unknown bib key 'nobody2099'", "references.bib")


def test_unknown_cite_key_in_text(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][1].update(reasoning="As shown {cite}`nobody2099`."))
    the_one(found, "stages[1].reasoning", "cites unknown bib key 'nobody2099'")


def test_raw_html_in_text_is_refused(tmp_path):
    found = problems(tmp_path, lambda d: d["stages"][0].update(presentation="Pain <img src=x onerror=alert(1)> here."))
    the_one(found, "stages[0].presentation", "raw HTML", "Markdown")


def test_comparisons_are_not_mistaken_for_html(tmp_path):
    assert problems(tmp_path, lambda d: d["stages"][0].update(presentation="Power < 3/5 and age > 50.")) == []


def test_unknown_chapter(tmp_path):
    found = problems(tmp_path, lambda d: d["chapters"].append("99-nowhere"))
    the_one(found, "chapters[1]", "no chapter notebook")


def test_too_few_stages(tmp_path):
    found = problems(tmp_path, lambda d: d.update(stages=d["stages"][:1]))
    the_one(found, "stages", "too short")


def test_load_case_raises_with_every_problem(tmp_path):
    data = copy.deepcopy(VALID)
    data["stages"][0]["decision"]["answer"] = "refer"
    data["stages"][2]["decision"]["answer"] = "urgent"
    with pytest.raises(CaseError) as error:
        load_case(write_case(tmp_path, data))
    assert len(error.value.problems) == 2


def test_the_bank_check_command_also_checks_cases():
    result = subprocess.run([sys.executable, "-m", "widgets.quizbank", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_book_build_refuses_a_broken_case(tmp_path, monkeypatch, capsys):
    from widgets.authoring import case_validation, sphinx_ext

    broken = copy.deepcopy(VALID)
    broken["stages"][2]["decision"]["answer"] = "urgent"
    write_case(tmp_path, broken)
    monkeypatch.setattr(case_validation, "CASE_DIR", tmp_path)
    with pytest.raises(SystemExit):
        sphinx_ext._check_banks(app=None, config=None)
    assert re.search(r"demo\.yml:\d+: case 'demo': stages\[2\]\.decision\.answer", capsys.readouterr().err)
