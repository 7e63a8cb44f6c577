"""TestAccuracy: Post-test probability after a neurodynamic test. (stub; full widget to come)."""
from __future__ import annotations

from ._base import CourseWidget, es_module, stylesheet


class TestAccuracy(CourseWidget):
    """Post-test probability after a neurodynamic test.

    Example::

        from widgets import TestAccuracy
        TestAccuracy()
    """

    _esm = es_module("test_accuracy")
    _css = stylesheet("test_accuracy")
