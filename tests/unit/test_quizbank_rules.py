"""The documented bank rules, one test each: every message is 'file:line: where: field: message (hint)'."""

import pytest

from widgets.authoring import bank_rules
from widgets.authoring.bank_checks import bank_problems, check_banks

from .bank_factory import valid_bank, write_bank, write_chapter


@pytest.fixture
def chapter_dir(tmp_path):
    """A published chapter: chapters/09-demo.ipynb listed in the book's _toc.yml."""
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    write_chapter(chapters)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/09-demo\n")
    bank_rules.toc_chapters.cache_clear()
    return chapters


def only_problem(tmp_path, chapter_dir, mutate=None, text=None):
    data = valid_bank()
    if mutate:
        mutate(data)
    found, _ = bank_problems(write_bank(tmp_path, data, text), chapter_dir)
    assert len(found) == 1, found
    return found[0]


def line_of(tmp_path, fragment: str) -> int:
    lines = (tmp_path / "demo.yml").read_text().splitlines()
    return next(number for number, text in enumerate(lines, start=1) if fragment in text)


def test_the_valid_bank_passes_every_rule(tmp_path, chapter_dir):
    found, _ = bank_problems(write_bank(tmp_path), chapter_dir)
    assert found == []


def test_each_objective_needs_two_items(tmp_path, chapter_dir):
    def one_item_for_demo_2(data):
        data["items"] = [i for i in data["items"] if i["objective"] == "demo-1" or i["id"] == "demo-multiple"]

    message = only_problem(tmp_path, chapter_dir, one_item_for_demo_2)
    assert message.endswith(
        "bank field 'objectives': objective 'demo-2': 1 item(s) assess it; every objective needs at least 2"
    )
    assert f"demo.yml:{line_of(tmp_path, '  demo-2: Identify')}:" in message


def test_a_bank_of_a_chapter_missing_from_the_toc_is_refused(tmp_path, chapter_dir):
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/01-other\n")
    message = only_problem(tmp_path, chapter_dir)
    assert "bank field 'chapter': chapters/09-demo is not in _toc.yml" in message
    assert "published review deck" in message


def test_an_unknown_citation_key_suggests_the_closest(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["items"][0].update(source="standring2020gray"))
    assert "item 'demo-single': field 'source': unknown bib key 'standring2020gray'" in message
    assert "(did you mean 'standring2020grays'?)" in message


def test_a_cite_role_in_an_explanation_must_name_a_real_key(tmp_path, chapter_dir):
    message = only_problem(
        tmp_path, chapter_dir, lambda d: d["items"][0].update(explanation="As shown {cite}`nobody2099`.")
    )
    assert "item 'demo-single': field 'explanation': unknown bib key 'nobody2099' in a cite role" in message


def other_bank(first_prompt: str, first_id: str) -> dict:
    """A second bank whose first item has the given prompt and id, and unrelated other items."""
    other = valid_bank()
    other["bank"] = "other"
    other["items"][0].update(id=first_id, prompt=first_prompt)
    unrelated = ["Which sign needs same-day care?", "Is sitting pain typical?", "How long is recovery?", "Where?"]
    for number, (item, prompt) in enumerate(zip(other["items"][1:], unrelated, strict=True), start=1):
        item.update(id=f"other-{number}", prompt=prompt)
    return other


def id_line(path) -> int:
    return next(n for n, text in enumerate(path.read_text().splitlines(), start=1) if "id: demo-single" in text or
                "id: other-single" in text)  # fmt: skip


def test_duplicate_ids_across_banks_name_both_lines(tmp_path, chapter_dir):
    first = write_bank(tmp_path, valid_bank(), name="demo")
    second = write_bank(tmp_path, other_bank("A different question about the roots?", "demo-single"), name="other")
    found = check_banks([first, second], chapter_dir)
    assert found == [
        f"{second}:{id_line(second)}: item 'demo-single': field 'id': duplicate id, also at {first}:{id_line(first)}"
    ]


def test_near_duplicate_prompts_across_banks_name_both_lines(tmp_path, chapter_dir):
    first = write_bank(tmp_path, valid_bank(), name="demo")
    second = write_bank(tmp_path, other_bank("which roots form the Sciatic nerve", "other-single"), name="other")
    found = check_banks([first, second], chapter_dir)
    assert found == [
        f"{second}:{id_line(second)}: item 'other-single': field 'prompt': asks the same as 'demo-single' at "
        f"{first}:{id_line(first)} (100% alike; reword one or drop it)"
    ]


def test_numeric_tolerance_must_be_stated(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["items"][3].pop("tolerance"))
    assert "item 'demo-numeric': field 'tolerance': missing: state the accepted error explicitly" in message
    assert "tolerance: 0 for an exact answer" in message


def test_option_feedback_keys_must_be_options(tmp_path, chapter_dir):
    message = only_problem(
        tmp_path, chapter_dir, lambda d: d["items"][0].update(option_feedback={"L1 to L5": "Too high."})
    )
    assert "item 'demo-single': field 'option_feedback': key 'L1 to L5' is not one of the options" in message
    assert "(did you mean 'L1 to L4'?)" in message


def test_review_section_keys_must_be_objectives(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["review_sections"].update({"demo-3": "sec-demo-nerve"}))
    assert "bank field 'review_sections': 'demo-3' is not an objective" in message
    assert f"demo.yml:{line_of(tmp_path, '  demo-3: sec-demo-nerve')}:" in message


def test_review_sections_must_be_labels_in_the_chapter(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["review_sections"].update({"demo-2": "sec-demo-flag"}))
    assert "'demo-2': no label (sec-demo-flag)= in chapters/09-demo.ipynb (did you mean 'sec-demo-flags'?)" in message


def test_every_objective_names_a_review_section(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["review_sections"].pop("demo-2"))
    assert "objective 'demo-2': no review section" in message


def test_level_is_required(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["items"][2].pop("level"))
    assert "item 'demo-true-false': field 'level': missing (the Bloom level the item asks for: remember," in message


def test_a_colon_in_unquoted_text_gets_a_hint(tmp_path, chapter_dir):
    text = (
        write_bank(tmp_path)
        .read_text()
        .replace("prompt: Which roots form the sciatic nerve?", "prompt: Roots: which form the sciatic nerve: L4?")
    )
    message = only_problem(tmp_path, chapter_dir, text=text)
    assert "malformed YAML" in message and "(quote text that contains a colon" in message
    assert f"demo.yml:{line_of(tmp_path, 'prompt: Roots:')}:" in message


def test_a_missing_answer_is_one_message_not_two(tmp_path, chapter_dir):
    message = only_problem(tmp_path, chapter_dir, lambda d: d["items"][0].pop("answer"))
    assert "item 'demo-single': field 'answer': missing" in message


def test_an_item_figure_must_exist_and_have_real_alt_text(tmp_path, chapter_dir):
    data = valid_bank()
    data["items"][0]["image"] = {"file": "no-such-figure.svg", "alt": "A chart that is not there at all."}
    problems, _ = bank_problems(write_bank(tmp_path, data), chapter_dir)
    assert any("field 'image'" in p and "no file 'no-such-figure.svg' in images/" in p for p in problems), problems
    data["items"][0]["image"] = {"file": "slr-accuracy.svg", "alt": "slr-accuracy.svg"}
    problems, _ = bank_problems(write_bank(tmp_path, data), chapter_dir)
    assert any("alt text repeats the file name" in p for p in problems), problems
