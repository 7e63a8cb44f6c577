"""The jupyterquiz export in the real jupyterquiz: each numeric item answered at both ends of its range.

The page is what `jupyterquiz.display_quiz(questions)` puts in a notebook (its own div, styles
and scripts, built by its own functions), without a kernel. The course accepts
answer ± tolerance with both ends included; jupyterquiz must too.
"""

import shutil

import pytest
from jupyterquiz.dynamic.loader import load_questions_script
from jupyterquiz.dynamic.renderer import build_script, build_styles, render_div

from tests.unit.bank_factory import write_chapter
from tools.book_site import serve_directory, server_url
from widgets.authoring.bank_checks import checked_bank
from widgets.authoring.export_text import plain_decimal
from widgets.authoring.interop import to_jupyterquiz
from widgets.paths import REPO_ROOT
from widgets.quizbank import load_all_banks

pytestmark = pytest.mark.browser
DIV_ID = "exportedquiz"


def quiz_page(questions: list[dict]) -> str:
    """display_quiz's two outputs (HTML and Javascript) in one static page, answers unshuffled."""
    prefix, static, url = load_questions_script(questions, DIV_ID)
    div = render_div(DIV_ID, False, False, False, 1_000_000, 600, 10, "left")
    script = build_script(prefix, static, url, DIV_ID, True)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>jupyterquiz export</title></head>"
        f"<body>{div}{build_styles(DIV_ID, {})}<script>{script}</script></body></html>"
    )


@pytest.fixture(scope="module")
def numeric_items(tmp_path_factory):
    directory = tmp_path_factory.mktemp("awkward")
    write_chapter(directory)
    shutil.copy(REPO_ROOT / "tests" / "fixtures" / "awkward.yml", directory / "awkward.yml")
    banks = [*load_all_banks(), checked_bank(directory / "awkward.yml", chapter_dir=directory)]
    return [item for bank in banks for item in bank.items if item["type"] == "numeric"], banks


@pytest.fixture(scope="module")
def site(numeric_items, tmp_path_factory):
    items, banks = numeric_items
    questions = [q for q in to_jupyterquiz(banks) if q["type"] == "numeric"]
    assert len(questions) == len(items)
    root = tmp_path_factory.mktemp("jupyterquiz")
    (root / "index.html").write_text(quiz_page(questions), encoding="utf-8")
    server = serve_directory(root)
    yield server_url(server)
    server.shutdown()


def verdict(page, index: int, typed: str) -> str:
    field = page.locator("input.Input-text").nth(index)
    field.click()  # jupyterquiz clears the field on focus
    field.press_sequentially(typed)
    field.press("Enter")
    classes = field.get_attribute("class")
    return "correct" if "correctButton" in classes and "incorrect" not in classes else "incorrect"


def test_every_numeric_item_accepts_both_ends_and_rejects_beyond(watched_page, site, numeric_items):
    items, _ = numeric_items
    page = watched_page
    page.goto(f"{site}/index.html")
    page.wait_for_selector("input.Input-text", timeout=15000)
    assert page.locator("input.Input-text").count() == len(items)
    results = {}
    for index, item in enumerate(items):
        low, high = item["answer"] - item["tolerance"], item["answer"] + item["tolerance"]
        beyond = high + max(1.0, abs(high)) * 1e-3
        results[item["id"]] = [verdict(page, index, plain_decimal(value)) for value in (low, high, beyond)]
    assert results == {item["id"]: ["correct", "correct", "incorrect"] for item in items}
    assert page.watch.console_errors == []
