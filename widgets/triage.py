"""RedFlagTriage: Red-flag triage practice with short case vignettes. (stub; full widget to come)."""
from __future__ import annotations

from ._base import CourseWidget, es_module, stylesheet


class RedFlagTriage(CourseWidget):
    """Red-flag triage practice with short case vignettes.

    Example::

        from widgets import RedFlagTriage
        RedFlagTriage()
    """

    _esm = es_module("triage")
    _css = stylesheet("triage")
