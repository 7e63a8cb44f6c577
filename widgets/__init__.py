"""Interactive widgets for the course "Nerve Pain in the Hamstring".

Every widget is an anywidget: a Python class whose traits are its whole API, plus an ES
module and a stylesheet in widgets/static/, so it works live in JupyterLab and in the
published static book without a kernel or a network.

Each widget class is imported on first use (PEP 562), so `import widgets` costs almost
nothing and a chapter pays only for the widgets it shows. What checks and builds the
course lives in widgets.authoring, which nothing here imports.
"""

from __future__ import annotations

import importlib

_MODULE_OF = {
    "CaseStudy": "case_study",
    "NerveDiagram": "nerve_diagram",
    "Progress": "progress",
    "Quiz": "quiz",
    "ReviewDeck": "review_deck",
    "RootLevelExplorer": "root_explorer",
    "DiagnosticAccuracy": "diagnostic_accuracy",
    "RedFlagTriage": "triage",
}
__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'widgets' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULE_OF[name]}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
