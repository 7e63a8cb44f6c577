"""The two drawings the widgets click on, from their data files (used by images/make_*.py).

Every clickable part is an SVG group whose id the widget's ES module looks up, so the
drawing and the data stay in step.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse, Polygon

from ..anatomy import load_anatomy
from ..root_levels import load_root_levels

KIND_COLOURS = {
    "muscle": ("#e9b7a6", "#9c4a35"),
    "nerve": ("#f2d13d", "#6b5a00"),
    "root": ("#f2d13d", "#6b5a00"),
    "bone": ("#dcd6c8", "#6d6452"),
    "landmark": ("#cfe3f2", "#2d5f86"),
}
LAYER = {"muscle": 2, "landmark": 3, "bone": 3, "root": 5, "nerve": 5}
ROOT_COLOURS = {"L4": "#7fb3d5", "L5": "#f5b041", "S1": "#82c99a", "S2": "#d7a9e3"}


def shape_patch(shape: dict, **style):
    """A matplotlib patch for one shape entry (polygon, band or ellipse)."""
    if "polygon" in shape:
        return Polygon(shape["polygon"], closed=True, **style)
    if "ellipse" in shape:
        (cx, cy), (rx, ry) = shape["ellipse"]["centre"], shape["ellipse"]["radii"]
        return Ellipse((cx, cy), 2 * rx, 2 * ry, **style)
    band = shape["band"]
    (x1, y1), (x2, y2), half = band["from"], band["to"], band["width"] / 2
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    nx, ny = -(y2 - y1) / length * half, (x2 - x1) / length * half
    corners = [(x1 + nx, y1 + ny), (x2 + nx, y2 + ny), (x2 - nx, y2 - ny), (x1 - nx, y1 - ny)]
    return Polygon(corners, closed=True, **style)


def draw_diagram(data: dict | None = None):
    """The posterior-view figure; every clickable region is an SVG group with id = region id."""
    data = data or load_anatomy()
    fig, ax = plt.subplots(figsize=(4.6, 7.6))
    ax.set_xlim(0, 100)
    ax.set_ylim(176, 0)
    ax.set_aspect("equal")
    ax.axis("off")
    for item in data["context"]:
        ax.add_patch(shape_patch(item, facecolor="#eeeeee", edgecolor="#9a9a9a", linewidth=0.8, zorder=1))
    for region in data["regions"]:
        fill, edge = KIND_COLOURS[region["kind"]]
        outline_only = region["id"] == "gluteus_maximus"
        patch = shape_patch(
            region["shape"],
            facecolor=fill,
            edgecolor=edge,
            linewidth=1.2 if not outline_only else 1.5,
            linestyle="--" if outline_only else "-",
            alpha=0.35 if outline_only else 1.0,
            zorder=0.5 if outline_only else LAYER[region["kind"]],
        )
        patch.set_gid(region["id"])
        ax.add_patch(patch)
    fig.subplots_adjust(0, 0, 1, 1)
    return fig


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
