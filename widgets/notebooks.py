"""Re-run chapter notebooks top to bottom in a fresh kernel and save them lean.

Usage: python -m widgets.notebooks chapters/*.ipynb   (or `make notebooks`)

Saved notebooks keep the outputs nbval compares but drop the embedded widget state and
volatile metadata: the book build re-executes and embeds widget state itself.
"""

from __future__ import annotations

import pathlib
import sys

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = "python3"


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
        nbformat.write(make_lean(execute_notebook(path)), path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
