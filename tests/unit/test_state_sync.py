"""Traits that follow other traits in the kernel, whoever set them (the page or Python), and
the one module wrapper that keeps keys inside every widget."""

from __future__ import annotations

import pytest

from widgets import Quiz, RedFlagTriage, _base
from widgets._base import STATIC_DIR, es_module


def _entry(correct=True, closed=True, revealed=False):
    return {"value": "x", "tries": 1, "correct": correct, "closed": closed, "revealed": revealed}


def test_quiz_score_and_completion_follow_answers_set_from_python():
    quiz = Quiz.from_bank("symptoms", n=3)
    first, second, third = (item["id"] for item in quiz.items)
    quiz.answers = {first: _entry(), second: _entry(correct=False, revealed=True), third: _entry(closed=False)}
    assert (quiz.score, quiz.completed) == (1, False)
    quiz.answers = {first: _entry(), second: _entry(), third: _entry()}
    assert (quiz.score, quiz.completed) == (3, True)
    quiz.answers = {}  # a retake from Python
    assert (quiz.score, quiz.completed) == (0, False)


def test_triage_scores_follow_answers_set_from_python():
    triage = RedFlagTriage()
    emergency = next(case["id"] for case in triage.cases if case["answer"] == "emergency")
    self_care = next(case["id"] for case in triage.cases if case["answer"] == "self_care")
    triage.answers = {emergency: "soon", self_care: "emergency"}  # unsafe, then safe but not exact
    assert (triage.score, triage.exact) == (1, 0)
    triage.answers = {emergency: "emergency"}
    assert (triage.score, triage.exact) == (1, 1)
    triage.answers = {}
    assert (triage.score, triage.exact) == (0, 0)


# Shared parts are prepended to widget modules (es_module's `parts`), not widgets.
SHARED_PARTS = {
    "common",
    "question",
    "plate_question",
    "plate_view",
    "plate_zoom",
    "review_schedule",
    "case_decisions",
    "case_controls",
}


@pytest.mark.parametrize("name", sorted(path.stem for path in STATIC_DIR.glob("*.js") if path.stem not in SHARED_PARTS))
def test_every_widget_module_exports_through_the_key_guard(name):
    module = es_module(name)
    assert module.count("export default") == 1
    assert module.rstrip().endswith("export default keepKeysInWidget(courseWidget);")


def test_a_widget_module_without_one_default_export_is_refused(tmp_path, monkeypatch):
    (tmp_path / "common.js").write_text("function keepKeysInWidget(w) { return w; }\n")
    (tmp_path / "broken.js").write_text("function render() {}\n")
    monkeypatch.setattr(_base, "STATIC_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"broken\.js must have exactly one line starting `export default`"):
        es_module("broken")
