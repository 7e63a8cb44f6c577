"""ReviewDeck and its Leitner schedule; progress across sessions in a JSON file."""
import datetime as dt
import json

from widgets import ReviewDeck
from widgets.quizbank import load_all_banks
from widgets.review_deck import progress_file, read_progress
from widgets.spacing import BOX_INTERVAL_DAYS, due_order, is_due, next_state

TODAY = dt.date(2026, 11, 25)


def test_right_answers_climb_the_boxes_with_growing_intervals():
    state, dues = None, []
    for _ in range(6):
        state = next_state(state, True, TODAY)
        dues.append((state["box"], state["due"]))
    assert dues == [(2, "2026-11-26"), (3, "2026-11-28"), (4, "2026-12-02"), (5, "2026-12-09"),
                    (5, "2026-12-09"), (5, "2026-12-09")]
    assert BOX_INTERVAL_DAYS == (0, 1, 3, 7, 14)


def test_a_wrong_answer_sends_a_card_back_to_box_one_due_today():
    assert next_state({"box": 4, "due": "2026-11-20"}, False, TODAY) == {"box": 1, "due": "2026-11-25"}


def test_new_and_overdue_cards_are_due_first_lowest_box_first():
    cards = {"b": {"box": 3, "due": "2026-11-24"}, "c": {"box": 2, "due": "2026-12-01"}, "d": {"box": 1, "due": "2026-11-25"}}
    assert is_due(None, TODAY) and not is_due(cards["c"], TODAY)
    assert due_order(["a", "b", "c", "d"], cards, TODAY) == ["a", "d", "b"]


def test_deck_covers_every_bank_with_a_stable_repr(monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", "")
    deck = ReviewDeck()
    banks = load_all_banks()
    assert repr(deck) == f"ReviewDeck(items={len(deck.items)}, banks={len(banks)})"
    assert len(deck.items) == sum(len(bank.items) for bank in banks)


def test_progress_survives_sessions_in_a_json_file(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    deck = ReviewDeck()
    deck.progress = {"cards": {"symptoms-l5-big-toe": {"box": 2, "due": "2026-11-26"}}, "updated": 1}
    assert json.loads(path.read_text())["cards"]["symptoms-l5-big-toe"]["box"] == 2
    assert ReviewDeck().progress["cards"] == deck.progress["cards"]


def test_corrupted_progress_is_set_aside_with_a_note(tmp_path, monkeypatch):
    path = tmp_path / "review.json"
    path.write_text("{not json")
    monkeypatch.setenv("NPC_REVIEW_FILE", str(path))
    deck = ReviewDeck()
    assert deck.progress == {"cards": {}, "updated": 0}
    assert "could not be read" in deck.note
    assert (tmp_path / "review.corrupt.json").exists()


def test_empty_setting_turns_file_saving_off(monkeypatch):
    monkeypatch.setenv("NPC_REVIEW_FILE", "")
    assert progress_file() is None
    assert read_progress(None) == ({"cards": {}, "updated": 0}, "")
