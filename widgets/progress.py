"""Progress: the "My progress" page, read from what the quizzes, the review deck and the
triage practice saved in this browser (no server)."""

from __future__ import annotations

import json
import re

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .paths import CHAPTER_DIR
from .quizbank import load_all_banks
from .red_flags import urgency_levels
from .review_deck import progress_file
from .review_schedule import MASTERED_STABILITY_DAYS, valid_progress
from .triage import load_cases


def chapter_title(chapter: str, fallback: str) -> str:
    """The chapter notebook's first heading; `fallback` where the notebooks are not at hand
    (an installed wheel ships only the banks)."""
    path = CHAPTER_DIR / f"{chapter}.ipynb" if CHAPTER_DIR else None
    if path is None or not path.exists():
        return fallback
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    found = re.search(r"^# (.+)$", text, re.M)
    return found.group(1).strip() if found else fallback


def course_outline() -> list[dict]:
    """Chapters in course order, each with its quiz bank and the items behind each objective."""
    outline = []
    for bank in sorted(load_all_banks(), key=lambda bank: bank.chapter):
        objectives = [
            {"id": key, "text": text, "items": [item["id"] for item in bank.items if item["objective"] == key]}
            for key, text in bank.objectives.items()
        ]
        outline.append(
            {
                "chapter": bank.chapter,
                "title": chapter_title(bank.chapter, bank.title),
                "bank": bank.name,
                "bank_hash": bank.content_hash,
                "objectives": [o for o in objectives if o["items"]],
            }
        )
    return outline


def saved_review_progress() -> dict:
    """The JupyterLab review file if it is readable (left alone otherwise: the deck sets it aside)."""
    path = progress_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}
    except (OSError, ValueError):
        return {}
    return data if valid_progress(data) else {}


def clinical_case_outline() -> list[dict]:
    """Each clinical case's id, title and number of stages, in the order of the book's cases part."""
    from .case_data import CASE_DIR, read_case
    from .paths import REPO_ROOT

    order = []
    toc = (REPO_ROOT / "_toc.yml").read_text(encoding="utf-8") if REPO_ROOT else ""
    for path in sorted(CASE_DIR.glob("*.yml")):
        case = read_case(path).data
        position = toc.find(f"chapters/cases/{path.stem}")
        order.append(
            (
                position if position >= 0 else len(toc),
                {"id": case["id"], "title": case["title"], "stages": len(case["stages"])},
            )
        )
    return [entry for _position, entry in sorted(order, key=lambda pair: pair[0])]


class Progress(CourseWidget):
    """What the learner has mastered, chapter by chapter and objective by objective, and what
    is due for review. A question counts as mastered when the chapter quiz has it right with
    no answer shown, or when the review deck's FSRS stability for it has reached
    ``mastered_stability_days``. Read from browser storage (quiz ``npc-quiz:v2:<bank>:<hash>``,
    deck ``npc-review:v2``, triage ``npc-triage:v2``); the Export button saves all of it to
    one JSON file (the deck's Import accepts it).

    Example::

        from widgets import Progress
        Progress()
    """

    _esm = es_module("progress")
    _css = stylesheet("progress")

    chapters = traitlets.List(
        traitlets.Dict(),
        help="Chapters in course order: {chapter, title, bank, bank_hash, objectives: [{id, text, items}]}.",
    ).tag(sync=True)
    chapter_base = traitlets.Unicode("../", help="URL prefix from this page to the chapter pages.").tag(sync=True)
    mastered_stability_days = traitlets.Float(
        MASTERED_STABILITY_DAYS, help="FSRS stability (days) from which a deck card counts as mastered."
    ).tag(sync=True)
    triage_cases = traitlets.List(traitlets.Dict(), help="Triage case ids with their keyed urgency level.").tag(
        sync=True
    )
    urgency_order = traitlets.List(traitlets.Unicode(), help="Urgency level ids, most urgent first.").tag(sync=True)
    clinical_cases = traitlets.List(
        traitlets.Dict(),
        help="The clinical cases in course order: {id, title, stages} (their progress is read on the page).",
    ).tag(sync=True)
    review_progress = traitlets.Dict(help="The review deck's saved progress in JupyterLab (empty on the site).").tag(
        sync=True
    )

    def __init__(self, **kwargs):
        cases = [{"id": case["id"], "answer": case["answer"]} for case in load_cases()["cases"]]
        super().__init__(
            chapters=course_outline(),
            triage_cases=cases,
            clinical_cases=clinical_case_outline(),
            urgency_order=[level["id"] for level in urgency_levels()],
            review_progress=saved_review_progress(),
            **kwargs,
        )

    def _repr_extra(self) -> dict:
        return {"chapters": len(self.chapters), "objectives": sum(len(c["objectives"]) for c in self.chapters)}
