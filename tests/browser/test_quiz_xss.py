"""Bank text is never executed: a hostile item renders as inert text in a static page."""

import json

import pytest
from ipywidgets.embed import embed_data

from tests.helpers import open_book_page
from tests.unit.bank_factory import valid_bank, write_bank
from tools.book_site import serve_directory, server_url
from widgets import Quiz
from widgets.paths import RUNTIME_DIR

pytestmark = pytest.mark.browser
HOSTILE_PROMPT = 'Pick one <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>'
HOSTILE_OPTION = '<img src=y onerror="window.__xss=3">'


@pytest.fixture
def hostile_page(tmp_path):
    data = valid_bank()
    data["items"][0].update(
        prompt=HOSTILE_PROMPT,
        options=[HOSTILE_OPTION, "L4 to S3"],
        explanation="<script>window.__xss=4</script> **why**",
    )
    write_bank(tmp_path, data)
    quiz = Quiz.from_bank("demo", bank_dir=tmp_path, shuffle=False)
    embedded = embed_data(views=[quiz], drop_defaults=False)  # as nbclient stores it
    site = tmp_path / "site"
    site.mkdir()
    (site / "anywidget-static.js").write_text((RUNTIME_DIR / "anywidget-static.js").read_text())
    state = json.dumps(embedded["manager_state"]).replace("</", "<\\/")
    view = json.dumps(embedded["view_specs"][0]).replace("</", "<\\/")
    (site / "index.html").write_text(
        "<!doctype html><html lang='en'><head><title>xss</title>"
        f"<script type='application/vnd.jupyter.widget-state+json'>{state}</script>"
        "<script defer src='anywidget-static.js'></script></head><body>"
        f"<script type='application/vnd.jupyter.widget-view+json'>{view}</script></body></html>"
    )
    server = serve_directory(site)
    yield server_url(server)
    server.shutdown()


def test_hostile_item_renders_as_inert_text(watched_page, hostile_page):
    page = open_book_page(watched_page, hostile_page, "index.html")
    item = page.locator("[data-question-id='demo-single']")
    assert "<img src=x" in item.locator("legend").inner_text()
    assert HOSTILE_OPTION in item.locator("label").all_inner_texts()
    item.locator("label", has_text="L4 to S3").click()
    item.locator("button[data-action='check']").click()
    assert item.locator("[data-role='feedback']").get_attribute("data-correct") == "true"
    page.wait_for_timeout(300)
    assert page.locator("[data-widget='quiz'] img, [data-widget='quiz'] script").count() == 0
    assert page.evaluate("window.__xss") is None
    assert watched_page.watch.blocked == [] and watched_page.watch.console_errors == []
