"""Root-level data (widgets/data/root_levels.yml) and the leg-outline dermatome drawing."""
from __future__ import annotations

import functools

import yaml

from ._base import DATA_DIR
from .bibliography import author_year

ROOT_LEVELS_FILE = DATA_DIR / "root_levels.yml"
ROOT_COLOURS = {"L4": "#7fb3d5", "L5": "#f5b041", "S1": "#82c99a", "S2": "#d7a9e3"}


@functools.lru_cache(maxsize=1)
def load_root_levels() -> dict:
    with ROOT_LEVELS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def root_level_table_markdown(data: dict | None = None) -> str:
    """The root-level patterns as a Markdown table, one row per root, with its sources."""
    data = data or load_root_levels()
    lines = ["| Root | Sensory loss (dermatome) | Muscle tests | Reflex | Disc level | Sources |",
             "|---|---|---|---|---|---|"]
    for root in data["roots"]:
        sources = "; ".join(author_year(key) for key in root["sources"])
        lines.append(f"| **{root['id']}** | {root['dermatome']} | {root['muscle_test']} | {root['reflex']} | "
                     f"{root['disc_level']} | {sources} |")
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


def draw_leg_dermatomes(data: dict | None = None):
    """Front and back of the right leg, with medial and lateral marked under each view; each
    dermatome is an SVG group with id 'dermatome-<root>'."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    data = data or load_root_levels()
    fig, ax = plt.subplots(figsize=(4.4, 6.6))
    ax.set_xlim(0, 92)
    ax.set_ylim(142, -9)
    ax.set_aspect("equal")
    ax.axis("off")
    for view, label_x in (("front", 20), ("back", 70)):
        ax.add_patch(Polygon(data["outline"][view], closed=True, facecolor="#f3ece4", edgecolor="#6d6452", linewidth=1.2, zorder=1))
        ax.text(label_x, -3, f"{view.capitalize()} of right leg", ha="center", fontsize=10)
        for side_x, side in data["side_labels"][view]:
            ax.text(side_x, 137, side, ha="center", va="center", fontsize=9, color="#333333")
    for root in data["roots"]:
        for number, area in enumerate(root["areas"]):
            patch = Polygon(area, closed=True, facecolor=ROOT_COLOURS[root["id"]], edgecolor="#333333", linewidth=0.8, zorder=2)
            patch.set_gid(f"dermatome-{root['id']}" + (f"-{number}" if number else ""))
            ax.add_patch(patch)
        first = root["areas"][0]
        cx = sum(x for x, _ in first) / len(first)
        cy = sum(y for _, y in first) / len(first)
        ax.text(cx, cy, root["id"], ha="center", va="center", fontsize=11, fontweight="bold", zorder=3)
    fig.subplots_adjust(0, 0, 1, 1)
    return fig
