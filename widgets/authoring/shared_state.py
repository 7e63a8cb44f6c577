"""A page's embedded widget state with every shared piece stored once.

myst-nb writes each model's whole state into the page, so every course widget carried its
own copy of common.js, the shared parts and stylesheets (widgets/_base.py assembles them),
and every plate its own 38 KB SVG. `pack` moves those pieces into one table on the page:

- a string made of marked parts (`//@course-part <name>` or `/*@course-part <name>*/` at the
  start of a line, as `es_module` and `stylesheet` write them) becomes a reference to its parts;
- any other long string that occurs more than once on the page (the plate SVG) becomes a
  reference to one copy.

A reference is `{"$course-shared": [key, ...]}`: the string is the keys' texts joined. The
table sits beside `state` under `course_shared`. The static loader
(widgets/runtime/anywidget-static.js) resolves references before it creates any model;
`resolve` here is its Python twin, and `resolve(pack(document)) == document` always.
JupyterLab never sees a packed document: only the built pages are packed.
"""

from __future__ import annotations

import collections
import hashlib
import json
import re

SHARED = "course_shared"
REFERENCE = "$course-shared"
# A long string is stored once when it occurs at least twice on a page; shorter ones are
# not worth a reference (a reference and its key cost about 40 bytes).
MIN_REPEATED_LENGTH = 1024
PART_START = re.compile(r"^(?=(?://|/\*)@course-part )", re.M)
PART_NAME = re.compile(r"(?://|/\*)@course-part ([^\s*]+)")
STATE_SCRIPT = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


def page_documents(html: str) -> list[dict]:
    """A built page's widget-state documents, as stored (packed); most pages have one or none."""
    return [json.loads(body) for body in STATE_SCRIPT.findall(html)]


def pack(document: dict) -> dict:
    """The document with each marked part and each repeated long string stored once, or the
    document itself when that would not make it smaller."""
    state = document.get("state")
    if not state:
        return document
    repeated = collections.Counter(
        text for text in _strings(state) if len(text) >= MIN_REPEATED_LENGTH and not PART_START.search(text)
    )
    table = _Table()
    packed = {**document, "state": _pack_value(state, "state", repeated, table), SHARED: table.texts}
    # A page with one widget shares nothing; its state stays as saved rather than grow by the keys.
    return packed if len(json.dumps(packed)) < len(json.dumps(document)) else document


class _Table:
    """Texts by key, each text once; a key is a readable name and the text's hash."""

    def __init__(self):
        self.texts: dict[str, str] = {}
        self._keys: dict[str, str] = {}

    def key(self, name: str, text: str) -> str:
        if text not in self._keys:
            key = f"{re.sub(r'[^A-Za-z0-9._-]', '_', name)}-{hashlib.sha256(text.encode()).hexdigest()[:12]}"
            self._keys[text] = key
            self.texts[key] = text
        return self._keys[text]


def _pack_value(value, name: str, repeated: collections.Counter, table: _Table):
    if isinstance(value, str):
        if PART_START.search(value):
            parts = [part for part in PART_START.split(value) if part]
            return {REFERENCE: [table.key(_part_name(part, name), part) for part in parts]}
        return {REFERENCE: [table.key(name, value)]} if repeated[value] > 1 else value
    if isinstance(value, dict):
        if REFERENCE in value:
            raise ValueError(f"widget state already holds a {REFERENCE!r} key (under {name!r}): cannot pack it")
        return {key: _pack_value(item, key, repeated, table) for key, item in value.items()}
    if isinstance(value, list):
        return [_pack_value(item, name, repeated, table) for item in value]
    return value


def resolve(document: dict) -> dict:
    """The document as myst-nb wrote it: every reference replaced by its joined texts."""
    table = document.get(SHARED)
    if table is None:
        return document

    def walk(value):
        if isinstance(value, dict):
            if set(value) == {REFERENCE}:
                missing = [key for key in value[REFERENCE] if key not in table]
                if missing:
                    raise KeyError(f"widget state refers to {missing} but the page's {SHARED} table lacks them")
                return "".join(table[key] for key in value[REFERENCE])
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    resolved = {key: value for key, value in document.items() if key != SHARED}
    resolved["state"] = walk(document["state"])
    return resolved


def _part_name(part: str, fallback: str) -> str:
    match = PART_NAME.match(part)
    return match.group(1) if match else fallback


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
