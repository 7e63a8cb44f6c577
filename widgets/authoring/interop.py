"""Question exchange: jupyterquiz JSON in and out, Moodle GIFT out."""

from __future__ import annotations

import re

from ..quizbank import Bank, item_payload

GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    return GIFT_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def to_gift(banks: list[Bank]) -> str:
    """Moodle GIFT: one question per item, categories per bank, explanations as general feedback."""
    blocks = []
    for bank in banks:
        blocks.append(f"$CATEGORY: nerve-pain-hamstring/{bank.name}")
        for item in bank.items:
            payload = item_payload(item)
            title, prompt = gift_escape(item["id"]), gift_escape(item["prompt"])
            kind, answer = item["type"], payload["answer"]
            if kind == "true_false":
                body = "TRUE" if item["answer"] else "FALSE"
            elif kind == "numeric":
                body = f"#{item['answer']}:{item.get('tolerance', 0)}"
            elif kind == "multiple":
                right, wrong = len(answer), len(payload["options"]) - len(answer)
                weights = {True: _percent(100 / right), False: _percent(-100 / wrong) if wrong else "0"}
                body = " ".join(f"~%{weights[o in answer]}%{gift_escape(o)}" for o in payload["options"])
            else:
                body = " ".join(("=" if o == answer else "~") + gift_escape(o) for o in payload["options"])
            feedback = gift_escape(item["explanation"])
            blocks.append(f"::{title}::{prompt} {{{body} ####{feedback}}}")
        blocks.append("")
    return "\n\n".join(blocks).rstrip() + "\n"


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def to_jupyterquiz(banks: list[Bank]) -> list[dict]:
    """jupyterquiz's JSON question list (many_choice, multiple_choice, numeric)."""
    questions = []
    for bank in banks:
        for item in bank.items:
            payload = item_payload(item)
            if item["type"] == "numeric":
                tolerance = item.get("tolerance", 0)
                questions.append(
                    {
                        "question": item["prompt"],
                        "type": "numeric",
                        "precision": 4,
                        "answers": [
                            {
                                "type": "range",
                                "range": [item["answer"] - tolerance, item["answer"] + tolerance],
                                "correct": True,
                                "feedback": item["explanation"],
                            },
                            {"type": "default", "feedback": "Not quite. " + item["explanation"]},
                        ],
                    }
                )
                continue
            correct = payload["answer"] if item["type"] == "multiple" else [payload["answer"]]
            questions.append(
                {
                    "question": item["prompt"],
                    "type": "many_choice" if item["type"] == "multiple" else "multiple_choice",
                    "answers": [
                        {
                            "answer": option,
                            "correct": option in correct,
                            "feedback": ("Correct. " if option in correct else "Not quite. ") + item["explanation"],
                        }
                        for option in payload["options"]
                    ],
                }
            )
    return questions


def _numeric_answer(answers: list[dict], kind: str) -> tuple[dict | None, list[str]]:
    """Type, answer and tolerance of a numeric question (None when it has no correct value)."""
    value = next((a for a in answers if a.get("correct") and a.get("type") in ("value", "range")), None)
    if value is None:
        return None, ["numeric question without a correct value skipped"]
    if value["type"] == "range":
        low, high = value["range"]
        fields = {"type": "numeric", "answer": (low + high) / 2, "tolerance": (high - low) / 2}
    else:
        fields = {"type": "numeric", "answer": value["value"], "tolerance": 0}
    extra = [a for a in answers if a is not value and a.get("type") != "default"]
    return fields, [f"{len(extra)} further accepted or flagged values dropped"] if extra else []


def _choice_answer(answers: list[dict], kind: str) -> tuple[dict, list[str]]:
    """Type, options and answer of a many_choice or multiple_choice question."""
    options = [str(a.get("answer", a.get("code", ""))) for a in answers]
    correct = [text for text, a in zip(options, answers, strict=True) if a.get("correct")]
    notes = ["code answers kept as plain text options"] if any("code" in a for a in answers) else []
    if kind == "many_choice" or len(correct) > 1:
        return {"type": "multiple", "options": options, "answer": correct}, notes
    return {"type": "single", "options": options, "answer": correct[0] if correct else ""}, notes


def from_jupyterquiz(
    questions: list[dict], bank: str, chapter: str, source: str, objective: str
) -> tuple[dict, list[str]]:
    """A bank (as a dict ready for YAML) from jupyterquiz questions, plus notes on what was dropped."""
    items, notes = [], []
    for number, question in enumerate(questions, start=1):
        item_id = f"{bank}-imported-{number}"
        answers = question.get("answers", [])
        kind = question.get("type")
        feedback = [a.get("feedback") for a in answers if a.get("correct") and a.get("feedback")]
        prompt = question["question"]
        if question.get("code"):
            prompt += "\n\n```\n" + question["code"] + "\n```"
        item = {
            "id": item_id,
            "prompt": prompt,
            "explanation": " ".join(feedback) or "Imported from jupyterquiz.",
            "source": source,
            "objective": f"{bank}-1",
            "difficulty": "medium",
        }
        if any(a.get("feedback") for a in answers if not a.get("correct")):
            notes.append(f"{item_id}: per-option feedback for wrong answers dropped (our format has one explanation)")
        for hint in ("answer_cols", "precision"):
            if question.get(hint):
                notes.append(f"{item_id}: {hint} display hint dropped")
        answer_fields, answer_notes = (_numeric_answer if kind == "numeric" else _choice_answer)(answers, kind)
        notes += [f"{item_id}: {note}" for note in answer_notes]
        if answer_fields is None:
            continue
        item.update(answer_fields)
        items.append(item)
    data = {
        "bank": bank,
        "chapter": chapter,
        "title": f"Imported: {bank}",
        "objectives": {f"{bank}-1": objective},
        "items": items,
    }
    return data, notes
