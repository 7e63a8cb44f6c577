"""Anki out: one `.apkg` with a sub-deck per chapter and one show-the-answer note per item.

Note GUIDs come from the item id and deck ids from the bank name, so importing a newer export
updates the notes a learner already has (with their review history) instead of adding copies.
Anki has no multiple-choice grading: the front lists the options, the back the right ones.
"""

from __future__ import annotations

import hashlib
import html
import pathlib

import genanki

from ..bibliography import short_citation
from ..quizbank import Bank, item_payload
from .export_text import correct_options, feedback_html, option_html, plain_decimal, prompt_html

COURSE_DECK = "Nerve Pain in the Hamstring"
# Fixed once (genanki: "hardcode it"); changing it would orphan every learner's notes.
MODEL_ID = 1_734_551_902
MODEL = genanki.Model(
    MODEL_ID,
    "Nerve Pain in the Hamstring question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Explanation"}, {"name": "Source"}],
    templates=[
        {
            "name": "Question",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}{{Explanation}}<p class="source">{{Source}}</p>',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 18px; text-align: left; } .source { font-size: 14px; }",
)


def stable_id(text: str) -> int:
    """A deck id in genanki's range (1 << 30 .. 1 << 31) that depends only on `text`."""
    return (1 << 30) + int(hashlib.sha256(text.encode()).hexdigest(), 16) % (1 << 30)


def note_guid(item_id: str) -> str:
    return genanki.guid_for(COURSE_DECK, item_id)


def _front(item: dict, payload: dict) -> str:
    front = prompt_html(item)
    if item["type"] != "numeric":
        front += "<ul>" + "".join(f"<li>{option_html(o)}</li>" for o in payload["options"]) + "</ul>"
    return front


def _answer(item: dict, payload: dict) -> str:
    if item["type"] == "numeric":
        tolerance = item.get("tolerance", 0)
        unit = f" {html.escape(item['unit'])}" if item.get("unit") else ""
        spread = f" ± {plain_decimal(tolerance)}" if tolerance else ""
        return f"<p><strong>{plain_decimal(item['answer'])}{spread}{unit}</strong></p>"
    return "<ul>" + "".join(f"<li><strong>{option_html(o)}</strong></li>" for o in correct_options(payload)) + "</ul>"


def item_note(bank: Bank, item: dict) -> genanki.Note:
    payload = item_payload(item)
    return genanki.Note(
        model=MODEL,
        fields=[
            _front(item, payload),
            _answer(item, payload),
            feedback_html(item["explanation"]),
            html.escape(short_citation(item["source"])),
        ],
        guid=note_guid(item["id"]),
        tags=[f"bank::{bank.name}", f"objective::{item['objective']}", f"level::{item.get('level', 'unknown')}"],
    )


def write_apkg(banks: list[Bank], output: pathlib.Path) -> None:
    decks = []
    for bank in banks:
        deck = genanki.Deck(stable_id(bank.name), f"{COURSE_DECK}::{bank.title}")
        for item in bank.items:
            deck.add_note(item_note(bank, item))
        decks.append(deck)
    genanki.Package(decks).write_to_file(str(output))
