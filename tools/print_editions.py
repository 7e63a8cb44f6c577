"""What each widget becomes on paper, in the student and the instructor edition.

`tools/print_pdf.py` lifts every page of the built book into one document and asks this module
for the printed form of each widget, keyed by the widget's class (its `_anywidget_id`), given the
widget's embedded state. Quizzes are rebuilt from the bank data in bank order (no per-learner
shuffle), so the worksheet and the key agree and match the bank file an instructor edits.

- Student edition: quizzes and triage are worksheets (options with boxes, blank answer lines).
- Instructor edition: the same worksheets, and at the end of each chapter an answer key that
  quotes the option text, with the explanation and source; triage answers with their reasons.

Hook for other widgets (the case player, `CaseStudy`, when it is merged): a widget class that
defines `print_html(state: dict, edition: str) -> str` prints as that HTML, and
`answer_key_html(state: dict) -> str` adds to the chapter's answer key in the instructor edition.
Widgets with neither print as drawn, with their controls hidden by the print stylesheet.
"""

from __future__ import annotations

import functools
import html
import importlib

from tools.print_cases import ANSWER_LINE, case_handout, case_model_answers, choice_list, worksheet
from widgets.quizbank import item_payload, load_all_banks, render_markdown

STUDENT, INSTRUCTOR = "student", "instructor"
EDITIONS = (STUDENT, INSTRUCTOR)


@functools.lru_cache(maxsize=1)
def banks_by_name() -> dict:
    return {bank.name: bank for bank in load_all_banks()}


def _items(bank_name: str) -> list[dict]:
    return [item_payload(item) for item in banks_by_name()[bank_name].items]


def _correct(payload: dict) -> list[str]:
    answer = payload["answer"]
    return [str(a) for a in answer] if isinstance(answer, list) else [str(answer)]


def quiz_worksheet(state: dict) -> str:
    bank = banks_by_name()[state["bank"]]
    rows = []
    for _number, payload in enumerate(_items(bank.name), start=1):
        if payload["type"] == "numeric":
            unit = f" {html.escape(payload['unit'])}" if payload.get("unit") else ""
            answer = f'<p class="print-numeric">Answer: <span class="print-blank"></span>{unit}</p>'
        else:
            answer = choice_list(payload["options"], multiple=payload["type"] == "multiple")
        rows.append(
            f'<li class="print-question">{payload["prompt_html"]}{answer}'
            f'<p class="print-why">Why?</p>{ANSWER_LINE}{ANSWER_LINE}</li>'
        )
    instructions = f"worksheet, {len(rows)} questions in bank order."
    return worksheet(f"{bank.title} worksheet", bank.title, instructions, "".join(rows))


def quiz_answer_key(state: dict) -> str:
    bank = banks_by_name()[state["bank"]]
    rows = []
    for _number, payload in enumerate(_items(bank.name), start=1):
        answer = "; ".join(_correct(payload))
        if payload["type"] == "numeric":
            unit = f" {payload['unit']}" if payload.get("unit") else ""
            tolerance = payload.get("tolerance") or 0
            answer += unit + (f" (± {tolerance}{unit} accepted)" if tolerance else "")
        rows.append(
            f"<li><p><strong>{html.escape(answer)}</strong></p>{payload['explanation_html']}"
            f'<p class="print-source">Source: {html.escape(payload["citation"])}</p></li>'
        )
    return (
        f'<section class="print-answer-key"><h2>Answer key: {html.escape(bank.title)}</h2>'
        f"<ol>{''.join(rows)}</ol></section>"
    )


def triage_worksheet(state: dict) -> str:
    levels = choice_list([level["label"] for level in state["levels"]])
    cases = "".join(
        f'<li class="print-question"><p>{html.escape(case["vignette"])}</p>'
        f'{levels}<p class="print-why">Deciding features:</p>'
        f"{ANSWER_LINE}{ANSWER_LINE}</li>"
        for case in state["cases"]
    )
    instructions = "how urgently does each case need care? Choose one level."
    return worksheet("Red-flag triage worksheet", "Red-flag triage", instructions, cases)


def triage_answer_key(state: dict) -> str:
    labels = {level["id"]: level["label"] for level in state["levels"]}
    rows = "".join(
        f"<li><p><strong>{html.escape(labels[case['answer']])}</strong>. "
        f"{html.escape(case['features'])}</p>{render_markdown(case['why'])}"
        f'<p class="print-source">Source: {html.escape(case.get("citation", case["source"]))}</p></li>'
        for case in state["cases"]
    )
    return f'<section class="print-answer-key"><h2>Answer key: red-flag triage</h2><ol>{rows}</ol></section>'


REVIEW_DECK_NOTE = (
    '<p class="print-note">The spaced-review deck is interactive; on paper, revise with '
    "the worksheets at the end of each chapter.</p>"
)
PRACTICE_NOTE = '<p class="print-note">This practice is interactive: it asks, scores and explains on screen.</p>'
PRACTICE_MODES = ("find", "practice")


def practice_note(state: dict) -> str | None:
    """Practice modes (find the structure, name the root) score clicks: nothing to do on paper.
    Other modes (explore, causes) print as drawn."""
    return PRACTICE_NOTE if state.get("mode") in PRACTICE_MODES else None


# Widget class name -> (printed form, answer key or None). A printed form of None keeps the drawing.
PRINTED = {
    "CaseStudy": (case_handout, case_model_answers),
    "Quiz": (quiz_worksheet, quiz_answer_key),
    "RedFlagTriage": (triage_worksheet, triage_answer_key),
    "ReviewDeck": (lambda state: REVIEW_DECK_NOTE, None),
    "NerveDiagram": (practice_note, None),
    "RootLevelExplorer": (practice_note, None),
}


def _widget_class(anywidget_id: str):
    module, _, name = anywidget_id.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def printed_widget(anywidget_id: str, state: dict, edition: str) -> tuple[str | None, str]:
    """(HTML that replaces the drawn widget, or None to keep it; answer-key HTML or '')."""
    widget_class = _widget_class(anywidget_id)
    if hasattr(widget_class, "print_html"):  # the widget's own printed form comes first
        key = (
            widget_class.answer_key_html(state)
            if edition == INSTRUCTOR and hasattr(widget_class, "answer_key_html")
            else ""
        )
        return widget_class.print_html(state, edition), key
    render, key = PRINTED.get(anywidget_id.rpartition(".")[2], (lambda state: None, None))
    return render(state), (key(state) if key and edition == INSTRUCTOR else "")
