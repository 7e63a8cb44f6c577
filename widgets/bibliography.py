"""Read references.bib enough to check keys and show short citations inside widgets."""

from __future__ import annotations

import functools
import pathlib
import re

from .paths import BIB_FILE

_ENTRY = re.compile(r"@\w+\s*\{\s*([^,\s]+)\s*,(.*?)\n\}", re.S)
_FIELD = re.compile(r"(\w+)\s*=\s*\{(.*?)\}\s*,?\s*$", re.M)
_LATEX_ACCENT = re.compile(r"\{?\\[`'^\"~=.]\{?(\w)\}?\}?")


def _plain(text: str) -> str:
    return _LATEX_ACCENT.sub(r"\1", text).replace("{", "").replace("}", "").strip()


@functools.lru_cache(maxsize=4)
def load_bibliography(path: pathlib.Path = BIB_FILE) -> dict[str, dict[str, str]]:
    """Map each bib key to its fields (braces and accents flattened)."""
    entries = {}
    for key, body in _ENTRY.findall(path.read_text(encoding="utf-8")):
        entries[key] = {name.lower(): _plain(value) for name, value in _FIELD.findall(body)}
    return entries


def author_year(key: str) -> str:
    """'Ropper and Zafonte (2015)' style text for a bib key."""
    entry = load_bibliography()[key]
    people = entry.get("author") or entry.get("editor") or "Anonymous"
    surnames = [person.split(",")[0].strip() for person in people.split(" and ")]
    who = (
        surnames[0]
        if len(surnames) == 1
        else (f"{surnames[0]} and {surnames[1]}" if len(surnames) == 2 else f"{surnames[0]} et al.")
    )
    return f"{who} ({entry.get('year', 'n.d.')})"


def short_citation(key: str) -> str:
    """'Ropper and Zafonte (2015). Sciatica.' style text for a bib key."""
    return f"{author_year(key)}. {load_bibliography()[key].get('title', '')}."
