"""Quiz: built from a bank, deterministic per seed, stable repr."""

import pytest

from widgets import Quiz
from widgets.quizbank import BankError

from .bank_factory import valid_bank, write_bank


@pytest.fixture
def demo_dir(tmp_path):
    write_bank(tmp_path, valid_bank())
    return tmp_path


def test_repr_is_stable_text():
    assert repr(Quiz.from_bank("symptoms")) == "Quiz(bank='symptoms', items=17, score=0)"


def test_same_seed_same_order_and_different_seed_differs():
    first = [(i["id"], i["options"]) for i in Quiz.from_bank("symptoms", seed=7).items]
    again = [(i["id"], i["options"]) for i in Quiz.from_bank("symptoms", seed=7).items]
    other = [(i["id"], i["options"]) for i in Quiz.from_bank("symptoms", seed=8).items]
    assert first == again and first != other


def test_default_order_is_stable_without_a_seed():
    assert [i["id"] for i in Quiz.from_bank("anatomy").items] == [i["id"] for i in Quiz.from_bank("anatomy").items]


def test_n_limits_and_shuffle_false_keeps_bank_order(demo_dir):
    quiz = Quiz.from_bank("demo", n=2, shuffle=False, bank_dir=demo_dir)
    assert [i["id"] for i in quiz.items] == ["demo-single", "demo-multiple"]


def test_item_payloads_carry_safe_text_and_source(demo_dir):
    items = {i["id"]: i for i in Quiz.from_bank("demo", bank_dir=demo_dir).items}
    assert items["demo-true-false"]["options"] == ["True", "False"] and items["demo-true-false"]["answer"] == "True"
    assert items["demo-hotspot"]["answer"] == "Piriformis"
    assert items["demo-single"]["citation"].startswith("Standring (2020)")
    assert items["demo-single"]["prompt_html"].startswith("<p>")


def test_unknown_bank_names_the_known_ones():
    with pytest.raises(BankError, match=r"no such bank 'symptom'.*symptoms"):
        Quiz.from_bank("symptom")


def test_answers_score_and_completed_are_traits():
    quiz = Quiz.from_bank("introduction")
    assert set(quiz.trait_names()) >= {"answers", "score", "completed"}
    assert quiz.trait_metadata("score", "sync") is True
