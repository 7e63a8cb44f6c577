"""Question-bank validation: each failure names the file, the line, the item and the field."""

import re

import pytest

from tools.book_site import ROOT, toc_entries
from widgets import Quiz
from widgets.authoring import bank_checks, cli
from widgets.authoring.bank_checks import bank_problems, check_banks, checked_bank
from widgets.quizbank import BANK_DIR, BankError, load_all_banks, render_markdown

from .bank_factory import valid_bank, write_bank, write_chapter


@pytest.fixture
def chapter_dir(tmp_path):
    write_chapter(tmp_path)
    return tmp_path


def problems_for(tmp_path, chapter_dir, data=None, text=None):
    path = write_bank(tmp_path, data, text)
    found, _ = bank_problems(path, chapter_dir)
    return path, found


def broken(mutate):
    data = valid_bank()
    mutate(data)
    return data


def assert_one_problem(found, *fragments, line=None):
    assert len(found) == 1, found
    for fragment in fragments:
        assert fragment in found[0], found[0]
    if line is not None:
        assert re.search(rf"demo\.yml:{line}:", found[0]), found[0]


def test_the_valid_demo_bank_has_no_problems(tmp_path, chapter_dir):
    assert problems_for(tmp_path, chapter_dir)[1] == []


def test_malformed_yaml_names_file_and_line(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, text="bank: demo\nitems:\n  - id: a\n    prompt: [unclosed\n")
    assert_one_problem(found, "demo.yml:", "malformed YAML")


def test_missing_id_names_item_and_field(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][1].pop("id")))
    assert_one_problem(found, "item #2 (no id)", "field 'id'", "missing")


def test_duplicate_id_in_one_bank(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][1].update(id="demo-single")))
    assert_one_problem(found, "item 'demo-single'", "field 'id'", "duplicate id")


def test_duplicate_id_across_banks(tmp_path, chapter_dir):
    first = write_bank(tmp_path, valid_bank(), name="demo")
    other = valid_bank()
    other["bank"] = "other"
    for item in other["items"][1:]:
        item["id"] = item["id"].replace("demo", "other")
    second = write_bank(tmp_path, other, name="other")
    found = check_banks([first, second], chapter_dir)
    assert [p for p in found if "'demo-single'" in p] == [
        f"{second}:11: item 'demo-single': field 'id': duplicate id, also at {first}:11"
    ], found


def test_answer_not_among_options(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][0].update(answer="S2 to S4")))
    assert_one_problem(found, "item 'demo-single'", "field 'answer'", "not among the options")


def test_empty_options(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][0].update(options=[])))
    assert_one_problem(found, "item 'demo-single'", "field 'options'", "empty")


def test_unknown_type(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][2].update(type="essay")))
    assert any("item 'demo-true-false'" in p and "field 'type'" in p and "unknown type 'essay'" in p for p in found), (
        found
    )


def test_unknown_bib_key(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][3].update(source="wikipedia2024")))
    assert_one_problem(found, "item 'demo-numeric'", "field 'source'", "unknown bib key 'wikipedia2024'")


def test_unknown_region_id(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][4].update(answer="femur")))
    assert_one_problem(found, "item 'demo-hotspot'", "field 'answer'", "unknown region id 'femur'")


def test_objective_not_in_the_bank(tmp_path, chapter_dir):
    _, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][0].update(objective="demo-9")))
    assert_one_problem(found, "item 'demo-single'", "field 'objective'", "not one of this chapter's objectives")


def test_objective_not_in_the_chapter_notebook(tmp_path, chapter_dir):
    _, found = problems_for(
        tmp_path, chapter_dir, broken(lambda d: d["objectives"].update({"demo-2": "Cure sciatica."}))
    )
    assert_one_problem(found, "objective 'demo-2'", "not in the chapter's learning objectives")


def test_messages_carry_the_line_of_the_faulty_field(tmp_path, chapter_dir):
    path, found = problems_for(tmp_path, chapter_dir, broken(lambda d: d["items"][0].update(answer="S2 to S4")))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), start=1) if "answer: S2 to S4" in text)
    assert found[0].startswith(f"{path}:{line}:") or f"demo.yml:{line}:" in found[0]


def test_a_broken_bank_does_not_half_load(tmp_path, chapter_dir):
    path = write_bank(tmp_path, broken(lambda d: d["items"][0].update(answer="nope")))
    with pytest.raises(BankError, match="field 'answer'"):
        checked_bank(path, chapter_dir)


def test_a_bank_missing_a_field_does_not_half_render_and_names_the_check(tmp_path):
    write_bank(tmp_path, broken(lambda d: d["items"][1].pop("explanation")))
    with pytest.raises(
        BankError, match=r"(?s)item 'demo-multiple': field 'explanation': missing.*widgets\.quizbank check"
    ):
        Quiz.from_bank("demo", bank_dir=tmp_path)


def test_prompt_markdown_is_rendered_without_executable_html():
    html = render_markdown('**Bold** <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))')
    assert "<strong>Bold</strong>" in html
    assert "<img" not in html and "<script" not in html and "<a " not in html and "href" not in html
    assert "&lt;img" in html


def test_course_banks_are_valid():
    assert check_banks() == []


def test_every_chapter_has_a_bank_of_enough_items():
    # Counted from _toc.yml, so adding a chapter with its bank (instructor guide) stays green.
    banks = {bank.chapter: bank for bank in load_all_banks()}
    names = [entry.rsplit("/", 1)[-1] for entry in toc_entries() if (ROOT / f"{entry}.ipynb").exists()]
    chapters = [name for name in names if name[:2].isdigit()]  # numbered chapters; cases have no bank
    assert sorted(banks) == sorted(chapters), "every chapter notebook in _toc.yml has exactly one bank"
    assert all(len(bank.items) >= 5 for bank in banks.values())


def test_every_learning_objective_is_assessed_by_at_least_two_items():
    for bank in load_all_banks():
        for key in bank.objectives:
            count = sum(item["objective"] == key for item in bank.items)
            assert count >= 2, (bank.name, key, count)


def test_cli_check_reports_problems_and_exit_status(tmp_path, capsys, chapter_dir, monkeypatch):
    assert cli.main(["check", str(BANK_DIR / "symptoms.yml")]) == 0
    monkeypatch.setattr(bank_checks, "CHAPTER_DIR", chapter_dir)
    assert cli.main(["check", str(write_bank(tmp_path, valid_bank()))]) == 0
    bad = write_bank(tmp_path, broken(lambda d: d["items"][0].update(source="nope")))
    assert cli.main(["check", str(bad)]) == 1
    assert "unknown bib key 'nope'" in capsys.readouterr().err


def test_the_book_build_prints_bank_problems_and_stops_without_a_traceback(monkeypatch, capsys):
    from widgets.authoring import sphinx_ext

    problem = "chapters/quizzes/demo.yml:3: item 'x': field 'answer': 'B' is not among the options"
    monkeypatch.setattr(sphinx_ext, "check_banks", lambda: [problem])
    monkeypatch.setattr(sphinx_ext, "check_cases", list)
    with pytest.raises(SystemExit) as stopped:  # SystemExit: neither Sphinx nor jupyter-book wraps it
        sphinx_ext._check_banks(app=None, config=None)
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(problem + "\n1 problem(s) in the question banks or clinical cases: the book was not built.")
    assert "Traceback" not in err
