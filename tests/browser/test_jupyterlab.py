"""A real client: JupyterLab on loopback, the anatomy notebook run in Chromium, a click that
reaches the kernel; the review deck grades a card there and the kernel saves the progress file."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from tests.helpers import answer_question, region_point
from widgets.paths import REPO_ROOT as ROOT
from widgets.quizbank import load_all_banks

pytestmark = pytest.mark.browser
TOKEN = "course-test-token"
KERNEL_PROBE = (
    "import ipywidgets.widgets.widget as registry\n"
    "print(sorted(w.selected for w in list(registry._instances.values())"
    " if type(w).__name__ == 'NerveDiagram' and w.mode == 'explore'))"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab serving a copy of the chapter, so running it leaves the repo untouched."""
    shutil.copy(ROOT / "chapters" / "02-anatomy.ipynb", tmp_path / "anatomy.ipynb")
    deck = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("from widgets import ReviewDeck\nReviewDeck()")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(deck, tmp_path / "deck.ipynb")
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
        NPC_REVIEW_FILE=str(tmp_path / "review.json"),
    )
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={tmp_path}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.port_retries=0",
        "--allow-root",
    ]
    with open(tmp_path / "lab.log", "w") as log:  # the server keeps its own copy of the handle
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2) as response:
                json.load(response)
                break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        pytest.fail(f"JupyterLab did not start: {(tmp_path / 'lab.log').read_text()[-2000:]}")
    yield base
    server.terminate()
    server.wait(timeout=30)
    log.close()


def run_in_kernel(page, code: str) -> str:
    """Execute code in the notebook's own kernel from the browser client; return stdout."""
    return page.evaluate(
        """async (code) => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
            let text = "";
            const future = kernel.requestExecute({code});
            future.onIOPub = (msg) => { if (msg.header.msg_type === "stream") text += msg.content.text; };
            await future.done;
            return text;
        }""",
        code,
    )


def open_and_run(browser, jupyterlab, notebook: str):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{jupyterlab}/lab/tree/{notebook}?token={TOKEN}")
    page.wait_for_function(
        "() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
    )
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    return context, page


def test_click_in_jupyterlab_changes_selected_in_the_kernel(browser, jupyterlab):
    context, page = open_and_run(browser, jupyterlab, "anatomy.ipynb")
    diagram = "[data-widget='nerve-diagram'][data-mode='explore']"
    page.wait_for_selector(f"{diagram} [data-region='piriformis']")
    page.mouse.click(*region_point(page, f"{diagram} [data-region='piriformis']"))
    assert "Piriformis" in page.locator(f"{diagram} [data-role='region-info']").first.inner_text()
    deadline = time.monotonic() + 20
    seen = ""
    while time.monotonic() < deadline:
        seen = run_in_kernel(page, KERNEL_PROBE)
        if "piriformis" in seen:
            break
        time.sleep(0.5)
    assert "'piriformis'" in seen, seen
    context.close()


def test_review_deck_grades_in_jupyterlab_and_the_kernel_saves_the_file(browser, jupyterlab, tmp_path):
    context, page = open_and_run(browser, jupyterlab, "deck.ipynb")
    card = page.locator("[data-widget='review-deck'] [data-role='card'] [data-question-id]")
    item_id = card.get_attribute("data-question-id")
    items = {item["id"]: item for bank in load_all_banks() for item in bank.items}
    answer_question(card, items[item_id], correct=True)
    page.locator("[data-widget='review-deck'] button[data-grade='good']").click()
    saved = tmp_path / "review.json"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (saved.exists() and item_id in saved.read_text()):
        time.sleep(0.5)
    data = json.loads(saved.read_text())
    assert data["format"] == "npc-review-progress" and data["pending"] is None
    assert [grade for _time, grade in data["cards"][item_id]["reviews"]] == [3]
    context.close()
