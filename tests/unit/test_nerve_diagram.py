"""NerveDiagram: its data files, its deterministic plate SVG and its Python API."""

import re
import xml.etree.ElementTree as ET

import pytest

from images import make_lumbar_plate, make_nerve_diagram
from widgets import NerveDiagram
from widgets.anatomy import load_anatomy, load_lumbar_anatomy
from widgets.authoring.data_checks import REQUIRED_REGION_FIELDS, validate_anatomy
from widgets.bibliography import load_bibliography
from widgets.nerve_diagram import DIAGRAM_SVG, LUMBAR_SVG
from widgets.plate import LUMBAR_PLATE_FILE, MIN_HIT, hit_width, load_plate, validate_plate

SVG_NS = "{http://www.w3.org/2000/svg}"
REGION_IDS = {region["id"] for region in load_anatomy()["regions"]}
LUMBAR_IDS = {region["id"] for region in load_lumbar_anatomy()["regions"]}
OTHER_PLATES = {"lumbar-spine": LUMBAR_IDS}

ISSUE_REGIONS = {
    "root_l4",
    "root_l5",
    "root_s1",
    "root_s2",
    "root_s3",
    "piriformis",
    "sciatic_pelvis",
    "sciatic_foramen",
    "sciatic_buttock",
    "sciatic_thigh",
    "tibial_division",
    "common_fibular_division",
    "sciatic_bifurcation",
    "posterior_femoral_cutaneous",
    "ischial_tuberosity",
    "biceps_femoris_long",
    "biceps_femoris_short",
    "semitendinosus",
    "semimembranosus",
    "adductor_magnus_hamstring",
    "gluteus_maximus",
    "greater_trochanter",
    "short_external_rotators",
    "fibular_head",
}


def test_anatomy_data_is_complete_and_sourced():
    assert validate_anatomy(load_anatomy(), set(load_bibliography()), OTHER_PLATES) == []
    assert validate_anatomy(load_lumbar_anatomy(), set(load_bibliography()), file="lumbar_anatomy.yml") == []


def test_disc_herniation_and_stenosis_point_at_the_lumbar_plate():
    causes = {cause["id"]: cause for cause in load_anatomy()["causes"]}
    herniation, stenosis = causes["disc_herniation"], causes["degenerative_stenosis"]
    assert herniation["plate"] == stenosis["plate"] == "lumbar-spine"
    assert {"paracentral_herniation", "l5_root_traversing", "foraminal_herniation", "l4_root_exiting"} <= set(
        herniation["regions"]
    )
    assert {"stenosis_facet_hypertrophy", "stenosis_flavum_hypertrophy", "stenosis_disc_bulge"} <= set(
        stenosis["regions"]
    )
    broken = dict(herniation, regions=["piriformis"])
    problems = validate_anatomy({"causes": [broken]}, set(load_bibliography()), OTHER_PLATES)
    assert problems == ["sciatic_anatomy.yml: cause 'disc_herniation': unknown region 'piriformis'"]


def test_every_region_the_course_needs_is_present():
    assert {region["id"] for region in load_anatomy()["regions"]} >= ISSUE_REGIONS


def test_validation_names_region_and_field():
    data = load_anatomy()
    broken = {**data, "regions": [dict(data["regions"][0], source="nobody2099", what="")]}
    problems = validate_anatomy(broken, set(load_bibliography()))
    assert "region 'gluteus_maximus': missing field 'what'" in "\n".join(problems)
    assert "field 'source': unknown bib key 'nobody2099'" in "\n".join(problems)
    assert set(REQUIRED_REGION_FIELDS) >= {"label", "what", "source"}


def test_plate_matches_the_anatomy_data():
    assert validate_plate(load_plate(), REGION_IDS) == []
    assert validate_plate(load_plate(LUMBAR_PLATE_FILE), LUMBAR_IDS, LUMBAR_PLATE_FILE.name) == []


def test_lumbar_svg_region_groups_are_the_lumbar_data_ids():
    tree = ET.fromstring(LUMBAR_SVG.read_text(encoding="utf-8"))
    assert tree.get("data-plate") == "lumbar-spine"
    groups = {g.get("id") for g in tree.iter(f"{SVG_NS}g") if "np-region" in (g.get("class") or "")}
    assert groups == LUMBAR_IDS
    assert not groups & REGION_IDS, "region ids are unique across the two plates"
    labelled = {g.get("data-label-for") for g in tree.iter(f"{SVG_NS}g") if g.get("data-role") == "label"}
    assert labelled >= LUMBAR_IDS
    texts = " ".join("".join(t.itertext()) for t in tree.iter(f"{SVG_NS}text"))
    for words in ("Anterior", "Right", "Left", "Seen from below", "Traversing L5 root", "Exiting L4 nerve"):
        assert words in texts


def test_plate_validation_names_what_is_wrong():
    plate = load_plate()
    broken = {
        **plate,
        "structures": [s for s in plate["structures"] if s["id"] != "piriformis"],
        "labels": plate["labels"] + [{"for": "spleen", "text": "Spleen", "at": [0, 0], "point": [1, 1]}],
    }
    problems = "\n".join(validate_plate(broken, REGION_IDS))
    assert "region 'piriformis' of the anatomy data is not drawn" in problems
    assert "label for 'spleen' names nothing drawn" in problems


def _svg_tree():
    return ET.fromstring(DIAGRAM_SVG.read_text(encoding="utf-8"))


