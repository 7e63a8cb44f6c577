"""Students in JupyterLab: a real server on loopback (tests/browser/jupyterlab_client.py), the
chapters run in Chromium, and every widget type answered by mouse and by keyboard. Keys used
inside a widget must not drive the notebook; traits read back from a new cell match the page;
traits set from Python show in the view; answers restored in the page reach a restarted
kernel; the answered feedback is readable in the dark theme; no markdown shows raw MyST, and
citations and glossary terms read as author-year and term text, never bib keys; and
Notebook 7 serves the same chapter. Chapter 04 has every answered widget type but the
diagnostic-accuracy calculator, which chapter 05 adds; 02 has the diagram and 08 the review
deck, whose keys are checked too, and two decks on one page share the learner's progress."""

from __future__ import annotations

import functools
import json
import os
import pathlib

import pytest

from tests.browser.jupyterlab_client import (
    TOKEN,
    active_cell_index,
    cell_count,
    eventually,
    jupyterlab_server,
    kernel_value,
    open_notebook,
    run_all,
    run_new_cell,
    set_theme,
    wait_for_kernel_idle,
)
from tests.browser.test_feedback_visible import AA_BODY_TEXT, CONTRAST_JS, FEEDBACK_TEXT
from tests.helpers import answer_question, region_point
from widgets.authoring.prose_links import citation_text, cited_keys, glossary_terms, known_keys
from widgets.paths import REPO_ROOT
from widgets.quizbank import load_all_banks
from widgets.triage import load_cases

pytestmark = pytest.mark.browser
ANATOMY, SYMPTOMS, DIAGNOSIS = "02-anatomy.ipynb", "04-symptoms.ipynb", "05-diagnosis-and-treatment.ipynb"
REVIEW = "08-review.ipynb"
WIDGETS_IN = {ANATOMY: 4, SYMPTOMS: 4, DIAGNOSIS: 2, REVIEW: 3}
ITEMS = {item["id"]: item for bank in load_all_banks() for item in bank.items}
RAW_MYST = (":::{", "```{", "{term}", "{cite}", "{ref}", "{numref}", "{doc}")
QUIZ, TRIAGE = "[data-widget='quiz']", "[data-widget='triage']"


def chapter_cells(chapter):
    return json.loads((REPO_ROOT / "chapters" / chapter).read_text(encoding="utf-8"))["cells"]


# Screenshots of the answered chapter in light and dark go here when set (they are looked at).
SCREENSHOTS = os.environ.get("NPC_LAB_SCREENSHOTS")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab_server(tmp_path_factory.mktemp("lab"), list(WIDGETS_IN)) as base:
        yield base


@pytest.fixture
def student(browser):
    """A fresh browser profile (its own localStorage), as one student."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60000)
    yield page
    context.close()


def open_and_run(page, lab, chapter):
    open_notebook(page, lab, f"chapters/{chapter}")
    run_all(page, WIDGETS_IN[chapter])


def keys_stay_in_widget(page, keys):
    """Press `keys`; the notebook's active cell and cell count must not change."""
    before = (active_cell_index(page), cell_count(page))
    for key in keys:
        page.keyboard.press(key)
    page.wait_for_timeout(200)
    after = (active_cell_index(page), cell_count(page))
    assert after == before, f"{keys} inside a widget drove the notebook: (active cell, cells) {before} -> {after}"


def bring_into_view(fieldset):
    """A paged quiz shows one question at a time: turn its pages until this one shows."""
    quiz = fieldset.locator("xpath=ancestor::*[@data-widget='quiz']")
    for _ in range(len(ITEMS)):
        if fieldset.is_visible():
            return fieldset
        quiz.locator("button[data-action='next-question']").click()
    raise AssertionError("the question never came into view")


