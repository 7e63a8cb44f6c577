"""A real JupyterLab for the browser tests: a server on loopback serving a copy of some
chapters (with the images and bibliography beside them, as at the repository root), with its
own settings, runtime and workspace folders, and helpers that drive it the way a student does."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import pytest

from widgets.paths import REPO_ROOT as ROOT

TOKEN = "course-test-token"
# Every cell attached, so rendered markdown can be read without scrolling it into view.
LAB_SETTINGS = {"@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"}}
# Defined in the kernel by the first probe: the newest live widget of a class, as a new cell
# would find it (the chapters show widgets without binding names).
LATEST = (
    "import ipywidgets.widgets.widget as _registry\n"
    "def live(kind):\n"
    "    return [w for w in list(_registry._instances.values()) if type(w).__name__ == kind]\n"
    "def latest(kind):\n"
    "    return live(kind)[-1]\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _copy_course(root, chapters):
    (root / "chapters").mkdir()
    for name in chapters:
        shutil.copy(ROOT / "chapters" / name, root / "chapters" / name)
    shutil.copytree(ROOT / "images", root / "images", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    shutil.copy(ROOT / "references.bib", root / "references.bib")
    settings = root / ".lab-settings"
    for relative, values in LAB_SETTINGS.items():
        path = settings / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@contextmanager
def jupyterlab_server(root, chapters):
    """JupyterLab (with Notebook 7 on the same server) rooted at a copy of the course in `root`."""
    _copy_course(root, chapters)
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(root / ".runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(root / ".workspaces"),
        JUPYTERLAB_SETTINGS_DIR=str(root / ".lab-settings"),
        JUPYTER_CONFIG_DIR=str(root / ".config"),
        NPC_REVIEW_FILE="",
    )
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True", "--allow-root",
    ]  # fmt: skip
    log_path = root / ".lab.log"
    with open(log_path, "w") as log:  # the server keeps its own copy of the handle
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2) as response:
                json.load(response)
                break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        pytest.fail(f"JupyterLab did not start: {log_path.read_text()[-2000:]}")
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for_kernel_idle(page):
    page.wait_for_function(
        "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
    )


def open_notebook(page, base, path):
    """Open a notebook in JupyterLab, alone (`reset` drops the tabs an earlier test left open),
    and wait for its kernel."""
    page.goto(f"{base}/lab/tree/{path}?reset&token={TOKEN}")
    page.wait_for_function(f"() => window.jupyterapp?.shell.currentWidget?.context?.path === {json.dumps(path)}")
    wait_for_kernel_idle(page)


def run_all(page, widget_count):
    """Run every cell, then wait until `widget_count` course widgets are on the page."""
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function("(n) => document.querySelectorAll('.jp-Notebook .npc-widget').length >= n", arg=widget_count)
    wait_for_kernel_idle(page)


def active_cell_index(page) -> int:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex")


def cell_count(page) -> int:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.length")


def run_new_cell(page, code: str, keep: bool = False) -> str:
    """Add a code cell at the end of the notebook, run it as a student would, return its text.

    The cell is deleted afterwards so the notebook's cell indices stay those of the chapter,
    unless `keep` (a widget it shows stays on the page).
    """
    return page.evaluate(
        """async ([code, keep]) => {
            const app = window.jupyterapp, panel = app.shell.currentWidget, notebook = panel.content;
            notebook.activeCellIndex = notebook.widgets.length - 1;
            notebook.mode = "command";
            await app.commands.execute("notebook:insert-cell-below");
            await app.commands.execute("notebook:change-cell-to-code");
            const cell = notebook.activeCell;
            cell.model.sharedModel.setSource(code);
            await app.commands.execute("notebook:run-cell");
            while (cell.model.executionState === "running" || cell.model.executionCount === null) {
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            const text = cell.model.outputs.toJSON().map((output) =>
              output.text || (output.data && output.data["text/plain"]) || (output.traceback || []).join("\\n")
            ).map((part) => (Array.isArray(part) ? part.join("") : part)).join("");
            if (!keep) {
              notebook.activeCellIndex = notebook.widgets.indexOf(cell);
              await app.commands.execute("notebook:delete-cell");
            }
            return text;
        }""",
        [LATEST + code, keep],
    )


def kernel_value(page, expression: str):
    """Evaluate a Python expression in a new cell and return it (it must be JSON-serialisable)."""
    text = run_new_cell(page, f"import json as _json\nprint(_json.dumps({expression}))")
    try:
        return json.loads(text.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise AssertionError(f"the kernel did not answer {expression!r}; the cell printed: {text!r}") from None


def eventually(check, timeout=20.0, interval=0.4):
    """Retry `check` (which returns a value or raises AssertionError) until it passes."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(interval)


def set_theme(page, theme: str):
    """Switch JupyterLab's theme ("JupyterLab Light" or "JupyterLab Dark") and wait for it."""
    page.evaluate("(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme)
    light = "true" if "Light" in theme else "false"
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{light}'")
    page.wait_for_timeout(500)  # the theme's stylesheet applies after the attribute
