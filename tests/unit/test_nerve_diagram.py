"""NerveDiagram: its data file, its deterministic SVG and its Python API."""

import re

import pytest

from images import make_nerve_diagram
from widgets import NerveDiagram
from widgets.anatomy import load_anatomy
from widgets.authoring.data_checks import REQUIRED_REGION_FIELDS, validate_anatomy
from widgets.bibliography import load_bibliography
from widgets.nerve_diagram import DIAGRAM_SVG

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
}


def test_anatomy_data_is_complete_and_sourced():
    assert validate_anatomy(load_anatomy(), set(load_bibliography())) == []


def test_every_region_the_course_needs_is_present():
    assert {region["id"] for region in load_anatomy()["regions"]} >= ISSUE_REGIONS


def test_validation_names_region_and_field():
    data = load_anatomy()
    broken = {**data, "regions": [dict(data["regions"][0], source="nobody2099", what="")]}
    problems = validate_anatomy(broken, set(load_bibliography()))
    assert "region 'gluteus_maximus': missing field 'what'" in "\n".join(problems)
    assert "field 'source': unknown bib key 'nobody2099'" in "\n".join(problems)
    assert set(REQUIRED_REGION_FIELDS) >= {"label", "what", "source"}


def test_svg_ids_equal_data_ids():
    svg_ids = set(re.findall(r'<g id="([a-z0-9_]+)"', DIAGRAM_SVG.read_text()))
    data_ids = {region["id"] for region in load_anatomy()["regions"]}
    assert data_ids <= svg_ids
    assert {i for i in svg_ids if not re.match(r"(figure|axes|patch)_\d+$", i)} == data_ids


def test_svg_is_regenerated_byte_for_byte(tmp_path):
    (svg,) = make_nerve_diagram.main(tmp_path)
    assert svg.read_bytes() == DIAGRAM_SVG.read_bytes(), "run `make figures` and commit images/"


def test_api_selects_highlights_and_reprs_stably():
    diagram = NerveDiagram()
    assert repr(diagram) == "NerveDiagram(mode='explore', selected='', regions=21)"
    diagram.highlight("piriformis")
    assert diagram.selected == "piriformis"
    assert "piriformis" in diagram.regions
    finder = NerveDiagram(mode="find")
    assert repr(finder) == "NerveDiagram(mode='find', selected='', regions=21, score=0, found=0)"


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
