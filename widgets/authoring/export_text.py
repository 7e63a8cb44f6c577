"""What every export shares: the course's own HTML for each text, plain decimals, refusals.

Prompts, explanations, hints and feedback are bank Markdown; options are plain text. Every
format gets them exactly as the course shows them: Markdown rendered and sanitised by
widgets.quizbank.render_markdown (raw HTML shown as text, never run), options HTML-escaped.
"""

from __future__ import annotations

import decimal
import html

from ..quizbank import render_markdown


class ExportRefused(ValueError):
    """Items a format cannot express; `problems` names each one and why."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def plain_decimal(value: float | int) -> str:
    """A number without an exponent (3e-05 -> 0.00003), shortest form that reads back exactly."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"not a number: {value!r}")
    text = format(decimal.Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def prompt_html(item: dict) -> str:
    """The prompt as the course renders it, with the unit a numeric answer is given in."""
    rendered = render_markdown(item["prompt"])
    if item.get("type") == "numeric" and item.get("unit"):
        rendered = rendered.rstrip("\n") + f"\n<p>Answer in {html.escape(item['unit'])}.</p>\n"
    if item.get("image"):
        # LMS imports cannot carry the course's figure file; its alt text travels instead, so
        # the question still reads whole (an instructor can attach images/<file> by hand).
        figure = f"Figure ({item['image']['file']}): {item['image']['alt']}"
        rendered = rendered.rstrip("\n") + f"\n<p>{html.escape(figure)}</p>\n"
    return rendered


def option_html(option: str) -> str:
    return html.escape(str(option), quote=False)


def feedback_html(text: str) -> str:
    return render_markdown(text)


def correct_options(payload: dict) -> list[str]:
    """The right option labels of a choice, true/false or hotspot payload (widgets.quizbank.item_payload)."""
    answer = payload["answer"]
    return list(answer) if isinstance(answer, list) else [answer]


def option_feedback(payload: dict, option: str) -> str | None:
    """Per-option feedback by the label shown (true/false and hotspot keys are mapped by item_payload)."""
    return payload["option_feedback"].get(option)
