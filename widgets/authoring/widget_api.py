"""The widgets' Python API as a Markdown table, generated from their synced traits' help text.

The instructor guide shows it through the `widget-api` directive (sphinx_ext), so the table
cannot drift from the code.
"""

from __future__ import annotations

import traitlets

import widgets

PYTHON_TYPE = {
    traitlets.Unicode: "str",
    traitlets.Int: "int",
    traitlets.Float: "float",
    traitlets.Bool: "bool",
    traitlets.List: "list",
    traitlets.Dict: "dict",
}


def type_name(trait: traitlets.TraitType) -> str:
    if isinstance(trait, traitlets.Enum):
        return " or ".join(repr(value) for value in trait.values)
    return next((name for kind, name in PYTHON_TYPE.items() if isinstance(trait, kind)), type(trait).__name__)


def widget_api_markdown() -> str:
    """One row per synced trait of every widget the notebooks import, widgets in `__all__` order."""
    lines = ["| Widget | Trait | Type | What it holds |", "|---|---|---|---|"]
    for name in widgets.__all__:
        for trait_name, trait in getattr(widgets, name).class_own_traits(sync=True).items():
            help_text = (trait.help or "").replace("|", "\\|")
            lines.append(f"| `{name}` | `{trait_name}` | {type_name(trait)} | {help_text} |")
    return "\n".join(lines)
