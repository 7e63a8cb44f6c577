"""ReviewDeck on FSRS: course order, the progress file (round trip, corrupted and old files set
aside as numbered copies with a note), and the schedule the kernel computes."""

import datetime as dt
import json

from widgets import ReviewDeck
from widgets.quizbank import load_all_banks
from widgets.review_deck import deck_items, progress_file, read_progress
from widgets.review_schedule import due_ids, empty_progress, parse_time, replay, valid_progress

T0 = "2026-11-25T09:00:00.000Z"


def progress_with(card_id="symptoms-l5-big-toe", reviews=((T0, 3),)):
    reviews = [list(r) for r in reviews]
    return dict(empty_progress(), updated=1, cards={card_id: dict(replay(reviews), reviews=reviews)})


def test_deck_covers_every_bank_in_course_order_with_a_stable_repr(monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", "")
    deck = ReviewDeck()
    assert repr(deck) == f"ReviewDeck(items={len(deck.items)}, banks={len(load_all_banks())})"
    chapters = [item["chapter"] for item in deck.items]
    assert chapters == sorted(chapters) and chapters[0] == "01-introduction"
    assert len(deck.items) == sum(len(bank.items) for bank in load_all_banks())
    assert deck.new_cards_per_day == 20 and deck.scheduler["enable_fuzz"] is False


def test_every_synced_trait_has_help():
    for name in ReviewDeck().traits(sync=True):
        if not name.startswith("_") and name not in ("layout", "tabbable", "tooltip"):
            assert ReviewDeck.class_traits()[name].help, name


def test_a_good_first_answer_graduates_and_an_again_comes_back_in_the_sitting():
    good = replay([[T0, 3]])
    assert good["state"] == "review" and good["due"] > "2026-11-27"
    again = replay([[T0, 1]])
    assert again == {"due": "2026-11-25T09:10:00.000Z", "stability": again["stability"], "state": "learning"}
    progress = progress_with(reviews=[(T0, 1)])
    assert due_ids(progress, dt.datetime(2026, 11, 25, 9, 11, tzinfo=dt.UTC)) == ["symptoms-l5-big-toe"]


def test_progress_round_trips_through_the_json_file(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    deck = ReviewDeck()
    deck.progress = progress_with()
    saved = json.loads(path.read_text())
    assert valid_progress(saved) and saved["cards"] == deck.progress["cards"]
    assert ReviewDeck().progress["cards"] == deck.progress["cards"]
    assert read_progress(path) == (json.loads(path.read_text()), "")


def test_corrupted_progress_is_set_aside_as_numbered_copies_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    path.write_text("{not json")
    first = ReviewDeck()
    assert first.progress == empty_progress()
    assert "could not be read" in first.note and "review.set-aside-1.json" in first.note
    path.write_text('{"cards": 3}')
    second = ReviewDeck()
    assert "review.set-aside-2.json" in second.note
    assert (tmp_path / "review.set-aside-1.json").read_text() == "{not json"
    assert (tmp_path / "review.set-aside-2.json").read_text() == '{"cards": 3}'


def test_leitner_progress_is_kept_aside_and_the_learner_told_once(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    path.write_text(json.dumps({"cards": {"symptoms-l5-big-toe": {"box": 3, "due": "2026-11-26"}}, "updated": 1}))
    deck = ReviewDeck()
    assert "new schedule" in deck.note and deck.progress == empty_progress()
    assert (tmp_path / "review.set-aside-1.json").exists()
    assert ReviewDeck().note == ""


def test_empty_setting_turns_file_saving_off(monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", "")
    assert progress_file() is None
    assert read_progress(None) == (empty_progress(), "")


def test_items_carry_their_bank_and_chapter():
    item = deck_items()[0]
    assert {"bank", "bank_title", "chapter", "objective"} <= set(item)


T1 = "2026-11-25T09:05:00.000Z"


def test_building_a_deck_writes_no_progress_file(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    ReviewDeck(), ReviewDeck(new_cards_per_day=5)
    assert not path.exists()


def test_two_decks_share_one_learners_progress_and_the_file(tmp_path, monkeypatch):
    """A second ReviewDeck() cell must not overwrite the first deck's answers (nor the reverse)."""
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    first, second = ReviewDeck(), ReviewDeck()
    first.progress = progress_with("symptoms-l5-big-toe", [(T0, 3)])
    assert second.progress["cards"].keys() == {"symptoms-l5-big-toe"}, "the other deck's view is told"
    stale = dict(progress_with("anatomy-sciatic-roots", [(T1, 4)]), updated=2)  # sent by a view that missed it
    second.progress = stale
    both = {"symptoms-l5-big-toe", "anatomy-sciatic-roots"}
    assert first.progress["cards"].keys() == second.progress["cards"].keys() == both
    assert json.loads(path.read_text())["cards"].keys() == both
    assert second.progress["updated"] > stale["updated"], "the sending view takes the merge too"
    assert ReviewDeck().progress["cards"].keys() == both


def test_the_later_review_of_a_card_wins_and_a_reset_stays_a_reset(tmp_path, monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", str(tmp_path / "review.json"))
    first, second = ReviewDeck(), ReviewDeck()
    first.progress = progress_with(reviews=[(T0, 1), (T1, 3)])
    second.progress = progress_with(reviews=[(T0, 1)])  # a view that saw only the first review
    assert first.progress["cards"]["symptoms-l5-big-toe"]["reviews"][-1] == [T1, 3]
    cleared = parse_time(T1).timestamp() * 1000 + 1
    second.progress = dict(empty_progress(), updated=3, cleared=cleared)  # the deck's Reset button
    assert first.progress["cards"] == second.progress["cards"] == {}
    assert ReviewDeck().progress["cards"] == {}


def test_a_deck_shares_only_with_decks_of_the_same_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", str(tmp_path / "one.json"))
    mine = ReviewDeck()
    monkeypatch.setenv("NPC_REVIEW_FILE", str(tmp_path / "other.json"))
    other = ReviewDeck()
    mine.progress = progress_with()
    assert other.progress["cards"] == {}
