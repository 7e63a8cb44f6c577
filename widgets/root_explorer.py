"""RootLevelExplorer: dermatome, key muscle tests, reflex and usual disc for L4, L5, S1, S2,
and a practice that asks which root, peripheral nerve or cauda equina fits a short vignette."""

from __future__ import annotations

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .bibliography import short_citation
from .paths import IMAGES_DIR
from .root_levels import load_root_levels

LEG_SVG = IMAGES_DIR / "leg-dermatomes.svg"


class RootLevelExplorer(CourseWidget):
    """Pick a nerve root to highlight its dermatome on a leg outline and list its key muscle
    tests, reflex and the disc level that most often affects it. ``mode="practice"`` shows a
    short vignette and asks which root, peripheral nerve or the cauda equina fits it; only the
    first answer to each vignette is scored.

    Example::

        from widgets import RootLevelExplorer
        explorer = RootLevelExplorer(selected_root="L5")
        practice = RootLevelExplorer(mode="practice")   # then read practice.score, .answered
    """

    _esm = es_module("root_explorer")
    _css = stylesheet("root_explorer")
    _repr_fields = ("selected_root", "mode")

    mode = traitlets.Enum(
        ("explore", "practice"),
        default_value="explore",
        help='"explore" (pick a root, read its pattern) or "practice" (name what fits a vignette)',
    ).tag(sync=True)
    selected_root = traitlets.Unicode("", help='The highlighted root ("L4", "L5", "S1", "S2"), "" for none').tag(
        sync=True
    )
    score = traitlets.Int(0, help="Practice vignettes whose first answer was right").tag(sync=True)
    answered = traitlets.Int(0, help="Practice vignettes answered so far").tag(sync=True)
    svg = traitlets.Unicode(
        help='The leg outline as SVG markup; each dermatome is a group with id "dermatome-<root>"'
    ).tag(sync=True)
    roots = traitlets.List(
        traitlets.Dict(), help="Each root's dermatome, key muscle tests, reflex, usual disc level and citations"
    ).tag(sync=True)
    practice = traitlets.List(
        traitlets.Dict(), help="The practice vignettes, each with its answer and explanation"
    ).tag(sync=True)
    practice_choices = traitlets.List(
        traitlets.Dict(),
        help="The answers a practice vignette offers: the roots, peripheral nerves and the cauda equina",
    ).tag(sync=True)

    def __init__(self, **kwargs):
        data = load_root_levels()
        roots = [
            {key: value for key, value in root.items() if key not in ("areas", "sources")}
            | {"citation": " ".join(short_citation(key) for key in root["sources"])}
            for root in data["roots"]
        ]
        super().__init__(
            svg=LEG_SVG.read_text(encoding="utf-8"),
            roots=roots,
            practice=data["practice"],
            practice_choices=data["practice_choices"],
            **kwargs,
        )

    @traitlets.validate("selected_root")
    def _check_root(self, proposal):
        return self._one_of(proposal["value"], [root["id"] for root in load_root_levels()["roots"]], "root")
