"""Content checks: citations resolve both ways, figures have alt text, chapters teach."""

import pathlib
import re

import nbformat
import pytest

from widgets.authoring.prose_links import cited_keys as keys_cited_in
from widgets.bibliography import load_bibliography
from widgets.paths import REPO_ROOT as ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("0*.ipynb"))
CASE_PAGES = sorted((ROOT / "chapters" / "cases").glob("*.ipynb"))
PAGES = [ROOT / "intro.md", *sorted((ROOT / "chapters" / "appendix").glob("*.md"))]
NOTICE = "not medical advice"


def markdown_of(path: pathlib.Path) -> str:
    if path.suffix == ".ipynb":
        notebook = nbformat.read(path, as_version=4)
        return "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    return path.read_text(encoding="utf-8")


def cited_keys() -> dict[str, set[str]]:
    keys = {}
    sources = [*CHAPTERS, *CASE_PAGES, *PAGES]
    data_files = [
        *(ROOT / "widgets" / "data").glob("*.yml"),
        *(ROOT / "widgets" / "data" / "cases").glob("*.yml"),
        *(ROOT / "chapters" / "quizzes").glob("*.yml"),
    ]
    for path in sources:
        for key in keys_cited_in(markdown_of(path)):
            keys.setdefault(key, set()).add(path.name)
    for path in data_files:
        for key in re.findall(r"^\s*-?\s*source:\s*([\w-]+)\s*$", path.read_text(encoding="utf-8"), re.M):
            keys.setdefault(key, set()).add(path.name)
    return keys


def test_every_citation_key_is_in_the_bibliography():
    unknown = {key: files for key, files in cited_keys().items() if key not in load_bibliography()}
    assert unknown == {}


def test_every_bibliography_entry_is_cited_somewhere_in_the_text():
    text_keys = {key for path in [*CHAPTERS, *CASE_PAGES, *PAGES] for key in keys_cited_in(markdown_of(path))}
    assert sorted(set(load_bibliography()) - text_keys) == []


@pytest.mark.parametrize("path", [*CHAPTERS, *PAGES], ids=lambda p: p.name)
def test_every_figure_and_image_has_alt_text(path):
    text = markdown_of(path)
    for block in re.findall(r":::\{(?:figure|image)\}[^\n]*\n(.*?)\n\s*\n", text, re.S):
        alt = re.search(r"^:alt:\s*(.+)$", block, re.M)
        assert alt and len(alt.group(1).split()) >= 5, f"{path.name}: figure without real alt text: {block[:80]}"
    for alt in re.findall(r"!\[([^\]]*)\]\(", text):
        assert len(alt.split()) >= 3, f"{path.name}: image without alt text"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_has_notice_objectives_and_summary(path):
    text = markdown_of(path)
    assert NOTICE in text.lower()
    objectives = re.search(r"## Learning objectives\n(.*?)(?:\n## |\Z)", text, re.S)
    assert objectives, "no '## Learning objectives' section"
    items = re.findall(r"^\d+\.\s+(.+)$", objectives.group(1), re.M)
    assert 3 <= len(items) <= 5, items
    assert "## Summary" in text


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_cites_its_sources(path):
    assert len(keys_cited_in(markdown_of(path))) >= 3


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_other_page_carries_the_notice(path):
    assert NOTICE in markdown_of(path).lower()


def rendered_text_of(path: pathlib.Path) -> str:
    """The Markdown cells plus the Markdown a code cell renders (e.g. the red-flag table from data)."""
    notebook = nbformat.read(path, as_version=4)
    outputs = [
        output.get("data", {}).get("text/markdown", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]
    return "\n\n".join([markdown_of(path), *outputs])


def test_red_flags_are_prominent_in_symptoms_and_review():
    for stem in ("04-symptoms", "08-review"):
        text = rendered_text_of(ROOT / "chapters" / f"{stem}.ipynb").lower()
        # A titled red-flag box is an admonition with the danger class (`:::{danger}` takes no title).
        assert ":::{danger}" in text or ":class: danger" in text, stem
        for flag in ("saddle", "bladder", "bowel", "cancer", "fever", "trauma", "weakness"):
            assert flag in text, (stem, flag)


def test_glossary_has_at_least_thirty_terms():
    glossary = (ROOT / "chapters" / "appendix" / "glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)```", glossary, re.S).group(1)
    terms = [line for line in block.splitlines() if line and not line.startswith((" ", "\t"))]
    assert len(terms) >= 30, len(terms)


def test_each_chapter_links_the_cases_that_apply_it():
    """A case's `chapters:` list (widgets/data/cases/) and the chapters' case links agree."""
    import yaml

    cases = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "widgets/data/cases").glob("*.yml")}
    for path in CHAPTERS:
        linked = set(re.findall(r"\{doc\}`cases/([a-z0-9-]+)`", markdown_of(path)))
        applying = {case_id for case_id, case in cases.items() if path.stem in case["chapters"]}
        assert linked == applying, path.stem
