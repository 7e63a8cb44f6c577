"""How a clinical case (CaseStudy) prints: a handout with the stages in order and each decision
as a blank, and, for the instructor edition, the model answers with the findings and reasoning.

The case text in the widget state is already sanitised HTML (widgets/case_study.py), so it is
inserted as is; plain-text fields are escaped.
"""

from __future__ import annotations

import html

ANSWER_LINE = '<div class="print-answer-line" aria-hidden="true"></div>'
BLANK_LINES = {"single": 1, "multiple": 1, "urgency": 1, "ranking": 1, "free_text": 4}


def choice_list(texts: list[str], multiple: bool = False) -> str:
    """Printed answer options with a box to tick (several answers) or a circle (one), and the
    "Tick all that apply" hint where several are right: shared by quizzes, triage and cases."""
    box = "☐" if multiple else "○"
    hint = '<p class="print-hint">Tick all that apply.</p>' if multiple else ""
    rows = "".join(f'<li><span aria-hidden="true">{box}</span> {html.escape(text)}</li>' for text in texts)
    return f'{hint}<ul class="print-options">{rows}</ul>'


def worksheet(label: str, title: str, instructions: str, rows: str) -> str:
    """A printed worksheet: its title in bold, plain-text instructions, then the numbered rows
    (already HTML): shared by quizzes, triage and cases."""
    return (
        f'<section class="print-worksheet" aria-label="{html.escape(label)}">'
        f'<p class="print-kicker"><strong>{html.escape(title)}</strong>: {html.escape(instructions)}</p>'
        f"<ol>{rows}</ol></section>"
    )


def _decision_blank(decision: dict) -> str:
    kind = decision["type"]
    options = decision.get("options") or []
    if kind == "ranking":
        rows = "".join(
            f"<li>{html.escape(option['text'])} <span class='print-blank'></span></li>" for option in options
        )
        return f'<p class="print-hint">Number these in order (1 first):</p><ul class="print-options">{rows}</ul>'
    if kind == "free_text":
        return ANSWER_LINE * BLANK_LINES["free_text"]
    choices = choice_list([option["text"] for option in options], multiple=kind == "multiple")
    return f'{choices}<p class="print-why">Why?</p>{ANSWER_LINE}{ANSWER_LINE}'


def case_handout(state: dict) -> str:
    """The student's handout: what is known at each stage and the decision to make, as blanks."""
    case = state["case"]
    stages = "".join(
        f'<li class="print-question"><p><strong>{html.escape(stage["title"])}</strong></p>'
        f"{stage['presentation_html']}{stage['decision']['prompt_html']}{_decision_blank(stage['decision'])}</li>"
        for stage in case["stages"]
    )
    instructions = f"case handout. {case['summary']} Decide at each stage before you read on."
    return worksheet(f"{case['title']}: case handout", case["title"], instructions, stages)


def _model_answer(decision: dict) -> str:
    by_id = {option["id"]: option["text"] for option in decision.get("options") or []}
    answer = decision.get("answer")
    if decision["type"] == "free_text":
        points = "".join(f"<li>{point}</li>" for point in decision.get("key_points") or [])
        return f"{decision['model_answer_html']}<ul>{points}</ul>"
    if isinstance(answer, list):
        joiner = " → " if decision["type"] == "ranking" else "; "
        text = joiner.join(by_id.get(choice, str(choice)) for choice in answer)
    else:
        text = by_id.get(answer, str(answer))
    return f"<p><strong>{html.escape(text)}</strong></p>"


def case_model_answers(state: dict) -> str:
    """The instructor edition's key: each stage's model decision, why, the findings and reasoning."""
    case = state["case"]
    stages = "".join(
        f"<li><p><strong>{html.escape(stage['title'])}</strong></p>{_model_answer(stage['decision'])}"
        f"{stage['decision']['explanation_html']}"
        f'<p class="print-source">Source: {html.escape(stage["decision"]["citation"])}</p>'
        f"<p><em>Findings.</em></p>{stage['findings_html']}"
        f"<p><em>Model reasoning.</em></p>{stage['reasoning_html']}</li>"
        for stage in case["stages"]
    )
    return (
        f'<section class="print-answer-key"><h2>Model answers: {html.escape(case["title"])}</h2>'
        f"<ol>{stages}</ol><p><em>Outcome.</em></p>{case['outcome_html']}</section>"
    )
