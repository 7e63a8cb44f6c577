"""`make bench`'s tables: every measure in full on the terminal, and a summary (ranges over the
pages, the stock pages and the course/stock ratios, weight by type) that `--readme` writes into
README.md's performance section between its two markers, so the README shows a real run.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import platform
import statistics

from tools.bench_pages import RUNS_PER_PAGE, PageResult, by_type_table

KB = 1000  # decimal, as the budgets (250 KB, 200 KB) are written
README_START = "<!-- bench:start (written by `python -m tools.bench --readme`; edit tools/bench_report.py) -->"
README_END = "<!-- bench:end -->"
# The targets (engineering issue, "Lighter, faster pages").
WIDGET_READY_S, WIDGET_PAGE_KB, TEXT_PAGE_KB = 0.6, 250, 200
EN_DASH, TIMES = "\N{EN DASH}", "\N{MULTIPLICATION SIGN}"  # a range, a ratio


class Row:
    """One measure: a value (or a low-high range) against an optional target."""

    def __init__(self, measure, value, unit, target=None, note="", digits=1, low=None):
        self.measure, self.value, self.unit, self.target, self.note = measure, value, unit, target, note
        self.digits, self.low = digits, low

    def cells(self) -> tuple[str, str, str]:
        if self.value is None:
            result = f"n/a ({self.note})" if self.note else "n/a"
        else:
            value = f"{self.value:.{self.digits}f}"
            if self.low is not None and f"{self.low:.{self.digits}f}" != value:
                value = f"{self.low:.{self.digits}f}{EN_DASH}{value}"
            result = f"{value} {self.unit}"
            # Over-target rows are marked so a reader scanning the table cannot miss them.
            if self.target is not None and self.value > self.target:
                result += " **over**"
            if self.note:
                result += f" ({self.note})"
        # Targets keep the precision they were written with (60 s, 0.6 s, 250 KB).
        return self.measure, result, "—" if self.target is None else f"≤ {self.target} {self.unit}"


def render(rows: list[Row]) -> str:
    lines = ["| Measure | Result | Target |", "|---|---|---|"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def machine_line() -> str:
    # Load average is included because every timing row moves with whatever else shares the CPUs.
    load = ", load avg {:.1f}/{:.1f}/{:.1f}".format(*os.getloadavg()) if hasattr(os, "getloadavg") else ""
    return (
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()} ({platform.system()} "
        f"{platform.machine()}){load}, {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
    )


def _kb(result: PageResult) -> float | None:
    return result.weight / KB if result.weight is not None else None


def _missed(result: PageResult) -> str:
    missed = result.runs - len(result.times)
    return f"{missed}/{result.runs} runs never ready" if missed else ""


def page_rows(results: list[PageResult]) -> list[Row]:
    """Every page in full: time to interactive and weight."""
    rows = []
    for result in results:
        name, kind = result.target.name, result.target.kind
        ready_target = WIDGET_READY_S if kind == "widget" else None
        weight_target = {"widget": WIDGET_PAGE_KB, "text": TEXT_PAGE_KB}.get(kind)
        what = "load event" if result.target.ready is None else "time to interactive"
        rows.append(
            Row(f"{name}: {what} (median of {result.runs})", result.median, "s", ready_target, _missed(result), 2)
        )
        rows.append(Row(f"{name}: page weight (gzip)", _kb(result), "KB", weight_target, digits=0))
    return rows


def _median(values: list[float | None]) -> float | None:
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def _ratio(course: float | None, stock: float | None) -> float | None:
    return course / stock if course is not None and stock else None


def _of_kind(results: list[PageResult], kind: str) -> list[PageResult]:
    return [result for result in results if result.target.kind == kind]


def ratio_rows(results: list[PageResult]) -> list[Row]:
    """Course / stock, same run and harness: below 1 the course page is lighter or faster."""
    widget, text = _of_kind(results, "widget"), _of_kind(results, "text")
    quiz, plain = _of_kind(results, "stock-quiz"), _of_kind(results, "stock-text")
    # (label, what "interactive" is, course seconds, course bytes, the stock page)
    pairs = []
    if widget and quiz:
        seconds, weight = _median([r.median for r in widget]), _median([r.weight for r in widget])
        pairs.append(
            ("course widget page (median) / stock jupyterquiz page", "time to interactive", seconds, weight, quiz[0])
        )
    if text and plain:
        course = text[0]
        pairs.append(
            ("course page without widgets / stock Markdown page", "load event", course.median, course.weight, plain[0])
        )
    rows = []
    for label, timed, seconds, weight, stock in pairs:
        rows.append(Row(f"Ratio: {label}, {timed}", _ratio(seconds, stock.median), TIMES, digits=2))
        rows.append(Row(f"Ratio: {label}, weight", _ratio(weight, stock.weight), TIMES, digits=2))
    return rows


def _range_row(measure: str, values: list[float | None], unit: str, target, digits: int) -> Row:
    values = [value for value in values if value is not None]
    if not values:
        return Row(measure, None, unit, target, "not measured")
    return Row(measure, max(values), unit, target, digits=digits, low=min(values))


def page_summary(results: list[PageResult]) -> list[Row]:
    """The pages condensed: ranges over the course's widget pages, then each other page."""
    widget = _of_kind(results, "widget")
    rows = [
        _range_row(
            f"Widget page time to interactive, median of {RUNS_PER_PAGE} fresh loads ({len(widget)} pages)",
            [r.median for r in widget],
            "s",
            WIDGET_READY_S,
            2,
        ),
        _range_row(
            f"Widget page weight, gzip ({len(widget)} pages)", [_kb(r) for r in widget], "KB", WIDGET_PAGE_KB, 0
        ),
    ]
    others = [r for r in results if r.target.kind != "widget"]
    return rows + [row for row in page_rows(others)] + ratio_rows(results)


def summary(sections: dict[str, list]) -> list[Row]:
    """builds, page summary, import, kernel range, tests: what the README shows."""
    kernels = sections.get("kernels", [])
    kernel_rows = [
        _range_row(f"Chapter kernel peak RSS ({len(kernels)} notebooks)", [r.value for r in kernels], "MB", 200, 1)
    ]
    return (
        sections.get("builds", [])
        + page_summary(sections.get("pages", []))
        + sections.get("import", [])
        + (kernel_rows if kernels else [])
        + sections.get("tests", [])
    )


def summary_markdown(sections: dict[str, list]) -> str:
    pages = sections.get("pages", [])
    widget = sorted(_of_kind(pages, "widget"), key=lambda r: r.weight or 0)
    shown = ([widget[-1], widget[0]] if widget else []) + [r for r in pages if r.target.kind != "widget"]
    return (
        f"{machine_line()}\n\n{render(summary(sections))}\n"
        f"Weight by type, gzip KB (the heaviest and lightest widget pages, then the others):\n\n{by_type_table(shown)}"
    )


def write_readme(readme: pathlib.Path, block: str) -> None:
    """Replace what stands between the README's bench markers with `block`."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme}: the bench markers are missing; add {README_START!r} and {README_END!r}")
    readme.write_text(text[: start + len(README_START)] + "\n" + block + text[end:], encoding="utf-8")
