"""Citations in the prose name their authors and year as references.bib does, in every page a
student opens (chapters, cases, appendices), and no page uses a cite role JupyterLab would show
as a bare key (widgets.authoring.prose_links.py says why)."""

import pathlib

import nbformat
import pytest

from widgets.authoring.prose_links import citation_text, cited_keys, glossary_terms, link_problems, term_slug
from widgets.paths import REPO_ROOT as ROOT

NOTEBOOKS = sorted((ROOT / "chapters").glob("**/*.ipynb"))
PAGES = [ROOT / "intro.md", *sorted((ROOT / "chapters" / "appendix").glob("*.md"))]


def markdown_texts(path: pathlib.Path):
    """(where, text) for each Markdown cell of a notebook, or the whole page."""
    if path.suffix == ".md":
        yield "", path.read_text(encoding="utf-8")
        return
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type == "markdown":
            yield f" cell {index}", cell.source


@pytest.mark.parametrize("path", [*NOTEBOOKS, *PAGES], ids=lambda p: str(p.relative_to(ROOT)))
def test_citations_read_as_references_bib_gives_them(path):
    found = [
        f"{path.relative_to(ROOT)}{where}, line {problem.line}: {problem.message}"
        for where, text in markdown_texts(path)
        for problem in link_problems(text)
    ]
    assert found == [], "\n".join(found)


def test_the_chapters_cite_their_sources_as_links():
    assert sum(len(cited_keys(text)) for path in NOTEBOOKS for _, text in markdown_texts(path)) >= 300


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("ropper2015sciatica", "Ropper and Zafonte, 2015"),  # two authors
        ("koes2007sciatica", "Koes et al., 2007"),  # three or more
        ("bogduk2009definitions", "Bogduk, 2009"),  # one
        ("vanderwindt2010cochrane", "van der Windt et al., 2010"),  # a "von" part stays lower case
        ("guvencer2009highdivision", "Güvençer et al., 2009"),  # LaTeX accents decoded
        ("standring2020grays", "Standring, 2020"),  # an editor when there is no author
        ("girft2023ces", "Getting It Right First Time (GIRFT), 2023"),  # an organisation
    ],
)
def test_citation_text_is_the_books_author_year(key, text):
    assert citation_text(key) == text


def test_a_misspelt_author_names_the_line_and_the_fix():
    problems = link_problems("First line.\nSciatica ([Roper and Zafonte, 2015](#ropper2015sciatica)).")
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            "[Roper and Zafonte, 2015](#ropper2015sciatica): references.bib gives 'Ropper and Zafonte, 2015'; "
            "write [Ropper and Zafonte, 2015](#ropper2015sciatica)",
        )
    ]


def test_a_wrong_year_is_caught():
    assert link_problems("([Koes et al., 2008](#koes2007sciatica))")


def test_a_citation_to_an_unknown_key_is_caught_but_a_section_link_is_not():
    assert [p.message for p in link_problems("([Nobody, 2099](#nobody2099)).")] == [
        "[Nobody, 2099](#nobody2099): no key 'nobody2099' in references.bib"
    ]
    assert link_problems("See [the warning signs](#sec-intro-red-flags).") == []


def test_a_cite_or_term_role_is_refused_with_the_form_to_use():
    term, cite = link_problems("A {term}`Nerve root` is compressed {cite}`ropper2015sciatica`.")
    assert term.message.endswith("write [Term](#term-slug)") and cite.message.endswith("write ([Author, year](#key))")


def test_term_links_name_glossary_terms():
    assert term_slug("Pre-test probability") == "term-pre-test-probability"
    assert glossary_terms()["term-nerve-root"] == "Nerve root"
    assert link_problems("A [nerve root](#term-nerve-root) is compressed.") == []
    (problem,) = link_problems("A [nerve roots](#term-nerve-roots) is compressed.")
    assert "the glossary has no such term" in problem.message


def test_a_code_example_may_show_a_cite_role():
    assert link_problems("A case file:\n\n```yaml\nreasoning: As shown {cite}`girft2023ces`.\n```\n") == []


def test_cited_keys_keeps_order_and_skips_other_links():
    text = "([Koes et al., 2007](#koes2007sciatica); [Bogduk, 2009](#bogduk2009definitions)) [up](#top)"
    assert cited_keys(text) == ["koes2007sciatica", "bogduk2009definitions"]
