"""Shared plumbing for the course widgets: their ES module and stylesheet, a stable text repr."""

from __future__ import annotations

import re

import anywidget

from .paths import DATA_DIR, IMAGES_DIR, PACKAGE_DIR, STATIC_DIR

__all__ = ["DATA_DIR", "IMAGES_DIR", "PACKAGE_DIR", "STATIC_DIR", "CourseWidget", "es_module", "stylesheet"]


# A widget file's one `export default { render };` (an expression statement at the start of a line).
_DEFAULT_EXPORT = re.compile(r"^export default(?=\s)", re.M)


def es_module(name: str) -> str:
    """The ES module for widget `name`: shared helpers first, then the widget's own file.

    Widgets are rendered from a single module string (in JupyterLab and by the static
    loader alike), so helpers cannot be imported by relative URL; prepending them keeps
    one copy of each helper without a bundler. The widget's default export is passed
    through common.js's keepKeysInWidget, so every widget keeps its keys away from the
    notebook's shortcuts without each file having to remember.
    """
    common = (STATIC_DIR / "common.js").read_text(encoding="utf-8")
    own = (STATIC_DIR / f"{name}.js").read_text(encoding="utf-8")
    renamed, count = _DEFAULT_EXPORT.subn("const courseWidget =", own)
    if count != 1:
        raise ValueError(
            f"widgets/static/{name}.js must have exactly one line starting `export default`, found {count}"
        )
    return f"{common}\n{renamed}\nexport default keepKeysInWidget(courseWidget);\n"


def stylesheet(name: str) -> str:
    """The stylesheet for widget `name`: the shared rules first, then the widget's own."""
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
