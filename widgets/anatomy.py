"""The anatomy data, read-only: the posterior thigh (widgets/data/sciatic_anatomy.yml: regions,
find prompts and causes) and the lumbar spine (widgets/data/lumbar_anatomy.yml: regions).

Its checks are in widgets.authoring.data_checks and its drawing in widgets.authoring.drawings.
"""

from __future__ import annotations

import functools

import yaml

from .paths import DATA_DIR

ANATOMY_FILE = DATA_DIR / "sciatic_anatomy.yml"
LUMBAR_ANATOMY_FILE = DATA_DIR / "lumbar_anatomy.yml"


@functools.lru_cache(maxsize=2)
def _load(path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_anatomy() -> dict:
    return _load(ANATOMY_FILE)


def load_lumbar_anatomy() -> dict:
    return _load(LUMBAR_ANATOMY_FILE)


DEFAULT_PLATE = "posterior-thigh"
PLATE_ANATOMY = {DEFAULT_PLATE: load_anatomy, "lumbar-spine": load_lumbar_anatomy}


def region_labels(plate: str = DEFAULT_PLATE) -> dict[str, str]:
    """Each clickable region's label by its id, in drawing order, on the named plate (none on an unknown one)."""
    anatomy = PLATE_ANATOMY.get(plate)
    return {region["id"]: region["label"] for region in anatomy()["regions"]} if anatomy else {}
