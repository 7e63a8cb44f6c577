"""ReviewDeck: self-paced review of every chapter's questions, scheduled by FSRS."""

from __future__ import annotations

import json
import os
import pathlib
import time
import weakref

import platformdirs
import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .quizbank import item_payload, load_all_banks
from .review_schedule import SCHEDULER, empty_progress, is_leitner_progress, parse_time, valid_progress

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


def set_aside(path: pathlib.Path) -> pathlib.Path:
    """Move `path` to the first free `<stem>.set-aside-<n><suffix>`; earlier copies are never overwritten."""
    n = 1
    while (copy := path.with_name(f"{path.stem}.set-aside-{n}{path.suffix}")).exists():
        n += 1
    path.replace(copy)
    return copy


def read_progress(path: pathlib.Path | None) -> tuple[dict, str]:
    """Saved progress and a note for the learner; unreadable or old-format files are set aside
    as a numbered copy (never fatal, never overwritten) and the note says where."""
    if path is None or not path.exists():
        return empty_progress(), ""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if valid_progress(data):
        return data, ""
    copy = set_aside(path)
    if is_leitner_progress(data):
        return empty_progress(), (
            f"The review deck now uses a new schedule (FSRS), so your earlier progress could not be "
            f"carried over and the deck starts afresh. Your old file was kept as {copy.name}."
        )
    return empty_progress(), (
        f"Saved review progress in {path.name} could not be read, so you are starting afresh. "
        f"The unreadable file was kept as {copy.name}."
    )


def write_progress(path: pathlib.Path, progress: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dict(progress, saved_at=time.time())
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def _last_review_ms(card: dict) -> float:
    return parse_time(card["reviews"][-1][0]).timestamp() * 1000


def merge_progress(latest: dict, *earlier: dict) -> dict:
    """The learner's newest progress (`latest`) merged with earlier copies, card by card.

    The history with the later last review wins; a reset (`cleared`, the time the deck's Reset
    emptied it) drops every card last reviewed before it; the card being answered (`pending`)
    is the newest copy's. `updated` moves on only when the merge adds something, so the view
    that sent `latest` is not redrawn for nothing while every other view takes the merge.
    """
    records = [latest, *earlier]
    cleared = max(record.get("cleared", 0) for record in records)
    cards = {}
    for record in reversed(records):  # `latest` last: it wins a tie
        for card_id, card in record["cards"].items():
            if _last_review_ms(card) >= cleared and (
                card_id not in cards or _last_review_ms(card) >= _last_review_ms(cards[card_id])
            ):
                cards[card_id] = card
    merged = dict(latest, cards=cards, **({"cleared": cleared} if cleared else {}))
    if merged != latest:
        merged["updated"] = max(record.get("updated", 0) for record in records) + 1
    return merged


def deck_items() -> list[dict]:
    """Every bank's items in course order (by the bank's chapter), each labelled with its bank."""
    banks = sorted(load_all_banks(), key=lambda bank: bank.chapter)
    return [
        dict(item_payload(item), bank=bank.name, bank_title=bank.title, chapter=bank.chapter)
        for bank in banks
        for item in bank.items
    ]


class ReviewDeck(CourseWidget):
    """Self-paced review of every question bank, scheduled by FSRS (see widgets/review_schedule.py).

    Each card is answered once (Check or Show answer), then the learner grades their recall:
    Again, Hard, Good or Easy (a wrong or revealed answer allows only Again). A failed card
    comes back in the same sitting; at most ``new_cards_per_day`` unseen cards are introduced a
    day, in course order, mixed with the cards due for review. Progress is kept in the browser on
    the published site and in a JSON file (see ``progress_file()``) across JupyterLab sessions;
    both use the same format as the deck's Export and Import buttons.

    Example::

        from widgets import ReviewDeck
        deck = ReviewDeck(new_cards_per_day=10)
        deck.progress["cards"]   # {item id: {"reviews": [[time, grade], ...], "due": ..., ...}}
    """

    # Hotspot cards are answered on the anatomy plate (plate_question.js), as in the quiz.
    _esm = es_module("review_deck", vendored=("ts-fsrs",), parts=("review_schedule", "question", "plate_question"))
    _css = stylesheet("review_deck", parts=("plate_colours", "plate_question"))

    items = traitlets.List(traitlets.Dict(), help="Every bank's items in course order, as the page renders them.").tag(
        sync=True
    )
    new_cards_per_day = traitlets.Int(20, min=0, help="Most unseen cards introduced per day.").tag(sync=True)
    scheduler = traitlets.Dict(help="FSRS settings shared with the page (widgets.review_schedule.SCHEDULER).").tag(
        sync=True
    )
    progress = traitlets.Dict(
        help="Review history and derived schedule per card (format in widgets/review_schedule.py)."
    ).tag(sync=True)
    note = traitlets.Unicode("", help="A message for the learner about their saved progress, if any.").tag(sync=True)
    plate = traitlets.Dict(help="The anatomy plate hotspot cards are answered on (empty when there are none).").tag(
        sync=True
    )

    def __init__(self, **kwargs):
        progress, note = read_progress(progress_file())
        items = deck_items()
        if any(item["type"] == "hotspot" for item in items):
            from .nerve_diagram import question_plate

            kwargs.setdefault(
                "plate", question_plate({item.get("plate") for item in items if item["type"] == "hotspot"})
            )
        super().__init__(items=items, scheduler=SCHEDULER, progress=progress, note=note, **kwargs)
        self._progress_path = progress_file()
        _DECKS.add(self)
        self._loaded = True  # from here on, changes are the learner's and are saved

    @traitlets.observe("progress")
    def _save(self, change):
        """One learner, one progress: a change made in any deck of this kernel that keeps the same
        file (a second ReviewDeck() cell, or one deck shown twice) is merged with the other decks'
        progress and the saved file, and the merge goes to every such deck and to the file, so
        no deck overwrites another's answers. Building a deck writes nothing."""
        if not getattr(self, "_loaded", False) or ReviewDeck._sharing or not valid_progress(change["new"]):
            return
        path = self._progress_path
        decks = [deck for deck in list(_DECKS) if deck._progress_path == path]
        on_disk = [read_progress(path)[0]] if path is not None else []
        merged = merge_progress(change["new"], *(deck.progress for deck in decks if deck is not self), *on_disk)
        ReviewDeck._sharing = True
        try:
            for deck in decks:
                if deck.progress != merged:
                    deck.progress = merged
        finally:
            ReviewDeck._sharing = False
        if path is not None:
            write_progress(path, merged)

    _sharing = False  # True while one deck's change is handed to the others

    def _repr_extra(self) -> dict:
        return {"items": len(self.items), "banks": len({item["bank"] for item in self.items})}


_DECKS: weakref.WeakSet[ReviewDeck] = weakref.WeakSet()
