"""The sciatic-nerve anatomy data (widgets/data/sciatic_anatomy.yml) and its drawing."""
from __future__ import annotations

import functools

import yaml

from ._base import DATA_DIR

ANATOMY_FILE = DATA_DIR / "sciatic_anatomy.yml"
REQUIRED_REGION_FIELDS = ("id", "label", "kind", "shape", "what", "innervation", "relevance", "source")
KIND_COLOURS = {
    "muscle": ("#e9b7a6", "#9c4a35"),
    "nerve": ("#f2d13d", "#6b5a00"),
    "root": ("#f2d13d", "#6b5a00"),
    "bone": ("#dcd6c8", "#6d6452"),
    "landmark": ("#cfe3f2", "#2d5f86"),
}
LAYER = {"muscle": 2, "landmark": 3, "bone": 3, "root": 5, "nerve": 5}


@functools.lru_cache(maxsize=1)
def load_anatomy() -> dict:
    with ANATOMY_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def validate_anatomy(data: dict, known_sources: set[str]) -> list[str]:
    """Every problem in the anatomy data, each naming the region and field."""
    problems = []
    ids = [region.get("id") for region in data.get("regions", [])]
    for index, region in enumerate(data.get("regions", [])):
        name = region.get("id") or f"regions[{index}]"
        for field in REQUIRED_REGION_FIELDS:
            if not region.get(field):
                problems.append(f"{ANATOMY_FILE.name}: region {name!r}: missing field {field!r}")
        if region.get("source") and region["source"] not in known_sources:
            problems.append(f"{ANATOMY_FILE.name}: region {name!r}: field 'source': unknown bib key {region['source']!r}")
    duplicates = {i for i in ids if ids.count(i) > 1}
    problems += [f"{ANATOMY_FILE.name}: duplicate region id {d!r}" for d in sorted(duplicates, key=str)]
    for prompt in data.get("find_prompts", []):
        if prompt.get("region") not in ids:
            problems.append(f"{ANATOMY_FILE.name}: find prompt {prompt.get('prompt')!r}: unknown region {prompt.get('region')!r}")
    for cause in data.get("causes", []):
        for field in ("id", "label", "regions", "mechanism", "source"):
            if not cause.get(field):
                problems.append(f"{ANATOMY_FILE.name}: cause {cause.get('id')!r}: missing field {field!r}")
        problems += [f"{ANATOMY_FILE.name}: cause {cause.get('id')!r}: unknown region {r!r}"
                     for r in cause.get("regions", []) if r not in ids]
        if cause.get("source") and cause["source"] not in known_sources:
            problems.append(f"{ANATOMY_FILE.name}: cause {cause.get('id')!r}: field 'source': unknown bib key {cause['source']!r}")
    return problems


def shape_patch(shape: dict, **style):
    """A matplotlib patch for one shape entry (polygon, band or ellipse)."""
    from matplotlib.patches import Ellipse, Polygon

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
    import matplotlib.pyplot as plt

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
