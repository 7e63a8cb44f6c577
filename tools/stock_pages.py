"""Two stock Jupyter Book 1 pages for `make bench` to measure beside the course's own, in the
same run and harness: what a reader would download and wait for without this course's work.

- `plain`: a book of one Markdown page with Jupyter Book's default configuration (only a title).
  Interactive = the `load` event.
- `jupyterquiz`: the same default book with one notebook page that calls jupyterquiz's
  `display_quiz` on the anatomy chapter's bank (exported with `python -m widgets.quizbank export
  --format jupyterquiz`'s converter), executed at build as Jupyter Book does by default.
  Interactive = the quiz's first answer control drawn.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import nbformat

from tools.bench_pages import Target

QUIZ_BANK = "anatomy"
# jupyterquiz draws multiple-choice answers as .MCButton and numeric answers as .Input-text.
QUIZ_READY = ".MCButton, .Input-text"
PLAIN_TEXT = """# A stock page

This book was made with Jupyter Book's default configuration: one Markdown page and a title.
It stands beside the course's pages in `make bench`, so their weight and time to interactive
can be read against what the same theme costs with nothing added.

The sciatic nerve leaves the pelvis through the greater sciatic foramen, usually below the
piriformis muscle, and runs down the back of the thigh under the long head of biceps femoris
before it divides into the tibial and common fibular nerves above the knee.
"""


def _book(directory: pathlib.Path, title: str, root: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "_config.yml").write_text(f"title: {json.dumps(title)}\n", encoding="utf-8")
    (directory / "_toc.yml").write_text(f"format: jb-book\nroot: {root}\n", encoding="utf-8")


def write_plain_book(directory: pathlib.Path) -> None:
    _book(directory, "A stock Jupyter Book", "index")
    (directory / "index.md").write_text(PLAIN_TEXT, encoding="utf-8")


def quiz_questions() -> list[dict]:
    """The anatomy bank as jupyterquiz questions (imported here: the bench alone needs them)."""
    from widgets.authoring.interop import to_jupyterquiz
    from widgets.quizbank import bank_path, load_bank

    return to_jupyterquiz([load_bank(bank_path(QUIZ_BANK))])


def write_quiz_book(directory: pathlib.Path, questions: list[dict]) -> None:
    _book(directory, "A stock Jupyter Book with a jupyterquiz quiz", "quiz")
    (directory / "questions.json").write_text(json.dumps(questions, indent=1), encoding="utf-8")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A stock page with a jupyterquiz quiz"),
        nbformat.v4.new_code_cell('from jupyterquiz import display_quiz\n\ndisplay_quiz("questions.json")'),
    ]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, directory / "quiz.ipynb")


def build(directory: pathlib.Path, env: dict) -> pathlib.Path:
    """`jupyter-book build` as a new author would run it; returns the HTML folder."""
    jupyter_book = pathlib.Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", str(directory)], env=env, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        tail = result.stdout[-2000:] + result.stderr[-2000:]
        raise RuntimeError(f"stock book {directory.name} failed to build:\n{tail}")
    return directory / "_build" / "html"


def build_stock_pages(workdir: pathlib.Path, env: dict) -> list[Target]:
    """Both stock books built under `workdir`, as pages for tools.bench_pages.measure."""
    plain, quiz = workdir / "stock-plain", workdir / "stock-jupyterquiz"
    write_plain_book(plain)
    questions = quiz_questions()
    write_quiz_book(quiz, questions)
    plain_name = "Stock Jupyter Book 1 page (one Markdown page, default config)"
    quiz_name = f"Stock page with a jupyterquiz quiz ({len(questions)} questions of the anatomy bank)"
    return [
        Target(build(plain, env), "index.html", plain_name, "stock-text", None),
        Target(build(quiz, env), "quiz.html", quiz_name, "stock-quiz", QUIZ_READY),
    ]
