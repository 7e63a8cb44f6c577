"""Where the course's files are: the one module that knows the repository layout.

The widgets read files that instructors edit in the repository (question banks, the
bibliography, the generated figures). Run from a checkout (an editable install, `make`,
the book build) they read the checkout, so an edit shows at once. Installed from a wheel
they read the copies the wheel carries under ``widgets/course/``, at the same relative
paths (setup.py copies ``SHIPPED_COURSE_FILES`` there), so the package works from any
directory with no setting: Binder, JupyterHub, Colab.

Only the standard library is imported here: setup.py runs this file to learn what to ship.
"""

from __future__ import annotations

import pathlib

PACKAGE_DIR = pathlib.Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
DATA_DIR = PACKAGE_DIR / "data"
RUNTIME_DIR = PACKAGE_DIR / "runtime"

# Repository files the widgets need at run time, relative to the repository root.
SHIPPED_COURSE_FILES = ("chapters/quizzes/*.yml", "references.bib", "images/*.svg")
SHIPPED_DIR = PACKAGE_DIR / "course"


def _checkout_root() -> pathlib.Path | None:
    """The repository this package sits in, or None when it is installed from a wheel."""
    candidate = PACKAGE_DIR.parent
    return candidate if (candidate / "_toc.yml").is_file() and (candidate / "chapters").is_dir() else None


REPO_ROOT = _checkout_root()
COURSE_ROOT = REPO_ROOT or SHIPPED_DIR
BANK_DIR = COURSE_ROOT / "chapters" / "quizzes"
BIB_FILE = COURSE_ROOT / "references.bib"
IMAGES_DIR = COURSE_ROOT / "images"
# Chapter notebooks are not shipped: only checks run from a checkout read them.
CHAPTER_DIR = REPO_ROOT / "chapters" if REPO_ROOT else None


def display_path(path: pathlib.Path) -> str:
    """A path as a person reads it in a message: relative to the course when inside it."""
    try:
        return str(pathlib.Path(path).resolve().relative_to(COURSE_ROOT))
    except ValueError:
        return str(path)
