"""The course's rules for banks that JSON Schema cannot state (see the instructor guide).

Each rule returns (field, message) pairs for one item, or finished messages for the bank as a
whole; bank_checks turns them into 'file:line: item 'id': field 'f': message (hint)' lines.
"""

from __future__ import annotations

import difflib
import functools
import pathlib
import re

import nbformat
import yaml

from .blueprint import LEVELS

MIN_ITEMS_PER_OBJECTIVE = 2
# Two prompts this similar (difflib ratio after normalising case, punctuation and spacing)
# ask the same thing; reworded copies of one question were what the content review found.
NEAR_DUPLICATE_RATIO = 0.9
CITE_ROLE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")
MYST_LABEL = re.compile(r"^\(([^)\s]+)\)=\s*$", re.M)
CHOICE_TYPES = ("single", "multiple")


def did_you_mean(value, choices) -> str:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@functools.lru_cache(maxsize=8)
def toc_chapters(toc_file: pathlib.Path) -> frozenset[str] | None:
    """Every `file:` entry of the book's _toc.yml, or None when there is no _toc.yml (a wheel)."""
    if not toc_file.exists():
        return None
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                found.add(re.sub(r"\.(ipynb|md)$", "", node["file"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(toc_file.read_text(encoding="utf-8")))
    return frozenset(found)


@functools.lru_cache(maxsize=32)
def chapter_labels(chapter: str, chapter_dir: pathlib.Path) -> frozenset[str]:
    """The MyST targets `(label)=` in the chapter notebook's Markdown cells."""
    path = chapter_dir / f"{chapter}.ipynb"
    if not path.exists():
        return frozenset()
    cells = nbformat.read(path, as_version=4).cells
    markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    return frozenset(MYST_LABEL.findall(markdown))


def level_problems(item: dict) -> list[tuple[str, str]]:
    if "level" in item:
        return []  # a wrong value is the schema's message
    return [("level", f"missing (the Bloom level the item asks for: {', '.join(LEVELS)})")]


def image_problems(item: dict) -> list[tuple[str, str]]:
    """An item's figure must be a committed file in images/ whose alt text says what it shows."""
    from ..paths import IMAGES_DIR

    image = item.get("image")
    if not isinstance(image, dict) or not isinstance(image.get("file"), str):
        return []  # absent, or malformed: the schema reports it
    if not (IMAGES_DIR / image["file"]).exists():
        known = ", ".join(sorted(p.name for p in IMAGES_DIR.glob("*.svg")))
        return [("image", f"no file {image['file']!r} in images/ (figures there: {known})")]
    alt = str(image.get("alt", "")).strip()
    if alt.lower().removesuffix(".svg").removesuffix(".png") == image["file"].rsplit(".", 1)[0]:
        return [("image", "alt text repeats the file name: describe what the figure shows")]
    return []


def tolerance_problems(item: dict) -> list[tuple[str, str]]:
    if item.get("type") == "numeric" and "tolerance" not in item:
        return [("tolerance", "missing: state the accepted error explicitly (tolerance: 0 for an exact answer)")]
    if item.get("type") != "numeric" and "tolerance" in item:
        return [("tolerance", f"only numeric items take a tolerance; this item is {item.get('type')!r}")]
    return []


def _feedback_keys(item: dict, region_ids) -> list | None:
    """What option_feedback may be keyed by for this item's type (None: no feedback allowed)."""
    kind = item.get("type")
    if kind in CHOICE_TYPES:
        return list(item.get("options") or [])
    if kind == "true_false":
        return ["True", "False"]  # what the quiz shows; quote them in YAML, where True is a boolean
    if kind == "hotspot":
        return list(item.get("options") or region_ids)
    return None


def option_feedback_problems(item: dict, region_ids) -> list[tuple[str, str]]:
    feedback = item.get("option_feedback")
    if not isinstance(feedback, dict) or not feedback:
        return []
    allowed = _feedback_keys(item, region_ids)
    if allowed is None:
        return [("option_feedback", f"a {item.get('type')} item has no options to give feedback on")]
    return [
        ("option_feedback", f"key {key!r} is not one of the options{did_you_mean(key, allowed)}")
        for key in feedback
        if key not in allowed
    ]


def cited_key_problems(item: dict, known_sources) -> list[tuple[str, str]]:
    """{cite} roles inside prompt, explanation, hint and feedback name real bib keys too."""
    problems = []
    texts = {field: item.get(field) for field in ("prompt", "explanation", "hint")}
    texts.update({"option_feedback": " ".join(map(str, (item.get("option_feedback") or {}).values()))})
    for field, text in texts.items():
        for role in CITE_ROLE.findall(text if isinstance(text, str) else ""):
            for key in (k.strip() for k in role.split(",")):
                if key not in known_sources:
                    hint = did_you_mean(key, known_sources)
                    problems.append((field, f"unknown bib key {key!r} in a cite role{hint}"))
    return problems


def objective_coverage(objectives: dict, items: list) -> dict[str, int]:
    """Objectives assessed by fewer than MIN_ITEMS_PER_OBJECTIVE items, with their count."""
    counts = dict.fromkeys(objectives, 0)
    for item in items:
        if isinstance(item, dict) and item.get("objective") in counts:
            counts[item["objective"]] += 1
    return {key: count for key, count in counts.items() if count < MIN_ITEMS_PER_OBJECTIVE}


def review_section_problems(data: dict, labels: frozenset[str] | None) -> list[tuple[str, str, str]]:
    """(key, field, message): each objective names a review section, and each is a real label."""
    objectives = data.get("objectives") if isinstance(data.get("objectives"), dict) else {}
    sections = data.get("review_sections") if isinstance(data.get("review_sections"), dict) else {}
    problems = [
        (key, "objectives", f"objective {key!r}: no review section (add `{key}: <label>` under review_sections)")
        for key in objectives
        if key not in sections
    ]
    for key, label in sections.items():
        if key not in objectives:
            problems.append((key, "review_sections", f"{key!r} is not an objective{did_you_mean(key, objectives)}"))
        elif labels is not None and label not in labels:
            problems.append(
                (
                    key,
                    "review_sections",
                    f"{key!r}: no label ({label})= in chapters/{data.get('chapter')}.ipynb"
                    f"{did_you_mean(label, labels)}",
                )
            )
    return problems


def normalised_stem(prompt) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(prompt).lower()).split())


def near_duplicates(stems: list[tuple[str, object]]) -> list[tuple[object, object, float]]:
    """Pairs of (owner, owner, ratio) whose normalised prompts are near-identical."""
    pairs = []
    for index, (stem, owner) in enumerate(stems):
        for other_stem, other in stems[index + 1 :]:
            matcher = difflib.SequenceMatcher(None, stem, other_stem, autojunk=False)
            if matcher.real_quick_ratio() >= NEAR_DUPLICATE_RATIO and matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO:
                ratio = matcher.ratio()
                if ratio >= NEAR_DUPLICATE_RATIO:
                    pairs.append((owner, other, ratio))
    return pairs
