"""The anatomy plates: hand-authored vector geometry (widgets/data/sciatic_plate.yml, the
posterior thigh; widgets/data/lumbar_plate.yml, the lumbar spine) written out as one
deterministic SVG each.

The plate is drawn deepest first: the order of `structures` in the YAML *is* the depth
order, so a structure drawn later covers the ones before it, exactly as in the body seen
from behind. Clickable structures are `<g id="<region id>" class="np-region">` groups whose
ids are the region ids of the plate's anatomy data (sciatic_anatomy.yml, lumbar_anatomy.yml);
thin ones carry an invisible hit stroke so a finger or pointer can reach them (>= 24 px at
the plate's natural size).
The same SVG is the labelled print figure and the widget's picture (labels can be hidden).
"""

from __future__ import annotations

import functools
import pathlib
import re
from xml.sax.saxutils import escape

import yaml

from .paths import DATA_DIR, STATIC_DIR

PLATE_FILE = DATA_DIR / "sciatic_plate.yml"
LUMBAR_PLATE_FILE = DATA_DIR / "lumbar_plate.yml"
SVG_STYLE_FILE = STATIC_DIR / "plate_svg.css"  # the <style> every plate embeds
MIN_HIT = 32  # units: >= 24 CSS px (WCAG 2.2 target size) on a 390 px phone without labels
KINDS = ("bone", "muscle", "tendon", "ligament", "nerve", "space", "line", "disc", "nucleus", "dura")


