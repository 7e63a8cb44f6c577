"""What a kernel imports stays light, and the package's modules import without a cycle."""

import ast
import json
import pathlib
import subprocess
import sys

import widgets
from widgets.paths import PACKAGE_DIR, REPO_ROOT

# Build- and check-time libraries: a learner's kernel must never pay for them.
HEAVY = ("jsonschema", "nbformat", "matplotlib", "sphinx", "widgets.authoring")
# `python -m` shims may reach the tools, and CaseStudy.from_file validates an instructor's own
# case file on demand (inside the method, so rendering a course case never loads it).
ENTRY_POINTS = {"widgets.quizbank.__main__", "widgets.case_study"}

RENDER_EVERY_WIDGET = """
import json, sys
import widgets
from widgets.quizbank import bank_paths
for name in widgets.__all__:
    getattr(widgets, name)()
for path in bank_paths():
    widgets.Quiz.from_bank(path.stem)
print(json.dumps(sorted(sys.modules)))
"""


def module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_imports() -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports (statically)."""
    paths = sorted(PACKAGE_DIR.rglob("*.py"))
    modules = {module_name(path): path for path in paths}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.add(submodule if submodule in modules else base)
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def test_rendering_every_widget_loads_no_checker_builder_or_plotting_library():
    result = subprocess.run(
        [sys.executable, "-c", RENDER_EVERY_WIDGET], capture_output=True, text=True, cwd=REPO_ROOT, check=True
    )
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert [m for m in loaded if any(m == heavy or m.startswith(heavy + ".") for heavy in HEAVY)] == []


def test_the_package_has_no_import_cycle():
    graph = package_imports()
    state = {}

    def visit(name, trail):
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", "import cycle: " + " -> ".join([*trail, name])
        state[name] = "open"
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        state[name] = "done"

    for name in sorted(graph):
        visit(name, [])


def test_only_the_authoring_tools_and_entry_points_import_them():
    graph = package_imports()
    importers = {name for name, targets in graph.items() if any(t.startswith("widgets.authoring") for t in targets)}
    assert {name for name in importers if not name.startswith("widgets.authoring")} <= ENTRY_POINTS


def test_the_bank_command_runs_without_a_double_import_warning():
    result = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-m", "widgets.quizbank", "check"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "0 problem(s)" in result.stdout


def test_the_notebooks_public_api():
    assert set(widgets.__all__) == {
        "NerveDiagram",
        "Progress",
        "Quiz",
        "ReviewDeck",
        "RootLevelExplorer",
        "RedFlagTriage",
        "DiagnosticAccuracy",
        "CaseStudy",
    }
    assert callable(widgets.Quiz.from_bank)
