"""Question-bank checks: every fault named by file, line, item and field.

One checker serves `python -m widgets.quizbank check`, the book build (sphinx_ext) and the
tests. The widgets only load banks (widgets.quizbank); this is where they are judged.
"""

from __future__ import annotations

import functools
import json
import pathlib
import re

import jsonschema
import nbformat
import yaml

from ..anatomy import region_labels
from ..bibliography import load_bibliography
from ..paths import CHAPTER_DIR, display_path
from ..quizbank import SCHEMA_FILE, Bank, BankError, bank_paths, load_bank

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
ITEM_TYPES = tuple(SCHEMA["$defs"]["item"]["properties"]["type"]["enum"])


def _line_index(node) -> dict:
    """Line numbers (1-based) of the bank's keys, items and item fields, from the YAML nodes."""
    lines = {"": 1}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines[key.value] = key.start_mark.line + 1
        if key.value == "items" and isinstance(value, yaml.SequenceNode):
            for index, item in enumerate(value.value):
                lines[("item", index)] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for field, field_value in item.value:
                        lines[("item", index, field.value)] = field_value.start_mark.line + 1
    return lines


@functools.lru_cache(maxsize=32)
def chapter_objectives(chapter: str, chapter_dir: pathlib.Path) -> tuple[str, ...]:
    """The numbered items under '## Learning objectives' in the chapter notebook."""
    path = chapter_dir / f"{chapter}.ipynb"
    if not path.exists():
        return ()
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    section = re.search(r"## Learning objectives\n(.*?)(?:\n#|\Z)", text, re.S)
    return tuple(re.findall(r"^\d+\.\s+(.+?)\s*$", section.group(1), re.M)) if section else ()


def _choice_problems(kind: str, answer, options) -> list[tuple[str, str]]:
    """Faults of a single- or multiple-choice item's options and answer."""
    if not options:
        return [("options", "options are empty: a choice question needs at least two")]
    problems = []
    if kind == "single" and answer not in options:
        problems.append(("answer", f"answer {answer!r} is not among the options"))
    elif kind == "multiple" and (not isinstance(answer, list) or not answer):
        problems.append(("answer", "a multiple-choice answer must be a non-empty list of options"))
    elif kind == "multiple" and [a for a in answer if a not in options]:
        problems.append(("answer", f"answer {[a for a in answer if a not in options]!r} is not among the options"))
    if len(set(options)) != len(options):
        problems.append(("options", "options repeat"))
    return problems


def _answer_problems(item: dict, region_ids: set) -> list[tuple[str, str]]:
    """Faults of an item's answer (and options) for its type."""
    kind, answer, options = item.get("type"), item.get("answer"), item.get("options")
    if kind in ("single", "multiple"):
        return _choice_problems(kind, answer, options)
    if kind == "true_false" and not isinstance(answer, bool):
        return [("answer", "a true_false answer must be true or false")]
    if kind == "numeric" and (isinstance(answer, bool) or not isinstance(answer, (int, float))):
        return [("answer", "a numeric answer must be a number")]
    if kind != "hotspot":
        return []
    problems = [("options", f"unknown region id {o!r}") for o in options or [] if o not in region_ids]
    if answer not in region_ids:
        problems.insert(0, ("answer", f"unknown region id {answer!r} (see widgets/data/sciatic_anatomy.yml)"))
    return problems


def _item_problems(item: dict, bank: dict, known_sources: set, region_ids: set) -> list[tuple[str, str]]:
    """(field, message) for each semantic fault of one item that the schema cannot see."""
    problems = _answer_problems(item, region_ids)
    if item.get("source") not in known_sources:
        problems.append(("source", f"unknown bib key {item.get('source')!r} (not in references.bib)"))
    if item.get("objective") not in (bank.get("objectives") or {}):
        problems.append(("objective", f"objective {item.get('objective')!r} is not one of this chapter's objectives"))
    return problems


