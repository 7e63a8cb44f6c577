"""Every built page, as a reader meets it: nothing off loopback, no console errors, no broken
requests, accessible in light and dark mode (axe-core), and within the page-weight budget."""

from __future__ import annotations

import pytest

from tools.book_site import GENERATED_PAGES, built_pages, gzip_sizes, toc_pages
from widgets.paths import REPO_ROOT as ROOT

pytestmark = pytest.mark.browser
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
BUDGET_WITH_WIDGETS = 2_000_000
BUDGET_WITHOUT_WIDGETS = 1_000_000


def expected_pages() -> list[str]:
    # From the sources, not the build: on a fresh clone nothing is built when tests are collected.
    return sorted(toc_pages() + GENERATED_PAGES)


# The theme animates colour changes; axe measuring contrast mid-transition on a busy machine
# reported a half-faded search button now and then. With transitions off, a mode switch is
# settled by the next frame, so the audit measures the colours a reader ends up seeing.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_violations(page, mode: str) -> list[str]:
    page.evaluate(
        """async ([mode, css]) => {
        if (!document.getElementById("audit-no-transitions")) {
            const style = Object.assign(document.createElement("style"), {id: "audit-no-transitions"});
            style.textContent = css;
            document.head.append(style);
        }
        document.documentElement.dataset.theme = mode;
        document.documentElement.dataset.mode = mode;
        await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    }""",
        [mode, NO_TRANSITIONS],
    )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text())
    results = page.evaluate("""async () => {
        // label-content-name-mismatch is off by default (experimental) but is the rule the stock
        // theme's header buttons fail, so it is switched on here.
        const r = await axe.run(document, {resultTypes: ["violations"],
            rules: {"label-content-name-mismatch": {enabled: true}}});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")), help: v.help}));
    }""")
    return [
        f"[{mode}] {v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in results if v["impact"] in SERIOUS
    ]


def test_audit_covers_every_built_page(built_site):
    built = [str(p.relative_to(built_site)) for p in built_pages(built_site)]
    assert built == expected_pages(), "a built page is missing from the audit (or was not built)"


@pytest.mark.parametrize("path", expected_pages())
def test_page_is_clean_accessible_and_light(watched_page, site_url, built_site, path):
    assert (built_site / path).exists(), f"{path} is not in the built book"
    responses = []
    watched_page.on("response", lambda response: responses.append(response))
    watched_page.goto(f"{site_url}/{path}", wait_until="networkidle")
    # The embedded view scripts are in the HTML whether or not the loader has run yet.
    has_widgets = watched_page.locator("script[type='application/vnd.jupyter.widget-view+json']").count() > 0
    if has_widgets:
        watched_page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=15000)

    watch = watched_page.watch
    assert watch.blocked == [], f"{path}: requests left 127.0.0.1: {watch.blocked}"
    assert watch.failed == [], f"{path}: failed requests: {watch.failed}"
    assert watch.console_errors == [], f"{path}: console errors: {watch.console_errors}"

    violations = axe_violations(watched_page, "light") + axe_violations(watched_page, "dark")
    assert violations == [], f"{path}: serious accessibility violations:\n" + "\n".join(violations)

    transferred = gzip_sizes(responses)
    total = sum(size for _url, size in transferred)
    budget = BUDGET_WITH_WIDGETS if has_widgets else BUDGET_WITHOUT_WIDGETS
    heaviest = sorted(transferred, key=lambda item: -item[1])[:5]
    assert total <= budget, f"{path}: {total} gzip bytes > budget {budget}; heaviest: {heaviest}"
    if not has_widgets:
        assert not any("anywidget-static" in url for url, _ in transferred), (
            f"{path} loads the widget runtime without widgets"
        )
