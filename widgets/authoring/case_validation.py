"""Clinical cases: load and validate widgets/data/cases/<id>.yml.

Every message reads `file:line: case 'id': field: message (hint: ...)`, so an instructor can
go straight to the fault. One validator serves the bank check command
(`python -m widgets.quizbank check`), the book build (widgets.authoring.sphinx_ext) and
`CaseStudy.from_file` for an instructor's own file. The course's own cases are checked at
build, so `CaseStudy.from_case` reads them without this module (a kernel never pays for
jsonschema).
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import re

import jsonschema
import yaml

from ..bibliography import load_bibliography
from ..case_data import CASE_DIR, SCHEMA_FILE, Case, CaseError
from ..paths import CHAPTER_DIR, display_path
from ..red_flags import urgency_levels

CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")
# A tag or comment written into the YAML: case text is Markdown only, never HTML.
RAW_HTML = re.compile(r"<!--|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def field_label(parts) -> str:
    """('stages', 2, 'decision', 'answer') -> 'stages[2].decision.answer'."""
    label = ""
    for part in parts:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else str(part))
    return label or "(case)"


def _line_index(node, parts=(), lines=None) -> dict:
    """1-based line of every mapping value and list entry, keyed by its path in the data."""
    lines = {} if lines is None else lines
    lines.setdefault(parts, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(*parts, key.value)] = key.start_mark.line + 1
            _line_index(value, (*parts, key.value), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _line_index(value, (*parts, index), lines)
    return lines


def _line_for(lines: dict, parts) -> int:
    parts = tuple(parts)
    while parts not in lines and parts:
        parts = parts[:-1]
    return lines.get(parts, 1)


def _strings(value, parts=()):
    """Every text field in the case with its path (ids and keys included: they are short)."""
    if isinstance(value, str):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*parts, index))


def _schema_problem(error) -> tuple[tuple, str, str]:
    """(path, message, hint) for one jsonschema error, in an instructor's words."""
    parts = tuple(error.absolute_path)
    if error.validator == "required":
        missing = re.search(r"'(\w+)' is a required", error.message).group(1)
        return (*parts, missing), "missing", "add this field (see widgets/data/case.schema.json)"
    if error.validator == "additionalProperties":
        extra = ", ".join(re.findall(r"'(\w+)'", error.message.split("(")[-1]))
        return parts, f"unknown field(s) {extra}", "check the spelling; the schema lists every allowed field"
    if error.validator == "enum" and parts[-1:] == ("type",):
        kinds = ", ".join(error.validator_value)
        return parts, f"unknown decision type {error.instance!r}", f"use one of {kinds}"
    if error.validator == "not":
        return (
            parts,
            "has a field this decision type does not use",
            "free_text takes model_answer and key_points (no options or answer); "
            "urgency takes only answer (the options are the course's urgency scale)",
        )
    if error.validator == "pattern":
        return parts, f"{error.instance!r} is not a lower-case-with-hyphens id", "write ids like 'history-taking'"
    return parts, error.message, "see widgets/data/case.schema.json"


def _decision_problems(  # noqa: C901 - one branch per decision type, each a rule an instructor reads
    decision: dict, parts: tuple, levels: list[str]
) -> list[tuple[tuple, str, str]]:
    """Faults in one decision that the schema cannot see."""
    problems = []
    kind, answer = decision.get("type"), decision.get("answer")
    options = [o for o in decision.get("options") or [] if isinstance(o, dict)]
    ids = [o.get("id") for o in options]
    listed = ", ".join(str(i) for i in ids)
    for repeated in sorted({i for i in ids if ids.count(i) > 1}, key=str):
        problems.append(((*parts, "options"), f"option id {repeated!r} repeats", "give each option its own id"))
    if kind == "single" and isinstance(answer, str) and answer not in ids:
        problems.append(((*parts, "answer"), f"{answer!r} is not one of the option ids", f"use one of {listed}"))
    if kind == "multiple" and isinstance(answer, list):
        for wrong in [a for a in answer if a not in ids]:
            problems.append(((*parts, "answer"), f"{wrong!r} is not one of the option ids", f"use ids from {listed}"))
    if kind == "ranking" and isinstance(answer, list):
        if sorted(map(str, answer)) != sorted(map(str, ids)):
            problems.append(
                (
                    (*parts, "answer"),
                    "the model ranking must list every option id exactly once",
                    f"order all of {listed}",
                )
            )
        elif answer == ids:
            problems.append(
                (
                    (*parts, "options"),
                    "options are listed in the model order, so the starting order gives the answer away",
                    "list the options in another order; the answer keeps the model order",
                )
            )
        if decision.get("match_top", 1) > len(ids):
            problems.append(
                (
                    (*parts, "match_top"),
                    f"match_top {decision['match_top']} is more than the {len(ids)} options",
                    "use a number from 1 to the number of options",
                )
            )
    if "match_top" in decision and kind != "ranking":
        problems.append(((*parts, "match_top"), "match_top applies only to ranking decisions", "remove it"))
    if kind == "urgency" and isinstance(answer, str) and answer not in levels:
        problems.append(
            (
                (*parts, "answer"),
                f"{answer!r} is not a level of the course's urgency scale",
                f"use one of {', '.join(levels)} (widgets/data/urgency.yml)",
            )
        )
    return problems


