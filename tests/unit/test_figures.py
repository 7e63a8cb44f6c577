"""Every figure in images/ comes from a script and regenerates byte for byte."""

import importlib

import pytest

from widgets.paths import REPO_ROOT

IMAGES = REPO_ROOT / "images"
SCRIPTS = sorted(IMAGES.glob("make_*.py"))


def figure_module(script):
    return importlib.import_module(f"images.{script.stem}")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_figure_script_reproduces_the_committed_files(script, tmp_path):
    for written in figure_module(script).main(tmp_path):
        committed = IMAGES / written.name
        assert committed.exists(), f"{written.name} is not committed: run `make figures`"
        assert written.read_bytes() == committed.read_bytes(), f"{written.name} differs: run `make figures`"


def test_every_committed_image_comes_from_a_script(tmp_path):
    produced = {path.name for script in SCRIPTS for path in figure_module(script).main(tmp_path / script.stem)}
    committed = {path.name for path in IMAGES.iterdir() if path.is_file() and path.suffix != ".py"}
    assert committed == produced, "an image no script makes, or a script output that is not committed"
