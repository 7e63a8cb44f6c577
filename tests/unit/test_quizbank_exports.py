"""Every export read back by a reader we did not write, for the real banks and an awkward bank.

- GIFT: gift-pegjs (the grammar behind the GIFT editors), vendored in tests/vendor, run by node.
- Canvas QTI: text2qti's own zip, opened and its QTI XML read with ElementTree.
- Anki: the .apkg opened as the SQLite collection it is.
tests/fixtures/awkward.yml holds valid items that stress each format: GIFT specials, format
tags, a leading %n%, raw HTML, code, tiny/huge/exact/negative numbers, many options.
"""

import html
import json
import re
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ElementTree
import zipfile

import pytest

from widgets.authoring.anki import note_guid, write_apkg
from widgets.authoring.bank_checks import checked_bank
from widgets.authoring.export_text import ExportRefused, plain_decimal, prompt_html
from widgets.authoring.gift import MOODLE_GRADES, to_gift
from widgets.authoring.qti import write_qti
from widgets.paths import REPO_ROOT
from widgets.quizbank import Bank, item_payload, load_all_banks, render_markdown

from .bank_factory import write_chapter

AWKWARD = REPO_ROOT / "tests" / "fixtures" / "awkward.yml"
PARSE_GIFT = REPO_ROOT / "tests" / "interop" / "parse_gift.js"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


@pytest.fixture(scope="module")
def awkward_bank(tmp_path_factory) -> Bank:
    directory = tmp_path_factory.mktemp("awkward")
    write_chapter(directory)
    shutil.copy(AWKWARD, directory / "awkward.yml")
    return checked_bank(directory / "awkward.yml", chapter_dir=directory)


@pytest.fixture(scope="module", params=["course banks", "awkward bank"])
def banks(request, awkward_bank) -> list[Bank]:
    return load_all_banks() if request.param == "course banks" else [awkward_bank]


def all_items(banks):
    return [item for bank in banks for item in bank.items]


def right_options(item) -> set[str]:
    payload = item_payload(item)
    return set(payload["answer"]) if isinstance(payload["answer"], list) else {payload["answer"]}


def gift_pegjs(text: str) -> list[dict]:
    node = shutil.which("node")
    assert node, "node (Node.js) is needed to run the vendored gift-pegjs parser: apt install nodejs"
    run = subprocess.run([node, str(PARSE_GIFT)], input=text, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"gift-pegjs rejected the export: {run.stderr}"
    return [question for question in json.loads(run.stdout) if question["type"] != "Category"]


def same_html(gift_text: str, course_html: str) -> bool:
    return html.unescape(gift_text).strip() == html.unescape(course_html).strip()


def test_gift_parses_item_by_item_with_gift_pegjs(banks):
    parsed = gift_pegjs(to_gift(banks))
    items = all_items(banks)
    assert [q["title"] for q in parsed] == [item["id"] for item in items]
    for question, item in zip(parsed, items, strict=True):
        assert question["stem"]["format"] == "html" and same_html(question["stem"]["text"], prompt_html(item))
        assert same_html(question["globalFeedback"]["text"], render_markdown(item["explanation"])), item["id"]
        if item["type"] == "true_false":
            assert question["type"] == "TF" and question["isTrue"] is item["answer"]
        elif item["type"] == "numeric":
            assert question["type"] == "Numerical"
            assert question["choices"]["number"] == item["answer"]
            assert question["choices"]["range"] == item["tolerance"]
        else:
            labels = [html.unescape(choice["text"]["text"]) for choice in question["choices"]]
            assert labels == item_payload(item)["options"], item["id"]
            right = {
                html.unescape(c["text"]["text"])
                for c in question["choices"]
                if c["isCorrect"] or (c["weight"] or 0) > 0
            }
            assert right == right_options(item), item["id"]


def test_gift_multiple_answer_grades_are_moodles_and_sum_to_100(banks):
    for question in gift_pegjs(to_gift(banks)):
        weights = [choice["weight"] for choice in question.get("choices") or [] if isinstance(choice, dict)]
        if not any(weights):
            continue
        assert all(abs(weight) in MOODLE_GRADES for weight in weights), (question["title"], weights)
        assert abs(sum(w for w in weights if w > 0) - 100) < 0.01, (question["title"], weights)


def test_gift_keeps_line_breaks_and_writes_plain_decimals(awkward_bank):
    text = to_gift([awkward_bank])
    assert "e-05" not in text and "e+23" not in text
    assert "#0.00025:0.00005" in text and "#602000000000000000000000:1000000000000000000000" in text
    code = next(q for q in gift_pegjs(text) if q["title"] == "awkward-multiline-code")
    assert '<pre><code>a = "1"\nb = "2"\nprint(a + b)\n</code></pre>' in code["stem"]["text"]


def test_gift_refuses_an_item_moodle_cannot_grade_by_name(awkward_bank):
    options = [f"Right {n}" for n in range(21)]
    item = dict(awkward_bank.items[0], id="too-many-right", type="multiple", options=options, answer=options)
    item.pop("option_feedback")
    with pytest.raises(ExportRefused, match=r"item 'too-many-right': 21 right options; Moodle grades at most 20"):
        to_gift([Bank("x", "09-demo", "X", {}, [item], "0")])


def qti_items(path) -> list[ElementTree.Element]:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        manifest = ElementTree.fromstring(package.read("imsmanifest.xml"))
        hrefs = [
            f.get("href") for f in manifest.iter() if f.tag.endswith("file") and f.get("href", "").endswith(".xml")
        ]
        assessment = next(h for h in hrefs if "assessment_meta" not in h)
        return list(ElementTree.fromstring(package.read(assessment)).iter(f"{QTI}item"))


def qti_field(item, label: str) -> str:
    fields = item.iter(f"{QTI}qtimetadatafield")
    return next(f.find(f"{QTI}fieldentry").text for f in fields if f.find(f"{QTI}fieldlabel").text == label)


def test_qti_zip_from_text2qti_holds_every_item_and_its_answers(banks, tmp_path):
    write_qti(banks, tmp_path / "quiz.zip")
    parsed, items = qti_items(tmp_path / "quiz.zip"), all_items(banks)
    assert [q.get("title") for q in parsed] == [item["id"] for item in items]
    kinds = {"single": "multiple_choice_question", "hotspot": "multiple_choice_question",
             "multiple": "multiple_answers_question", "true_false": "true_false_question",
             "numeric": "numerical_question"}  # fmt: skip
    for question, item in zip(parsed, items, strict=True):
        assert qti_field(question, "question_type") == kinds[item["type"]], item["id"]
        if item["type"] == "numeric":
            low = float(question.find(f".//{QTI}vargte").text)
            high = float(question.find(f".//{QTI}varlte").text)
            assert (low, high) == pytest.approx(
                (item["answer"] - item["tolerance"], item["answer"] + item["tolerance"])
            )
            continue
        labels = {
            label.get("ident"): plain_text(label.find(f".//{QTI}mattext").text)
            for label in question.iter(f"{QTI}response_label")
        }
        assert sorted(labels.values()) == sorted(item_payload(item)["options"]), item["id"]
        assert {labels[ident] for ident in correct_idents(question)} == right_options(item), item["id"]


def plain_text(choice_html: str) -> str:
    """A QTI choice back to its option text (text2qti wraps it in <p> and curls quotes: 'smarty')."""
    text = html.unescape(re.sub(r"</?p>", "", choice_html))
    return text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))


