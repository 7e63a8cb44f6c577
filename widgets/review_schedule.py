"""FSRS scheduling for the review deck, and the saved-progress format it shares with the page.

The deck uses FSRS-6, the scheduler Anki uses: py-fsrs (PyPI ``fsrs`` 6.3.x) in the kernel and
ts-fsrs 5.4.x (npm, vendored in widgets/vendor/ts-fsrs and inlined into the deck's module) in
the browser. Both are configured from ``SCHEDULER`` below, which the deck also sends to the page
as its ``scheduler`` trait, so the two sides cannot drift apart:

- parameters: the FSRS-6 default weights (identical in both libraries; no per-learner fitting,
  which a course of ~80 cards could never support);
- desired retention 0.9; longest interval 365 days; fuzz off (dates are reproducible);
- one learning step and one relearning step of 10 minutes: a new or failed card comes back in
  the same sitting. (With two steps the libraries differ on "Hard" at the second step.)

The libraries differ in two details; ``review`` adapts py-fsrs to ts-fsrs so that the same review
history gives the same due dates (tests/unit/test_fsrs_parity.py runs both on a shared fixture):

- elapsed time: ts-fsrs counts calendar days in UTC between reviews, py-fsrs whole 24-hour
  periods. We re-anchor the card's last review to the same time of day before reviewing.
- in the review state ts-fsrs keeps the Hard < Good < Easy intervals at least a day apart; we
  apply the same rule.

Progress (browser storage ``npc-review:v2``, the JupyterLab file, and the export file) is
``{"format": "npc-review-progress", "version": 2, "updated": <ms>, "cards": {id: card},
"pending": null | {"id", "entry"}}``; a card is ``{"reviews": [[ISO time, grade 1-4], ...],
"due": ISO, "stability": days, "state": "learning|review|relearning"}``. The reviews are the
record; due, stability and state are derived from them and kept for the progress page.
"""

from __future__ import annotations

import copy
import datetime as dt

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS

PROGRESS_FORMAT = "npc-review-progress"
PROGRESS_VERSION = 2
GRADES = {"again": 1, "hard": 2, "good": 3, "easy": 4}
MASTERED_STABILITY_DAYS = 21  # the progress page counts a card as mastered from here

SCHEDULER = {
    "parameters": list(DEFAULT_PARAMETERS),
    "desired_retention": 0.9,
    "maximum_interval": 365,
    "learning_steps_minutes": [10],
    "relearning_steps_minutes": [10],
    "enable_fuzz": False,
}

_SCHEDULER = Scheduler(
    parameters=SCHEDULER["parameters"],
    desired_retention=SCHEDULER["desired_retention"],
    learning_steps=[dt.timedelta(minutes=m) for m in SCHEDULER["learning_steps_minutes"]],
    relearning_steps=[dt.timedelta(minutes=m) for m in SCHEDULER["relearning_steps_minutes"]],
    maximum_interval=SCHEDULER["maximum_interval"],
    enable_fuzzing=SCHEDULER["enable_fuzz"],
)
_STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(dt.UTC)


def format_time(moment: dt.datetime) -> str:
    """The same text as JavaScript's Date.toISOString()."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def review(card: Card, grade: int, when: dt.datetime) -> Card:
    """The card after one review graded 1-4 at `when`, scheduled as ts-fsrs schedules it."""
    card = copy.copy(card)
    if card.last_review is not None:
        calendar_days = (when.date() - card.last_review.date()).days
        card.last_review = when - dt.timedelta(days=calendar_days)
    reviewed, _log = _SCHEDULER.review_card(card, Rating(grade), when)
    if card.state == State.Review and grade > GRADES["again"]:
        days = {g: (_SCHEDULER.review_card(card, Rating(g), when)[0].due - when).days for g in (2, 3, 4)}
        hard = min(days[2], days[3])
        good = max(days[3], hard + 1)
        easy = max(days[4], good + 1)
        reviewed.due = when + dt.timedelta(days={2: hard, 3: good, 4: easy}[grade])
    return reviewed


def replay(reviews: list) -> dict:
    """A card's due date, stability and state from its review history."""
    card = Card(card_id=0)
    for time_text, grade in reviews:
        card = review(card, grade, parse_time(time_text))
    return {"due": format_time(card.due), "stability": card.stability, "state": _STATE_NAMES[card.state]}


def empty_progress() -> dict:
    return {"format": PROGRESS_FORMAT, "version": PROGRESS_VERSION, "updated": 0, "cards": {}, "pending": None}


def _valid_time(text) -> bool:
    try:
        parse_time(text)
        return True
    except (TypeError, ValueError, AttributeError):
        return False


def valid_progress(data) -> bool:
    """True for progress in the current format (the JS `isValidProgress` checks the same)."""
    if not (
        isinstance(data, dict)
        and data.get("format") == PROGRESS_FORMAT
        and data.get("version") == PROGRESS_VERSION
        and isinstance(data.get("cards"), dict)
    ):
        return False
    pending = data.get("pending")
    if pending is not None and not (isinstance(pending, dict) and isinstance(pending.get("id"), str)):
        return False
    return all(
        isinstance(card, dict)
        and isinstance(card.get("reviews"), list)
        and card["reviews"]
        and all(
            isinstance(r, list) and len(r) == 2 and _valid_time(r[0]) and r[1] in (1, 2, 3, 4) for r in card["reviews"]
        )
        for card in data["cards"].values()
    )


def is_leitner_progress(data) -> bool:
    """Progress saved by the earlier Leitner-box deck (``{"cards": {id: {"box", "due"}}}``)."""
    return (
        isinstance(data, dict)
        and "format" not in data
        and isinstance(data.get("cards"), dict)
        and all(isinstance(card, dict) and "box" in card for card in data["cards"].values())
    )


def due_ids(progress: dict, now: dt.datetime) -> list[str]:
    """Ids of started cards whose due time has come, earliest first (new cards are not listed)."""
    due = [
        (parse_time(card["due"]), card_id)
        for card_id, card in progress["cards"].items()
        if "due" in card and parse_time(card["due"]) <= now
    ]
    return [card_id for _when, card_id in sorted(due)]
