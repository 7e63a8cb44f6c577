"""Citations and glossary terms in the chapters: plain Markdown links, so they read the same in
JupyterLab and in the book.

- A citation links its author-year text to the work's references.bib key, in parentheses where
  the prose needs them: `([Ropper and Zafonte, 2015](#ropper2015sciatica))`, or several,
  `([Koes et al., 2007](#koes2007sciatica); [Bogduk, 2009](#bogduk2009definitions))`.
- A glossary term links its text to `#term-` and the term's slug:
  `[Nerve root](#term-nerve-root)` for the glossary's "Nerve root".

Why not the `{cite}` and `{term}` roles: jupyterlab-myst cannot read references.bib or the
glossary page. In JupyterLab every cite role (`{cite}`, `:p`, `:t`, `:year`, `:author`,
`:empty`) shows the bare key with a "Citation Not Found" mark, and a term role is a link to "#"
whose hover card shows a warning and the term's id. A link shows its own text, nothing else.

In the book, `ProseLinks` turns each such link back into what the role made: the citation
(sphinxcontrib-bibtex's `alp` form, author-year without brackets, linked to its entry on the
references page with the full reference as its tooltip, so the bibliography knows it is cited)
or the glossary cross-reference. A citation's text must be what references.bib gives
(`citation_text`, in the book's own author-year style): the build warns (an error in the
strict build) and tests/unit/test_citations.py fails when an author's name or a year drifts.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..paths import BIB_FILE, CHAPTER_DIR

# `[text](#target)`: the text may hold "et al." but no brackets.
ANCHOR_LINK = re.compile(r"\[([^\[\]]+)\]\(#([^)\s]+)\)")
# What an author-year citation ends with, so a link to a misspelt key is still recognised.
LOOKS_LIKE_CITATION = re.compile(r",\s*(?:\d{4}[a-z]?|n\.d\.)$")
ROLE = re.compile(r"\{(cite(?::\w+)?|term)\}`[^`]*`")
# A fenced code example (not a ```{directive}): shown as written, so its roles are not prose.
CODE_FENCE = re.compile(r"^```(?!\{).*?^```", re.M | re.S)
TERM_PREFIX = "term-"
GLOSSARY_FILE = CHAPTER_DIR / "appendix" / "glossary.md" if CHAPTER_DIR else None


@functools.lru_cache(maxsize=1)
def _entries():
    import pybtex.database  # the book's dependency, as sphinxcontrib-bibtex's

    return pybtex.database.parse_file(str(BIB_FILE)).entries


@functools.cache
def citation_text(key: str) -> str:
    """'Ropper and Zafonte, 2015': the text the book's author-year style gives `key`."""
    import pybtex.plugin
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.template import join, year

    style = AuthorYearReferenceStyle()
    template = join(sep=style.author_year_sep)[style.person.author_or_editor_or_title(full=False), year]
    text = template.format_data({"entry": _entries()[key], "style": style})
    return text.render(pybtex.plugin.find_plugin("pybtex.backends", "plaintext")())


def known_keys() -> set[str]:
    return set(_entries())


def term_slug(term: str) -> str:
    """'Pre-test probability' -> 'term-pre-test-probability'."""
    return TERM_PREFIX + "-".join(re.findall(r"[a-z0-9]+", term.lower()))


@functools.lru_cache(maxsize=1)
def glossary_terms() -> dict[str, str]:
    """Each glossary term by its slug: the unindented lines of the page's glossary block."""
    text = GLOSSARY_FILE.read_text(encoding="utf-8")
    block = re.search(r"^```\{glossary\}\n(.*?)^```", text, re.M | re.S).group(1)
    return {term_slug(line): line.strip() for line in block.splitlines() if line.strip() and not line[0].isspace()}


class Problem(NamedTuple):
    line: int  # 1-based, within the text checked
    message: str


def _same(written: str, expected: str) -> bool:
    return " ".join(written.split()) == " ".join(expected.replace("\xa0", " ").split())