def answer_single_by_keyboard(page, fieldset):
    """Focus the first radio, arrow to the right option, Tab to Check, press Enter."""
    bring_into_view(fieldset)
    item = ITEMS[fieldset.get_attribute("data-question-id")]
    options = fieldset.locator("input[type='radio']")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    right = values.index(item["answer"])
    options.first.focus()
    keys = ["ArrowDown"] + (["ArrowDown"] * (right - 1) if right >= 1 else ["ArrowUp"])
    keys_stay_in_widget(page, [*keys, "a", "b", "m"])  # letters are notebook shortcuts in command mode
    checked = [options.nth(i).is_checked() for i in range(len(values))]
    assert checked.index(True) == right, f"arrow keys did not move the choice to option {right}: {checked}"
    keys_stay_in_widget(page, ["Tab"])
    assert page.evaluate("() => document.activeElement.dataset.action") == "check"
    keys_stay_in_widget(page, ["Enter"])
    assert fieldset.get_attribute("data-state") == "right"
    return item["id"]


def answer_triage(page):
    """One case by mouse, one by keyboard (Tab between levels, Space); returns {case: level}."""
    cases = load_cases()["cases"]
    by_mouse = next(c for c in cases if c["answer"] == "emergency")
    by_keys = next(c for c in cases if c["answer"] == "same_day")
    triage = page.locator(TRIAGE)
    triage.locator(f"[data-case-id='{by_mouse['id']}'] button[data-choice='soon']").click()
    triage.locator(f"[data-case-id='{by_keys['id']}'] button[data-choice='emergency']").focus()
    keys_stay_in_widget(page, ["Tab", "Space"])
    pressed = triage.locator(f"[data-case-id='{by_keys['id']}'] button[aria-pressed='true']")
    assert pressed.get_attribute("data-choice") == "same_day"
    return {by_mouse["id"]: "soon", by_keys["id"]: "same_day"}


def test_click_in_jupyterlab_changes_selected_in_the_kernel(student, lab):
    open_and_run(student, lab, ANATOMY)
    diagram = "[data-widget='nerve-diagram'][data-mode='explore']"
    student.mouse.click(*region_point(student, f"{diagram} [data-region='piriformis']"))
    assert "Piriformis" in student.locator(f"{diagram} [data-role='region-info']").first.inner_text()
    eventually(lambda: _equals(kernel_value(student, "live('NerveDiagram')[0].selected"), "piriformis"))
    regions = student.locator(f"{diagram} [data-region]")
    other = next(r for r in regions.evaluate_all("els => els.map((e) => e.dataset.region)") if r != "piriformis")
    student.locator(f"{diagram} [data-region='{other}']").first.focus()
    keys_stay_in_widget(student, ["Enter"])  # Enter would otherwise open the cell for editing
    eventually(lambda: _equals(kernel_value(student, "live('NerveDiagram')[0].selected"), other))


@pytest.mark.parametrize("chapter", [SYMPTOMS, DIAGNOSIS])
def test_markdown_renders_myst_not_raw_text(student, lab, chapter):
    open_notebook(student, lab, f"chapters/{chapter}")
    cells = student.locator(".jp-MarkdownCell").count()
    rendered = student.locator(".jp-MarkdownCell .myst")
    student.wait_for_function("(n) => document.querySelectorAll('.jp-MarkdownCell .myst').length >= n", arg=cells)
    raw = [(i, token) for i, text in enumerate(rendered.all_inner_texts()) for token in RAW_MYST if token in text]
    assert raw == [], f"{chapter}: markdown cells show raw MyST (cell, token): {raw}"
    citations_and_terms_read_as_text(student, chapter, " ".join(rendered.all_inner_texts()))
    if chapter == SYMPTOMS:
        assert student.locator(".jp-MarkdownCell .myst-admonition.danger").count() >= 1, "red-flag box not rendered"
    figures = sum("".join(cell["source"]).count("{figure}") for cell in chapter_cells(chapter))
    images = student.locator(".jp-MarkdownCell .myst figure img")
    assert images.count() == figures, f"{chapter}: {images.count()} of {figures} figures rendered"
    loaded = "els => els.map((e) => e.complete && e.naturalWidth > 0 ? 'loaded' : e.getAttribute('src'))"
    states = lambda: student.eval_on_selector_all(".jp-MarkdownCell .myst figure img", loaded)  # noqa: E731
    eventually(lambda: _equals(states(), ["loaded"] * figures))


