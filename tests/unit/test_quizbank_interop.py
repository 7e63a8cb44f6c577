"""Interop: GIFT and jupyterquiz out, jupyterquiz in; each parsed back and compared."""
import json
import pathlib
import re

import yaml

from widgets.quizbank import load_all_banks, load_bank
from widgets.quizbank_interop import from_jupyterquiz, to_gift, to_jupyterquiz

from .bank_factory import valid_bank, write_bank, write_chapter

# jupyterquiz's own example file, inside the repository (MIT; see tests/fixtures/README.md).
SAMPLES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "jupyterquiz-examples.json"


def parse_gift(text: str) -> list[dict]:
    """Just enough of GIFT to read back what we write: title, kind and answers."""
    questions = []
    for match in re.finditer(r"::((?:\\.|[^:])+)::(.*?)\{((?:\\.|[^}])*)\}", text, re.S):
        title, body = match.group(1), match.group(3)
        body = body.split("####")[0].strip()
        unescape = lambda s: re.sub(r"\\(.)", r"\1", s).strip()
        if body in ("TRUE", "FALSE"):
            questions.append({"id": unescape(title), "kind": "true_false", "answer": body == "TRUE"})
        elif body.startswith("#"):
            value, tolerance = body[1:].split(":")
            questions.append({"id": unescape(title), "kind": "numeric", "answer": float(value), "tolerance": float(tolerance)})
        else:
            parts = re.findall(r"([=~])(%-?[\d.]+%)?((?:\\.|[^=~])*)", body)
            right = [unescape(t) for mark, weight, t in parts if mark == "=" or (weight and not weight.startswith("%-"))]
            options = [unescape(t) for *_, t in parts]
            questions.append({"id": unescape(title), "kind": "choice", "options": options, "right": right})
    return questions


def test_gift_export_parses_back_to_the_same_answers():
    banks = load_all_banks()
    parsed = {q["id"]: q for q in parse_gift(to_gift(banks))}
    items = [item for bank in banks for item in bank.items]
    assert len(parsed) == len(items)
    for item in items:
        question = parsed[item["id"]]
        if item["type"] == "true_false":
            assert question["answer"] is item["answer"]
        elif item["type"] == "numeric":
            assert question["answer"] == item["answer"] and question["tolerance"] == item.get("tolerance", 0)
        elif item["type"] == "multiple":
            assert sorted(question["right"]) == sorted(item["answer"])
        elif item["type"] == "single":
            assert question["right"] == [item["answer"]] and sorted(question["options"]) == sorted(item["options"])


def test_gift_escapes_its_special_characters(tmp_path):
    write_chapter(tmp_path)
    data = valid_bank()
    data["items"][0]["options"] = ["L4 to S3 {roots}", "a = b ~ c # d: e"]
    data["items"][0]["answer"] = "L4 to S3 {roots}"
    bank = load_bank(write_bank(tmp_path, data), chapter_dir=tmp_path)
    question = parse_gift(to_gift([bank]))[0]
    assert question["right"] == ["L4 to S3 {roots}"]
    assert "a = b ~ c # d: e" in question["options"]


def test_jupyterquiz_round_trip_keeps_questions_and_answers():
    banks = load_all_banks()
    exported = json.loads(json.dumps(to_jupyterquiz(banks)))
    data, _ = from_jupyterquiz(exported, "roundtrip", "01-introduction", "ropper2015sciatica", "x")
    originals = [item for bank in banks for item in bank.items]
    assert len(data["items"]) == len(originals)
    for original, back in zip(originals, data["items"]):
        assert back["prompt"] == original["prompt"]
        if original["type"] == "numeric":
            assert back["answer"] == original["answer"] and back["tolerance"] == original.get("tolerance", 0)
        elif original["type"] == "multiple":
            assert back["answer"] == original["answer"]
        elif original["type"] == "single":
            assert back["answer"] == original["answer"]


def test_importer_reads_all_eight_jupyterquiz_examples_faithfully():
    questions = json.loads(SAMPLES.read_text())
    data, notes = from_jupyterquiz(questions, "demo", "01-introduction", "ropper2015sciatica", "Imported")
    items = data["items"]
    assert len(items) == 8
    assert [item["type"] for item in items] == ["multiple", "multiple", "single", "numeric", "numeric", "single", "single", "single"]
    assert items[0]["answer"] == [a["answer"] for a in questions[0]["answers"] if a["correct"]]
    assert items[3]["answer"] == questions[3]["answers"][0]["value"]
    assert "```" in items[5]["prompt"], "a question's code block is kept in the prompt"
    assert items[6]["options"] == [a["code"] for a in questions[6]["answers"]]
    assert any("answer_cols" in note for note in notes) and any("precision" in note for note in notes)
    assert yaml.safe_load(yaml.safe_dump(data)) == data
