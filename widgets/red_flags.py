"""The course's one urgency scale and red-flag list (widgets/data/urgency.yml).

The triage practice, the clinical cases and the chapters' red-flag tables all read this file,
so a level changed here changes everywhere, and a test checks that every triage key agrees.
"""

from __future__ import annotations

import functools

import yaml

from ._base import DATA_DIR
from .bibliography import author_year

URGENCY_FILE = DATA_DIR / "urgency.yml"


@functools.lru_cache(maxsize=1)
def load_urgency() -> dict:
    with URGENCY_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def urgency_levels() -> list[dict]:
    """The levels, most urgent first: [{'id', 'label', 'meaning'}, ...]."""
    return load_urgency()["levels"]


def urgency_rank(level_id: str) -> int:
    """0 for the most urgent level; a larger number is less urgent."""
    return [level["id"] for level in urgency_levels()].index(level_id)


def red_flags() -> dict[str, dict]:
    """Each red flag by id, with its level, what it raises and its source."""
    return {flag["id"]: flag for flag in load_urgency()["red_flags"]}


def level_for_flags(flag_ids: list[str]) -> str | None:
    """The most urgent level any of these red flags calls for (None when there are none)."""
    if not flag_ids:
        return None
    flags = red_flags()
    return min((flags[flag]["level"] for flag in flag_ids), key=urgency_rank)


def red_flag_table_markdown(levels: tuple[str, ...] | None = None) -> str:
    """A Markdown table of the red flags, most urgent first, optionally only some levels."""
    labels = {level["id"]: level["label"] for level in urgency_levels()}
    rows = sorted(red_flags().values(), key=lambda flag: urgency_rank(flag["level"]))
    lines = ["| Red flag | What it may mean | How urgently | Source |", "|---|---|---|---|"]
    for flag in rows:
        if levels and flag["level"] not in levels:
            continue
        lines.append(
            f"| {flag['flag']} | {flag['raises']} | **{labels[flag['level']]}** | {author_year(flag['source'])} |"
        )
    return "\n".join(lines)


def urgency_scale_markdown() -> str:
    """The scale itself as a Markdown list, most urgent first."""
    return "\n".join(
        f"{index}. **{level['label']}**: {level['meaning']}" for index, level in enumerate(urgency_levels(), start=1)
    )


def red_flag_table(levels: tuple[str, ...] | None = None):
    """The red-flag table for a notebook cell (renders as a table in JupyterLab and the book)."""
    from IPython.display import Markdown

    return Markdown(f"{urgency_scale_markdown()}\n\n{red_flag_table_markdown(levels)}")
