"""The sciatic-nerve anatomy data (widgets/data/sciatic_anatomy.yml): panel texts, find
prompts and causes. The drawing lives in widgets/data/sciatic_plate.yml (widgets/plate.py)."""
from __future__ import annotations

import functools

import yaml

from ._base import DATA_DIR

ANATOMY_FILE = DATA_DIR / "sciatic_anatomy.yml"
REQUIRED_REGION_FIELDS = ("id", "label", "kind", "what", "innervation", "relevance", "source")


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
