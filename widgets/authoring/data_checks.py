"""Checks on the widgets' data files, each problem naming the file, the entry and the field."""

from __future__ import annotations

from ..anatomy import ANATOMY_FILE

REQUIRED_REGION_FIELDS = ("id", "label", "kind", "what", "innervation", "relevance", "source")
REQUIRED_CAUSE_FIELDS = ("id", "label", "regions", "mechanism", "source")


def _sourced_entry_problems(
    file: str, what: str, entry: dict, required: tuple[str, ...], known_sources: set[str]
) -> list[str]:
    """Missing fields and an unknown bib key of one entry (a region or a cause)."""
    problems = [f"{file}: {what}: missing field {field!r}" for field in required if not entry.get(field)]
    if entry.get("source") and entry["source"] not in known_sources:
        problems.append(f"{file}: {what}: field 'source': unknown bib key {entry['source']!r}")
    return problems


def validate_anatomy(
    data: dict, known_sources: set[str], other_plates: dict[str, set[str]] | None = None, file: str = ANATOMY_FILE.name
) -> list[str]:
    """Every problem in the anatomy data (file `file`), each naming the region and field.

    A cause marks regions of this data's own plate, or with `plate: <name>` those of another
    plate, whose region ids `other_plates` gives by plate name (e.g. the lumbar spine)."""
    problems = []
    ids = [region.get("id") for region in data.get("regions", [])]
    for index, region in enumerate(data.get("regions", [])):
        name = region.get("id") or f"regions[{index}]"
        problems += _sourced_entry_problems(file, f"region {name!r}", region, REQUIRED_REGION_FIELDS, known_sources)
    duplicates = {i for i in ids if ids.count(i) > 1}
    problems += [f"{file}: duplicate region id {d!r}" for d in sorted(duplicates, key=str)]
    problems += [
        f"{file}: find prompt {prompt.get('prompt')!r}: unknown region {prompt.get('region')!r}"
        for prompt in data.get("find_prompts", [])
        if prompt.get("region") not in ids
    ]
    other_plates = other_plates or {}
    for cause in data.get("causes", []):
        what = f"cause {cause.get('id')!r}"
        problems += _sourced_entry_problems(file, what, cause, REQUIRED_CAUSE_FIELDS, known_sources)
        plate = cause.get("plate")
        if plate and plate not in other_plates:
            problems.append(
                f"{file}: {what}: field 'plate': unknown plate {plate!r} (known: {', '.join(other_plates)})"
            )
            continue
        plate_ids = other_plates[plate] if plate else set(ids)
        problems += [f"{file}: {what}: unknown region {r!r}" for r in cause.get("regions", []) if r not in plate_ids]
    return problems
