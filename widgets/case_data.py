"""Clinical case files (widgets/data/cases/<id>.yml): where they live and how the widget reads
them. Light on purpose: validation with jsonschema lives in widgets.authoring.case_validation,
which runs at build, in the check command and for an instructor's own file."""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib

import yaml

from .paths import DATA_DIR, display_path
from .quizbank import BankError

CASE_DIR = DATA_DIR / "cases"
SCHEMA_FILE = DATA_DIR / "case.schema.json"
CHECK_COMMAND = "python -m widgets.quizbank check"


class CaseError(BankError):
    """A case that must not be rendered; `problems` holds one message per fault."""


@dataclasses.dataclass
class Case:
    id: str
    path: pathlib.Path
    data: dict
    content_hash: str


def case_path(case_id: str, case_dir: pathlib.Path = CASE_DIR) -> pathlib.Path:
    path = pathlib.Path(case_dir) / f"{case_id}.yml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in pathlib.Path(case_dir).glob("*.yml")))
        raise CaseError([f"{display_path(path)}:1: case {case_id!r}: (file): no such case (hint: cases are {known})"])
    return path


def read_case(path: pathlib.Path) -> Case:
    """A course case as written (checked at build); a file that is not even a case mapping
    raises CaseError pointing at the check command."""
    path = pathlib.Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CaseError([f"{display_path(path)}: malformed YAML; run `{CHECK_COMMAND}`"]) from error
    if not isinstance(data, dict) or not isinstance(data.get("stages"), list):
        raise CaseError([f"{display_path(path)}:1: not a case; run `{CHECK_COMMAND}` for the details"])
    return Case(data.get("id", path.stem), path, data, hashlib.sha256(path.read_bytes()).hexdigest()[:16])
