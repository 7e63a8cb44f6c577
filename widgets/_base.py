"""Shared plumbing for the course widgets: where files live and a stable text repr."""
from __future__ import annotations

import pathlib

import anywidget

PACKAGE_DIR = pathlib.Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
DATA_DIR = PACKAGE_DIR / "data"
# The course repository: widgets ship with the book (editable install), so figures and
# banks are read from the checkout rather than copied into the package.
COURSE_ROOT = PACKAGE_DIR.parent
IMAGES_DIR = COURSE_ROOT / "images"


def es_module(name: str) -> str:
    """The ES module for widget `name`: shared helpers first, then the widget's own file.

    Widgets are rendered from a single module string (in JupyterLab and by the static
    loader alike), so helpers cannot be imported by relative URL; prepending them keeps
    one copy of each helper without a bundler.
    """
    common = (STATIC_DIR / "common.js").read_text(encoding="utf-8")
    own = (STATIC_DIR / f"{name}.js").read_text(encoding="utf-8")
    return f"{common}\n{own}"


def stylesheet(name: str) -> str:
    common = (STATIC_DIR / "common.css").read_text(encoding="utf-8")
    own = (STATIC_DIR / f"{name}.css").read_text(encoding="utf-8")
    return f"{common}\n{own}"


class CourseWidget(anywidget.AnyWidget):
    """Base class: subclasses name the traits that make up their stable text repr.

    nbval compares text output, so the repr must not contain memory addresses.
    """

    _repr_fields: tuple[str, ...] = ()

    def _repr_extra(self) -> dict:
        return {}

    def __repr__(self) -> str:
        parts = {name: getattr(self, name) for name in self._repr_fields}
        parts.update(self._repr_extra())
        inner = ", ".join(f"{key}={value!r}" for key, value in parts.items())
        return f"{type(self).__name__}({inner})"
