"""Quiz: a self-check quiz over one chapter's question bank."""

from __future__ import annotations

import json
import pathlib
import random
import re

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .paths import CHAPTER_DIR
from .quizbank import BANK_DIR, bank_path, item_payload, load_bank

LAYOUTS = ("all", "paged")
# A MyST label line followed by its heading: "(sec-root-levels)=\n## Root levels".
_LABELLED_HEADING = re.compile(r"^\(([a-z0-9][a-z0-9-]*)\)=\s*\n#+\s+(.+)$", re.M)


def section_titles(chapter: str, chapter_dir: pathlib.Path | None = CHAPTER_DIR) -> dict[str, str]:
    """MyST label -> heading text for the labelled sections of a chapter notebook.

    Empty where the notebooks are not at hand (an installed wheel ships only the banks).
    """
    path = pathlib.Path(chapter_dir or ".") / f"{chapter}.ipynb"
    if chapter_dir is None or not path.exists():
        return {}
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    return {label: heading.strip() for label, heading in _LABELLED_HEADING.findall(text)}


def objective_links(loaded, chapter_dir: pathlib.Path | None = CHAPTER_DIR) -> list[dict]:
    """Each objective with the chapter section a learner should re-read when they miss it."""
    titles = section_titles(loaded.chapter, chapter_dir)
    sections = loaded.review_sections
    return [
        {
            "id": key,
            "text": text,
            "section_url": f"#{sections[key]}" if key in sections else "",
            "section_title": titles.get(sections.get(key, ""), ""),
        }
        for key, text in loaded.objectives.items()
    ]


class Quiz(CourseWidget):
    """A self-check quiz built from a YAML question bank in chapters/quizzes/.

    Single and multiple choice, true/false, numeric (with a tolerance; a decimal comma is
    accepted) and hotspot items (choose the diagram structure from its labelled list). A
    learner has ``attempts`` tries per item: a wrong try that is not the last marks the
    choice wrong and shows no answer; a right try before any reveal scores 1; the last wrong
    try or "Show answer" closes the item, which then never counts. "Start again" clears
    everything. When every item is closed, a summary by learning objective points to the
    section to re-read. Options appear in an order of each learner's own (a seed kept in the
    browser); the bank order is what print and exports use. On the published site progress
    is saved in the browser, keyed by bank and a hash of its content, so an edited bank
    starts afresh.

    Example::

        from widgets import Quiz
        quiz = Quiz.from_bank("symptoms", seed=1)
        quiz.score, quiz.completed, quiz.answers   # live while you answer in JupyterLab
    """

    # Hotspot items are answered on the anatomy plate (plate_question.js).
    _esm = es_module("quiz", parts=("question", "plate_question"))
    _css = stylesheet("quiz", parts=("plate_colours", "plate_question"))
    _repr_fields = ("bank",)

    bank = traitlets.Unicode(help="The bank's name (file stem in chapters/quizzes/).").tag(sync=True)
    title = traitlets.Unicode(help="Heading shown above the quiz.").tag(sync=True)
    bank_hash = traitlets.Unicode(help="Hash of the bank's content; saved progress is keyed by it.").tag(sync=True)
    items = traitlets.List(traitlets.Dict(), help="The items as the page renders them (safe HTML and plain text).").tag(
        sync=True
    )
    plate = traitlets.Dict(help="The anatomy plate hotspot items are answered on (empty when the bank has none).").tag(
        sync=True
    )
    objectives = traitlets.List(traitlets.Dict(), help="Learning objectives with the section to re-read.").tag(
        sync=True
    )
    attempts = traitlets.Int(2, help="Tries per item before the answer is shown.").tag(sync=True)
    layout = traitlets.Enum(
        LAYOUTS, default_value="all", help="'all' on one page, or 'paged': one question at a time."
    ).tag(sync=True)
    answers = traitlets.Dict(help="Item id -> {value, tries, correct, closed, revealed}.").tag(sync=True)
    score = traitlets.Int(0, help="Items right before any reveal.").tag(sync=True)
    completed = traitlets.Bool(False, help="True once every item is closed.").tag(sync=True)

    @classmethod
    def from_bank(
        cls,
        bank: str,
        n: int | None = None,
        shuffle: bool = False,
        seed: int | None = None,
        bank_dir: pathlib.Path = BANK_DIR,
        **traits,
    ) -> Quiz:
        """Build a quiz from `bank` (a file stem in chapters/quizzes/).

        Items keep the bank's order (the course order) unless shuffle=True; options are
        ordered per learner on the page. n limits the number of items. seed=None uses a seed
        derived from the bank name, so output is stable for nbval. Other keyword arguments
        set traits (``attempts=1``, ``layout="paged"``). A bank missing a field
        raises widgets.quizbank.BankError; `python -m widgets.quizbank check` (which the book
        build runs) finds every other fault with its line.
        """
        loaded = load_bank(bank_path(bank, bank_dir))
        rng = random.Random(seed if seed is not None else bank)
        payloads = [item_payload(item) for item in loaded.items]
        if shuffle:
            rng.shuffle(payloads)
        if n is not None:
            payloads = payloads[:n]
        if any(payload["type"] == "hotspot" for payload in payloads):
            from .nerve_diagram import question_plate

            traits.setdefault("plate", question_plate({p.get("plate") for p in payloads if p["type"] == "hotspot"}))
        return cls(
            bank=bank,
            title=loaded.title,
            bank_hash=loaded.content_hash,
            items=payloads,
            objectives=objective_links(loaded, bank_dir.parent),
            **traits,
        )

    @traitlets.observe("answers")
    def _score_from_answers(self, change):
        """Score and completion follow the answers wherever they were set: the page (a click,
        or progress restored from the browser) or Python (``quiz.answers = {}`` to retake)."""
        answers = change["new"]
        entries = [answers.get(item["id"]) or {} for item in self.items]
        self.score = sum(1 for e in entries if e.get("closed") and e.get("correct") and not e.get("revealed"))
        self.completed = bool(entries) and all(e.get("closed") for e in entries)

    def _repr_extra(self) -> dict:
        return {"items": len(self.items), "score": self.score}
