"""Shared fixtures: the real strict book build, a loopback server for it, headless Chromium."""

from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

from tools.book_site import (
    INSTALL_CHROMIUM,
    block_other_hosts,
    chromium_path,
    launch_chromium,
    serve_directory,
    server_url,
    strict_build_command,
)
from widgets.paths import REPO_ROOT as ROOT

# Builds, kernels and tests never touch anyone's own review progress (widgets/review_deck.py).
os.environ.setdefault("NPC_REVIEW_FILE", "")
# BOOK_OUTPUT_DIR lets parallel work build elsewhere; _build/html under the repo by default.
OUTPUT_ROOT = pathlib.Path(os.environ.get("BOOK_OUTPUT_DIR", ROOT))
BUILD_HTML = OUTPUT_ROOT / "_build" / "html"
STRICT_BUILD = strict_build_command(OUTPUT_ROOT)


@pytest.fixture(scope="session")
def book_build():
    """Run the real strict build once per session (cached notebooks make a rebuild quick)."""
    result = subprocess.run(STRICT_BUILD, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    return result


@pytest.fixture(scope="session")
def built_site(book_build) -> pathlib.Path:
    assert book_build.returncode == 0, (
        f"strict book build failed:\n{book_build.stdout[-4000:]}\n{book_build.stderr[-4000:]}"
    )
    return BUILD_HTML


@pytest.fixture(scope="session")
def site_url(built_site):
    server = serve_directory(built_site)
    yield server_url(server)
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright (tools.book_site.chromium_path). Missing is a failure, never a skip."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        if chromium_path(playwright) is None:
            pytest.fail(f"no Chromium found: {INSTALL_CHROMIUM}")
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class PageWatch:
    """What a page did that a reader would not want: requests off loopback, console errors."""

    def __init__(self):
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []


@pytest.fixture
def watched_page(browser):
    """A fresh page whose requests to any host but 127.0.0.1 are blocked and recorded."""
    context = browser.new_context()
    watch = PageWatch()
    block_other_hosts(context, watch.blocked)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and watch.console_errors.append(message.text))
    page.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    page.on(
        "response", lambda response: response.status >= 400 and watch.failed.append(f"{response.status} {response.url}")
    )
    page.watch = watch
    yield page
    context.close()
