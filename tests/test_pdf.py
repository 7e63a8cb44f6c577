"""The two printed editions (tools/print_pdf.py), read back with pypdf: one tagged document per
edition with an outline and page numbers through the book; worksheets for students, answer keys
that quote the option text for instructors. Expectations come from the banks and _toc.yml."""

import html
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tools.book_site import toc_pages
from tools.print_editions import INSTRUCTOR, STUDENT, banks_by_name
from tools.print_pdf import print_book
from widgets.quizbank import item_payload

pytestmark = pytest.mark.browser


def normalise(text: str) -> str:
    # NFKC undoes the fi/fl ligatures Chromium's fonts put in the PDF; long lines wrap.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture(scope="module")
def editions(built_site, browser, tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("pdf") / "nested"
    printed = {}
    for edition in (STUDENT, INSTRUCTOR):
        path, titles = print_book(built_site, out_dir, edition, browser=browser)
        reader = PdfReader(path)
        text = [normalise(page.extract_text()) for page in reader.pages]
        printed[edition] = {"path": path, "titles": titles, "reader": reader, "pages": text, "text": " ".join(text)}
    return printed


def keyed_answers(bank) -> list[tuple[str, str]]:
    """(item id, answer text as the key quotes it) for the choice items of a bank."""
    answers = []
    for item in bank.items:
        payload = item_payload(item)
        if payload["type"] in ("single", "hotspot"):
            answers.append((item["id"], payload["answer"]))
        elif payload["type"] == "multiple":
            answers.append((item["id"], "; ".join(payload["answer"])))
    return answers


@pytest.mark.parametrize("edition", [STUDENT, INSTRUCTOR])
def test_each_edition_is_one_tagged_pdf_named_after_the_course(editions, edition):
    printed = editions[edition]
    assert printed["path"].parent.name == "nested"
    assert ("instructor" in printed["path"].name) == (edition == INSTRUCTOR)
    root = printed["reader"].trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is untagged (screen readers cannot read it)"
    assert root.get("/MarkInfo", {}).get("/Marked"), "the PDF does not declare itself tagged"


@pytest.mark.parametrize("edition", [STUDENT, INSTRUCTOR])
def test_the_outline_lists_every_toc_page_in_order(editions, edition):
    printed = editions[edition]
    reader = printed["reader"]
    top_level = [item for item in reader.outline if not isinstance(item, list)]
    assert len(printed["titles"]) == len(toc_pages())
    # Chromium drops the space where a long heading wraps, so compare without spaces.
    squash = lambda text: re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))  # noqa: E731
    assert [squash(item.title) for item in top_level] == [squash(t) for t in printed["titles"]]
    starts = [reader.get_destination_page_number(item) for item in top_level]
    assert starts == sorted(starts), "the outline is out of reading order"


@pytest.mark.parametrize("edition", [STUDENT, INSTRUCTOR])
def test_page_numbers_run_through_the_book(editions, edition):
    pages = editions[edition]["pages"]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {total}" in text, f"sheet {number} lacks 'page {number} of {total}'"


@pytest.mark.parametrize("edition", [STUDENT, INSTRUCTOR])
def test_every_edition_carries_the_notice_and_no_interactive_leftovers(editions, edition):
    text = editions[edition]["text"]
    assert "not medical advice" in text.lower()
    assert "emergency care now" in text.lower()
    for leftover in ("Show answer", "Start again", "Due today", "Ctrl+K", "Score: 0", "Show code cell"):
        assert leftover not in text, f"{edition} edition prints the screen control {leftover!r}"


def test_student_worksheets_hold_every_question_and_no_answer_key(editions):
    student, instructor = editions[STUDENT]["text"], editions[INSTRUCTOR]["text"]
    assert "Answer key" not in student
    for bank in banks_by_name().values():
        assert f"{normalise(bank.title)}: worksheet" in student, f"no worksheet for {bank.name}"
        for item in bank.items:
            # Some explanations repeat the chapter's prose or another bank's; the key adds a copy.
            explanation = normalise(html.unescape(re.sub(r"<[^>]+>", "", item_payload(item)["explanation_html"])))[:60]
            assert instructor.count(explanation) > student.count(explanation), (
                f"{item['id']}: the explanation should be in the instructor's key and only there"
            )


def test_instructor_edition_keys_every_bank_with_the_option_text(editions):
    text = editions[INSTRUCTOR]["text"]
    for bank in banks_by_name().values():
        assert f"Answer key: {normalise(bank.title)}" in text, f"no answer key for {bank.name}"
        for item_id, answer in keyed_answers(bank):
            assert normalise(answer) in text, f"{bank.name}/{item_id}: answer {answer!r} not quoted in the key"


def test_instructor_edition_gives_each_triage_answer_with_its_reason(editions):
    from widgets.triage import load_cases

    text = editions[INSTRUCTOR]["text"]
    assert "Answer key: red-flag triage" in text
    for case in load_cases()["cases"]:
        assert normalise(case["features"]) in text, f"triage case {case['id']}: reason missing from the key"


def test_cases_print_as_handouts_and_the_instructor_edition_has_their_model_answers(editions):
    from widgets.case_data import CASE_DIR, read_case

    for path in sorted(CASE_DIR.glob("*.yml")):
        title = read_case(path).data["title"]
        assert f"{normalise(title)}: case handout" in editions[STUDENT]["text"], f"{path.stem}: no handout"
        assert f"Model answers: {normalise(title)}" in editions[INSTRUCTOR]["text"], f"{path.stem}: no key"
        assert f"Model answers: {normalise(title)}" not in editions[STUDENT]["text"], f"{path.stem}: key leaked"