def citations_and_terms_read_as_text(page, chapter, text):
    """Each citation shows its authors and year, never its bib key; a term is plain link text,
    with no "not found" mark (jupyterlab-myst marks every role it cannot resolve)."""
    keys_shown = sorted(key for key in known_keys() if key in text)
    assert keys_shown == [], f"{chapter}: bare citation keys in the rendered cells: {keys_shown}"
    unresolved = page.locator(".jp-MarkdownCell .myst [title='Citation Not Found'], .jp-MarkdownCell .myst a[href='#']")
    assert unresolved.count() == 0, f"{chapter}: {unresolved.count()} unresolved roles: {unresolved.all_inner_texts()}"
    links = page.eval_on_selector_all(
        ".jp-MarkdownCell .myst a[href^='#']", "els => els.map((e) => [e.getAttribute('href').slice(1), e.textContent])"
    )
    markdown = [cell for cell in chapter_cells(chapter) if cell["cell_type"] == "markdown"]
    cited = [key for cell in markdown for key in cited_keys("".join(cell["source"]))]
    assert [[key, citation_text(key)] for key in cited] == [link for link in links if link[0] in known_keys()]
    terms = [link for link in links if link[0] in glossary_terms()]
    assert terms and all(text.strip() for _, text in terms), f"{chapter}: term links without text: {terms}"


def test_quiz_and_triage_by_mouse_and_keyboard_reach_the_kernel(student, lab):
    open_and_run(student, lab, SYMPTOMS)
    singles = student.locator(f"{QUIZ} fieldset[data-type='single']")
    by_mouse = bring_into_view(singles.nth(0))
    answer_question(by_mouse, ITEMS[by_mouse.get_attribute("data-question-id")], correct=True)
    by_keys = answer_single_by_keyboard(student, singles.nth(1))
    chosen = answer_triage(student)

    def kernel_has_answers():
        quiz = kernel_value(student, "[sorted(latest('Quiz').answers), latest('Quiz').score]")
        triage = kernel_value(student, "[latest('RedFlagTriage').answers, latest('RedFlagTriage').score]")
        assert quiz == [sorted([by_mouse.get_attribute("data-question-id"), by_keys]), 2], quiz
        assert triage == [chosen, 1], triage  # "soon" for an emergency is unsafe, same_day is right

    eventually(kernel_has_answers)


def test_traits_set_from_python_update_the_views(student, lab):
    open_and_run(student, lab, SYMPTOMS)
    first = student.locator(f"{QUIZ} fieldset[data-type='single']").first
    answer_question(first, ITEMS[first.get_attribute("data-question-id")], correct=True)
    answer_triage(student)
    case = load_cases()["cases"][0]["id"]
    run_new_cell(
        student,
        "latest('Quiz').answers = {}\n"
        f"latest('RedFlagTriage').answers = {{{case!r}: 'emergency'}}\n"
        "explorer = [w for w in live('RootLevelExplorer') if w.mode == 'explore'][-1]\n"
        "explorer.selected_root = 'S1'\n",
    )
    assert kernel_value(student, "[latest('Quiz').score, latest('Quiz').completed]") == [0, False]
    student.wait_for_function(f'() => !document.querySelector("{QUIZ} input:checked")')
    assert " 0 of " in student.locator(f"{QUIZ} [data-role='score']").inner_text()
    assert first.locator("button[data-action='check']").is_enabled(), "a retake left the question closed"
    pressed = student.locator(f"{TRIAGE} button[aria-pressed='true']")
    assert pressed.count() == 1 and pressed.get_attribute("data-choice") == "emergency"
    explorer = student.locator("[data-widget='root-explorer']").first
    assert explorer.locator("button[aria-pressed='true']").get_attribute("data-root") == "S1"
    run_new_cell(student, "explorer.mode = 'practice'")
    student.wait_for_selector("[data-widget='root-explorer'][data-mode='practice'] >> nth=1")


