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


def _item_problems(item: dict, bank: dict, known_sources: set, region_ids: set) -> list[tuple[str, str]]:
    """(field, message) for each semantic fault of one item that the schema cannot see."""
    problems = []
    kind, answer, options = item.get("type"), item.get("answer"), item.get("options")
    if kind in ("single", "multiple"):
        if not options:
            problems.append(("options", "options are empty: a choice question needs at least two"))
        elif kind == "single" and answer not in options:
            problems.append(("answer", f"answer {answer!r} is not among the options"))
        elif kind == "multiple":
            if not isinstance(answer, list) or not answer:
                problems.append(("answer", "a multiple-choice answer must be a non-empty list of options"))
            else:
                missing = [a for a in answer if a not in options]
                if missing:
                    problems.append(("answer", f"answer {missing!r} is not among the options"))
        if options and len(set(options)) != len(options):
            problems.append(("options", "options repeat"))
    elif kind == "true_false" and not isinstance(answer, bool):
        problems.append(("answer", "a true_false answer must be true or false"))
    elif kind == "numeric" and (isinstance(answer, bool) or not isinstance(answer, (int, float))):
        problems.append(("answer", "a numeric answer must be a number"))
    elif kind == "hotspot" and answer not in region_ids:
        problems.append(("answer", f"unknown region id {answer!r} (see widgets/data/sciatic_anatomy.yml)"))
    if kind == "hotspot" and options:
        problems += [("options", f"unknown region id {o!r}") for o in options if o not in region_ids]
    if item.get("source") not in known_sources:
        problems.append(("source", f"unknown bib key {item.get('source')!r} (not in references.bib)"))
    if item.get("objective") not in (bank.get("objectives") or {}):
        problems.append(("objective", f"objective {item.get('objective')!r} is not one of this chapter's objectives"))
    return problems


def bank_problems(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> tuple[list[str], dict | None]:
    """Every fault in one bank file as 'file:line: item 'id': field 'f': message'."""
    # No chapter notebooks next to an installed wheel: objectives are then checked at build.
    chapter_dir = chapter_dir or CHAPTER_DIR
    where = display_path(path)
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as error:
        return [f"{where}: cannot read the file: {error.strerror}"], None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [f"{where}{line}: malformed YAML: {getattr(error, 'problem', error)}"], None
    lines = _line_index(node)
    if not isinstance(data, dict):
        return [f"{where}:1: a bank must be a mapping with bank, chapter, title, objectives and items"], None

    problems = []
    items = data.get("items") if isinstance(data.get("items"), list) else []

    def item_label(index):
        item = items[index] if index < len(items) and isinstance(items[index], dict) else {}
        return f"item {item.get('id')!r}" if item.get("id") else f"item #{index + 1} (no id)"

    for error in sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path)):
        path_parts = list(error.absolute_path)
        if path_parts[:1] == ["items"] and len(path_parts) >= 2:
            index = path_parts[1]
            field = path_parts[2] if len(path_parts) > 2 else None
            if error.validator == "required":
                field = re.search(r"'(\w+)' is a required", error.message).group(1)
                message = "missing"
            elif field == "type" and error.validator == "enum":
                message = f"unknown type {error.instance!r} (expected one of {', '.join(ITEM_TYPES)})"
            else:
                message = error.message
            line = lines.get(("item", index, field)) or lines.get(("item", index), 1)
            label = "id" if field == "id" and message == "missing" else field
            problems.append(f"{where}:{line}: {item_label(index)}: field {label!r}: {message}")
        else:
            field = path_parts[0] if path_parts else None
            if error.validator == "required":
                field = re.search(r"'(\w+)' is a required", error.message).group(1)
            problems.append(f"{where}:{lines.get(field, 1)}: bank field {field!r}: {error.message}")

    if data.get("bank") and data["bank"] != pathlib.Path(path).stem:
        problems.append(f"{where}:{lines.get('bank', 1)}: bank field 'bank': {data['bank']!r} must equal the file name")
    objectives = data.get("objectives") if isinstance(data.get("objectives"), dict) else {}
    if isinstance(data.get("chapter"), str) and chapter_dir is not None:
        chapter_dir = pathlib.Path(chapter_dir)
        taught = chapter_objectives(data["chapter"], chapter_dir)
        if not (chapter_dir / f"{data['chapter']}.ipynb").exists():
            problems.append(
                f"{where}:{lines.get('chapter', 1)}: bank field 'chapter': no notebook chapters/{data['chapter']}.ipynb"
            )
        else:
            for key, text_ in objectives.items():
                if text_ not in taught:
                    problems.append(
                        f"{where}:{lines.get('objectives', 1)}: objective {key!r}: not in the chapter's learning objectives: {text_!r}"
                    )

    known_sources, region_ids = set(load_bibliography()), set(region_labels())
    seen = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        if item.get("id") in seen:
            problems.append(
                f"{where}:{lines.get(('item', index, 'id'), 1)}: {item_label(index)}: field 'id': duplicate id (first at line {seen[item['id']]})"
            )
        elif item.get("id"):
            seen[item["id"]] = lines.get(("item", index, "id"), 1)
        for field, message in _item_problems(item, data, known_sources, region_ids):
            line = lines.get(("item", index, field)) or lines.get(("item", index), 1)
            problems.append(f"{where}:{line}: {item_label(index)}: field {field!r}: {message}")
    return problems, data


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
                    problems.append(
                        f"{display_path(path)}: item {item['id']!r}: field 'id': duplicate id, also in {display_path(owners[item['id']])}"
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