def _read(path: pathlib.Path) -> tuple[list[str], dict | None, dict]:
    """(problems, data, YAML line index) for one bank file; data is None when unreadable."""
    where = display_path(path)
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as error:
        return [f"{where}: cannot read the file: {error.strerror}"], None, {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [f"{where}{line}: malformed YAML: {getattr(error, 'problem', error)}"], None, {}
    if not isinstance(data, dict):
        return [f"{where}:1: a bank must be a mapping with bank, chapter, title, objectives and items"], None, {}
    return [], data, _line_index(node)


class _BankReport:
    """Turns findings about one bank into 'file:line: item 'id': field 'f': message' lines."""

    def __init__(self, path: pathlib.Path, data: dict, lines: dict):
        self.where, self.data, self.lines = display_path(path), data, lines
        self.items = data.get("items") if isinstance(data.get("items"), list) else []

    def item_label(self, index: int) -> str:
        item = self.items[index] if index < len(self.items) and isinstance(self.items[index], dict) else {}
        return f"item {item.get('id')!r}" if item.get("id") else f"item #{index + 1} (no id)"

    def item_line(self, index: int, field) -> int:
        return self.lines.get(("item", index, field)) or self.lines.get(("item", index), 1)

    def on_item(self, index: int, field, message: str) -> str:
        return f"{self.where}:{self.item_line(index, field)}: {self.item_label(index)}: field {field!r}: {message}"

    def on_bank(self, field, message: str, key=None) -> str:
        return f"{self.where}:{self.lines.get(key or field, 1)}: bank field {field!r}: {message}"


def _schema_problem(report: _BankReport, error) -> str:
    path_parts = list(error.absolute_path)
    required = re.search(r"'(\w+)' is a required", error.message) if error.validator == "required" else None
    if path_parts[:1] != ["items"] or len(path_parts) < 2:
        field = required.group(1) if required else (path_parts[0] if path_parts else None)
        return report.on_bank(field, error.message)
    index, field = path_parts[1], path_parts[2] if len(path_parts) > 2 else None
    if required:
        field, message = required.group(1), "missing"
    elif field == "type" and error.validator == "enum":
        message = f"unknown type {error.instance!r} (expected one of {', '.join(ITEM_TYPES)})"
    else:
        message = error.message
    return report.on_item(index, field, message)


def _objective_problems(report: _BankReport, chapter_dir: pathlib.Path | None) -> list[str]:
    """The bank's objectives must be the chapter notebook's own (skipped without notebooks)."""
    chapter = report.data.get("chapter")
    if not isinstance(chapter, str) or chapter_dir is None:
        return []
    chapter_dir = pathlib.Path(chapter_dir)
    if not (chapter_dir / f"{chapter}.ipynb").exists():
        return [report.on_bank("chapter", f"no notebook chapters/{chapter}.ipynb")]
    taught = chapter_objectives(chapter, chapter_dir)
    objectives = report.data.get("objectives") if isinstance(report.data.get("objectives"), dict) else {}
    return [
        f"{report.where}:{report.lines.get('objectives', 1)}: objective {key!r}: "
        f"not in the chapter's learning objectives: {text!r}"
        for key, text in objectives.items()
        if text not in taught
    ]


def _items_problems(report: _BankReport) -> list[str]:
    known_sources, region_ids = set(load_bibliography()), set(region_labels())
    problems, first_line = [], {}
    for index, item in enumerate(report.items):
        if not isinstance(item, dict):
            continue
        if item.get("id") in first_line:
            problems.append(report.on_item(index, "id", f"duplicate id (first at line {first_line[item['id']]})"))
        elif item.get("id"):
            first_line[item["id"]] = report.item_line(index, "id")
        problems += [
            report.on_item(index, field, message)
            for field, message in _item_problems(item, report.data, known_sources, region_ids)
        ]
    return problems


def bank_problems(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> tuple[list[str], dict | None]:
    """Every fault in one bank file as 'file:line: item 'id': field 'f': message'."""
    problems, data, lines = _read(path)
    if data is None:
        return problems, None
    report = _BankReport(path, data, lines)
    schema_errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    problems = [_schema_problem(report, error) for error in schema_errors]
    if data.get("bank") and data["bank"] != pathlib.Path(path).stem:
        problems.append(report.on_bank("bank", f"{data['bank']!r} must equal the file name"))
    # No chapter notebooks next to an installed wheel: objectives are then checked at build.
    problems += _objective_problems(report, chapter_dir or CHAPTER_DIR)
    return problems + _items_problems(report), data


def check_banks(paths=None, chapter_dir: pathlib.Path | None = None) -> list[str]:
    """Problems across the given banks (default: all), including ids repeated between banks."""
    paths = sorted(pathlib.Path(p) for p in (paths or bank_paths()))
    problems, owners = [], {}
    for path in paths:
        found, data = bank_problems(path, chapter_dir)
        problems += found
        for item in (data or {}).get("items") or []:
            if isinstance(item, dict) and item.get("id"):
                if item["id"] in owners and owners[item["id"]] != path:
                    also_in = display_path(owners[item["id"]])
                    problems.append(
                        f"{display_path(path)}: item {item['id']!r}: field 'id': duplicate id, also in {also_in}"
                    )
                owners.setdefault(item["id"], path)
    return problems


def checked_bank(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> Bank:
    """A bank that passed every check, or BankError listing every fault. Nothing half-loads."""
    problems, _ = bank_problems(path, chapter_dir)
    if problems:
        raise BankError(problems)
    return load_bank(path)


def checked_banks(paths=None, chapter_dir: pathlib.Path | None = None) -> list[Bank]:
    """Every bank (default: all of the course's), checked together, or BankError."""
    paths = sorted(pathlib.Path(p) for p in (paths or bank_paths()))
    problems = check_banks(paths, chapter_dir)
    if problems:
        raise BankError(problems)
    return [load_bank(path) for path in paths]