def test_answers_restored_in_the_page_reach_a_restarted_kernel(student, lab):
    open_and_run(student, lab, SYMPTOMS)
    first = student.locator(f"{QUIZ} fieldset[data-type='single']").first
    item = first.get_attribute("data-question-id")
    answer_question(first, ITEMS[item], correct=True)
    chosen = answer_triage(student)
    student.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    wait_for_kernel_idle(student)
    run_all(student, WIDGETS_IN[SYMPTOMS])

    def restored():
        state = kernel_value(
            student,
            "[sorted(latest('Quiz').answers), latest('Quiz').score, latest('RedFlagTriage').answers,"
            " len(live('Quiz'))]",
        )
        assert state == [[item], 1, chosen, 1], state

    eventually(restored)


def test_answered_feedback_is_readable_in_the_dark_theme(student, lab, tmp_path):
    open_and_run(student, lab, SYMPTOMS)
    singles = student.locator(f"{QUIZ} fieldset[data-type='single']")
    for index, correct in ((0, True), (1, False), (1, False)):
        bring_into_view(singles.nth(index))
        answer_question(singles.nth(index), ITEMS[singles.nth(index).get_attribute("data-question-id")], correct)
    answer_triage(student)
    practice = student.locator("[data-widget='root-explorer'][data-mode='practice']")
    practice.locator("button[data-root]").first.click()
    shots = pathlib.Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    answered = {"quiz": f"{QUIZ} fieldset[data-state]:visible", "triage": f"{TRIAGE} [data-verdict]"}

    def screenshots(theme):
        for name, selector in answered.items():
            student.locator(selector).first.scroll_into_view_if_needed()
            student.screenshot(path=shots / f"lab-04-{name}-{theme}.png")

    screenshots("light")
    try:
        set_theme(student, "JupyterLab Dark")
        screenshots("dark")
        readings = student.evaluate(CONTRAST_JS, f".jp-Notebook :is({FEEDBACK_TEXT})")
    finally:
        set_theme(student, "JupyterLab Light")  # the theme is a server setting shared by later tests
    visible = [r for r in readings if r["visible"]]
    assert len(visible) >= 10, f"too few feedback texts measured: {readings}"
    low = [(r["text"], round(r["ratio"], 2)) for r in visible if r["ratio"] < AA_BODY_TEXT]
    assert low == [], f"feedback below {AA_BODY_TEXT}:1 in JupyterLab Dark: {low}"


def test_diagnostic_accuracy_by_keyboard_and_from_python(student, lab):
    open_and_run(student, lab, DIAGNOSIS)
    accuracy = student.locator("[data-widget='test-accuracy']")
    radios = accuracy.locator("input[type='radio']")
    radios.first.click()
    keys_stay_in_widget(student, ["ArrowDown"])
    second = radios.nth(1).get_attribute("value")
    assert radios.nth(1).is_checked(), "ArrowDown did not move to the next test"
    pretest = accuracy.locator("[data-role='pretest']")
    pretest.fill("")
    pretest.focus()
    keys_stay_in_widget(student, ["3", "0"])
    state = "[latest('DiagnosticAccuracy').test, latest('DiagnosticAccuracy').pretest]"
    eventually(lambda: _equals(kernel_value(student, state), [second, 0.3]))
    first = radios.first.get_attribute("value")
    run_new_cell(student, f"acc = latest('DiagnosticAccuracy')\nacc.test = {first!r}\nacc.pretest = 0.45")
    student.wait_for_function("(el) => el.checked", arg=radios.first.element_handle())
    assert pretest.input_value() == "45"


def _equals(seen, wanted):
    assert seen == wanted, seen
    return seen


