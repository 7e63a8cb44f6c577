"""ruff (pinned in the test extra, configured in pyproject.toml) finds nothing and would reformat nothing."""

import subprocess
import sys

import pytest

from widgets.paths import REPO_ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff_is_clean(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--no-cache", "."], cwd=REPO_ROOT, capture_output=True, text=True
    )
    hint = "run `.venv/bin/ruff check --fix .` and `.venv/bin/ruff format .`"
    assert result.returncode == 0, f"{hint}\n{result.stdout}{result.stderr}"


BIOME = REPO_ROOT / "node_modules" / ".bin" / "biome"


def test_biome_is_clean():
    """The widgets' JavaScript and CSS: biome (pinned in package.json, configured in biome.json)
    finds no error and would reformat nothing. `make test` installs it with `npm ci`."""
    assert BIOME.exists(), "biome is not installed: run `npm ci` (make test does) in the repository"
    result = subprocess.run([str(BIOME), "ci", "--colors=off"], cwd=REPO_ROOT, capture_output=True, text=True)
    hint = "run `npx biome check --write` to format and apply safe fixes"
    assert result.returncode == 0, f"{hint}\n{result.stdout[-4000:]}{result.stderr[-4000:]}"
