"""Quiz: a self-check quiz over one chapter's question bank."""

from __future__ import annotations

import pathlib
import random

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .quizbank import BANK_DIR, bank_path, item_payload, load_bank


class Quiz(CourseWidget):
    """A self-check quiz built from a YAML question bank in chapters/quizzes/.

    Single and multiple choice, true/false, numeric (with a tolerance) and hotspot items
    (choose the diagram structure from its labelled list). Each item gives immediate
    feedback with its explanation and source; the score reads ``N / M``; "Retry the ones I
    missed" clears only the wrong answers. On the published site progress is saved in the
    browser, keyed by bank and a hash of its content, so an edited bank starts afresh.

    Example::

        from widgets import Quiz
        quiz = Quiz.from_bank("symptoms", seed=1)
        quiz.score, quiz.completed, quiz.answers   # live while you answer in JupyterLab
    """

    _esm = es_module("quiz")
    _css = stylesheet("quiz")
    _repr_fields = ("bank",)

    bank = traitlets.Unicode(help="Name of the question bank (a file stem in chapters/quizzes/)").tag(sync=True)
    title = traitlets.Unicode(help="The bank's title, shown as the quiz heading").tag(sync=True)
    bank_hash = traitlets.Unicode(
        help="Hash of the bank file; keys saved progress so an edited bank starts afresh"
    ).tag(sync=True)
    items = traitlets.List(
        traitlets.Dict(),
        help="The questions as shown: sanitised prompt and explanation HTML, options, answer, citation",
    ).tag(sync=True)
    answers = traitlets.Dict(help='The answers so far: {item id: {"value": chosen, "correct": true or false}}').tag(
        sync=True
    )
    score = traitlets.Int(0, help="Number of items answered correctly").tag(sync=True)
    completed = traitlets.Bool(False, help="True once every item has been answered").tag(sync=True)

    @classmethod
    def from_bank(
        cls,
        bank: str,
        n: int | None = None,
        shuffle: bool = True,
        seed: int | None = None,
        bank_dir: pathlib.Path = BANK_DIR,
    ) -> Quiz:
        """Build a quiz from `bank` (a file stem in chapters/quizzes/).

        n limits the number of items; shuffle reorders items and options. seed=None uses a
        seed derived from the bank name, so a chapter shows the same order on every run (and
        nbval compares stable output); pass a seed to vary it. A bank missing a
        field raises widgets.quizbank.BankError; `python -m widgets.quizbank check` (which
        the book build runs) finds every other fault with its line.
        """
        loaded = load_bank(bank_path(bank, bank_dir))
        rng = random.Random(seed if seed is not None else bank)
        payloads = [item_payload(item) for item in loaded.items]
        if shuffle:
            rng.shuffle(payloads)
            for payload in payloads:
                if payload["type"] in ("single", "multiple", "hotspot"):
                    rng.shuffle(payload["options"])
        if n is not None:
            payloads = payloads[:n]
        return cls(bank=bank, title=loaded.title, bank_hash=loaded.content_hash, items=payloads)

    def _repr_extra(self) -> dict:
        return {"items": len(self.items), "score": self.score}
