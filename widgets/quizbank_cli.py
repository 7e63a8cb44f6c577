"""Command line for question banks: `python -m widgets.quizbank check|export|import-jupyterquiz`."""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

import yaml

from . import case_validation, quizbank, quizbank_interop


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.quizbank", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate banks (default: every bank in chapters/quizzes)")
    check.add_argument("files", nargs="*")
    export = commands.add_parser("export", help="write banks as Moodle GIFT or jupyterquiz JSON")
    export.add_argument("--format", choices=["gift", "jupyterquiz"], required=True)
    export.add_argument("--bank", action="append", help="bank name (repeatable; default: all)")
    export.add_argument("-o", "--output", help="file to write (default: stdout)")
    importer = commands.add_parser("import-jupyterquiz", help="convert a jupyterquiz JSON file into a bank")
    importer.add_argument("file")
    importer.add_argument("--bank", required=True)
    importer.add_argument("--chapter", required=True, help="notebook stem, e.g. 04-symptoms")
    importer.add_argument("--source", required=True, help="bib key for the imported items")
    importer.add_argument("--objective", required=True, help="the chapter objective the items assess")
    importer.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)

    if args.command == "check":
        problems = quizbank.check_banks(args.files or None)
        problems += [] if args.files else case_validation.check_cases()  # clinical cases too (widgets/data/cases)
        for problem in problems:
            print(problem, file=sys.stderr)
        count = len(args.files) or len(list(quizbank.BANK_DIR.glob("*.yml")))
        print(f"{count} bank(s) checked: {len(problems)} problem(s)")
        return 1 if problems else 0

    if args.command == "export":
        try:
            banks = [quizbank.load_bank(quizbank.bank_path(name)) for name in args.bank] if args.bank else quizbank.load_all_banks()
        except quizbank.BankError as error:
            print(error, file=sys.stderr)
            return 1
        text = quizbank_interop.to_gift(banks) if args.format == "gift" else json.dumps(
            quizbank_interop.to_jupyterquiz(banks), indent=2, ensure_ascii=False) + "\n"
        if args.output:
            pathlib.Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0

    questions = json.loads(pathlib.Path(args.file).read_text(encoding="utf-8"))
    data, notes = quizbank_interop.from_jupyterquiz(questions, args.bank, args.chapter, args.source, args.objective)
    pathlib.Path(args.output).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"{len(data['items'])} of {len(questions)} questions imported to {args.output}")
    for note in notes:
        print(f"note: {note}")
    return 0
