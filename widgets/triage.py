"""RedFlagTriage: decide how urgently each short case needs care, with explained feedback."""
from __future__ import annotations

import functools

import traitlets
import yaml

from ._base import DATA_DIR, CourseWidget, es_module, stylesheet
from .bibliography import short_citation

CASES_FILE = DATA_DIR / "triage_cases.yml"
# Every red flag in the fact sheet; a test checks each appears in at least one case.
RED_FLAGS = (
    "saddle_numbness", "bladder_dysfunction", "bowel_incontinence", "sexual_dysfunction",
    "bilateral_sciatica", "rapidly_progressive_weakness", "cancer_history", "weight_loss", "fever",
    "immune_suppression", "iv_drug_use", "trauma", "osteoporosis", "progressive_deficit", "night_pain",
)


@functools.lru_cache(maxsize=1)
def load_cases() -> dict:
    with CASES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def validate_cases(data: dict, known_sources: set[str]) -> list[str]:
    problems = []
    for index, case in enumerate(data["cases"]):
        name = case.get("id") or f"cases[{index}]"
        for field in ("id", "vignette", "answer", "features", "why", "source"):
            if not case.get(field):
                problems.append(f"{CASES_FILE.name}: case {name!r}: missing field {field!r}")
        if case.get("answer") not in data["choices"]:
            problems.append(f"{CASES_FILE.name}: case {name!r}: field 'answer': {case.get('answer')!r} is not a choice")
        if case.get("source") not in known_sources:
            problems.append(f"{CASES_FILE.name}: case {name!r}: field 'source': unknown bib key {case.get('source')!r}")
        problems += [f"{CASES_FILE.name}: case {name!r}: field 'red_flags': unknown flag {flag!r}"
                     for flag in case.get("red_flags", []) if flag not in RED_FLAGS]
    return problems


class RedFlagTriage(CourseWidget):
    """Short case vignettes: choose "emergency care now", "see a clinician soon" or
    "self-care with review"; the feedback names the deciding features and why.

    Example::

        from widgets import RedFlagTriage
        triage = RedFlagTriage()
        triage.answers   # {case id: chosen option} as the learner works through them
    """

    _esm = es_module("triage")
    _css = stylesheet("triage")

    cases = traitlets.List(traitlets.Dict()).tag(sync=True)
    choices = traitlets.Dict().tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs):
        data = load_cases()
        cases = [dict(case, citation=short_citation(case["source"])) for case in data["cases"]]
        super().__init__(cases=cases, choices=data["choices"], **kwargs)

    def _repr_extra(self) -> dict:
        return {"cases": len(self.cases), "answered": len(self.answers)}
