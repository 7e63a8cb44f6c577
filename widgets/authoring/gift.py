"""Moodle GIFT out: the course's HTML under GIFT's `[html]` tag, readable by Moodle and gift-pegjs.

What Moodle's own reader (question/format/gift/format.php) needs, and why:
- `[html]` before the prompt and the general feedback, or Markdown arrives as literal `**`.
- `~ = # { } : \\` escaped with a backslash; a newline written as `\\n` (a blank line would end
  the question); `%` and `[` as HTML entities, since a leading `%10%` is read as a grade and a
  leading `[markdown]` as a format tag, and GIFT has no escape for either.
- numbers as plain decimals: gift-pegjs rejects the whole file at `3e-05`.
- multiple-answer grades from Moodle's fixed list of fractions: more than 10 right options
  are given split weights that still sum to 100 %, more than 20 are refused by item id.
"""

from __future__ import annotations

import re

from ..quizbank import Bank, item_payload
from .export_text import (
    ExportRefused,
    correct_options,
    feedback_html,
    option_feedback,
    option_html,
    plain_decimal,
    prompt_html,
)

CATEGORY_ROOT = "nerve-pain-hamstring"
GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
# question_bank::fraction_options_full(), as percentages; a grade off this list makes Moodle
# skip the question on import ("invalidgrade").
MOODLE_GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5)  # fmt: skip
MAX_SPLIT_RIGHT = 20


def gift_text(html: str) -> str:
    """HTML made safe for a GIFT text field (GIFT specials escaped, line breaks kept)."""
    html = html.strip().replace("%", "&#37;").replace("[", "&#91;").replace("$", "&#36;")
    return GIFT_SPECIAL.sub(r"\\\1", html).replace("\n", "\\n")


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def right_weights(count: int, item_id: str) -> list[str]:
    """Grades for `count` right options that Moodle accepts and that sum to 100 %."""
    if count <= 10:
        return [_percent(100 / count)] * count
    if count > MAX_SPLIT_RIGHT:
        raise ExportRefused(
            [f"item {item_id!r}: {count} right options; Moodle grades at most {MAX_SPLIT_RIGHT} (split it in two)"]
        )
    # a options at 10 % and b at 5 %: 10a + 5b = 100 with a + b = count.
    tens = 20 - count
    return ["10"] * tens + ["5"] * (count - tens)


def wrong_weight(count: int) -> str:
    """The penalty per wrong option: -100/count, or the nearest grade on Moodle's list."""
    nearest = min(MOODLE_GRADES, key=lambda grade: abs(grade - 100 / count))
    return "-" + _percent(nearest)


def _answer(mark: str, option: str, feedback: str | None) -> str:
    text = f"{mark}{gift_text(option_html(option))}"
    return text + (f"#{gift_text(feedback_html(feedback))}" if feedback else "")


def _choice_body(item: dict, payload: dict) -> str:
    right = correct_options(payload)
    options = payload["options"]
    if item["type"] != "multiple":
        return " ".join(_answer("=" if o in right else "~", o, option_feedback(payload, o)) for o in options)
    weights = iter(right_weights(len(right), item["id"]))
    wrong = len(options) - len(right)
    return " ".join(
        _answer(f"~%{next(weights) if o in right else wrong_weight(wrong)}%", o, option_feedback(payload, o))
        for o in options
    )


def gift_question(item: dict) -> str:
    payload = item_payload(item)
    if item["type"] == "true_false":
        body = "TRUE" if item["answer"] else "FALSE"
    elif item["type"] == "numeric":
        body = f"#{plain_decimal(item['answer'])}:{plain_decimal(item.get('tolerance', 0))}"
    else:
        body = _choice_body(item, payload)
    general = gift_text(feedback_html(item["explanation"]))
    return f"::{item['id']}::[html]{gift_text(prompt_html(item))}{{{body} ####[html]{general}}}"


def to_gift(banks: list[Bank]) -> str:
    """One question per item, a category per bank, the explanation as general feedback."""
    blocks, refused = [], []
    for bank in banks:
        blocks.append(f"$CATEGORY: {CATEGORY_ROOT}/{bank.name}")
        for item in bank.items:
            try:
                blocks.append(gift_question(item))
            except ExportRefused as error:
                refused += error.problems
        blocks.append("")
    if refused:
        raise ExportRefused(refused)
    return "\n\n".join(blocks).rstrip() + "\n"