def link_problems(text: str) -> list[Problem]:
    """What is wrong with the citations and term links in one Markdown text, each with a hint."""
    keys, terms = known_keys(), glossary_terms()
    problems = []
    text = CODE_FENCE.sub(lambda fence: "\n" * fence.group(0).count("\n"), text)  # keeps line numbers
    for match in ANCHOR_LINK.finditer(text):
        written, target = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if target in keys:
            expected = citation_text(target)
            if not _same(written, expected):
                hint = f"references.bib gives {expected!r}; write [{expected}](#{target})"
                problems.append(Problem(line, f"[{written}](#{target}): {hint}"))
        elif target.startswith(TERM_PREFIX) and target not in terms:
            hint = f"the glossary has no such term; write #{term_slug(written)} if it is {written!r}"
            problems.append(Problem(line, f"[{written}](#{target}): {hint}"))
        elif LOOKS_LIKE_CITATION.search(written.strip()):
            problems.append(Problem(line, f"[{written}](#{target}): no key {target!r} in references.bib"))
    for match in ROLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        form = "([Author, year](#key))" if match.group(1).startswith("cite") else "[Term](#term-slug)"
        problems.append(Problem(line, f"{match.group(0)}: JupyterLab cannot resolve this role; write {form}"))
    return problems


def cited_keys(text: str) -> list[str]:
    """The references.bib keys a Markdown text cites, in order, with repeats."""
    keys = known_keys()
    return [key for _, key in ANCHOR_LINK.findall(text) if key in keys]


def _prose_links_transform():
    """The Sphinx transform, defined on first use so a kernel never imports Sphinx."""
    from docutils import nodes
    from sphinx import addnodes
    from sphinx.transforms import SphinxTransform
    from sphinx.util import logging
    from sphinxcontrib.bibtex.citation_target import CitationTarget
    from sphinxcontrib.bibtex.roles import CitationRef

    logger = logging.getLogger(__name__)

    class ProseLinks(SphinxTransform):
        """`[text](#key)` becomes the book's citation of `key`; `[text](#term-slug)` its term.

        Runs before myst-parser resolves `#id` links (ResolveAnchorIds, priority 879), which
        would otherwise look for an anchor of that name on the page and warn.
        """

        default_priority = 870

        def apply(self, **kwargs):
            domain = self.env.get_domain("cite")
            keys, terms = set(domain.bibdata.data.entries), glossary_terms()
            for link in list(self.document.findall(nodes.reference)):
                target = link.get("refuri", "")[1:]
                if link.get("id_link") and target in keys:
                    link.replace_self(self._citation(link, target, domain))
                elif link.get("id_link") and target in terms:
                    link.replace_self(self._term(link, terms[target]))

        def _citation(self, link, key, domain):
            written = link.astext()
            if not _same(written, citation_text(key)):
                expected = citation_text(key)
                logger.warning(f"citation text {written!r} for {key!r} should read {expected!r}", location=link)
            citation = self._xref(link, refdomain="cite", reftype="alp", reftarget=key, refexplicit=False)
            self.document.note_explicit_target(citation, citation)  # an id, as the cite role gives
            targets = [CitationTarget(key, "", "")]
            domain.citation_refs.append(CitationRef(citation["ids"][0], self.env.docname, link.line or 0, targets))
            return citation

        def _term(self, link, term):
            # What the term role makes: std:term, the term lower-cased, the link's own text shown.
            term_xref = self._xref(link, refdomain="std", reftype="term", reftarget=term.lower(), refexplicit=True)
            term_xref[0]["classes"] = ["xref", "std", "std-term"]
            return term_xref

        def _xref(self, link, **attributes):
            text = link.astext()
            xref = addnodes.pending_xref(
                "", nodes.inline(text, text), refdoc=self.env.docname, refwarn=True, **attributes
            )
            xref.line, xref.source = link.line, link.source
            return xref

    return ProseLinks


def setup_prose_links(app):
    app.add_transform(_prose_links_transform())