def correct_idents(question) -> set[str]:
    """The choices the full-score condition requires (those under <not> are excluded)."""
    for condition in question.iter(f"{QTI}respcondition"):
        score = condition.find(f"{QTI}setvar")
        if score is None or score.text != "100":
            continue
        test = condition.find(f"{QTI}conditionvar")
        negated = {id(v) for n in test.iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
        return {v.text for v in test.iter(f"{QTI}varequal") if id(v) not in negated}
    return set()


def test_qti_refuses_a_bound_canvas_cannot_hold_by_name(awkward_bank, tmp_path):
    item = dict(next(i for i in awkward_bank.items if i["type"] == "numeric"), id="micro", answer=3e-05)
    with pytest.raises(ExportRefused, match=r"item 'micro': Canvas QTI \(text2qti\) takes no numeric bound below"):
        write_qti([Bank("x", "09-demo", "X", {}, [item], "0")], tmp_path / "quiz.zip")


def apkg_rows(path, tmp_path):
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        assert collection.execute("pragma integrity_check").fetchone() == ("ok",)
        notes = collection.execute("select guid, flds from notes").fetchall()
        decks = json.loads(collection.execute("select decks from col").fetchone()[0])
        card_decks = collection.execute("select did, count(*) from cards group by did").fetchall()
    return notes, {deck["id"]: deck["name"] for deck in decks.values()}, dict(card_decks)


def test_anki_package_has_a_note_per_item_and_a_subdeck_per_chapter(banks, tmp_path):
    write_apkg(banks, tmp_path / "deck.apkg")
    notes, decks, cards = apkg_rows(tmp_path / "deck.apkg", tmp_path)
    assert len(notes) == len(all_items(banks))
    assert {guid for guid, _ in notes} == {note_guid(item["id"]) for item in all_items(banks)}
    assert sorted(decks[deck_id] for deck_id in cards) == sorted(
        f"Nerve Pain in the Hamstring::{b.title}" for b in banks
    )
    assert sorted(cards.values()) == sorted(len(bank.items) for bank in banks)


def test_anki_guids_are_stable_across_exports(awkward_bank, tmp_path):
    write_apkg([awkward_bank], tmp_path / "first.apkg")
    first, *_ = apkg_rows(tmp_path / "first.apkg", tmp_path / "a")
    write_apkg([awkward_bank], tmp_path / "second.apkg")
    second, *_ = apkg_rows(tmp_path / "second.apkg", tmp_path / "b")
    assert [guid for guid, _ in first] == [guid for guid, _ in second]


def test_plain_decimals_never_use_an_exponent():
    assert [plain_decimal(v) for v in (3e-05, 6.02e23, 5, -3.5, 0.1 + 0.19)] == [
        "0.00003",
        "602000000000000000000000",
        "5",
        "-3.5",
        "0.29000000000000004",
    ]


def test_cli_writes_packages_and_needs_a_file_for_them(tmp_path, capsys):
    from widgets.authoring import cli

    assert cli.main(["export", "--format", "qti"]) == 2
    assert "--format qti writes a package: give -o FILE" in capsys.readouterr().err
    for kind, name in (("qti", "quiz.zip"), ("anki", "deck.apkg")):
        assert cli.main(["export", "--format", kind, "--bank", "anatomy", "-o", str(tmp_path / name)]) == 0
        assert zipfile.is_zipfile(tmp_path / name)
