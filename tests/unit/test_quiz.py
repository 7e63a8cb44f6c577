"""Quiz: built from a bank, deterministic per seed, stable repr."""

import pytest
import traitlets

from widgets import Quiz
from widgets.quizbank import BANK_DIR, BankError, load_bank

from .bank_factory import valid_bank, write_bank


@pytest.fixture
def demo_dir(tmp_path):
    write_bank(tmp_path, valid_bank())
    return tmp_path


def test_repr_is_stable_text():
    count = len(load_bank(BANK_DIR / "symptoms.yml").items)
    assert repr(Quiz.from_bank("symptoms")) == f"Quiz(bank='symptoms', items={count}, score=0)"


def test_items_and_options_keep_bank_order_by_default():
    """Print and exports use the bank's order; each learner's option order is made on the page."""
    bank = load_bank(BANK_DIR / "symptoms.yml")
    quiz = Quiz.from_bank("symptoms")
    assert [i["id"] for i in quiz.items] == [i["id"] for i in bank.items]
    for payload, item in zip(quiz.items, bank.items, strict=True):
        if item["type"] in ("single", "multiple"):
            assert payload["options"] == item["options"]


def test_shuffled_item_order_is_stable_per_seed():
    first = [i["id"] for i in Quiz.from_bank("symptoms", shuffle=True, seed=7).items]
    again = [i["id"] for i in Quiz.from_bank("symptoms", shuffle=True, seed=7).items]
    other = [i["id"] for i in Quiz.from_bank("symptoms", shuffle=True, seed=8).items]
    assert first == again and first != other


def test_objectives_carry_their_text_and_review_section(demo_dir):
    quiz = Quiz.from_bank("demo", bank_dir=demo_dir)
    assert [o["id"] for o in quiz.objectives] == list(load_bank(demo_dir / "demo.yml").objectives)
    assert all(set(o) == {"id", "text", "section_url", "section_title"} for o in quiz.objectives)


def test_tries_and_layout_are_traits_with_checked_values():
    quiz = Quiz.from_bank("introduction", attempts=1, layout="paged")
    assert (quiz.attempts, quiz.layout) == (1, "paged")
    with pytest.raises(traitlets.TraitError):
        quiz.layout = "scroll"


def test_n_limits_and_shuffle_false_keeps_bank_order(demo_dir):
    quiz = Quiz.from_bank("demo", n=2, bank_dir=demo_dir)
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
