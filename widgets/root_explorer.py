"""RootLevelExplorer: dermatome, key muscle test, reflex and usual disc for L4, L5, S1, S2."""

from __future__ import annotations

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .bibliography import short_citation
from .paths import IMAGES_DIR
from .root_levels import load_root_levels

LEG_SVG = IMAGES_DIR / "leg-dermatomes.svg"


class RootLevelExplorer(CourseWidget):
    """Pick a nerve root to highlight its dermatome on a leg outline and list its key muscle
    test, reflex and the disc level that most often affects it. ``mode="practice"`` shows a
    short pattern and asks which root it is, with feedback.

    Example::

        from widgets import RootLevelExplorer
        explorer = RootLevelExplorer(selected_root="L5")
        practice = RootLevelExplorer(mode="practice")   # then read practice.score
    """

    _esm = es_module("root_explorer")
    _css = stylesheet("root_explorer")
    _repr_fields = ("selected_root", "mode")

    mode = traitlets.Enum(
        ("explore", "practice"),
        default_value="explore",
        help='"explore" (pick a root, read its pattern) or "practice" (name the root from a pattern)',
    ).tag(sync=True)
    selected_root = traitlets.Unicode("", help='The highlighted root ("L4", "L5", "S1", "S2"), "" for none').tag(
        sync=True
    )
    score = traitlets.Int(0, help="Number of practice patterns named correctly").tag(sync=True)
    svg = traitlets.Unicode(
        help='The leg outline as SVG markup; each dermatome is a group with id "dermatome-<root>"'
    ).tag(sync=True)
    roots = traitlets.List(
        traitlets.Dict(), help="Each root's dermatome, key muscle test, reflex, usual disc level and citation"
    ).tag(sync=True)
    practice = traitlets.List(traitlets.Dict(), help="The practice patterns, each with its answer and explanation").tag(
        sync=True
    )

    def __init__(self, **kwargs):
        data = load_root_levels()
        roots = [
            {k: v for k, v in dict(root, citation=short_citation(root["source"])).items() if k != "areas"}
            for root in data["roots"]
        ]
        super().__init__(svg=LEG_SVG.read_text(encoding="utf-8"), roots=roots, practice=data["practice"], **kwargs)

    @traitlets.validate("selected_root")
    def _check_root(self, proposal):
        known = [root["id"] for root in load_root_levels()["roots"]]
        if proposal["value"] and proposal["value"] not in known:
            raise ValueError(f"Unknown root {proposal['value']!r}. Valid roots: {', '.join(known)}")
        return proposal["value"]
