"""The sciatic-nerve anatomy data (widgets/data/sciatic_anatomy.yml), read-only.

Its checks are in widgets.authoring.data_checks and its drawing in widgets.authoring.drawings.
"""

from __future__ import annotations

import functools

import yaml

from .paths import DATA_DIR

ANATOMY_FILE = DATA_DIR / "sciatic_anatomy.yml"


@functools.lru_cache(maxsize=1)
def load_anatomy() -> dict:
    with ANATOMY_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def region_labels() -> dict[str, str]:
    """Each clickable region's label by its id, in drawing order."""
    return {region["id"]: region["label"] for region in load_anatomy()["regions"]}