def _semantic_problems(  # noqa: C901 - a flat list of independent rules, clearer together
    data: dict, path: pathlib.Path, chapter_dir: pathlib.Path | None
) -> list[tuple[tuple, str, str]]:
    problems = []
    if isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(
            (
                ("id",),
                f"{data['id']!r} differs from the file name {path.stem!r}",
                f"rename the file to {data['id']}.yml or set id: {path.stem}",
            )
        )
    for index, chapter in enumerate(data.get("chapters") or []):
        if isinstance(chapter, str) and chapter_dir and not (chapter_dir / f"{chapter}.ipynb").exists():
            problems.append(
                (
                    ("chapters", index),
                    f"no chapter notebook chapters/{chapter}.ipynb",
                    "name a chapter by its notebook stem, e.g. 04-symptoms",
                )
            )
    stages = [s for s in data.get("stages") or [] if isinstance(s, dict)]
    seen = {}
    levels = [level["id"] for level in urgency_levels()]
    known = set(load_bibliography())
    for index, stage in enumerate(stages):
        if stage.get("id") in seen:
            problems.append(
                (
                    ("stages", index, "id"),
                    f"stage id {stage['id']!r} repeats (first is stages[{seen[stage['id']]}])",
                    "give each stage its own id",
                )
            )
        seen.setdefault(stage.get("id"), index)
        decision = stage.get("decision")
        if isinstance(decision, dict):
            parts = ("stages", index, "decision")
            problems += _decision_problems(decision, parts, levels)
            if isinstance(decision.get("source"), str) and decision["source"] not in known:
                problems.append(
                    (
                        (*parts, "source"),
                        f"unknown bib key {decision['source']!r}",
                        "add the entry to references.bib or use an existing key",
                    )
                )
    for parts, text in _strings(data):
        for group in CITE.findall(text):
            for key in (k.strip() for k in group.split(",")):
                if key not in known:
                    problems.append(
                        (parts, f"cites unknown bib key {key!r}", "add the entry to references.bib or fix the key")
                    )
        if RAW_HTML.search(text):
            problems.append(
                (
                    parts,
                    f"contains raw HTML {RAW_HTML.search(text).group(0)!r}",
                    "write Markdown (**bold**, *italic*, lists); HTML is never passed through",
                )
            )
    return problems


def case_problems(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> tuple[list[str], dict | None]:
    """Every fault in one case file, each as 'file:line: case 'id': field: message (hint: ...)'."""
    path = pathlib.Path(path)
    # An installed wheel has no chapters to check links against (CHAPTER_DIR is None there).
    chapter_dir = chapter_dir or CHAPTER_DIR
    chapter_dir = pathlib.Path(chapter_dir) if chapter_dir else None
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as error:
        return [
            f"{where}:1: case {path.stem!r}: (file): cannot read the file: {error.strerror} (hint: check the path)"
        ], None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [
            f"{where}:{line}: case {path.stem!r}: (file): malformed YAML: {getattr(error, 'problem', error)} "
            "(hint: check indentation and quote text that contains a colon)"
        ], None
    if not isinstance(data, dict) or node is None:
        return [
            f"{where}:1: case {path.stem!r}: (case): a case must be a mapping of fields "
            "(hint: start from an existing case in widgets/data/cases/)"
        ], None
    lines = _line_index(node)
    name = data.get("id") if isinstance(data.get("id"), str) else path.stem
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    found = [_schema_problem(error) for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    found += _semantic_problems(data, path, chapter_dir)
    messages = [
        f"{where}:{_line_for(lines, parts)}: case {name!r}: {field_label(parts)}: {message} (hint: {hint})"
        for parts, message, hint in found
    ]
    return sorted(set(messages), key=lambda m: (int(m.split(":")[1]), m)), data


def load_case(path: pathlib.Path, chapter_dir: pathlib.Path | None = None) -> Case:
    """A validated case, or CaseError listing every fault. Nothing half-loads."""
    path = pathlib.Path(path)
    problems, data = case_problems(path, chapter_dir)
    if problems:
        raise CaseError(problems)
    return Case(data["id"], path, data, hashlib.sha256(path.read_bytes()).hexdigest()[:16])


def check_cases(paths=None, chapter_dir: pathlib.Path | None = None) -> list[str]:
    """Problems across the given case files (default: every case). A case's id must equal its
    file name, so ids cannot repeat within widgets/data/cases/."""
    paths = sorted(pathlib.Path(p) for p in (paths or CASE_DIR.glob("*.yml")))
    return [problem for path in paths for problem in case_problems(path, chapter_dir)[0]]