@functools.lru_cache(maxsize=2)
def load_plate(path=PLATE_FILE) -> dict:
    """A plate's data (the posterior-thigh plate unless another plate file is named)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _mirrored(elements: list[str], structure: dict) -> list[str]:
    """With `mirror_copy: x`, the elements again, mirrored about the vertical line at x: the
    other half of a paired structure (both halves are one region)."""
    if "mirror_copy" not in structure:
        return elements
    flip = f'<path transform="translate({2 * structure["mirror_copy"]} 0) scale(-1 1)" '
    return elements + [element.replace("<path ", flip, 1) for element in elements]


def _attrs(**attrs) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None:
            continue
        parts.append(f'{name.rstrip("_").replace("_", "-")}="{escape(str(value), {chr(34): "&quot;"})}"')
    return " ".join(parts)


def _transform(structure: dict) -> str | None:
    steps = []
    if "offset" in structure:
        steps.append("translate({} {})".format(*structure["offset"]))
    if "mirror_x" in structure:  # the left half of a midline bone, drawn from the right half
        steps.append(f"translate({2 * structure['mirror_x']} 0) scale(-1 1)")
    return " ".join(steps) or None


def _shapes(structure: dict) -> list[str]:
    """The visible drawing of one structure: filled outlines, tendons, cords and detail lines."""
    kind = structure["kind"]
    out = []
    outline = " np-outline" if structure.get("rim") else ""
    for d in structure.get("paths", []):
        out.append(f"<path {_attrs(class_=f'np-shape np-{kind}{outline}', d=d)}/>")
    for d in structure.get("tendons", []):
        out.append(f"<path {_attrs(class_='np-shape np-tendon', d=d)}/>")
    for cord in structure.get("cords", []):  # stroked centre lines: nerves and round tendons
        cls = "np-nerve" if kind == "nerve" else "np-tendon"
        cap = cord.get("cap", "round")
        edge = _attrs(
            class_=f"np-cord-edge {cls}-edge", d=cord["d"], stroke_width=cord["width"] + 2.5, stroke_linecap=cap
        )
        body = _attrs(
            class_=f"np-shape np-cord {cls}-cord", d=cord["d"], stroke_width=cord["width"], stroke_linecap=cap
        )
        out.append(f"<path {edge}/>")
        out.append(f"<path {body}/>")
    for d in structure.get("lines", []):  # fibre direction and other detail: never filled
        out.append(f"<path {_attrs(class_=f'np-detail np-detail-{kind}', d=d)}/>")
    return _mirrored(out, structure)


def hit_width(cord: dict) -> float:
    return max(MIN_HIT, cord["width"] + 8)


def _hits(structure: dict) -> list[str]:
    """Invisible targets: the outline itself (or only its rim), and a wide stroke along every cord."""
    if structure.get("hit_paths"):  # small shapes (roots, a cluster of them): larger targets round them
        return _mirrored([f"<path {_attrs(class_='np-hit', d=d)}/>" for d in structure["hit_paths"]], structure)
    if structure.get("hit_margin"):  # a thin band (a ligament): its outline widened by an invisible stroke
        return _mirrored(
            [
                f"<path {_attrs(class_='np-hit np-hit-wide', d=d, stroke_width=structure['hit_margin'])}/>"
                for d in structure["paths"]
            ],
            structure,
        )
    if structure.get("rim"):  # an opening: clicked on its edge, so what passes through stays clickable
        out = [
            f"<path {_attrs(class_='np-hit np-hit-cord', d=d, stroke_width=structure['rim'])}/>"
            for d in structure["paths"]
        ]
    else:
        out = [f"<path {_attrs(class_='np-hit', d=d)}/>" for d in structure.get("paths", [])]
    out += [
        f"<path {_attrs(class_='np-hit np-hit-cord', d=cord['d'], stroke_width=hit_width(cord))}/>"
        for cord in structure.get("cords", [])
        if cord.get("hit", True)
    ]  # small branches: no target of their own
    return _mirrored(out, structure)


def _structure(structure: dict, regions: set[str]) -> list[str]:
    sid = structure["id"]
    transform = _transform(structure)
    if structure.get("ghost"):  # the clickable copy is drawn dashed on top by _ghosts
        return [f"<g {_attrs(class_='np-context np-true-depth', transform=transform)}>", *_shapes(structure), "</g>"]
    if sid in regions:
        if structure.get("sheet"):
            # A superficial sheet (gluteus maximus): its picture lies on top, see-through, but
            # it is clicked where nothing deeper is, so its target stays at its own depth.
            return [
                f"<g {_attrs(id=sid, class_='np-region np-sheet-target', transform=transform)}>",
                *_hits(structure),
                "</g>",
            ]
        return [
            f"<g {_attrs(id=sid, class_='np-region np-kind-' + structure['kind'], transform=transform)}>",
            *_shapes(structure),
            *_hits(structure),
            "</g>",
        ]
    return [f"<g {_attrs(id=sid, class_='np-context', transform=transform)}>", *_shapes(structure), "</g>"]


def _sheet(structure: dict) -> list[str]:
    return [
        f"<g {_attrs(id=structure['id'] + '-sheet', class_='np-sheet', data_sheet_for=structure['id'])}>",
        *_shapes(structure),
        "</g>",
    ]


def _ghosts(plate: dict, region_ids: set[str]) -> list[str]:
    """Nerves hidden behind bone and piriformis, drawn dashed on top (the atlas convention for
    unseen parts). These dashed copies are the clickable regions; the solid drawing at the
    true depth shows only where the nerve is really in view (in the sciatic foramen)."""
    out = []
    for structure in plate["structures"]:
        if not structure.get("ghost"):
            continue
        sid = structure["id"]
        cls = "np-region np-ghost-region np-kind-nerve" if sid in region_ids else "np-context"
        out.append(f"<g {_attrs(id=sid if sid in region_ids else None, class_=cls)}>")
        for cord in structure.get("cords", []):
            out.append(f"<path {_attrs(class_='np-ghost-edge', d=cord['d'], stroke_width=cord['width'] + 2.5)}/>")
            out.append(f"<path {_attrs(class_='np-shape np-ghost', d=cord['d'], stroke_width=cord['width'])}/>")
        if sid in region_ids:
            out += _hits(structure)
        out.append("</g>")
    return out


def _text(x: float, y: float, text: str, anchor: str, cls: str) -> str:
    lines = text.split("\n")
    first = y - (len(lines) - 1) * 9
    spans = "".join(f"<tspan {_attrs(x=x, y=first + 18 * i)}>{escape(line)}</tspan>" for i, line in enumerate(lines))
    return f"<text {_attrs(class_=cls, text_anchor=anchor)}>{spans}</text>"


def _label(label: dict) -> list[str]:
    (tx, ty), (px, py) = label["at"], label["point"]
    anchor = "end" if tx < px else "start"
    gap = 4 if anchor == "start" else -4
    out = [f"<g {_attrs(class_='np-label', data_role='label', data_label_for=label['for'])}>"]
    if not label.get("inline"):
        out.append(f"<path {_attrs(class_='np-leader', d=f'M{tx + gap} {ty - 5}L{px} {py}')}/>")
        out.append(f"<circle {_attrs(class_='np-leader-dot', cx=px, cy=py, r=2.5)}/>")
    out.append(_text(tx, ty, label["text"], "middle" if label.get("inline") else anchor, "np-label-text"))
    out.append("</g>")
    return out


def _legend(plate: dict) -> list[str]:
    out = ['<g class="np-legend">']
    for item in plate["legend"]:
        x, y = item["at"]
        out.append(f"<rect {_attrs(class_='np-swatch np-' + item['kind'], x=x, y=y - 12, width=22, height=14, rx=3)}/>")
        out.append(_text(x + 28, y, item["text"], "start", "np-legend-text"))
    out.append("</g>")
    return out


def _orientation(plate: dict) -> list[str]:
    """Arrows for up and left/right (superior, medial, lateral unless the plate names them),
    centred where they cross."""
    marker = plate["orientation"]
    x, y = marker["at"]
    return [
        f"<g {_attrs(class_='np-orientation', transform=f'translate({x} {y})')}>",
        f"<path {_attrs(class_='np-arrow', d='M0 0L0 -26M-5 -20L0 -26L5 -20')}/>",
        f"<path {_attrs(class_='np-arrow', d='M-30 0L30 0M-24 -5L-30 0L-24 5M24 -5L30 0L24 5')}/>",
        _text(0, -32, marker.get("up", "Superior"), "middle", "np-legend-text"),
        _text(-36, 6, marker.get("left", "Medial"), "end", "np-legend-text"),
        _text(36, 6, marker.get("right", "Lateral"), "start", "np-legend-text"),
        "</g>",
        _text(*marker["caption_at"], marker["caption"], "start", "np-legend-text"),
    ]


def _svg_style() -> str:
    """The shared plate style, minified: one rule a line, no comments (it is sent with every plate)."""
    css = re.sub(r"/\*.*?\*/", "", SVG_STYLE_FILE.read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r"\s*([{};:,])\s*", r"\1", re.sub(r"\s+", " ", css)).strip()
    return css.replace(";}", "}").replace("}", "}\n").strip()


def render_plate_svg(plate: dict, region_ids: set[str]) -> str:
    """The whole plate as SVG text; the same input always gives the same bytes."""
    x0, y0, width, height = plate["viewbox"]
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        + _attrs(
            viewBox=f"{x0} {y0} {width} {height}",
            width=width,
            height=height,
            class_="np-plate",
            data_plate=plate["plate"],
        )
        + ">",
        f"<title>{escape(plate['title'])}</title>",
        f"<style>{_svg_style()}</style>",
        f"<rect {_attrs(class_='np-ground', x=x0, y=y0, width=width, height=height, rx=8)}/>",
        '<g class="np-anatomy">',
    ]
    sheets = [structure for structure in plate["structures"] if structure.get("sheet")]
    for structure in sheets:  # the sheet's target lies under everything it covers
        out += _structure(structure, region_ids)
    for structure in plate["structures"]:
        if not structure.get("sheet"):
            out += _structure(structure, region_ids)
        if structure["id"] == plate.get("ghosts_after"):
            out += _ghosts(plate, region_ids)
    for structure in sheets:
        out += _sheet(structure)
    out.append("</g>")
    out.append('<g class="np-labels">')
    for label in plate["labels"]:
        out += _label(label)
    out.append("</g>")
    out += [_text(*caption["at"], caption["text"], "start", "np-caption") for caption in plate.get("captions", [])]
    out += _legend(plate) + _orientation(plate)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_plate_svg(out_dir: pathlib.Path, stem: str, plate: dict, anatomy: dict) -> list[pathlib.Path]:
    """Write `<out_dir>/<stem>.svg` (a plate with its anatomy data's regions clickable); used by
    the images/make_*_plate scripts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{stem}.svg"
    path.write_text(render_plate_svg(plate, {region["id"] for region in anatomy["regions"]}), encoding="utf-8")
    return [path]


def validate_plate(plate: dict, region_ids: set[str], name: str = PLATE_FILE.name) -> list[str]:
    """Every mismatch between the plate (file `name`) and its anatomy data, each naming the structure."""
    problems = []
    drawn = [s["id"] for s in plate["structures"]]
    problems += [f"{name}: structure {s!r} is drawn twice" for s in sorted({d for d in drawn if drawn.count(d) > 1})]
    problems += [f"{name}: region {r!r} of the anatomy data is not drawn" for r in sorted(region_ids - set(drawn))]
    for structure in plate["structures"]:
        if structure.get("kind") not in KINDS:
            problems.append(f"{name}: structure {structure['id']!r}: field 'kind' must be one of {', '.join(KINDS)}")
        if structure["id"] in region_ids and not structure.get("where"):
            problems.append(
                f"{name}: region {structure['id']!r}: missing field 'where' (a neutral description for find mode)"
            )
    labelled = {label["for"] for label in plate["labels"]}
    problems += [f"{name}: region {r!r} has no label" for r in sorted(region_ids - labelled)]
    problems += [
        f"{name}: label for {label['for']!r} names nothing drawn"
        for label in plate["labels"]
        if label["for"] not in drawn
    ]
    order = plate.get("focus_order", [])
    if sorted(order) != sorted(region_ids):
        problems.append(
            f"{name}: focus_order must list every region once; missing {sorted(region_ids - set(order))}, "
            f"extra {sorted(set(order) - region_ids)}"
        )
    return problems
