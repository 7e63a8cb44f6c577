"""Property tests: random valid banks validate; random corruptions are reported, never crash."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.authoring.bank_checks import bank_problems

from .bank_factory import valid_bank, write_bank, write_chapter

words = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=30).map(str.strip).filter(bool)
SOURCES = ["standring2020grays", "ropper2015sciatica", "nice2016ng59"]
# Distinct questions: two prompts that differ only in random words would be near-duplicates.
STEMS = [
    "Which roots form the sciatic nerve",
    "Is constant night pain a red flag",
    "Where does the short head of biceps femoris arise",
    "How sensitive is the straight leg raise",
    "What does saddle numbness suggest",
    "Which muscle crosses only the knee",
    "When should a person be referred the same day",
    "Why does sitting provoke proximal tendon pain",
]


@st.composite
def choice_items(draw, index):
    options = draw(st.lists(words, min_size=2, max_size=5, unique=True))
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "numeric"]))
    item = {
        "id": f"demo-{index}",
        "type": kind,
        "level": draw(st.sampled_from(["remember", "understand", "apply", "analyse", "evaluate"])),
        "prompt": f"{STEMS[index]}: {draw(words)}?",
        "explanation": draw(words),
        "source": draw(st.sampled_from(SOURCES)),
        # Alternating objectives: with four or more items each objective has the two it needs.
        "objective": ("demo-1", "demo-2")[index % 2],
        "difficulty": draw(st.sampled_from(["easy", "medium", "hard"])),
    }
    if kind == "single":
        item.update(options=options, answer=draw(st.sampled_from(options)))
    elif kind == "multiple":
        item.update(options=options, answer=draw(st.lists(st.sampled_from(options), min_size=1, unique=True)))
    elif kind == "true_false":
        item.update(answer=draw(st.booleans()))
    else:
        item.update(answer=draw(st.integers(-1000, 1000)), tolerance=draw(st.integers(0, 10)))
    return item


@st.composite
def banks(draw):
    data = valid_bank()
    count = draw(st.integers(4, len(STEMS)))
    data["items"] = [draw(choice_items(index)) for index in range(count)]
    return data


CORRUPTIONS = {
    "drop id": lambda item: item.pop("id"),
    "unknown type": lambda item: item.update(type="essay"),
    "unknown source": lambda item: item.update(source="nobody1999"),
    "unknown objective": lambda item: item.update(objective="demo-77"),
    "bad difficulty": lambda item: item.update(difficulty="trivial"),
    "drop explanation": lambda item: item.pop("explanation"),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=banks())
def test_random_valid_banks_validate(tmp_path, data):
    write_chapter(tmp_path)
    found, _ = bank_problems(write_bank(tmp_path, data), tmp_path)
    assert found == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=banks(), corruption=st.sampled_from(sorted(CORRUPTIONS)), pick=st.integers(0, 100))
def test_random_corruptions_fail_with_a_message_naming_file_and_item(tmp_path, data, corruption, pick):
    write_chapter(tmp_path)
    index = pick % len(data["items"])
    CORRUPTIONS[corruption](data["items"][index])
    found, _ = bank_problems(write_bank(tmp_path, data), tmp_path)
    assert found, corruption
    assert all("demo.yml:" in problem for problem in found)
    assert any(f"item #{index + 1}" in p or f"'demo-{index}'" in p for p in found), found
