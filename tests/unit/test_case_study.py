"""CaseStudy: the case as the ES module receives it, its traits, and the shipped cases and pages."""

import pathlib
import re
import subprocess
import sys

import nbformat
import pytest

from tools.book_site import toc_entries
from widgets import CaseStudy
from widgets.authoring.case_validation import CASE_DIR, CaseError, load_case
from widgets.authoring.prose_links import cited_keys
from widgets.case_study import case_payload
from widgets.red_flags import urgency_levels

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASE_IDS = sorted(path.stem for path in CASE_DIR.glob("*.yml"))
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`[^`]*`")
ALLOWED_TAGS = {"p", "strong", "em", "code", "ul", "ol", "li", "br", "sub", "sup"}


def narrative_words(data: dict) -> int:
    """Words of case text: the story, findings, model reasoning and outcome (not the answer options)."""
    texts = [data["outcome"], *data["take_home"]]
    for stage in data["stages"]:
        texts += [stage["presentation"], stage["findings"], stage["reasoning"]]
    return sum(len(CITE.sub("", text).split()) for text in texts)


def html_fields(payload):
    for stage in payload["stages"]:
        decision = stage["decision"]
        yield from (
            stage["presentation_html"],
            stage["findings_html"],
            stage["reasoning_html"],
            decision["prompt_html"],
            decision["explanation_html"],
            decision["model_answer_html"],
        )
        yield from (option["why_html"] for option in decision["options"])
    yield payload["outcome_html"]


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_builds_with_a_stable_repr(case_id):
    case = CaseStudy.from_case(case_id)
    assert repr(case) == repr(CaseStudy.from_case(case_id))
    assert repr(case).startswith(f"CaseStudy(case_id={case_id!r}, stages=")
    assert "0x" not in repr(case) and "committed=0" in repr(case)
    assert case.decisions == {} and case.score == 0 and case.completed is False


def test_every_trait_explains_itself():
    for name in ("case_id", "case", "decisions", "score", "completed"):
        assert CaseStudy.class_traits()[name].help, name


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_text_is_within_600_to_1200_words(case_id):
    assert 600 <= narrative_words(load_case(CASE_DIR / f"{case_id}.yml").data) <= 1200


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_all_html_is_sanitised_markdown(case_id):
    payload = CaseStudy.from_case(case_id).case
    for html in html_fields(payload):
        assert set(re.findall(r"</?([a-z0-9]+)", html)) <= ALLOWED_TAGS, html
        assert "{cite}" not in html


def test_raw_html_smuggled_past_the_validator_is_still_escaped():
    data = load_case(CASE_DIR / "ces-scan-negative.yml").data
    data["stages"][0]["presentation"] = "Pain <script>alert(1)</script> here"
    html = case_payload(data, "hash")["stages"][0]["presentation_html"]
    assert "<script" not in html and "&lt;script&gt;" in html


def test_citations_become_author_year_text_and_a_source_list():
    stage = CaseStudy.from_case("mscc-cancer-survivor").case["stages"][0]
    assert "(Finucane et al., 2020)" in stage["reasoning_html"]
    assert any(
        reference.startswith("National Institute for Health and Care Excellence (2023).")
        for reference in stage["references"]
    )


def test_urgency_decisions_offer_the_course_scale_in_order():
    for case_id in CASE_IDS:
        for stage in CaseStudy.from_case(case_id).case["stages"]:
            if stage["decision"]["type"] == "urgency":
                options = stage["decision"]["options"]
                assert [o["id"] for o in options] == [level["id"] for level in urgency_levels()]
                assert [o["text"] for o in options] == [level["label"] for level in urgency_levels()]


def test_choice_options_are_shuffled_the_same_way_every_run():
    first = CaseStudy.from_case("ces-scan-negative").case
    again = CaseStudy.from_case("ces-scan-negative").case
    assert first == again
    from widgets.authoring.case_validation import load_case as load

    written = [o["id"] for o in load(CASE_DIR / "ces-scan-negative.yml").data["stages"][0]["decision"]["options"]]
    shown = [o["id"] for o in first["stages"][0]["decision"]["options"]]
    assert sorted(shown) == sorted(written) and shown != written


def test_from_file_refuses_a_broken_case(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"broken\.yml:\d+: case 'broken'"):
        CaseStudy.from_file(broken)


def test_a_course_case_renders_without_loading_the_validator():
    code = (
        "import sys, widgets; widgets.CaseStudy.from_case('ces-scan-negative'); "
        "print('widgets.authoring.case_validation' in sys.modules or 'jsonschema' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr


def test_every_case_has_a_page_in_the_clinical_cases_part():
    pages = [entry for entry in toc_entries() if entry.startswith("chapters/cases/")]
    assert sorted(pathlib.Path(page).name for page in pages) == CASE_IDS
    last_chapter = toc_entries().index("chapters/08-review")
    assert all(toc_entries().index(page) > last_chapter for page in pages)


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_notebook_is_executed_lean_and_hides_its_code(case_id):
    notebook = nbformat.read(ROOT / "chapters" / "cases" / f"{case_id}.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) == 1 and "remove-input" in code[0].metadata.get("tags", [])
    assert f'CaseStudy.from_case("{case_id}")' in code[0].source
    assert code[0].execution_count == 1 and code[0].outputs, "run python -m widgets.notebooks on it"
    assert "widgets" not in notebook.metadata
    assert "not medical advice" in notebook.cells[0].source.lower()


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_case_page_cites_every_source_the_case_uses(case_id):
    """So the book's bibliography lists every reference a case cites inside the widget."""
    text = (CASE_DIR / f"{case_id}.yml").read_text(encoding="utf-8")
    used = {key.strip() for group in re.findall(r"\{cite\}`([^`]*)`", text) for key in group.split(",")}
    used |= set(re.findall(r"^\s*source:\s*([\w-]+)\s*$", text, re.M))
    intro = nbformat.read(ROOT / "chapters" / "cases" / f"{case_id}.ipynb", as_version=4).cells[0].source
    cited = set(cited_keys(intro))
    assert used <= cited, sorted(used - cited)
