"""The instructor guide's steps work when followed literally (ux-review findings 30, 32-34)."""

import pathlib
import re
import shutil

import pytest
import yaml

from widgets.authoring.bank_checks import bank_problems
from widgets.paths import CHAPTER_DIR
from widgets.quizbank import BANK_DIR, BankError, load_all_banks

ROOT = pathlib.Path(__file__).resolve().parents[1]
GUIDE = ROOT / "chapters" / "appendix" / "instructor-guide.md"


def guide_section(heading: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"the instructor guide has no '## {heading}' section"
    return match.group(1)


def pasted_example() -> str:
    """The YAML block of 'Add a question' exactly as a reader copies it (list indent removed)."""
    block = re.search(r"^( *)```yaml\n(.*?)^\1```", guide_section("Add a question (paste-ready)"), re.S | re.M)
    assert block, "'Add a question' has no yaml block"
    indent = len(block.group(1))
    return "".join(line[indent:] + "\n" for line in block.group(2).splitlines())


def test_the_add_a_question_example_pastes_at_the_end_of_a_bank_and_loads(tmp_path):
    banks = tmp_path / "quizzes"
    shutil.copytree(BANK_DIR, banks)
    example = pasted_example()
    item = yaml.safe_load(example)[0]
    if item["id"] in {i["id"] for bank in load_all_banks() for i in bank.items}:
        # Someone followed the guide literally and pasted it already: paste it again as a new one.
        example = example.replace(item["id"], item["id"] + "-again", 1)
        item["id"] += "-again"
    target = banks / f"{item['id'].split('-')[0]}.yml"
    assert target.exists(), f"the example's id {item['id']!r} does not start with a bank name"
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + example, encoding="utf-8")
    problems, _data = bank_problems(target, CHAPTER_DIR)
    assert problems == [], "the guide's example fails the bank check when pasted:\n" + "\n".join(problems)
    try:
        loaded = {bank.name: bank for bank in load_all_banks(banks)}
    except BankError as error:
        pytest.fail("the guide's example does not load when pasted:\n" + "\n".join(error.problems))
    assert item["id"] in [i["id"] for i in loaded[target.stem].items]


def test_the_example_uses_a_fresh_id():
    item = yaml.safe_load(pasted_example())[0]
    existing = {i["id"]: i for bank in load_all_banks() for i in bank.items}
    if item["id"] in existing:  # fine only if it is this very example, pasted by following the guide
        assert existing[item["id"]] == item, f"{item['id']!r} is another question's id: pasting would duplicate it"


def test_the_title_is_kept_in_one_place():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    title = config["title"]
    assert "{title}" in config["author"], "the footer author line should follow the title"
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    assert intro.startswith("# {{ course_title }}"), "the landing heading should follow the title"
    assert title not in intro
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert not re.search(r"_build/pdf/\S+\.pdf", makefile), "the Makefile should not name the PDF itself"


def test_the_guide_covers_the_instructor_path():
    for heading in (
        "Add a question (paste-ready)",
        "Add a chapter",
        "Change the title",
        "Set your repository URL",
        "When to run `make notebooks`",
        "A lesson plan",
    ):
        assert guide_section(heading).strip()


def test_what_the_static_quizzes_reveal_is_told_to_instructors_not_students():
    assert "page source" not in GUIDE.read_text(encoding="utf-8")
    assert "page source" in (ROOT / "README.md").read_text(encoding="utf-8")
