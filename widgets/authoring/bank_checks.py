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

from ..anatomy import DEFAULT_PLATE, region_labels
from ..bibliography import load_bibliography
from ..paths import CHAPTER_DIR, display_path
from ..quizbank import SCHEMA_FILE, Bank, BankError, bank_paths, load_bank
from .bank_rules import (
    MIN_ITEMS_PER_OBJECTIVE,
    chapter_labels,
    cited_key_problems,
    did_you_mean,
    image_problems,
    level_problems,
    near_duplicates,
    normalised_stem,
    objective_coverage,
    option_feedback_problems,
    review_section_problems,
    toc_chapters,
    tolerance_problems,
)

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
ITEM_TYPES = tuple(SCHEMA["$defs"]["item"]["properties"]["type"]["enum"])


def _line_index(node) -> dict:
    """Line numbers (1-based) of the bank's keys, items and item fields, from the YAML nodes."""
    lines = {"": 1}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines[key.value] = key.start_mark.line + 1
        if isinstance(value, yaml.MappingNode):
            lines.update({(key.value, sub.value): sub.start_mark.line + 1 for sub, _ in value.value})
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
        data = "lumbar_anatomy.yml" if item.get("plate") == "lumbar-spine" else "sciatic_anatomy.yml"
        problems.insert(0, ("answer", f"unknown region id {answer!r} (see widgets/data/{data})"))
    return problems


def _item_problems(item: dict, bank: dict, known_sources: set, region_ids: set) -> list[tuple[str, str]]:
    """(field, message) for each semantic fault of one item that the schema cannot see."""
    problems = _answer_problems(item, region_ids)
    if item.get("source") not in known_sources:
        hint = did_you_mean(item.get("source"), known_sources) or " (add it to references.bib first)"
        problems.append(("source", f"unknown bib key {item.get('source')!r}{hint}"))
    objectives = bank.get("objectives") if isinstance(bank.get("objectives"), dict) else {}
    if item.get("objective") not in objectives:
        problems.append(
            (
                "objective",
                f"objective {item.get('objective')!r} is not one of this chapter's objectives"
                f"{did_you_mean(item.get('objective'), objectives)}",
            )
        )
    problems += level_problems(item) + tolerance_problems(item) + option_feedback_problems(item, region_ids)
    problems += image_problems(item)
    return problems + cited_key_problems(item, known_sources)


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
        problem = getattr(error, "problem", None) or error
        return [f"{where}{line}: malformed YAML: {problem}{_yaml_hint(str(problem))}"], None, {}
    if not isinstance(data, dict):
        return [f"{where}:1: a bank must be a mapping with bank, chapter, title, objectives and items"], None, {}
    return [], data, _line_index(node)


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return ' (quote text that contains a colon: prompt: "Ratio: 2 to 1")'
    if "found character '\\t'" in problem:
        return " (indent with spaces, not tabs)"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return " (check the indentation of this line and the one above)"
    return ""


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

    @property
    def objectives(self) -> dict:
        return self.data.get("objectives") if isinstance(self.data.get("objectives"), dict) else {}

    def on_bank(self, field, message: str, key=None) -> str:
        line = self.lines.get((field, key)) or self.lines.get(field, 1)
        return f"{self.where}:{line}: bank field {field!r}: {message}"


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


def _chapter_problems(report: _BankReport, chapter_dir: pathlib.Path | None) -> list[str]:
    """The bank's chapter is published (in _toc.yml) and its objectives are the notebook's own.

    Skipped where there are no notebooks or no _toc.yml (next to an installed wheel): the
    book build and the repository's own check still run them.
    """
    chapter = report.data.get("chapter")
    if not isinstance(chapter, str) or chapter_dir is None:
        return []
    chapter_dir = pathlib.Path(chapter_dir)
    if not (chapter_dir / f"{chapter}.ipynb").exists():
        return [report.on_bank("chapter", f"no notebook {chapter_dir.name}/{chapter}.ipynb")]
    problems = []
    published = toc_chapters(chapter_dir.parent / "_toc.yml")
    if published is not None and f"{chapter_dir.name}/{chapter}" not in published:
        problems.append(
            report.on_bank(
                "chapter",
                f"{chapter_dir.name}/{chapter} is not in _toc.yml (a draft chapter's questions "
                "must not reach the published review deck; list the chapter or move the bank out)",
            )
        )
    taught = chapter_objectives(chapter, chapter_dir)
    problems += [
        report.on_bank("objectives", f"objective {key!r}: not in the chapter's learning objectives: {text!r}", key)
        for key, text in report.objectives.items()
        if text not in taught
    ]
    for key, field, message in review_section_problems(report.data, chapter_labels(chapter, chapter_dir)):
        problems.append(report.on_bank(field, message, key))
    return problems


