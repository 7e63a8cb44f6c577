"""The leg-dermatome drawing the root explorer clicks on, from its data file (used by
images/make_leg_dermatomes.py). Every clickable part is an SVG group whose id the widget's ES
module looks up, so the drawing and the data stay in step. (The sciatic-nerve plate is
hand-authored geometry: widgets/plate.py and widgets/data/sciatic_plate.yml.)
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Polygon

from ..root_levels import load_root_levels

ROOT_COLOURS = {"L4": "#7fb3d5", "L5": "#f5b041", "S1": "#82c99a", "S2": "#d7a9e3"}


def draw_leg_dermatomes(data: dict | None = None):
    """Front and back of the right leg, with medial and lateral marked under each view; each
    dermatome is an SVG group with id 'dermatome-<root>'."""
    data = data or load_root_levels()
    fig, ax = plt.subplots(figsize=(4.4, 6.6))
    ax.set_xlim(0, 92)
    ax.set_ylim(142, -9)
    ax.set_aspect("equal")
    ax.axis("off")
    for view, label_x in (("front", 20), ("back", 70)):
        ax.add_patch(
            Polygon(
                data["outline"][view], closed=True, facecolor="#f3ece4", edgecolor="#6d6452", linewidth=1.2, zorder=1
            )
        )
        ax.text(label_x, -3, f"{view.capitalize()} of right leg", ha="center", fontsize=10)
        for side_x, side in data["side_labels"][view]:
            ax.text(side_x, 137, side, ha="center", va="center", fontsize=9, color="#333333")
    for root in data["roots"]:
        for number, area in enumerate(root["areas"]):
            patch = Polygon(
                area, closed=True, facecolor=ROOT_COLOURS[root["id"]], edgecolor="#333333", linewidth=0.8, zorder=2
            )
            patch.set_gid(f"dermatome-{root['id']}" + (f"-{number}" if number else ""))
            ax.add_patch(patch)
        first = root["areas"][0]
        cx = sum(x for x, _ in first) / len(first)
        cy = sum(y for _, y in first) / len(first)
        ax.text(cx, cy, root["id"], ha="center", va="center", fontsize=11, fontweight="bold", zorder=3)
    fig.subplots_adjust(0, 0, 1, 1)
    return fig
