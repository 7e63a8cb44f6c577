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