def test_svg_region_groups_equal_data_ids_and_each_is_labelled():
    tree = _svg_tree()
    groups = {g.get("id") for g in tree.iter(f"{SVG_NS}g") if "np-region" in (g.get("class") or "")}
    assert groups == REGION_IDS
    labelled = {g.get("data-label-for") for g in tree.iter(f"{SVG_NS}g") if g.get("data-role") == "label"}
    assert labelled >= REGION_IDS
    label_texts = " ".join("".join(t.itertext()) for t in tree.iter(f"{SVG_NS}text"))
    for landmark in (
        "Iliac crest",
        "Sacrum",
        "Coccyx",
        "Greater trochanter",
        "Femur",
        "Knee joint line",
        "Tibia",
        "Fibular head",
        "Piriformis",
        "Quadratus femoris",
        "Superior",
        "Medial",
        "Lateral",
    ):
        assert landmark in label_texts


def test_every_region_has_a_hit_target_of_at_least_min_hit():
    structures = load_plate()["structures"] + load_plate(LUMBAR_PLATE_FILE)["structures"]
    for structure in structures:
        if structure["id"] not in REGION_IDS | LUMBAR_IDS:
            continue
        assert structure.get("paths") or structure.get("cords"), structure["id"]
        for cord in structure.get("cords", []):
            assert hit_width(cord) >= MIN_HIT, structure["id"]
        if structure.get("rim"):
            assert structure["rim"] >= MIN_HIT
    for g in _svg_tree().iter(f"{SVG_NS}g"):
        if "np-region" in (g.get("class") or ""):
            widths = [
                float(p.get("stroke-width")) for p in g.iter(f"{SVG_NS}path") if "np-hit-cord" in (p.get("class") or "")
            ]
            assert all(w >= MIN_HIT for w in widths), g.get("id")


def test_depth_order_puts_the_long_head_over_the_sciatic_nerve():
    """Draw order is depth: the nerve lies deep to biceps femoris long head and on adductor magnus."""
    drawn = [s["id"] for s in load_plate()["structures"]]
    assert drawn.index("adductor_magnus_hamstring") < drawn.index("sciatic_thigh") < drawn.index("biceps_femoris_long")
    assert drawn.index("short_external_rotators") < drawn.index("sciatic_buttock")
    assert drawn.index("sciatic_pelvis") < drawn.index("piriformis")
    assert drawn.index("biceps_femoris_long") < drawn.index("posterior_femoral_cutaneous")
    order = [g.get("id") for g in _svg_tree().iter(f"{SVG_NS}g") if g.get("id")]
    assert order.index("sciatic_thigh") < order.index("biceps_femoris_long")
    assert order.index("gluteus_maximus") < order.index("piriformis") < order.index("gluteus_maximus-sheet")


def test_svg_is_regenerated_byte_for_byte(tmp_path):
    (posterior,) = make_nerve_diagram.main(tmp_path)
    (lumbar,) = make_lumbar_plate.main(tmp_path)
    assert posterior.read_bytes() == DIAGRAM_SVG.read_bytes(), "run `make figures` and commit images/"
    assert lumbar.read_bytes() == LUMBAR_SVG.read_bytes(), "run `make figures` and commit images/"


@pytest.mark.parametrize(
    ("plate", "anatomy"),
    [(load_plate(), load_anatomy()), (load_plate(LUMBAR_PLATE_FILE), load_lumbar_anatomy())],
    ids=["posterior-thigh", "lumbar-spine"],
)
def test_find_mode_descriptions_never_name_the_structure(plate, anatomy):
    where = {s["id"]: s.get("where", "") for s in plate["structures"]}
    for region in anatomy["regions"]:
        assert where[region["id"]], region["id"]
        name = re.sub(r"\(.*\)|,.*", "", region["label"]).strip().lower()
        assert name not in where[region["id"]].lower(), region["id"]


def test_api_selects_highlights_and_reprs_stably():
    diagram = NerveDiagram()
    assert repr(diagram) == "NerveDiagram(mode='explore', selected='', regions=40)"
    diagram.highlight("piriformis")
    assert diagram.selected == "piriformis"
    assert "piriformis" in diagram.regions
    finder = NerveDiagram(mode="find")
    assert repr(finder) == "NerveDiagram(mode='find', selected='', regions=40, score=0, found=0)"
    assert diagram.lumbar_svg == finder.lumbar_svg == LUMBAR_SVG.read_text(encoding="utf-8"), "one identical string"
    diagram.highlight("l5_root_traversing")  # a lumbar structure is selected like any other


def test_unknown_region_names_the_valid_ids():
    with pytest.raises(ValueError, match=r"Unknown region 'femur'.*piriformis"):
        NerveDiagram().highlight("femur")


def test_unknown_mode_is_rejected():
    with pytest.raises(Exception, match="mode"):
        NerveDiagram(mode="quiz")


def test_causes_mode_validates_cause_ids():
    diagram = NerveDiagram(mode="causes", cause="hamstring_syndrome")
    assert repr(diagram).endswith("cause='hamstring_syndrome')")
    with pytest.raises(ValueError, match="Valid cause ids: disc_herniation"):
        diagram.cause = "sprained_ankle"


def test_a_hotspot_item_can_be_answered_on_the_lumbar_plate():
    from widgets.nerve_diagram import question_plate
    from widgets.quizbank import item_payload, load_all_banks

    item = next(i for bank in load_all_banks() for i in bank.items if i.get("plate") == "lumbar-spine")
    payload = item_payload(item)
    labels = {region["id"]: region["label"] for region in load_lumbar_anatomy()["regions"]}
    assert payload["plate"] == "lumbar-spine" and payload["answer"] == labels[item["answer"]]
    plates = question_plate({"posterior-thigh", "lumbar-spine"})
    assert plates["others"]["lumbar-spine"]["svg"] == LUMBAR_SVG.read_text(encoding="utf-8")
    assert "others" not in question_plate(), "a bank without lumbar items does not carry the lumbar plate"
