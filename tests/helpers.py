"""Helpers shared by browser tests."""

# Pages whose widgets share code (common.js, parts) and, on the anatomy page, the plate SVG.
PAGES_WITH_SEVERAL_WIDGETS = ["chapters/02-anatomy.html", "chapters/04-symptoms.html", "chapters/08-review.html"]


def open_book_page(page, site_url: str, path: str):
    """Navigate and wait until the static widget loader has rendered every widget."""
    page.goto(f"{site_url}/{path}")
    page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=15000)
    return page


def assert_page_clean(page):
    watch = page.watch
    assert watch.blocked == [], f"requests left 127.0.0.1: {watch.blocked}"
    assert watch.failed == [], f"failed requests: {watch.failed}"
    assert watch.console_errors == [], f"console errors: {watch.console_errors}"


def region_point(page, selector: str):
    """A point where the element is the topmost target, so a real mouse click reaches it."""
    point = page.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            el.scrollIntoView({block: "center"});
            const box = el.getBoundingClientRect();
            for (let fy = 0.5; fy < 1; fy += 0.05) {
              for (const f of [fy, 1 - fy]) {
                for (let fx = 0.1; fx <= 0.9; fx += 0.1) {
                  const x = box.left + box.width * fx, y = box.top + box.height * f;
                  const hit = document.elementFromPoint(x, y);
                  if (hit && el.contains(hit)) return {x, y};
                }
              }
            }
            return null;
        }""",
        selector,
    )
    assert point, f"no visible point to click on {selector}"
    return point["x"], point["y"]


def answer_question(fieldset, item: dict, correct: bool = True):
    """Answer one rendered bank item (a fieldset locator) rightly or wrongly, then Check."""
    kind, answer = item["type"], item["answer"]
    if kind == "numeric":
        value = answer if correct else answer + item.get("tolerance", 0) + 100
        fieldset.locator("input[inputmode='decimal']").fill(str(value))
    else:
        if kind == "true_false":
            answer = "True" if answer else "False"
        elif kind == "hotspot":
            from widgets.anatomy import DEFAULT_PLATE, region_labels

            if fieldset.locator("[data-region]").count():  # answered on the plate
                regions = fieldset.locator("[data-region]").evaluate_all("els => els.map((e) => e.dataset.region)")
                target = answer if correct else next(r for r in regions if r != answer)
                pick_on_plate(fieldset.locator(f"[data-region='{target}']"))
                fieldset.locator("button[data-action='check']").click()
                return
            answer = region_labels(item.get("plate", DEFAULT_PLATE))[answer]
        right = answer if isinstance(answer, list) else [answer]
        labels = fieldset.locator(".npc-option label")
        texts = labels.all_inner_texts()
        chosen = right if correct else [next(t for t in texts if t not in right)]
        for text in chosen:
            labels.nth(texts.index(text)).click()
    fieldset.locator("button[data-action='check']").click()


def pick_on_plate(region):
    """Click a structure on an anatomy plate where it, not something drawn over it, is hit."""
    region.scroll_into_view_if_needed()
    point = region.evaluate(
        """(el) => {
            const box = el.getBoundingClientRect();
            for (let fy = 0.5; fy < 1; fy += 0.05)
              for (const f of [fy, 1 - fy])
                for (let fx = 0.1; fx <= 0.9; fx += 0.1) {
              const x = box.left + box.width * fx, y = box.top + box.height * f;
              const hit = document.elementFromPoint(x, y);
              if (hit && el.contains(hit)) return {x, y};
            }
            return null;
        }"""
    )
    assert point, "no visible point on the structure to click"
    region.page.mouse.click(point["x"], point["y"])