def _coverage_problems(report: _BankReport) -> list[str]:
    return [
        report.on_bank(
            "objectives",
            f"objective {key!r}: {count} item(s) assess it; every objective needs at least {MIN_ITEMS_PER_OBJECTIVE}",
            key,
        )
        for key, count in objective_coverage(report.objectives, report.items).items()
    ]


def _items_problems(report: _BankReport, already_reported: set) -> list[str]:
    """Semantic faults per item, leaving out fields the schema already reported (one message each)."""
    known_sources = set(load_bibliography())
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
            for field, message in _item_problems(
                item, report.data, known_sources, set(region_labels(item.get("plate") or DEFAULT_PLATE))
            )
            if (index, field) not in already_reported
        ]
    return problems


def _schema_problems(report: _BankReport, data: dict) -> tuple[list[str], set]:
    """Schema messages, and the (item index, field) pairs they cover."""
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    covered = set()
    for error in errors:
        parts = list(error.absolute_path)
        required = re.search(r"'(\w+)' is a required", error.message) if error.validator == "required" else None
        if parts[:1] == ["items"] and len(parts) >= 2:
            covered.add((parts[1], required.group(1) if required else (parts[2] if len(parts) > 2 else None)))
    return [_schema_problem(report, error) for error in errors], covered


def bank_problems(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> tuple[list[str], dict | None]:
    """Every fault in one bank file as 'file:line: item 'id': field 'f': message'."""
    problems, data, lines = _read(path)
    if data is None:
        return problems, None
    report = _BankReport(path, data, lines)
    problems, already_reported = _schema_problems(report, data)
    if data.get("bank") and data["bank"] != pathlib.Path(path).stem:
        problems.append(report.on_bank("bank", f"{data['bank']!r} must equal the file name"))
    problems += _chapter_problems(report, chapter_dir or CHAPTER_DIR)
    problems += _coverage_problems(report)
    return problems + _items_problems(report, already_reported), data


def _item_places(path: pathlib.Path, data: dict | None) -> list[tuple[str, str, int]]:
    """(id, prompt, line of the id) for each item of a bank that parsed."""
    if not data:
        return []
    report = _BankReport(path, data, _read(path)[2])
    return [
        (item["id"], item.get("prompt", ""), report.item_line(index, "id"))
        for index, item in enumerate(report.items)
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _across_banks(places: list[tuple[pathlib.Path, str, str, int]]) -> list[str]:
    """Ids used in two banks, and prompts that ask the same thing, each with both places."""
    problems, first = [], {}
    for path, item_id, _prompt, line in places:
        if item_id in first and first[item_id][0] != path:
            other_path, other_line = first[item_id]
            problems.append(
                f"{display_path(path)}:{line}: item {item_id!r}: field 'id': duplicate id, "
                f"also at {display_path(other_path)}:{other_line}"
            )
        first.setdefault(item_id, (path, line))
    stems = [(normalised_stem(prompt), (path, item_id, line)) for path, item_id, prompt, line in places]
    for (path, item_id, line), (other_path, other_id, other_line), ratio in near_duplicates(stems):
        if item_id == other_id:
            continue  # one copied item: the duplicate id above already says so
        problems.append(
            f"{display_path(other_path)}:{other_line}: item {other_id!r}: field 'prompt': asks the same as "
            f"{item_id!r} at {display_path(path)}:{line} ({ratio:.0%} alike; reword one or drop it)"
        )
    return problems


def check_banks(paths=None, chapter_dir: pathlib.Path | None = None) -> list[str]:
    """Problems across the given banks (default: all), including repeats between banks."""
    paths = sorted(pathlib.Path(p) for p in (paths or bank_paths()))
    problems, places = [], []
    for path in paths:
        found, data = bank_problems(path, chapter_dir)
        problems += found
        places += [(path, *place) for place in _item_places(path, data)]
    return problems + _across_banks(places)


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
