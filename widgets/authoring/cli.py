"""Command line for question banks: `python -m widgets.quizbank check|blueprint|export|import-jupyterquiz`."""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import yaml

from ..quizbank import BankError, bank_path, bank_paths
from . import interop
from .bank_checks import check_banks, checked_banks
from .blueprint import blueprint_markdown
from .case_validation import check_cases
from .export_text import ExportRefused
from .gift import to_gift

# Formats written as text (stdout or -o) and as binary packages (-o required).
TEXT_FORMATS = ("gift", "jupyterquiz")
PACKAGE_FORMATS = ("qti", "anki")


def check(args) -> int:
    problems = check_banks(args.files or None)
    problems += [] if args.files else check_cases()  # the clinical cases in widgets/data/cases too
    for problem in problems:
        print(problem, file=sys.stderr)
    count = len(args.files) or len(bank_paths())
    print(f"{count} bank(s) checked: {len(problems)} problem(s)")
    return 1 if problems else 0


def _selected_banks(args):
    return checked_banks([bank_path(name) for name in args.bank] if args.bank else None)


def blueprint(args) -> int:
    try:
        print(blueprint_markdown(_selected_banks(args)))
    except BankError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _write_package(kind: str, banks, output: pathlib.Path) -> None:
    # Imported here: text2qti and genanki come with the `book` extra, not with the widgets.
    try:
        if kind == "qti":
            from .qti import write_qti as write
        else:
            from .anki import write_apkg as write
    except ImportError as error:
        raise ExportRefused([f"--format {kind} needs {error.name}: pip install -e '.[book]'"]) from error
    write(banks, output)


def export(args) -> int:
    if args.format in PACKAGE_FORMATS and not args.output:
        print(f"--format {args.format} writes a package: give -o FILE", file=sys.stderr)
        return 2
    try:
        banks = _selected_banks(args)
        if args.format in PACKAGE_FORMATS:
            _write_package(args.format, banks, pathlib.Path(args.output))
            print(f"{sum(len(b.items) for b in banks)} items written to {args.output}")
            return 0
        if args.format == "gift":
            text = to_gift(banks)
        else:
            text = json.dumps(interop.to_jupyterquiz(banks), indent=2, ensure_ascii=False) + "\n"
    except (BankError, ExportRefused) as error:
        print("\n".join(error.problems), file=sys.stderr)
        return 1
    if args.output:
        pathlib.Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def import_jupyterquiz(args) -> int:
    questions = json.loads(pathlib.Path(args.file).read_text(encoding="utf-8"))
    data, notes = interop.from_jupyterquiz(questions, args.bank, args.chapter, args.source, args.objective)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    pathlib.Path(args.output).write_text(text, encoding="utf-8")
    print(f"{len(data['items'])} of {len(questions)} questions imported to {args.output}")
    for note in notes:
        print(f"note: {note}")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m widgets.quizbank", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="validate banks (default: every bank in chapters/quizzes)")
    checker.add_argument("files", nargs="*")
    checker.set_defaults(run=check)
    planner = commands.add_parser("blueprint", help="objective x Bloom level counts per chapter (Markdown)")
    planner.add_argument("--bank", action="append", help="bank name (repeatable; default: all)")
    planner.set_defaults(run=blueprint)
    exporter = commands.add_parser("export", help="write banks as GIFT, jupyterquiz, Canvas QTI or Anki")
    exporter.add_argument("--format", choices=[*TEXT_FORMATS, *PACKAGE_FORMATS], required=True)
    exporter.add_argument("--bank", action="append", help="bank name (repeatable; default: all)")
    exporter.add_argument("-o", "--output", help="file to write (default: stdout; required for qti and anki)")
    exporter.set_defaults(run=export)
    importer = commands.add_parser("import-jupyterquiz", help="convert a jupyterquiz JSON file into a bank")
    importer.add_argument("file")
    importer.add_argument("--bank", required=True)
    importer.add_argument("--chapter", required=True, help="notebook stem, e.g. 04-symptoms")
    importer.add_argument("--source", required=True, help="bib key for the imported items")
    importer.add_argument("--objective", required=True, help="the chapter objective the items assess")
    importer.add_argument("-o", "--output", required=True)
    importer.set_defaults(run=import_jupyterquiz)
    return main_parser


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
