"""Root-level data (widgets/data/root_levels.yml), read-only; the drawing is in widgets.authoring.drawings."""

from __future__ import annotations

import functools

import yaml

from .paths import DATA_DIR

ROOT_LEVELS_FILE = DATA_DIR / "root_levels.yml"


@functools.lru_cache(maxsize=1)
def load_root_levels() -> dict:
    with ROOT_LEVELS_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
