"""NerveDiagram: a clickable anatomy plate of the sciatic nerve and the hamstrings."""

from __future__ import annotations

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .anatomy import load_anatomy, load_lumbar_anatomy
from .bibliography import short_citation
from .paths import IMAGES_DIR
from .plate import LUMBAR_PLATE_FILE, load_plate

DIAGRAM_SVG = IMAGES_DIR / "sciatic-nerve-diagram.svg"
LUMBAR_SVG = IMAGES_DIR / "lumbar-spine-plate.svg"
MODES = ("explore", "find", "causes")


def _region_payloads(anatomy: dict, plate: dict) -> list[dict]:
    """What the ES module shows in each region's panel (geometry stays in the SVG)."""
    where = {structure["id"]: structure.get("where", "") for structure in plate["structures"]}
    fields = ("id", "label", "kind", "what", "innervation", "relevance", "source")
    payloads = []
    for region in anatomy["regions"]:
        payload = {field: region[field] for field in fields}
        payload["citation"] = short_citation(region["source"])
        payload["where"] = where[region["id"]]  # the neutral description used while a find prompt is open
        payload["plate"] = plate["plate"]
        payloads.append(payload)
    return payloads


def _plate_payload(plate: dict) -> dict:
    """The plate facts the ES module needs besides the SVG: keyboard order and the text alternative."""
    keys = ("plate", "title", "viewbox", "anatomy_box", "focus_order", "description")
    # Regions the superficial layer (gluteus maximus in place) covers; a plate without layers has none.
    return {**{key: plate[key] for key in keys}, "covered": plate.get("covered_by_gluteus", [])}


class NerveDiagram(CourseWidget):
    """A posterior view of the lower back, buttock and thigh whose structures you can click,
    and a second plate, the lumbar spine at L4-L5 in axial section.

    The pictures are labelled plates (widgets/data/sciatic_plate.yml, lumbar_plate.yml); a
    switch above the picture chooses the plate (find mode uses the posterior plate only). Clicking a structure
    (or Tab to the plate, move with the arrow keys and press Enter or Space) highlights it and
    shows what it is, its nerve supply, why it matters for hamstring nerve pain and the
    source. In ``mode="find"`` the widget asks you to find structures by description and
    scores those found at the first try; in ``mode="causes"`` choosing a cause marks where
    in the plates it acts (a disc herniation or stenosis on the lumbar plate).

    Example::

        from widgets import NerveDiagram
        diagram = NerveDiagram()
        diagram.highlight("piriformis")   # same as clicking it
        diagram.selected                  # 'piriformis'
        quiz = NerveDiagram(mode="find")  # then read quiz.score and quiz.found
        causes = NerveDiagram(mode="causes", cause="piriformis_syndrome")
    """

    _esm = es_module("nerve_diagram", parts=("plate_view", "plate_zoom"))
    # The plate's palette is shared with hotspot questions (plate_question.js), hence its own file.
    _css = stylesheet("nerve_diagram", parts=("plate_colours",))
    _repr_fields = ("mode", "selected")

    mode = traitlets.Enum(
        MODES,
        default_value="explore",
        help='"explore" (click to read), "find" (find the described structures) or "causes" (where a cause acts)',
    ).tag(sync=True)
    selected = traitlets.Unicode("", help='Id of the highlighted region, "" for none; set it or click a region').tag(
        sync=True
    )
    found = traitlets.List(traitlets.Unicode(), help="Ids of the regions found so far in find mode").tag(sync=True)
    score = traitlets.Int(0, help="Find mode: structures found at the first try").tag(sync=True)
    title = traitlets.Unicode(help="Heading shown above the plate").tag(sync=True)
    svg = traitlets.Unicode(
        help="The plate as SVG markup; each clickable region is a group whose id is a region id"
    ).tag(sync=True)
    region_data = traitlets.List(
        traitlets.Dict(), help="Each region's panel text: label, kind, what it is, innervation, relevance, citation"
    ).tag(sync=True)
    plate = traitlets.Dict(help="Plate layout the page needs: label positions, focus order, legend").tag(sync=True)
    # The lumbar plate's SVG is its own trait, the same string in every copy of the widget, so a
    # static page stores it once. Find mode does not show it (its prompts are on the posterior
    # plate), but keeps it for when Python switches the mode.
    lumbar_svg = traitlets.Unicode(help="The lumbar-spine plate as SVG markup, like `svg`").tag(sync=True)
    lumbar_plate = traitlets.Dict(help="The lumbar plate's layout, like `plate`").tag(sync=True)
    find_prompts = traitlets.List(traitlets.Dict(), help="The find-mode prompts, each naming a region to find").tag(
        sync=True
    )
    cause = traitlets.Unicode("", help='Id of the chosen cause in causes mode, "" for none').tag(sync=True)
    cause_data = traitlets.List(
        traitlets.Dict(), help="Each cause with its label, the regions it acts on, its mechanism and citation"
    ).tag(sync=True)

    def __init__(self, mode: str = "explore", **kwargs):
        anatomy, plate = load_anatomy(), load_plate()
        lumbar_plate = load_plate(LUMBAR_PLATE_FILE)
        regions = _region_payloads(anatomy, plate) + _region_payloads(load_lumbar_anatomy(), lumbar_plate)
        super().__init__(
            mode=mode,
            title=plate["title"],
            svg=DIAGRAM_SVG.read_text(encoding="utf-8"),
            region_data=regions,
            plate=_plate_payload(plate),
            lumbar_svg=LUMBAR_SVG.read_text(encoding="utf-8"),
            lumbar_plate=_plate_payload(lumbar_plate),
            find_prompts=list(anatomy["find_prompts"]),
            cause_data=[
                dict(cause, citation=short_citation(cause["source"]), plate=cause.get("plate", plate["plate"]))
                for cause in anatomy["causes"]
            ],
            **kwargs,
        )

    @property
    def regions(self) -> list[str]:
        """The ids of every clickable region, in the order of the anatomy data."""
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
        return self._one_of(proposal["value"], list(self.regions) if self.region_data else [], "region")

    @traitlets.validate("cause")
    def _check_cause(self, proposal):
        return self._one_of(proposal["value"], [cause["id"] for cause in self.cause_data], "cause")

    def highlight(self, region_id: str) -> None:
        """Select a region from Python, exactly as a click would."""
        self.selected = region_id


def _question_view(plate: dict, anatomy: dict, svg_file) -> dict:
    where = {structure["id"]: structure.get("where", "") for structure in plate["structures"]}
    return {
        "svg": svg_file.read_text(encoding="utf-8"),
        "anatomy_box": plate["anatomy_box"],
        "focus_order": plate["focus_order"],
        "regions": [{"id": r["id"], "label": r["label"], "where": where[r["id"]]} for r in anatomy["regions"]],
    }


def question_plate(plates=("posterior-thigh",)) -> dict:
    """What `type: hotspot` questions need to be answered on a plate
    (widgets/static/plate_question.js): the SVG, the view without labels, the keyboard order
    and each structure's name and neutral description. The posterior-thigh plate; with
    "lumbar-spine" among `plates` (a bank with items `plate: lumbar-spine`) the lumbar plate
    too, under `others`."""
    view = _question_view(load_plate(), load_anatomy(), DIAGRAM_SVG)
    if "lumbar-spine" in plates:
        lumbar = _question_view(load_plate(LUMBAR_PLATE_FILE), load_lumbar_anatomy(), LUMBAR_SVG)
        view["others"] = {"lumbar-spine": lumbar}
    return view
