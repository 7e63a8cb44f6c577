"""FSRS in the kernel (py-fsrs, adapted in widgets/review_schedule.py) and on the page (the
vendored ts-fsrs, run by node from the deck's own module string) schedule the same review
histories to the same due dates, stabilities and states (tests/fixtures/fsrs_reviews.json), and
both sides accept the same progress files.

Regenerate the fixture only on purpose: `python -m tests.unit.test_fsrs_parity`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import pathlib
import random
import shutil
import subprocess

import pytest

from widgets.review_deck import ReviewDeck
from widgets.review_schedule import SCHEDULER, empty_progress, format_time, replay, valid_progress

FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "fsrs_reviews.json"
NODE_DRIVER = """
import { makeScheduler, replayCard, isValidProgress } from "./deck.mjs";
import fs from "node:fs";
const { config, histories, progress } = JSON.parse(fs.readFileSync(0, "utf8"));
const scheduler = makeScheduler(config);
process.stdout.write(JSON.stringify({
  schedules: histories.map((reviews) => replayCard(scheduler, reviews)),
  valid: progress.map(isValidProgress),
}));
"""
GOOD_CARD = {"reviews": [["2026-11-25T09:00:00.000Z", 3]], "due": "2026-11-27T09:00:00.000Z"}
PROGRESS_CASES = [
    dict(empty_progress(), cards={"a": GOOD_CARD}),
    dict(empty_progress(), cards={"a": GOOD_CARD}, pending={"id": "a", "entry": {}}, exported="2026-11-25"),
    dict(empty_progress(), cards={"a": dict(GOOD_CARD, reviews=[["2026-11-25T09:00:00.000Z", 5]])}),
    dict(empty_progress(), cards={"a": dict(GOOD_CARD, reviews=[["yesterday", 3]])}),
    dict(empty_progress(), cards={"a": dict(GOOD_CARD, reviews=[])}),
    dict(empty_progress(), pending="a"),
    dict(empty_progress(), version=1),
    {"cards": {"a": {"box": 2, "due": "2026-11-26"}}, "updated": 1},
    [1, 2],
]


def load_cases() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def run_deck_module_in_node(tmp_path: pathlib.Path, histories: list, progress: list = ()) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the page's scheduler (apt-get install -y nodejs)")
    (tmp_path / "deck.mjs").write_text(ReviewDeck._esm, encoding="utf-8")
    (tmp_path / "driver.mjs").write_text(NODE_DRIVER, encoding="utf-8")
    result = subprocess.run(
        [node, "driver.mjs"],
        cwd=tmp_path,
        input=json.dumps({"config": SCHEDULER, "histories": histories, "progress": list(progress)}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_python_matches_the_fixture():
    for case in load_cases():
        got = replay(case["reviews"])
        assert got["due"] == case["expected"]["due"], case["reviews"]
        assert got["state"] == case["expected"]["state"], case["reviews"]
        assert got["stability"] == pytest.approx(case["expected"]["stability"], rel=1e-6)


def test_page_scheduler_matches_the_fixture(tmp_path):
    cases = load_cases()
    results = run_deck_module_in_node(tmp_path, [case["reviews"] for case in cases])["schedules"]
    for case, got in zip(cases, results, strict=True):
        assert got["due"] == case["expected"]["due"], case["reviews"]
        assert got["state"] == case["expected"]["state"], case["reviews"]
        assert got["stability"] == pytest.approx(case["expected"]["stability"], rel=1e-6)


def test_page_and_kernel_accept_the_same_progress_files(tmp_path):
    verdicts = run_deck_module_in_node(tmp_path, [], PROGRESS_CASES)["valid"]
    assert verdicts == [valid_progress(case) for case in PROGRESS_CASES]
    assert verdicts[:2] == [True, True] and not any(verdicts[2:])


def test_fixture_covers_the_cases_where_the_libraries_differ_unadapted():
    reviews = [r for case in load_cases() for r in case["reviews"]]
    grades = {grade for _time, grade in reviews}
    assert grades == {1, 2, 3, 4}
    pairs = [
        (dt.datetime.fromisoformat(x[0][:-1]), dt.datetime.fromisoformat(y[0][:-1]))
        for case in load_cases()
        for x, y in itertools.pairwise(case["reviews"])
    ]
    later_day_earlier_hour = any(b.date() > a.date() and b.time() < a.time() for a, b in pairs)
    assert later_day_earlier_hour, "needs reviews a calendar day later at an earlier time (elapsed-days rule)"
    assert {case["expected"]["state"] for case in load_cases()} >= {"learning", "review", "relearning"}


def regenerate(seed: int = 2026, count: int = 60) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 2, 8, 30, tzinfo=dt.UTC)
    cases = []
    for _ in range(count):
        moment, reviews = start + dt.timedelta(minutes=rng.randint(0, 1439)), []
        for _review in range(rng.randint(1, 7)):
            reviews.append([format_time(moment), rng.choice([1, 2, 3, 3, 3, 4])])
            moment += rng.choice(
                [
                    dt.timedelta(minutes=rng.randint(1, 25)),
                    dt.timedelta(days=rng.randint(1, 45), minutes=rng.randint(-600, 600)),
                ]
            )
        cases.append({"reviews": reviews, "expected": replay(reviews)})
    about = (
        "Review histories ([ISO time, grade 1-4]) and the schedule both FSRS implementations must give "
        "(tests/unit/test_fsrs_parity.py, which regenerates this file when run as a module)."
    )
    FIXTURE.write_text(json.dumps({"about": about, "cases": cases}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
