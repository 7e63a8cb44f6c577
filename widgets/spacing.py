"""Leitner-box spacing for the review deck, mirrored line for line in review_deck.js.

Why Leitner and not SM-2 or FSRS: five boxes with fixed intervals are easy to explain to
learners and instructors ("right moves a card up a box, wrong sends it back to box 1"),
behave identically in Python and in the browser without a dependency, and need no
per-learner parameters that a short course could never fit.
"""

from __future__ import annotations

import datetime as dt

BOX_INTERVAL_DAYS = (0, 1, 3, 7, 14)  # box 1 is due again today, box 5 in two weeks


def next_state(state: dict | None, correct: bool, today: dt.date) -> dict:
    """The card's new {'box', 'due'} after an answer given on `today`."""
    box = (state or {}).get("box", 1)
    box = min(box + 1, len(BOX_INTERVAL_DAYS)) if correct else 1
    due = today + dt.timedelta(days=BOX_INTERVAL_DAYS[box - 1])
    return {"box": box, "due": due.isoformat()}


def is_due(state: dict | None, today: dt.date) -> bool:
    """New cards and cards whose due date has come are due."""
    return state is None or dt.date.fromisoformat(state["due"]) <= today


def due_order(item_ids: list[str], cards: dict, today: dt.date) -> list[str]:
    """Due cards first (lowest box, then earliest due date, then deck order)."""
    due = [i for i in item_ids if is_due(cards.get(i), today)]
    return sorted(
        due, key=lambda i: ((cards.get(i) or {}).get("box", 0), (cards.get(i) or {}).get("due", ""), item_ids.index(i))
    )
