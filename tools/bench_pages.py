"""`make bench`'s browser half: load pages fresh in headless Chromium and measure when each is
interactive and what it weighs on the wire (gzip), by resource type. The course's pages and the
stock pages (tools/stock_pages.py) go through the same harness in the same run.
"""

from __future__ import annotations

import collections
import json
import pathlib
import statistics
import sys
from dataclasses import dataclass, field

from tools.book_site import block_other_hosts, gzip_sizes, launch_chromium, serve_directory, server_url

RUNS_PER_PAGE = 5
WIDGETS_READY = "html[data-widgets-ready='true']"
READY_TIMEOUT_MS = 15000
RESOURCE_TYPES = {".html": "HTML", ".css": "CSS", ".js": "JS", ".woff2": "fonts", ".ttf": "fonts"}
RESOURCE_TYPES |= dict.fromkeys((".svg", ".png", ".jpg", ".gif", ".ico"), "images")
TYPE_ORDER = ("HTML", "CSS", "JS", "fonts", "images", "other")

# Installed before any page script, so the timestamp is taken in the page the moment what makes
# it interactive appears, not when a Playwright round trip happens to notice it.
READY_PROBE = """
((selector) => {
  const mark = () => {
    if (window.__npcReadyMs === undefined && document.querySelector(selector)) {
      window.__npcReadyMs = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {subtree: true, childList: true, attributes: true});
})(%s);
"""
# A page whose interactivity is the browser's own: when its `load` handlers have finished.
LOAD_EVENT_MS = "performance.getEntriesByType('navigation')[0].loadEventEnd"


@dataclass
class Target:
    """One page to measure: where it is, what it is, and what makes it interactive."""

    html_root: pathlib.Path
    page: str
    name: str
    kind: str  # "widget", "text", "stock"
    ready: str | None  # CSS selector; None = the load event


@dataclass
class PageResult:
    target: Target
    runs: int
    times: list[float] = field(default_factory=list)  # seconds, one per run that became ready
    sizes: list[tuple[str, int]] | None = None  # (url, gzip bytes) from the first run

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def weight(self) -> int | None:
        return sum(size for _url, size in self.sizes) if self.sizes is not None else None

    def by_type(self) -> dict[str, int]:
        totals = collections.Counter()
        for url, size in self.sizes or []:
            suffix = pathlib.PurePosixPath(url.split("?")[0].split("#")[0]).suffix
            totals[RESOURCE_TYPES.get(suffix, "other")] += size
        return {kind: totals.get(kind, 0) for kind in TYPE_ORDER}


def load_once(browser, url: str, ready: str | None, weigh: bool) -> tuple[float | None, list | None]:
    """(ms from navigation to interactive or None, gzip sizes if `weigh`) for one fresh load."""
    # A new context per load: no HTTP cache, storage or service worker carried between runs.
    context = browser.new_context()
    try:
        block_other_hosts(context)
        if ready is not None:
            context.add_init_script(READY_PROBE % json.dumps(ready))
        responses = []
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="load")
        ready_ms = None
        try:
            if ready is None:
                page.wait_for_function(f"{LOAD_EVENT_MS} > 0", timeout=READY_TIMEOUT_MS)
                ready_ms = page.evaluate(LOAD_EVENT_MS)
            else:
                page.wait_for_selector(ready, state="attached", timeout=READY_TIMEOUT_MS)
                ready_ms = page.evaluate("window.__npcReadyMs ?? performance.now()")
        except Exception as error:  # a page that never becomes ready is reported, not fatal
            print(f"{url}: not ready within 15 s ({error.__class__.__name__})", file=sys.stderr)
        sizes = None
        if weigh:
            # Bodies are read only after timing is done, so weighing cannot slow the timed load.
            page.wait_for_load_state("networkidle")
            sizes = gzip_sizes(responses)
        return ready_ms, sizes
    finally:
        context.close()


def measure(targets: list[Target], runs: int = RUNS_PER_PAGE) -> list[PageResult]:
    """Each target loaded `runs` times fresh (weighed on the first), one server per site."""
    from playwright.sync_api import sync_playwright

    servers = {root: serve_directory(root) for root in {target.html_root for target in targets}}
    results = []
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                for target in targets:
                    result = PageResult(target, runs)
                    url = f"{server_url(servers[target.html_root])}/{target.page}"
                    for run in range(runs):
                        ready_ms, sizes = load_once(browser, url, target.ready, weigh=run == 0)
                        result.sizes = sizes if run == 0 else result.sizes
                        if ready_ms is not None:
                            result.times.append(ready_ms / 1000)
                    results.append(result)
            finally:
                browser.close()
    finally:
        for server in servers.values():
            server.shutdown()
    return results


def by_type_table(results: list[PageResult]) -> str:
    """Markdown: each page's gzip weight in KB by resource type."""
    lines = ["| Page | " + " | ".join(TYPE_ORDER) + " | total |", "|---" * (len(TYPE_ORDER) + 2) + "|"]
    for result in results:
        if result.sizes is None:
            continue
        cells = [f"{size / 1000:.0f}" for size in result.by_type().values()]
        lines.append(f"| {result.target.name} | " + " | ".join(cells) + f" | {result.weight / 1000:.0f} |")
    return "\n".join(lines) + "\n"
