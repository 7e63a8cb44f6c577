"""ReviewDeck: spaced-repetition review of every chapter's questions (Leitner boxes)."""

from __future__ import annotations

import json
import os
import pathlib
import time

import platformdirs
import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .quizbank import item_payload, load_all_banks
from .spacing import BOX_INTERVAL_DAYS

PROGRESS_ENV = "NPC_REVIEW_FILE"


def progress_file() -> pathlib.Path | None:
    """Where JupyterLab sessions keep review progress; NPC_REVIEW_FILE='' turns saving off
    (the book build does this so nobody's own progress is published)."""
    configured = os.environ.get(PROGRESS_ENV)
    if configured == "":
        return None
    if configured:
        return pathlib.Path(configured)
    return pathlib.Path(platformdirs.user_data_dir("nerve-pain-course")) / "review-progress.json"


def _valid_progress(data) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("cards"), dict)
        and all(
            isinstance(c, dict) and isinstance(c.get("box"), int) and isinstance(c.get("due"), str)
            for c in data["cards"].values()
        )
    )


def read_progress(path: pathlib.Path | None) -> tuple[dict, str]:
    """Saved progress and a note for the learner; a corrupted file is set aside, never fatal."""
    if path is None or not path.exists():
        return {"cards": {}, "updated": 0}, ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if _valid_progress(data):
            return data, ""
    except (OSError, ValueError):
        pass
    path.replace(path.with_suffix(".corrupt.json"))
    return {
        "cards": {},
        "updated": 0,
    }, f"Saved review progress in {path.name} could not be read; it was set aside and you are starting afresh."


class ReviewDeck(CourseWidget):
    """Spaced-repetition review of every question bank, using five Leitner boxes.

    Right answers move a card up a box (reviewed after 0, 1, 3, 7 or 14 days); a wrong
    answer sends it back to box 1. Due cards come first and ``[data-role=due-count]`` shows
    how many are due today. Progress is kept in the browser on the published site and in a
    small JSON file (see ``progress_file()``) across JupyterLab sessions.

    Example::

        from widgets import ReviewDeck
        deck = ReviewDeck()
        deck.progress["cards"]   # {item id: {"box": 2, "due": "2026-11-26"}, ...}
    """

    _esm = es_module("review_deck")
    _css = stylesheet("review_deck")

    items = traitlets.List(
        traitlets.Dict(), help="Every bank's questions (as in Quiz.items) with the title of the bank each comes from"
    ).tag(sync=True)
    intervals = traitlets.List(
        traitlets.Int(), default_value=list(BOX_INTERVAL_DAYS), help="Days until a card in box 1..5 is due again"
    ).tag(sync=True)
    progress = traitlets.Dict(help='Saved review state: {"cards": {item id: {"box", "due"}}, "updated": ...}').tag(
        sync=True
    )
    note = traitlets.Unicode(
        "", help="A message for the learner, e.g. that unreadable saved progress was set aside"
    ).tag(sync=True)

    def __init__(self, **kwargs):
        banks = load_all_banks()
        items = [dict(item_payload(item), bank_title=bank.title) for bank in banks for item in bank.items]
        progress, note = read_progress(progress_file())
        super().__init__(items=items, progress=progress, note=note, **kwargs)

    @traitlets.observe("progress")
    def _save(self, change):
        path = progress_file()
        if path is None or not _valid_progress(change["new"]):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dict(change["new"], saved_at=time.time())
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")

    def _repr_extra(self) -> dict:
        return {"items": len(self.items), "banks": len({item["bank_title"] for item in self.items})}
