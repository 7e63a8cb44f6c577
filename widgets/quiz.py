"""Quiz: a self-check quiz over one chapter's question bank (stub; full widget to come)."""
from __future__ import annotations

import traitlets

from ._base import CourseWidget, es_module, stylesheet


class Quiz(CourseWidget):
    """A self-check quiz built from a YAML question bank in chapters/quizzes/.

    Example::

        from widgets import Quiz
        Quiz.from_bank("symptoms", seed=1)
    """

    _esm = es_module("quiz")
    _css = stylesheet("quiz")
    _repr_fields = ("bank",)

    bank = traitlets.Unicode().tag(sync=True)

    @classmethod
    def from_bank(cls, bank: str, n: int | None = None, shuffle: bool = True, seed: int | None = None) -> "Quiz":
        return cls(bank=bank)
