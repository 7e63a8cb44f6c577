"""Shared plumbing for the course widgets: their ES module and stylesheet, a stable text repr."""

from __future__ import annotations

import re

import anywidget

from .paths import DATA_DIR, IMAGES_DIR, PACKAGE_DIR, STATIC_DIR

VENDOR_DIR = PACKAGE_DIR / "vendor"

__all__ = ["DATA_DIR", "IMAGES_DIR", "PACKAGE_DIR", "STATIC_DIR", "CourseWidget", "es_module", "stylesheet"]


# A widget file's one `export default { render };` (an expression statement at the start of a line).
_DEFAULT_EXPORT = re.compile(r"^export default(?=\s)", re.M)


def es_module(name: str, vendored: tuple[str, ...] = (), parts: tuple[str, ...] = ()) -> str:
    """The ES module for widget `name`: vendored libraries, shared helpers, shared `parts`
    (other files of widgets/static/, e.g. the plate question), then its own file.

    Widgets are rendered from a single module string (in JupyterLab and by the static
    loader alike), so helpers cannot be imported by relative URL; prepending them keeps
    one copy of each helper without a bundler. The widget's default export is passed
    through common.js's keepKeysInWidget, so every widget keeps its keys away from the
    notebook's shortcuts without each file having to remember.

    Each piece starts with a `//@course-part <name>` line, so a built page can store a piece
    that several widgets share once (widgets/authoring/shared_state.py); to JavaScript it is a comment.
    """
    libraries = [_js_part(f"vendor/{package}", inline_vendored(package)) for package in vendored]
    shared = [_js_part(part, (STATIC_DIR / f"{part}.js").read_text(encoding="utf-8")) for part in ("common", *parts)]
    own = (STATIC_DIR / f"{name}.js").read_text(encoding="utf-8")
    renamed, count = _DEFAULT_EXPORT.subn("const courseWidget =", own)
    if count != 1:
        raise ValueError(
            f"widgets/static/{name}.js must have exactly one line starting `export default`, found {count}"
        )
    own_part = _js_part(name, renamed + "\nexport default keepKeysInWidget(courseWidget);")
    return "\n".join([*libraries, *shared, own_part, ""])


def _js_part(name: str, text: str) -> str:
    return f"//@course-part {name}\n{text}"


_EXPORT_LIST = re.compile(r"^export \{([^}]*)\};?\s*$", re.M)


def inline_vendored(package: str) -> str:
    """A vendored ES module (widgets/vendor/<package>/index.mjs) as a constant holding its
    exports, e.g. `const TsFsrs = (() => { ...; return { fsrs, ... }; })();`, so it can be
    prepended to a widget's module. Only a module whose one export is a final `export {...}`
    list and that imports nothing can be inlined this way; anything else is an error here."""
    source = (VENDOR_DIR / package / "index.mjs").read_text(encoding="utf-8")
    source = re.sub(r"^//# sourceMappingURL=.*$", "", source, flags=re.M)
    exports = _EXPORT_LIST.findall(source)
    if len(exports) != 1 or re.search(r"^\s*(import|export)\b", _EXPORT_LIST.sub("", source), re.M):
        raise ValueError(f"widgets/vendor/{package}/index.mjs: expected no imports and one final export list")
    names = []
    for spec in exports[0].split(","):
        local, _, exported = (part.strip() for part in spec.strip().partition(" as "))
        names.append(f"{exported}: {local}" if exported else local)
    body = _EXPORT_LIST.sub("", source)
    constant = "".join(word.capitalize() for word in re.split(r"[^A-Za-z0-9]+", package))
    return f"const {constant} = (() => {{\n{body}\nreturn {{ {', '.join(names)} }};\n}})();"


def stylesheet(name: str, parts: tuple[str, ...] = ()) -> str:
    """The stylesheet for widget `name`: the shared rules first, shared `parts`, then its own,
    each starting with a `/*@course-part <name>*/` line (see es_module)."""
    files = ["common", *parts, name]
    return "\n".join(
        f"/*@course-part {file}*/\n" + (STATIC_DIR / f"{file}.css").read_text(encoding="utf-8") for file in files
    )


class CourseWidget(anywidget.AnyWidget):
    """Base class: subclasses name the traits that make up their stable text repr.

    nbval compares text output, so the repr must not contain memory addresses.
    """

    _repr_fields: tuple[str, ...] = ()

    @staticmethod
    def _one_of(value: str, known: list[str], what: str) -> str:
        """`value` if it is "" (nothing chosen) or one of `known`; otherwise a ValueError that
        lists the valid ids. An empty `known` (data not loaded yet) accepts anything."""
        if value and known and value not in known:
            raise ValueError(f"Unknown {what} {value!r}. Valid {what} ids: {', '.join(known)}")
        return value

    def _repr_extra(self) -> dict:
        return {}

    def __repr__(self) -> str:
        parts = {name: getattr(self, name) for name in self._repr_fields}
        parts.update(self._repr_extra())
        inner = ", ".join(f"{key}={value!r}" for key, value in parts.items())
        return f"{type(self).__name__}({inner})"
