"""_toc.yml and chapters/ agree: every listed file exists, no chapter is left out."""

import pathlib

from tools.book_site import toc_entries
from widgets.paths import REPO_ROOT as ROOT

SOURCE_SUFFIXES = (".ipynb", ".md")


def resolve(entry: str) -> pathlib.Path | None:
    matches = [ROOT / f"{entry}{suffix}" for suffix in SOURCE_SUFFIXES if (ROOT / f"{entry}{suffix}").exists()]
    return matches[0] if len(matches) == 1 else None


def test_every_toc_entry_exists_exactly_once():
    missing = [entry for entry in toc_entries() if resolve(entry) is None]
    assert missing == []


def test_no_orphan_chapter_or_appendix_page():
    listed = {resolve(entry) for entry in toc_entries()}
    on_disk = {
        path
        for suffix in SOURCE_SUFFIXES
        for path in (ROOT / "chapters").rglob(f"*{suffix}")
        if ".ipynb_checkpoints" not in path.parts
    }
    assert sorted(on_disk - listed) == []


def test_one_notebook_per_article_section_in_order():
    notebooks = [entry for entry in toc_entries() if entry.startswith("chapters/0")]
    assert [pathlib.Path(n).name for n in notebooks] == [
        "01-introduction",
        "02-anatomy",
        "03-causes",
        "04-symptoms",
        "05-diagnosis-and-treatment",
        "06-prevention",
        "07-conclusion",
        "08-review",
    ]
    assert all(resolve(n).suffix == ".ipynb" for n in notebooks)
