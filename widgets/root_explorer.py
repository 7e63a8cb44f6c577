"""RootLevelExplorer: Dermatomes, key muscles and reflexes for the L4, L5, S1 and S2 roots. (stub; full widget to come)."""
from __future__ import annotations

from ._base import CourseWidget, es_module, stylesheet


class RootLevelExplorer(CourseWidget):
    """Dermatomes, key muscles and reflexes for the L4, L5, S1 and S2 roots.

    Example::

        from widgets import RootLevelExplorer
        RootLevelExplorer()
    """

    _esm = es_module("root_explorer")
    _css = stylesheet("root_explorer")
