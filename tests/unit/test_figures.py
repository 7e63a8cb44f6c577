"""Every figure in images/ comes from a script and regenerates byte for byte."""

import importlib

import pytest

from widgets.paths import REPO_ROOT

IMAGES = REPO_ROOT / "images"
SCRIPTS = sorted(IMAGES.glob("make_*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_reproduces_the_committed_files(script, tmp_path):
    module = importlib.import_module(f"images.{script.stem}")
    for written in module.main(tmp_path):
        committed = IMAGES / written.name
        assert committed.exists(), f"{written.name} is not committed: run `make figures`"
        if written.suffix == ".svg":
            assert written.read_bytes() == committed.read_bytes(), f"{written.name} differs: run `make figures`"


def test_every_image_has_a_script():
    produced = set()
    for script in SCRIPTS:
        produced |= {
            p.name
            for p in IMAGES.glob("*.svg")
            if p.stem in script.read_text() or p.stem.replace("-", "_") in script.stem
        }
    assert {p.name for p in IMAGES.glob("*.svg")} == produced
