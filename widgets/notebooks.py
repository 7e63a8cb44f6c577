"""Re-run chapter notebooks top to bottom in a fresh kernel and save them lean.

Usage: python -m widgets.notebooks chapters/*.ipynb   (or `make notebooks`)

Saved notebooks keep the outputs nbval compares but drop the embedded widget state and
volatile metadata: the book build re-executes and embeds widget state itself.
"""

from __future__ import annotations

import pathlib
import sys
import uuid

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = "python3"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def execute_notebook(path: pathlib.Path, timeout: int = 180) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=KERNEL_NAME,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def stable_model_ids(notebook: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Number the saved widget views' model ids from the notebook's name and their order.

    A kernel gives every model a random id, so without this each run rewrote every widget
    output. The saved notebook carries no widget state (the build embeds its own), so these
    ids point at nothing and any stable value serves.
    """
    views = [
        output.data[WIDGET_VIEW]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    ]
    for number, view in enumerate(views, start=1):
        view["model_id"] = uuid.uuid5(uuid.NAMESPACE_URL, f"nerve-pain-course/{name}/widget-{number}").hex
    return notebook


def make_lean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    notebook.metadata.pop("widgets", None)
    notebook.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": KERNEL_NAME}
    notebook.metadata["language_info"] = {"name": "python"}
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def main(paths: list[str]) -> int:
    for name in paths:
        path = pathlib.Path(name)
        print(f"running {path}", flush=True)
        nbformat.write(stable_model_ids(make_lean(execute_notebook(path)), path.name), path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
