"""CaseStudy: a worked clinical case that unfolds stage by stage as the learner decides."""

from __future__ import annotations

import pathlib
import random
import re

import traitlets

from ._base import CourseWidget, es_module, stylesheet
from .bibliography import author_year, short_citation
from .case_data import case_path, read_case
from .quizbank import render_markdown
from .red_flags import urgency_levels

_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")
_AUTHOR_YEAR = re.compile(r"^(.*) \((.+)\)$")  # 'Koes et al. (2007)' -> 'Koes et al., 2007'


def _with_citations(text: str, cited: list[str]) -> str:
    """Replace {cite}`a,b` with '(Author et al., year; ...)' and remember the keys in order."""

    def replace(match):
        keys = [key.strip() for key in match.group(1).split(",")]
        cited.extend(key for key in keys if key not in cited)
        return "(" + "; ".join(_AUTHOR_YEAR.sub(r"\1, \2", author_year(key)) for key in keys) + ")"

    return _CITE.sub(replace, text)


def _html(text: str, cited: list[str]) -> str:
    return render_markdown(_with_citations(text, cited))


def _decision_payload(decision: dict, seed: str, cited: list[str]) -> dict:
    """What the ES module needs for one decision; all text already safe HTML or plain text."""
    kind = decision["type"]
    if kind == "urgency":
        # The course's one scale, most urgent first and never shuffled: its order is the point.
        options = [
            {"id": level["id"], "text": level["label"], "hint": level["meaning"], "why_html": ""}
            for level in urgency_levels()
        ]
    else:
        options = [
            {
                "id": option["id"],
                "text": option["text"],
                "hint": "",
                "why_html": _html(option["why"], cited) if option.get("why") else "",
            }
            for option in decision.get("options") or []
        ]
        if kind in ("single", "multiple"):
            random.Random(seed).shuffle(options)
    if decision["source"] not in cited:
        cited.append(decision["source"])
    return {
        "type": kind,
        "prompt_html": _html(decision["prompt"], cited),
        "options": options,
        "answer": decision.get("answer"),
        "match_top": decision.get("match_top", 1),
        "model_answer_html": _html(decision["model_answer"], cited) if decision.get("model_answer") else "",
        "key_points": [_with_citations(point, cited) for point in decision.get("key_points") or []],
        "explanation_html": _html(decision["explanation"], cited),
        "citation": short_citation(decision["source"]),
    }


def case_payload(data: dict, content_hash: str) -> dict:
    """The whole case as the ES module reads it: Markdown rendered and sanitised once, here."""
    stages = []
    for stage in data["stages"]:
        cited: list[str] = []
        payload = {
            "id": stage["id"],
            "title": stage["title"],
            "presentation_html": _html(stage["presentation"], cited),
            "decision": _decision_payload(stage["decision"], f"{data['id']}:{stage['id']}", cited),
            "findings_html": _html(stage["findings"], cited),
            "reasoning_html": _html(stage["reasoning"], cited),
        }
        payload["references"] = [short_citation(key) for key in cited]
        stages.append(payload)
    cited = []
    outcome_html = _html(data["outcome"], cited)
    take_home = [_with_citations(point, cited) for point in data["take_home"]]
    return {
        "id": data["id"],
        "hash": content_hash,
        "title": data["title"],
        "summary": data["summary"],
        "stages": stages,
        "outcome_html": outcome_html,
        "take_home": take_home,
        "references": [short_citation(key) for key in cited],
    }


class CaseStudy(CourseWidget):
    """A worked clinical case: presentation, the learner's decision, then findings and reasoning.

    Each stage shows what is known, asks for one committed decision (single or multiple
    choice, a ranking by drag or keyboard, an urgency on the course's one scale, or free text
    compared with a model answer and self-rated), and only then reveals its findings, the
    feedback and the model reasoning with sources. The end shows the learner's path against
    the model path. On the published site progress is kept in the browser, keyed by case and
    a hash of its file, so an edited case starts afresh.

    Example::

        from widgets import CaseStudy
        case = CaseStudy.from_case("mscc-cancer-survivor")
        case.decisions, case.score   # live while the learner works through it in JupyterLab
    """

    _esm = es_module("case_study", parts=("case_decisions", "case_controls"))
    _css = stylesheet("case_study")
    _repr_fields = ("case_id",)

    case_id = traitlets.Unicode(help="The case's id, which is also its file name in widgets/data/cases/.").tag(
        sync=True
    )
    case = traitlets.Dict(
        help="The case as rendered: title, stages (text as sanitised HTML), outcome, references."
    ).tag(sync=True)
    decisions = traitlets.Dict(
        help="The learner's committed decisions by stage id: {'value': ..., 'correct': bool or None, 'rating': ...}."
    ).tag(sync=True)
    score = traitlets.Int(
        0, help="How many keyed decisions were right (over-triage on the urgency scale counts as safe)."
    ).tag(sync=True)
    completed = traitlets.Bool(False, help="True once every stage has a committed decision.").tag(sync=True)

    @classmethod
    def from_file(cls, path: str | pathlib.Path) -> CaseStudy:
        """Build the widget from a case YAML file (an instructor's own, say): the file is
        validated first, and a broken case raises CaseError naming file:line, case and field."""
        from .authoring.case_validation import load_case

        loaded = load_case(pathlib.Path(path))
        return cls(case_id=loaded.id, case=case_payload(loaded.data, loaded.content_hash))

    @classmethod
    def from_case(cls, case_id: str) -> CaseStudy:
        """Build the widget from one of the course's cases in widgets/data/cases/, which the
        build has already validated (so a kernel does not load the validator)."""
        loaded = read_case(case_path(case_id))
        return cls(case_id=loaded.id, case=case_payload(loaded.data, loaded.content_hash))

    @property
    def keyed_decisions(self) -> int:
        """How many stages have a decision with a key (everything but free text)."""
        return sum(stage["decision"]["type"] != "free_text" for stage in self.case.get("stages", []))

    def _repr_extra(self) -> dict:
        return {
            "stages": len(self.case.get("stages", [])),
            "committed": len(self.decisions),
            "score": f"{self.score}/{self.keyed_decisions}",
        }
