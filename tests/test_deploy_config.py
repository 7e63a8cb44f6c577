"""Deployment config stays in step with the project: CI, Pages publishing, Binder runtime."""

from __future__ import annotations

import os
import pathlib
import re
import tomllib

import yaml

from widgets.paths import REPO_ROOT as ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BINDER = ROOT / "binder"
# What students open the notebooks in: the same packages in .venv (lab extra) and on Binder.
INTERFACE = ("jupyterlab", "jupyterlab-myst", "notebook")


def _load_yaml(path: pathlib.Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.relative_to(ROOT)} does not parse to a YAML mapping"
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(workflow) if "uses" in step]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(requirement: str) -> tuple[str, str]:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$", requirement)
    assert match, f"cannot parse requirement {requirement!r}"
    return _norm(match.group(1)), match.group(2).replace(" ", "")


def test_ci_workflow_runs_make_test():
    ci = _load_yaml(WORKFLOWS / "ci.yml")
    runs = [step.get("run", "") for step in _steps(ci)]
    assert any("make test" in run for run in runs), f"ci.yml has no step running `make test`: {runs}"


def test_publish_workflow_uploads_and_deploys_the_built_book():
    publish = _load_yaml(WORKFLOWS / "publish.yml")
    uses = _uses(publish)
    for action in ("actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, f"publish.yml does not use {action}: {uses}"
    paths = [
        step.get("with", {}).get("path")
        for step in _steps(publish)
        if step.get("uses", "").startswith("actions/upload-pages-artifact")
    ]
    assert paths == ["_build/html"], f"publish.yml must upload _build/html to Pages, got {paths}"


def test_binder_requirements_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = dict(_split(r) for r in project["dependencies"] + project["optional-dependencies"]["book"])
    lines = (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()
    have = dict(_split(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))
    for name, spec in wanted.items():
        assert name in have, f"binder/requirements.txt is missing {name} (pyproject.toml has {name}{spec})"
        assert have[name] == spec, f"binder/requirements.txt pins {name}{have[name]}, pyproject.toml {name}{spec}"
    lab_extra = dict(_split(r) for r in project["optional-dependencies"]["lab"])
    assert set(lab_extra) == set(INTERFACE), f"pyproject.toml's lab extra is the student interface {INTERFACE}"
    for name in INTERFACE:
        assert have.get(name) == lab_extra[name], (
            f"binder/requirements.txt must list {name}{lab_extra[name]} as the lab extra does (the interface"
            f" students use), got {name}{have.get(name, ' (missing)')}"
        )


def test_binder_python_satisfies_requires_python():
    """repo2docker's default Python is older than the package needs, so binder/runtime.txt pins it."""
    runtime = BINDER / "runtime.txt"
    assert runtime.exists(), "binder/runtime.txt is missing: repo2docker would use its default Python"
    match = re.fullmatch(r"python-(\d+)\.(\d+)", runtime.read_text(encoding="utf-8").strip())
    assert match, f"binder/runtime.txt must read like python-3.11, got {runtime.read_text(encoding='utf-8')!r}"
    pinned = tuple(int(part) for part in match.groups())
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    minimum = re.fullmatch(r">=\s*(\d+)\.(\d+)", requires.strip())
    assert minimum, f"pyproject.toml requires-python {requires!r} is not a plain lower bound; update this test"
    lowest = tuple(int(part) for part in minimum.groups())
    assert pinned >= lowest, f"binder/runtime.txt pins Python {pinned}, pyproject.toml requires-python {requires}"


def test_binder_postbuild_installs_the_package():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK), "binder/postBuild must be executable (chmod +x)"
    text = post_build.read_text(encoding="utf-8")
    assert re.search(r"pip install .*-e \.(\s|$)", text), "binder/postBuild must `pip install -e .` the widgets package"


def test_launch_buttons_point_at_a_binderhub():
    config = _load_yaml(ROOT / "_config.yml")
    url = (config.get("launch_buttons") or {}).get("binderhub_url")
    assert url, "_config.yml launch_buttons.binderhub_url is empty: the Binder launch button would not appear"


def test_no_colab_button_and_the_readme_says_why():
    # Colab cannot install the `widgets` package from a chapter (no setup cell), so no button.
    config = _load_yaml(ROOT / "_config.yml")
    assert not (config.get("launch_buttons") or {}).get("colab_url"), "_config.yml: colab_url must stay empty"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "No Colab button" in readme, "the README must say that the Colab button is off, and why"


def test_make_prints_both_pdf_editions_into_build_pdf():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target, edition in (("pdf", "student"), ("pdf-instructor", "instructor")):
        recipe = re.search(rf"^{re.escape(target)}:.*\n\t(.+)$", makefile, re.M)
        assert recipe, f"Makefile has no `{target}` target"
        assert "tools.print_pdf" in recipe.group(1) and "_build/pdf" in recipe.group(1)
        assert f"--edition {edition}" in recipe.group(1)
