"""ReviewDeck: spaced-repetition review over every question bank (stub; full widget to come)."""
from __future__ import annotations

from ._base import CourseWidget, es_module, stylesheet


class ReviewDeck(CourseWidget):
    """Spaced-repetition review of every chapter's questions.

    Example::

        from widgets import ReviewDeck
        ReviewDeck()
    """

    _esm = es_module("review_deck")
    _css = stylesheet("review_deck")
