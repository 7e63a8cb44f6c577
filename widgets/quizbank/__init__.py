"""Question banks at run time: read a bank and shape its items for the quiz and review widgets.

A bank is chapters/quizzes/<bank>.yml. This module only loads: the full checks (JSON
Schema, line numbers, objectives against the chapter notebook, bib keys) live in
widgets.authoring.bank_checks and run in `python -m widgets.quizbank check`, the book
build and the tests, never in a learner's kernel.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import json
import pathlib

import nh3
import yaml
from markdown_it import MarkdownIt

from ..anatomy import DEFAULT_PLATE, region_labels
from ..bibliography import short_citation
from ..paths import BANK_DIR, DATA_DIR, IMAGES_DIR, display_path

SCHEMA_FILE = DATA_DIR / "quizbank.schema.json"
CHECK_COMMAND = "python -m widgets.quizbank check"
# Storage keys on the published site are bank name + this many hex digits of the bank's hash.
CONTENT_HASH_DIGITS = 16
SAFE_TAGS = {"p", "strong", "em", "code", "pre", "ul", "ol", "li", "br", "sub", "sup"}
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(["image"])


class BankError(ValueError):
    """A bank that must not be rendered; `problems` holds one message per fault."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclasses.dataclass
class Bank:
    name: str
    chapter: str
    title: str
    objectives: dict[str, str]
    items: list[dict]
    content_hash: str
    review_sections: dict[str, str] = dataclasses.field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def required_fields() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(bank fields, item fields) every bank must have, read from the bank schema."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return tuple(schema["required"]), tuple(schema["$defs"]["item"]["required"])


def _missing_fields(path: pathlib.Path, data) -> list[str]:
    """Only what rendering needs: a missing field would otherwise fail half-way."""
    where = display_path(path)
    bank_fields, item_fields = required_fields()
    if not isinstance(data, dict):
        return [f"{where}: not a bank (a mapping with {', '.join(bank_fields)})"]
    problems = [f"{where}: bank field {field!r}: missing" for field in bank_fields if field not in data]
    items = data.get("items")
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        label = f"item {item.get('id')!r}" if isinstance(item, dict) and item.get("id") else f"item #{number}"
        missing = [field for field in item_fields if not isinstance(item, dict) or field not in item]
        problems += [f"{where}: {label}: field {field!r}: missing" for field in missing]
    return problems


def load_bank(path: pathlib.Path) -> Bank:
    """A bank as written, or BankError when it lacks what rendering needs.

    Semantic faults (an answer not among the options, an unknown bib key) are the job of
    `python -m widgets.quizbank check`, which the book build runs too.
    """
    path = pathlib.Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise BankError([f"{display_path(path)}: malformed YAML; run `{CHECK_COMMAND} {path}`"]) from error
    problems = _missing_fields(path, data)
    if problems:
        raise BankError([*problems, f"run `{CHECK_COMMAND} {path}` for every problem with its line"])
    content_hash = hashlib.sha256(path.read_bytes()).hexdigest()[:CONTENT_HASH_DIGITS]
    return Bank(
        path.stem,
        data["chapter"],
        data["title"],
        data["objectives"],
        data["items"],
        content_hash,
        dict(data.get("review_sections") or {}),
    )


def bank_path(name: str, bank_dir: pathlib.Path = BANK_DIR) -> pathlib.Path:
    path = pathlib.Path(bank_dir) / f"{name}.yml"
    if not path.exists():
        known = sorted(p.stem for p in pathlib.Path(bank_dir).glob("*.yml"))
        raise BankError([f"{display_path(path)}: no such bank {name!r}; banks: {', '.join(known)}"])
    return path


def bank_paths(bank_dir: pathlib.Path = BANK_DIR) -> list[pathlib.Path]:
    return sorted(pathlib.Path(bank_dir).glob("*.yml"))


def load_all_banks(bank_dir: pathlib.Path = BANK_DIR) -> list[Bank]:
    return [load_bank(path) for path in bank_paths(bank_dir)]


def render_markdown(text: str, inline: bool = False) -> str:
    """Bank Markdown to HTML that is safe to insert: raw HTML is escaped, then sanitised."""
    html = _MARKDOWN.renderInline(text) if inline else _MARKDOWN.render(text)
    return nh3.clean(html, tags=SAFE_TAGS, attributes={})


def image_payload(image: dict) -> dict:
    """A bank item's figure, embedded as a data URI so it shows on the static page, in
    JupyterLab and offline alike, with its alt text."""
    path = IMAGES_DIR / image["file"]
    kind = "svg+xml" if path.suffix == ".svg" else "png"
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return {"src": f"data:image/{kind};base64,{encoded}", "alt": image["alt"]}


def item_payload(item: dict) -> dict:
    """What the ES module needs for one item; text fields are already safe HTML or plain text."""
    payload = {
        "id": item["id"],
        "type": item["type"],
        "prompt_html": render_markdown(item["prompt"]),
        "explanation_html": render_markdown(item["explanation"]),
        "citation": short_citation(item["source"]),
        "answer": item["answer"],
        "options": list(item.get("options") or []),
        "tolerance": item.get("tolerance", 0),
        "objective": item["objective"],
        "difficulty": item["difficulty"],
        "hint": item.get("hint", ""),
        "unit": item.get("unit", ""),
        "option_feedback": dict(item.get("option_feedback") or {}),
    }
    if item.get("image"):
        payload["image"] = image_payload(item["image"])
    if item["type"] == "true_false":
        payload["options"] = ["True", "False"]
        payload["answer"] = "True" if item["answer"] else "False"
    if item["type"] == "hotspot":
        payload["plate"] = item.get("plate", DEFAULT_PLATE)  # the plate it is answered on
        labels = region_labels(payload["plate"])
        ids = payload["options"] or list(labels)
        payload["options"] = [labels[i] for i in ids]
        payload["answer"] = labels[item["answer"]]
        payload["option_feedback"] = {labels.get(key, key): text for key, text in payload["option_feedback"].items()}
    return payload
