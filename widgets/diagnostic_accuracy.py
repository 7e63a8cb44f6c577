"""DiagnosticAccuracy: from a test's sensitivity and specificity to post-test probabilities."""

from __future__ import annotations

import functools

import traitlets
import yaml

from ._base import CourseWidget, es_module, stylesheet
from .bibliography import author_year, short_citation
from .paths import DATA_DIR

ACCURACY_FILE = DATA_DIR / "test_accuracy.yml"


def _check_probability(name: str, value: float) -> None:
    if not 0 < value < 1:
        raise ValueError(
            f"{name} must be strictly between 0 and 1 (got {value!r}); "
            "0 and 1 make likelihood ratios infinite or undefined"
        )


def likelihood_ratios(sensitivity: float, specificity: float) -> tuple[float, float]:
    """(LR+, LR-): how a positive or negative result multiplies the odds."""
    _check_probability("sensitivity", sensitivity)
    _check_probability("specificity", specificity)
    return sensitivity / (1 - specificity), (1 - sensitivity) / specificity


def post_test_probability(pretest: float, sensitivity: float, specificity: float, positive: bool) -> float:
    """Probability of the condition after a positive (or negative) result, via Bayes on odds.

    >>> round(post_test_probability(0.5, 0.91, 0.26, positive=False), 3)
    0.257
    """
    _check_probability("pretest", pretest)
    lr_positive, lr_negative = likelihood_ratios(sensitivity, specificity)
    odds = pretest / (1 - pretest) * (lr_positive if positive else lr_negative)
    return odds / (1 + odds)


@functools.lru_cache(maxsize=1)
def load_accuracy_data() -> list[dict]:
    """Every accuracy estimate: the test's name, sensitivity, specificity, note and source.

    Two entries with the same `name` are two estimates of one test, not two tests.
    """
    with ACCURACY_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["tests"]


class DiagnosticAccuracy(CourseWidget):
    """Choose a neurodynamic test (and, where there are two, its accuracy estimate) and a
    pre-test probability; read the likelihood ratios, the post-test probability after a positive
    and after a negative result, and the same on a Fagan nomogram.

    Example::

        from widgets import DiagnosticAccuracy
        widget = DiagnosticAccuracy(test="crossed_slr", pretest=0.3)
        widget.pretest = 0.6        # the chart and figures follow
    """

    _esm = es_module("diagnostic_accuracy")
    _css = stylesheet("diagnostic_accuracy")
    _repr_fields = ("test", "pretest")

    test = traitlets.Unicode(
        "slr",
        help="Id of the chosen accuracy estimate (one of `tests`); the learner switches it with the radio buttons",
    ).tag(sync=True)
    pretest = traitlets.Float(
        0.5,
        help="Pre-test probability of the condition, strictly between 0 and 1; the learner sets 1-99 % "
        "with the slider or the number box",
    ).tag(sync=True)
    tests = traitlets.List(
        traitlets.Dict(),
        help="Every accuracy estimate with its test name, sensitivity, specificity, source, "
        "author-year label and citation (from the data file)",
    ).tag(sync=True)

    def __init__(self, **kwargs):
        tests = [
            dict(t, estimate=author_year(t["source"]), citation=short_citation(t["source"]))
            for t in load_accuracy_data()
        ]
        super().__init__(tests=tests, **kwargs)

    @traitlets.validate("test")
    def _check_test(self, proposal):
        known = [t["id"] for t in load_accuracy_data()]
        if proposal["value"] not in known:
            raise ValueError(f"Unknown test {proposal['value']!r}. Valid test ids: {', '.join(known)}")
        return proposal["value"]

    @traitlets.validate("pretest")
    def _check_pretest(self, proposal):
        _check_probability("pretest", proposal["value"])
        return proposal["value"]
