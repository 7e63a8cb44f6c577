"""Root-level data (widgets/data/root_levels.yml), read-only, and the root-level table the
chapters show; the leg drawing is in widgets.authoring.drawings."""

from __future__ import annotations

import functools

import yaml

from .bibliography import author_year
from .paths import DATA_DIR

ROOT_LEVELS_FILE = DATA_DIR / "root_levels.yml"


@functools.lru_cache(maxsize=1)
def load_root_levels() -> dict:
    with ROOT_LEVELS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def root_level_table_markdown(data: dict | None = None) -> str:
    """The root-level patterns as a Markdown table, one row per root, with its sources."""
    data = data or load_root_levels()
    lines = [
        "| Root | Sensory loss (dermatome) | Muscle tests | Reflex | Disc level | Sources |",
        "|---|---|---|---|---|---|",
    ]
    for root in data["roots"]:
        sources = "; ".join(author_year(key) for key in root["sources"])
        lines.append(
            f"| **{root['id']}** | {root['dermatome']} | {root['muscle_test']} | {root['reflex']} | "
            f"{root['disc_level']} | {sources} |"
        )
    return "\n".join(lines)


class RootLevelTable:
    """The root-level table as a notebook output: Markdown for JupyterLab and an HTML table for
    the book (myst-nb renders Markdown outputs as CommonMark, which has no tables)."""

    def __init__(self, data: dict | None = None):
        self.markdown = root_level_table_markdown(data)

    def _repr_markdown_(self) -> str:
        return self.markdown

    def _repr_html_(self) -> str:
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": False}).enable("table").render(self.markdown)
        # The theme styles tables that carry its "table" class, as it does the chapters' own.
        return html.replace("<table>", '<table class="table">', 1)

    def __repr__(self) -> str:
        return f"RootLevelTable(roots={self.markdown.count(chr(10)) - 1})"


def root_level_table() -> RootLevelTable:
    """The root-level table for a notebook cell (renders as a table in JupyterLab and the book)."""
    return RootLevelTable()
