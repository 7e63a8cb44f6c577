"""jupyterquiz out (graded as jupyterquiz grades) and in (as faithful as a bank allows).

GIFT, QTI and Anki are read back by independent parsers in test_quizbank_exports.py.
"""

import json

import yaml

from widgets.authoring.export_text import prompt_html
from widgets.authoring.interop import from_jupyterquiz, to_jupyterquiz
from widgets.paths import REPO_ROOT as ROOT
from widgets.quizbank import Bank, load_all_banks, render_markdown

SAMPLES = ROOT / "tests" / "fixtures" / "jupyterquiz-examples.json"


def jupyterquiz_accepts(question: dict, typed: float) -> bool:
    """jupyterquiz's own numeric check (js/numeric.js): `value` by equality, `range` as lo <= x < hi."""
    for answer in question["answers"]:
        if "value" in answer and typed == answer["value"]:
            return answer["correct"]
        if "range" in answer and answer["range"][0] <= typed < answer["range"][1]:
            return answer["correct"]
    return False


def test_jupyterquiz_numeric_items_accept_both_ends_of_the_course_range():
    banks = load_all_banks()
    numeric = [item for bank in banks for item in bank.items if item["type"] == "numeric"]
    questions = [q for q in to_jupyterquiz(banks) if q["type"] == "numeric"]
    assert len(questions) == len(numeric) > 0
    for question, item in zip(questions, numeric, strict=True):
        answer, tolerance = item["answer"], item["tolerance"]
        assert "precision" not in question, "jupyterquiz rounds the input with precision before comparing"
        assert jupyterquiz_accepts(question, answer - tolerance), item["id"]
        assert jupyterquiz_accepts(question, answer + tolerance), item["id"]
        assert not jupyterquiz_accepts(question, answer + tolerance + max(1, abs(answer)) * 1e-6), item["id"]


def test_jupyterquiz_tolerance_zero_is_an_exact_value():
    item = {"id": "x", "type": "numeric", "prompt": "Five?", "answer": 5, "tolerance": 0, "explanation": "Five.",
            "source": "standring2020grays", "objective": "o", "difficulty": "easy"}  # fmt: skip
    question = to_jupyterquiz([Bank("x", "09-demo", "X", {}, [item], "0")])[0]
    assert question["answers"][0] == {
        "type": "value",
        "value": 5,
        "correct": True,
        "feedback": "Correct. <p>Five.</p>\n",
    }
    assert jupyterquiz_accepts(question, 5) and not jupyterquiz_accepts(question, 5.0001)


def test_jupyterquiz_texts_are_the_course_html_with_nothing_that_runs():
    item = {"id": "x", "type": "single", "prompt": "**Both** <img src=x onerror=alert(1)> </script> $5 and $6",
            "options": ["<i>tag</i>", "$\\pi$"], "answer": "<i>tag</i>", "explanation": "See `code`.",
            "option_feedback": {"$\\pi$": "Not *this*."},
            "source": "standring2020grays", "objective": "o", "difficulty": "easy"}  # fmt: skip
    question = to_jupyterquiz([Bank("x", "09-demo", "X", {}, [item], "0")])[0]
    text = json.dumps(question)
    assert "<strong>Both</strong>" in question["question"] and "<img" not in text and "</script>" not in text
    assert "$" not in text, "jupyterquiz would typeset $...$ as maths; the course shows dollars"
    assert [a["answer"] for a in question["answers"]] == ["&lt;i&gt;tag&lt;/i&gt;", "&#36;\\pi&#36;"]
    assert question["answers"][1]["feedback"].startswith("Not quite. <p>Not <em>this</em>.</p>")


def test_jupyterquiz_round_trip_keeps_questions_answers_and_feedback():
    banks = load_all_banks()
    exported = json.loads(json.dumps(to_jupyterquiz(banks)))
    data, _ = from_jupyterquiz(exported, "roundtrip", "01-introduction", "ropper2015sciatica", "x")
    originals = [item for bank in banks for item in bank.items]
    assert len(data["items"]) == len(originals)
    for original, back in zip(originals, data["items"], strict=True):
        assert render_markdown(back["prompt"]) == prompt_html(original), original["id"]
        assert back["explanation"] == original["explanation"], original["id"]
        if original["type"] == "numeric":
            assert (back["answer"], back["tolerance"]) == (original["answer"], original["tolerance"])
        elif original["type"] in ("single", "multiple"):
            assert back["answer"] == original["answer"]
            assert back.get("option_feedback", {}) == original.get("option_feedback", {}), original["id"]


def test_importer_reads_all_eight_jupyterquiz_examples_faithfully():
    questions = json.loads(SAMPLES.read_text())
    data, notes = from_jupyterquiz(questions, "demo", "01-introduction", "ropper2015sciatica", "Imported")
    items = data["items"]
    assert [item["type"] for item in items] == [
        "multiple", "multiple", "single", "numeric", "numeric", "single", "single", "single"
    ]  # fmt: skip
    assert items[0]["answer"] == [a["answer"] for a in questions[0]["answers"] if a["correct"]]
    assert items[0]["option_feedback"] == {"Live snakes via Python": "I hope not."}
    assert items[5]["option_feedback"]["error"] == "The + operator for strings performs string concatenation."
    assert items[5]["explanation"] == 'The + operator will concatenate the strings "1" and "2".'
    assert (items[3]["answer"], items[3]["tolerance"]) == (3.14, 0)
    assert "22/7" not in items[3]["explanation"], "a dropped value's feedback must not become the explanation"
    # precision 2: jupyterquiz accepts whatever rounds to 3.1, i.e. 3.05 to 3.15.
    assert (items[4]["answer"], items[4]["tolerance"]) == (3.1, 0.05)
    assert any("precision 2 kept as 3.1" in note for note in notes)
    assert items[6]["options"] == [a["code"] for a in questions[6]["answers"]]
    assert any("answer_cols" in note for note in notes)
    assert yaml.safe_load(yaml.safe_dump(data)) == data


def test_imported_code_keeps_its_line_breaks_in_the_course():
    data, _ = from_jupyterquiz(json.loads(SAMPLES.read_text()), "demo", "01-introduction", "x", "Imported")
    assert '<pre><code>a="1"\nb="2"\nprint(a+b)\n</code></pre>' in render_markdown(data["items"][5]["prompt"])


def test_importer_refuses_precision_on_a_range_by_name():
    question = {"question": "Pi?", "type": "numeric", "precision": 3,
                "answers": [{"type": "range", "range": [3.1, 3.2], "correct": True}]}  # fmt: skip
    data, notes = from_jupyterquiz([question], "demo", "01-introduction", "x", "Imported")
    assert data["items"] == []
    assert notes == ["demo-imported-1: refused: precision 3 on a range has no equivalent in a bank (tolerance only)"]
