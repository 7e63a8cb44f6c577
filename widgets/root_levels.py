"""Root-level data (widgets/data/root_levels.yml) and the leg-outline dermatome drawing."""
from __future__ import annotations

import functools

import yaml

from ._base import DATA_DIR

ROOT_LEVELS_FILE = DATA_DIR / "root_levels.yml"
ROOT_COLOURS = {"L4": "#7fb3d5", "L5": "#f5b041", "S1": "#82c99a", "S2": "#d7a9e3"}


@functools.lru_cache(maxsize=1)
def load_root_levels() -> dict:
    with ROOT_LEVELS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def draw_leg_dermatomes(data: dict | None = None):
    """Front and back of the right leg; each dermatome is an SVG group with id 'dermatome-<root>'."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon

    data = data or load_root_levels()
    fig, ax = plt.subplots(figsize=(4.4, 6.2))
    ax.set_xlim(0, 92)
    ax.set_ylim(140, -8)
    ax.set_aspect("equal")
    ax.axis("off")
    for view, label_x in (("front", 20), ("back", 70)):
        ax.add_patch(Polygon(data["outline"][view], closed=True, facecolor="#f3ece4", edgecolor="#6d6452", linewidth=1.2, zorder=1))
        ax.text(label_x, -3, "Front" if view == "front" else "Back", ha="center", fontsize=10)
    for root in data["roots"]:
        for number, area in enumerate(root["areas"]):
            patch = Polygon(area, closed=True, facecolor=ROOT_COLOURS[root["id"]], edgecolor="#333333", linewidth=0.8, zorder=2)
            patch.set_gid(f"dermatome-{root['id']}" + (f"-{number}" if number else ""))
            ax.add_patch(patch)
        first = root["areas"][0]
        cx = sum(x for x, _ in first) / len(first)
        cy = sum(y for _, y in first) / len(first)
        ax.text(cx, cy, root["id"], ha="center", va="center", fontsize=9, fontweight="bold", zorder=3)
    fig.subplots_adjust(0, 0, 1, 1)
    return fig
