"""Canvas QTI out, through text2qti: the banks written in text2qti's plain-text quiz format.

Texts go in as the course's own sanitised HTML on one line in a <div> (Python-Markdown, which
text2qti runs, passes such a block through untouched), with `$` as an entity so text2qti does not read LaTeX.
Options are plain text, so Markdown's specials in them are backslash-escaped. What Canvas
cannot hold is refused by item id: text2qti accepts no numeric bound below 1e-4 in magnitude
and writes non-integer bounds to 4 decimal places, so a bound that needs more is refused too.
"""

from __future__ import annotations

import html
import pathlib
import re

from text2qti.config import Config
from text2qti.err import Text2qtiError
from text2qti.qti import QTI
from text2qti.quiz import Quiz

from ..quizbank import Bank, item_payload
from .export_text import (
    ExportRefused,
    correct_options,
    feedback_html,
    option_feedback,
    plain_decimal,
    prompt_html,
)

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
CHOICE_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
SMALLEST_BOUND = 1e-4
DECIMALS = 4


def one_line_html(text: str) -> str:
    """HTML on one line in one <div>, so Python-Markdown passes it through as a single raw block.

    A newline (which matters only inside <pre>) becomes an entity.
    """
    return "<div>" + text.strip().replace("\n", "&#10;").replace("$", "&#36;") + "</div>"


def option_text(option: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(option), quote=False)).replace("$", "&#36;")


def _numeric_line(item: dict) -> str:
    answer, tolerance = item["answer"], item.get("tolerance", 0)
    bounds = (answer - tolerance, answer + tolerance)
    if any(bound != 0 and abs(bound) < SMALLEST_BOUND for bound in bounds) or 0 in bounds:
        raise ExportRefused([f"item {item['id']!r}: Canvas QTI (text2qti) takes no numeric bound below 1e-4"])
    if any(not float(b).is_integer() and abs(round(b, DECIMALS) - b) > 1e-12 for b in bounds):
        raise ExportRefused([f"item {item['id']!r}: text2qti writes bounds to {DECIMALS} decimal places"])
    return f"=   {plain_decimal(answer)} +- {plain_decimal(tolerance)}"


def _choice_lines(item: dict) -> list[str]:
    payload = item_payload(item)
    right, options = correct_options(payload), payload["options"]
    lines = []
    for index, option in enumerate(options):
        if item["type"] == "multiple":
            mark = "[*]" if option in right else "[ ]"
        elif index < len(CHOICE_LETTERS):
            mark = ("*" if option in right else "") + CHOICE_LETTERS[index] + ")"
        else:
            raise ExportRefused([f"item {item['id']!r}: text2qti takes at most {len(CHOICE_LETTERS)} options"])
        lines.append(f"{mark} {option_text(option)}")
        own = option_feedback(payload, option)
        if own:
            lines.append(f"... {one_line_html(feedback_html(own))}")
    return lines


def question_text(number: int, item: dict) -> str:
    # text2qti wants the general feedback right after the question, before the answers.
    lines = [
        f"Title: {item['id']}",
        f"{number}.  {one_line_html(prompt_html(item))}",
        f"... {one_line_html(feedback_html(item['explanation']))}",
    ]
    lines += [_numeric_line(item)] if item["type"] == "numeric" else _choice_lines(item)
    return "\n".join(lines)


def quiz_text(banks: list[Bank]) -> str:
    title = banks[0].title if len(banks) == 1 else "Nerve Pain in the Hamstring: question banks"
    blocks, refused = [f"Quiz title: {title}"], []
    items = [item for bank in banks for item in bank.items]
    for number, item in enumerate(items, start=1):
        try:
            blocks.append(question_text(number, item))
        except ExportRefused as error:
            refused += error.problems
    if refused:
        raise ExportRefused(refused)
    return "\n\n".join(blocks) + "\n"


def write_qti(banks: list[Bank], output: pathlib.Path) -> None:
    text = quiz_text(banks)
    try:
        quiz = Quiz(text, config=Config(), source_name=str(output))
    except Text2qtiError as error:
        raise ExportRefused([f"text2qti refused the quiz: {error}"]) from error
    QTI(quiz).save(pathlib.Path(output))
