"""jupyterquiz JSON in: a bank that grades and explains as the original did, or a note saying why not.

- Per-option feedback becomes `option_feedback`; a bare verdict ("Correct.", "False.") is not
  feedback, since the course says right or wrong itself.
- `precision: p` is a grading rule in jupyterquiz (the learner's input and the answer are both
  rounded to p significant digits before they are compared), so an exact value with a
  precision becomes that value rounded, with half a unit in the p-th digit as tolerance. A
  precision on a range has no equivalent here and the question is refused by number.
- A question's `code` becomes a fenced block in the prompt (the course keeps `<pre>`).
- Values the bank cannot hold (a second accepted value, flagged wrong ranges) are dropped and
  named, and their feedback is not folded into the explanation.
"""

from __future__ import annotations

import math
import re

from .html_to_markdown import markdown_from_html

VERDICT = r"(correct|incorrect|not quite|right|wrong|true|false|yes|no)\s*[.!]?"
BARE_VERDICT = re.compile(rf"^\s*{VERDICT}\s*$", re.I)
LEADING_VERDICT = re.compile(rf"^\s*{VERDICT}\s+", re.I)
DEFAULT_LEVEL = "remember"


def _informative(feedback) -> str | None:
    """Feedback as bank Markdown without a leading verdict (the course says right or wrong itself)."""
    if not isinstance(feedback, str) or not feedback.strip() or BARE_VERDICT.match(markdown_from_html(feedback)):
        return None
    return LEADING_VERDICT.sub("", markdown_from_html(feedback)).strip() or None


def _without(text: str | None, explanation: str | None) -> str | None:
    """Option feedback minus the explanation an exporter appended to it (ours does)."""
    if text and explanation and text.endswith(explanation):
        text = text[: -len(explanation)].strip()
    return text or None


def _clean(value: float) -> float | int:
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def _rounded_to_precision(value: float, precision: int) -> tuple[float, float]:
    """(value rounded to `precision` significant digits, half a unit of its last digit)."""
    if value == 0:
        return 0.0, 0.5 * 10 ** (1 - precision)
    exponent = math.floor(math.log10(abs(value)))
    rounded = float(f"{value:.{precision}g}")
    return rounded, 0.5 * 10 ** (exponent - precision + 1)


def _numeric_fields(question: dict) -> tuple[dict | None, list[str]]:
    answers = question.get("answers", [])
    accepted = [a for a in answers if a.get("correct") and a.get("type") in ("value", "range")]
    if not accepted:
        return None, ["refused: a numeric question without a correct value"]
    first, notes = accepted[0], []
    precision = question.get("precision")
    if first["type"] == "range":
        if precision:
            return None, [f"refused: precision {precision} on a range has no equivalent in a bank (tolerance only)"]
        low, high = first["range"]
        # jupyterquiz excludes `high`; a bank includes both ends. The two differ by one point,
        # and rounding to 12 digits also undoes the ulp our own export adds to `high`.
        fields = {"answer": _clean((low + high) / 2), "tolerance": _clean((high - low) / 2)}
    elif precision:
        answer, tolerance = _rounded_to_precision(first["value"], int(precision))
        fields = {"answer": answer, "tolerance": tolerance}
        notes.append(f"precision {precision} kept as {answer} ± {tolerance:g} (jupyterquiz rounds before comparing)")
    else:
        fields = {"answer": first["value"], "tolerance": 0}
    dropped = [a.get("value", a.get("range")) for a in answers if a is not first and a.get("type") != "default"]
    if dropped:
        notes.append(f"further accepted or flagged values {dropped} dropped (a bank item accepts one range)")
    explanation = _informative(first.get("feedback"))
    return {"type": "numeric", **fields, **({"explanation": explanation} if explanation else {})}, notes


def _choice_fields(question: dict) -> tuple[dict, list[str]]:
    answers = question.get("answers", [])
    options = [markdown_from_html(str(a.get("answer", a.get("code", "")))) for a in answers]
    correct = [text for text, a in zip(options, answers, strict=True) if a.get("correct")]
    notes = ["code answers kept as plain-text options (monospace lost)"] if any("code" in a for a in answers) else []
    feedback = {text: _informative(a.get("feedback")) for text, a in zip(options, answers, strict=True)}
    fields = {"options": options}
    if question.get("type") == "many_choice" or len(correct) > 1:
        fields.update(type="multiple", answer=correct)
    else:
        fields.update(type="single", answer=correct[0] if correct else "")
    explanation = _shared_explanation([feedback[text] for text in correct if feedback[text]])
    own = {text: _without(note, explanation) for text, note in feedback.items()}
    if any(own.values()):
        fields["option_feedback"] = {text: note for text, note in own.items() if note}
    if explanation:
        fields["explanation"] = explanation
    return fields, notes


def _shared_explanation(texts: list[str]) -> str | None:
    """What every right option's feedback says (their common ending), or all of it, de-duplicated."""
    if not texts:
        return None
    common = texts[0]
    for text in texts[1:]:
        while common and not text.endswith(common):
            common = common.split(" ", 1)[1] if " " in common else ""
    return common.strip() or " ".join(dict.fromkeys(texts))


def _prompt(question: dict) -> str:
    prompt = markdown_from_html(question["question"])
    if question.get("code"):
        prompt += "\n\n```\n" + question["code"].rstrip("\n") + "\n```"
    return prompt


def from_jupyterquiz(
    questions: list[dict], bank: str, chapter: str, source: str, objective: str
) -> tuple[dict, list[str]]:
    """A bank (as a dict ready for YAML) from jupyterquiz questions, plus notes on what changed."""
    items, notes = [], []
    for number, question in enumerate(questions, start=1):
        item_id = f"{bank}-imported-{number}"
        build = _numeric_fields if question.get("type") == "numeric" else _choice_fields
        fields, item_notes = build(question)
        if question.get("answer_cols"):
            item_notes.append("answer_cols (a layout hint) dropped")
        notes += [f"{item_id}: {note}" for note in item_notes]
        if fields is None:
            continue
        explanation = fields.pop("explanation", None) or "Imported from jupyterquiz; write an explanation."
        item = {
            "id": item_id,
            "type": fields.pop("type"),
            "level": DEFAULT_LEVEL,
            "prompt": _prompt(question),
            **fields,
            "explanation": explanation,
            "source": source,
            "objective": f"{bank}-1",
            "difficulty": "medium",
        }
        items.append(item)
    if items:
        notes.append(f"every item has level {DEFAULT_LEVEL!r} and difficulty 'medium': review them")
    data = {
        "bank": bank,
        "chapter": chapter,
        "title": f"Imported: {bank}",
        "objectives": {f"{bank}-1": objective},
        "items": items,
    }
    return data, notes
