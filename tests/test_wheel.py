"""The wheel works anywhere: built from the repository, installed with no checkout around it,
every widget renders with its banks, data, figures and bibliography (what Binder,
JupyterHub and Colab users get). No network: the .venv supplies the dependencies."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from widgets.paths import REPO_ROOT

NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "_build", "build", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache", ".jupyter_cache"
)
RENDER_EVERYTHING = """
import json, pathlib, sys
import widgets
from widgets import paths
from widgets.quizbank import bank_paths
from widgets.red_flags import red_flag_table

assert paths.REPO_ROOT is None, paths.REPO_ROOT
rendered = {}
for name in widgets.__all__:
    state = getattr(widgets, name)().get_state()
    empty = [key for key in ("svg", "region_data", "roots", "tests", "cases", "items") if state.get(key, 1) in ("", [])]
    assert name == "Quiz" or not empty, (name, empty)  # a bare Quiz has no bank yet
    rendered[name] = sum(len(json.dumps(value, default=str)) for value in state.values())
for path in bank_paths():
    rendered[path.stem] = len(widgets.Quiz.from_bank(path.stem).items)
red_flag_table()
print(json.dumps({"file": widgets.__file__, "rendered": rendered}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel, built from a copy of the sources and installed into a bare target directory."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(REPO_ROOT, source, ignore=NOT_SOURCES)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    build = [*pip, "wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(work / "dist")]
    subprocess.run(build, check=True, capture_output=True, text=True, cwd=work)
    (wheel,) = (work / "dist").glob("*.whl")
    target = work / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    return target, elsewhere


def run_installed(installed, *args):
    target, elsewhere = installed
    env = dict(os.environ, PYTHONPATH=str(target), NPC_REVIEW_FILE="")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=elsewhere, env=env)


def test_installed_wheel_renders_every_widget_and_bank_from_an_unrelated_directory(installed):
    result = run_installed(installed, "-c", RENDER_EVERYTHING)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["file"].startswith(str(installed[0])), report["file"]
    banks = sorted(path.stem for path in (REPO_ROOT / "chapters" / "quizzes").glob("*.yml"))
    assert all(report["rendered"][bank] > 0 for bank in banks), report
    assert set(report["rendered"]) >= {"NerveDiagram", "Quiz", "ReviewDeck", "RootLevelExplorer", "RedFlagTriage"}


def test_installed_bank_command_checks_the_shipped_banks(installed):
    result = run_installed(installed, "-W", "error::RuntimeWarning", "-m", "widgets.quizbank", "check")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "0 problem(s)" in result.stdout
