"""RedFlagTriage: decide how urgently each short case needs care, with explained feedback."""

from __future__ import annotations

import functools

import traitlets
import yaml

from ._base import DATA_DIR, CourseWidget, es_module, stylesheet
from .bibliography import short_citation
from .red_flags import level_for_flags, red_flags, urgency_levels

CASES_FILE = DATA_DIR / "triage_cases.yml"


@functools.lru_cache(maxsize=1)
def load_cases() -> dict:
    with CASES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def validate_cases(data: dict, known_sources: set[str]) -> list[str]:
    """Every problem with the triage cases, one line each: file, case, field, message."""
    problems = []
    levels = {level["id"] for level in urgency_levels()}
    flags = red_flags()
    for index, case in enumerate(data["cases"]):
        name = case.get("id") or f"cases[{index}]"
        where = f"{CASES_FILE.name}: case {name!r}"
        for field in ("id", "vignette", "answer", "features", "why", "source"):
            if not case.get(field):
                problems.append(f"{where}: missing field {field!r}")
        if case.get("answer") not in levels:
            problems.append(
                f"{where}: field 'answer': {case.get('answer')!r} is not a level in urgency.yml "
                f"(one of {', '.join(sorted(levels))})"
            )
        if case.get("source") not in known_sources:
            problems.append(f"{where}: field 'source': unknown bib key {case.get('source')!r}")
        unknown = [flag for flag in case.get("red_flags", []) if flag not in flags]
        problems += [
            f"{where}: field 'red_flags': unknown flag {flag!r} (add it to urgency.yml first)" for flag in unknown
        ]
        expected = None if unknown else level_for_flags(case.get("red_flags", []))
        if expected and case.get("answer") != expected:
            problems.append(
                f"{where}: field 'answer': {case.get('answer')!r} disagrees with urgency.yml, "
                f"where these red flags call for {expected!r}"
            )
    return problems


class RedFlagTriage(CourseWidget):
    """Short case vignettes: choose how urgently each needs care on the course's urgency scale
    (widgets/data/urgency.yml). The feedback is asymmetric, as in practice: a more urgent
    choice than needed is "more cautious than needed" and safe; a less urgent one is unsafe
    and says what the case needs. Answers are kept in the browser; the case order is each
    learner's own.

    Example::

        from widgets import RedFlagTriage
        triage = RedFlagTriage()
        triage.answers   # {case id: chosen level id} as the learner works through them
    """

    _esm = es_module("triage")
    _css = stylesheet("triage")

    cases = traitlets.List(traitlets.Dict(), help="The vignettes with their keyed level, reasons and citation.").tag(
        sync=True
    )
    levels = traitlets.List(traitlets.Dict(), help="The urgency scale, most urgent first: {id, label, meaning}.").tag(
        sync=True
    )
    answers = traitlets.Dict(help="Case id -> the level id the learner chose.").tag(sync=True)
    score = traitlets.Int(0, help="Cases answered safely: the keyed level or a more urgent one.").tag(sync=True)
    exact = traitlets.Int(0, help="Cases answered with exactly the keyed level.").tag(sync=True)

    def __init__(self, **kwargs):
        data = load_cases()
        cases = [dict(case, citation=short_citation(case["source"])) for case in data["cases"]]
        super().__init__(cases=cases, levels=urgency_levels(), **kwargs)

    @traitlets.observe("answers")
    def _score_from_answers(self, change):
        """Scores follow the answers wherever they were set: the page or Python
        (``triage.answers = {}`` starts again). Levels are listed most urgent first."""
        rank = {level["id"]: index for index, level in enumerate(self.levels)}
        keyed = {case["id"]: case["answer"] for case in self.cases}
        answers = change["new"].items()
        chosen = [(rank[level], rank[keyed[case]]) for case, level in answers if case in keyed and level in rank]
        self.score = sum(1 for mine, needed in chosen if mine <= needed)
        self.exact = sum(1 for mine, needed in chosen if mine == needed)

    def _repr_extra(self) -> dict:
        return {"cases": len(self.cases), "answered": len(self.answers)}