def test_review_deck_keys_stay_in_the_deck(student, lab):
    open_and_run(student, lab, REVIEW)
    deck = student.locator("[data-widget='review-deck']")
    radios = deck.locator("input[type='radio']")
    for _ in range(20):  # the first due card may be a multiple-answer one: skip to a radio card
        if radios.count() >= 2:
            break
        deck.locator("button[data-action='next']").click()
    radios.first.focus()
    keys_stay_in_widget(student, ["ArrowDown", "a", "Space"])
    assert radios.nth(1).is_checked(), "ArrowDown did not move to the deck card's next option"


def test_two_review_decks_on_one_page_share_the_learners_progress(student, lab, tmp_path):
    """A second ReviewDeck() cell and a second view of one deck: answers given in any of them
    reach all of them and the progress file, and building a deck writes nothing."""
    saved = tmp_path / "review-progress.json"
    open_and_run(student, lab, REVIEW)
    run_new_cell(student, f"import os\nos.environ['NPC_REVIEW_FILE'] = {str(saved)!r}")
    run_new_cell(student, "from widgets import ReviewDeck\ndeck_a = ReviewDeck()\ndeck_a", keep=True)
    run_new_cell(student, "deck_a", keep=True)  # the same deck shown twice
    run_new_cell(student, "deck_b = ReviewDeck()\ndeck_b", keep=True)
    decks = student.locator("[data-widget='review-deck']")
    student.wait_for_function("() => document.querySelectorAll(\"[data-widget='review-deck']\").length >= 4")
    assert not saved.exists(), "building a deck wrote the progress file"
    answered = []
    for deck in (decks.nth(1), decks.nth(2), decks.nth(3)):
        # Another deck's grade reaches this one through the kernel; until it has, this deck may
        # still show the card just graded elsewhere, and then moves on (what a learner sees too).
        eventually(functools.partial(_shows_a_card_not_in, deck, answered))
        answered.append(answer_and_grade_a_card(deck))
    assert len(set(answered)) == 3, f"a deck offered a card another deck had just graded: {answered}"

    def shared():
        cards = kernel_value(student, "[sorted(deck.progress['cards']) for deck in (deck_a, deck_b)]")
        assert cards == [sorted(answered)] * 2, cards
        assert sorted(json.loads(saved.read_text())["cards"]) == sorted(answered)
        counts = {decks.nth(index).locator("[data-role='due-count']").inner_text() for index in (1, 2, 3)}
        assert len(counts) == 1, f"the deck views disagree on what is due: {counts}"

    eventually(shared)


def _shows_a_card_not_in(deck, answered):
    shown = deck.locator("[data-role='card'] [data-question-id]").get_attribute("data-question-id")
    assert shown not in answered, f"the deck still shows {shown}, graded in another deck"


def answer_and_grade_a_card(deck):
    """Answer the first card that is not answered on the plate, rightly, and grade it Good."""
    for _ in range(len(ITEMS)):
        card = deck.locator("[data-role='card'] [data-question-id]")
        item = ITEMS[card.get_attribute("data-question-id")]
        if item["type"] != "hotspot":
            answer_question(card, item, correct=True)
            deck.locator("button[data-grade='good']").click()
            return item["id"]
        deck.locator("button[data-action='next']").click()
    raise AssertionError("no card in the deck could be answered without the plate")


def test_notebook7_runs_a_chapter_and_keys_stay_in_widgets(student, lab):
    student.goto(f"{lab}/notebooks/chapters/{DIAGNOSIS}?token={TOKEN}")
    wait_for_kernel_idle(student)
    run_all(student, WIDGETS_IN[DIAGNOSIS])
    radios = student.locator("[data-widget='test-accuracy'] input[type='radio']")
    radios.first.click()
    keys_stay_in_widget(student, ["ArrowDown"])
    wanted = radios.nth(1).get_attribute("value")
    eventually(lambda: _equals(kernel_value(student, "latest('DiagnosticAccuracy').test"), wanted))
