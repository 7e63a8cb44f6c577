"""NerveDiagram: a clickable schematic of the sciatic nerve and the hamstrings."""

from __future__ import annotations

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .anatomy import load_anatomy
from .bibliography import short_citation
from .paths import IMAGES_DIR

DIAGRAM_SVG = IMAGES_DIR / "sciatic-nerve-diagram.svg"
MODES = ("explore", "find", "causes")


def _region_payload(region: dict) -> dict:
    """What the ES module shows in a region's panel (geometry stays in the SVG)."""
    fields = ("id", "label", "kind", "what", "innervation", "relevance", "source")
    payload = {field: region[field] for field in fields}
    payload["citation"] = short_citation(region["source"])
    return payload


class NerveDiagram(CourseWidget):
    """A posterior view of the lower back, buttock and thigh whose structures you can click.

    Clicking a region (or Tab to it and press Enter or Space) highlights it and shows what
    it is, its nerve supply, why it matters for hamstring nerve pain and the source. In
    ``mode="find"`` the widget asks you to find structures and keeps score; in
    ``mode="causes"`` choosing a cause marks where in the diagram it acts.

    Example::

        from widgets import NerveDiagram
        diagram = NerveDiagram()
        diagram.highlight("piriformis")   # same as clicking it
        diagram.selected                  # 'piriformis'
        quiz = NerveDiagram(mode="find")  # then read quiz.score and quiz.found
        causes = NerveDiagram(mode="causes", cause="piriformis_syndrome")
    """

    _esm = es_module("nerve_diagram")
    _css = stylesheet("nerve_diagram")
    _repr_fields = ("mode", "selected")

    mode = traitlets.Enum(
        MODES,
        default_value="explore",
        help='"explore" (click to read), "find" (find the named structures) or "causes" (where a cause acts)',
    ).tag(sync=True)
    selected = traitlets.Unicode("", help='Id of the highlighted region, "" for none; set it or click a region').tag(
        sync=True
    )
    found = traitlets.List(traitlets.Unicode(), help="Ids of the regions found so far in find mode").tag(sync=True)
    score = traitlets.Int(0, help="Number of structures found in find mode").tag(sync=True)
    title = traitlets.Unicode(help="Heading shown above the diagram").tag(sync=True)
    svg = traitlets.Unicode(
        help="The diagram as SVG markup; each clickable region is a group whose id is a region id"
    ).tag(sync=True)
    region_data = traitlets.List(
        traitlets.Dict(), help="Each region's panel text: label, kind, what it is, innervation, relevance, citation"
    ).tag(sync=True)
    find_prompts = traitlets.List(traitlets.Dict(), help="The find-mode prompts, each naming a region to find").tag(
        sync=True
    )
    cause = traitlets.Unicode("", help='Id of the chosen cause in causes mode, "" for none').tag(sync=True)
    cause_data = traitlets.List(
        traitlets.Dict(), help="Each cause with its label, the regions it acts on, its mechanism and citation"
    ).tag(sync=True)

    def __init__(self, mode: str = "explore", **kwargs):
        anatomy = load_anatomy()
        super().__init__(
            mode=mode,
            title=anatomy["title"],
            svg=DIAGRAM_SVG.read_text(encoding="utf-8"),
            region_data=[_region_payload(region) for region in anatomy["regions"]],
            find_prompts=list(anatomy["find_prompts"]),
            cause_data=[dict(cause, citation=short_citation(cause["source"])) for cause in anatomy["causes"]],
            **kwargs,
        )

    @property
    def regions(self) -> list[str]:
        """The ids of every clickable region, in drawing order."""
        return [region["id"] for region in self.region_data]

    def _repr_extra(self) -> dict:
        extra = {"regions": len(self.region_data)}
        if self.mode == "find":
            extra.update(score=self.score, found=len(self.found))
        if self.mode == "causes":
            extra.update(cause=self.cause)
        return extra

    @traitlets.validate("selected")
    def _check_selected(self, proposal):
        value = proposal["value"]
        if value and self.region_data and value not in self.regions:
            raise ValueError(f"Unknown region {value!r}. Valid region ids: {', '.join(self.regions)}")
        return value

    @traitlets.validate("cause")
    def _check_cause(self, proposal):
        value = proposal["value"]
        known = [cause["id"] for cause in self.cause_data]
        if value and known and value not in known:
            raise ValueError(f"Unknown cause {value!r}. Valid cause ids: {', '.join(known)}")
        return value

    def highlight(self, region_id: str) -> None:
        """Select a region from Python, exactly as a click would."""
        self.selected = region_id
