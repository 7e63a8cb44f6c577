"""jupyterquiz JSON out and in (GIFT, QTI and Anki live in gift.py, qti.py and anki.py).

Out: the course's HTML for every text, per-option feedback where the bank has it, and numeric
answers graded as the course grades them: jupyterquiz tests `lo <= x < hi`, so a range's upper
end is widened by one ulp to accept `answer + tolerance`, and tolerance 0 is an exact `value`.
No `precision` is written: jupyterquiz rounds the learner's input with it before comparing.
"""

from __future__ import annotations

import math

from ..quizbank import Bank, item_payload
from .export_text import correct_options, feedback_html, option_feedback, option_html, prompt_html
from .jupyterquiz_import import from_jupyterquiz

__all__ = ["from_jupyterquiz", "to_jupyterquiz"]


def _literal_dollars(html: str) -> str:
    """jupyterquiz typesets $...$ as maths; the course shows a dollar sign as written."""
    return html.replace("$", "&#36;")


def accepted_range(answer: float, tolerance: float) -> tuple[float, float]:
    """[answer - tolerance, answer + tolerance] as the course accepts it, both ends included."""
    return answer - tolerance, answer + tolerance


def _numeric_question(item: dict) -> dict:
    explanation = feedback_html(item["explanation"])
    tolerance = item.get("tolerance", 0)
    if tolerance == 0:
        correct = {"type": "value", "value": item["answer"]}
    else:
        low, high = accepted_range(item["answer"], tolerance)
        correct = {"type": "range", "range": [low, math.nextafter(high, math.inf)]}
    return {
        "question": _literal_dollars(prompt_html(item)),
        "type": "numeric",
        "answers": [
            {**correct, "correct": True, "feedback": _literal_dollars("Correct. " + explanation)},
            {"type": "default", "feedback": _literal_dollars("Not quite. " + explanation)},
        ],
    }


def _choice_question(item: dict) -> dict:
    payload = item_payload(item)
    right = correct_options(payload)
    explanation = feedback_html(item["explanation"])

    def feedback(option: str) -> str:
        own = option_feedback(payload, option)
        verdict = "Correct." if option in right else "Not quite."
        text = f"{verdict} {feedback_html(own)} {explanation}" if own else f"{verdict} {explanation}"
        return _literal_dollars(text)

    return {
        "question": _literal_dollars(prompt_html(item)),
        "type": "many_choice" if item["type"] == "multiple" else "multiple_choice",
        "answers": [
            {"answer": _literal_dollars(option_html(option)), "correct": option in right, "feedback": feedback(option)}
            for option in payload["options"]
        ],
    }


def to_jupyterquiz(banks: list[Bank]) -> list[dict]:
    """jupyterquiz's question list: many_choice, multiple_choice (also true/false, hotspot) and numeric."""
    return [
        _numeric_question(item) if item["type"] == "numeric" else _choice_question(item)
        for bank in banks
        for item in bank.items
    ]
