"""Progress ("My progress"): the course outline it reports on, a stable repr, documented traits."""

import json

from widgets import Progress
from widgets.progress import course_outline, saved_review_progress
from widgets.quizbank import load_all_banks
from widgets.review_schedule import empty_progress


def test_outline_follows_the_course_and_covers_every_item_once():
    outline = course_outline()
    assert [c["chapter"] for c in outline] == sorted(c["chapter"] for c in outline)
    ids = [item for chapter in outline for objective in chapter["objectives"] for item in objective["items"]]
    assert sorted(ids) == sorted(item["id"] for bank in load_all_banks() for item in bank.items)
    assert all(chapter["title"] and chapter["bank_hash"] for chapter in outline)


def test_repr_is_stable_and_every_synced_trait_has_help(monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", "")
    widget = Progress()
    assert repr(widget) == f"Progress(chapters=8, objectives={sum(len(c['objectives']) for c in widget.chapters)})"
    own = set(Progress.class_own_traits(sync=True))
    assert own and all(Progress.class_traits()[name].help for name in own)
    assert widget.mastered_stability_days == 21


def test_reads_the_jupyterlab_review_file_without_touching_a_bad_one(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    path.write_text("{broken")
    assert saved_review_progress() == {} and path.read_text() == "{broken"
    good = dict(
        empty_progress(), cards={"x": {"reviews": [["2026-11-25T09:00:00.000Z", 3]], "due": "2026-11-27T09:00:00.000Z"}}
    )
    path.write_text(json.dumps(good))
    assert saved_review_progress() == good
