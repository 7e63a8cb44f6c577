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


def test_chapter_notebooks_are_listed_in_their_numbered_order():
    # Derived, not pinned: a chapter added as the guide says (NN-name.ipynb in _toc.yml) passes.
    notebooks = [entry for entry in toc_entries() if pathlib.Path(entry).name[:2].isdigit()]
    assert notebooks, "_toc.yml lists no numbered chapter notebooks"
    assert notebooks == sorted(notebooks), "chapters are listed out of their numbered order"
    assert all(resolve(n).suffix == ".ipynb" for n in notebooks)
