"""`make bench`'s tables (tools/bench_report.py): ranges, targets, course/stock ratios and the
README section it rewrites, on made-up measurements (no browser, no build)."""

import pathlib

import pytest

from tools.bench_pages import PageResult, Target
from tools.bench_report import EN_DASH, README_END, README_START, TIMES, Row, ratio_rows, summary_markdown, write_readme

ROOT = pathlib.Path("/nowhere")


def page(name: str, kind: str, seconds: list[float], sizes: dict[str, int]) -> PageResult:
    ready = None if kind in {"text", "stock-text"} else "#ready"
    return PageResult(Target(ROOT, name, name, kind, ready), runs=5, times=seconds, sizes=list(sizes.items()))


PAGES = [
    page("chapters/a.html", "widget", [0.4] * 5, {"/a.html": 100_000, "/x.css": 50_000}),
    page("chapters/b.html", "widget", [0.6] * 5, {"/b.html": 150_000, "/x.css": 50_000}),
    page("glossary", "text", [0.3] * 5, {"/g.html": 10_000, "/x.css": 50_000, "/f.woff2": 4_000}),
    page("stock plain", "stock-text", [0.6] * 5, {"/i.html": 4_000, "/fa.js": 600_000}),
    page("stock quiz", "stock-quiz", [1.0] * 5, {"/q.html": 16_000, "/fa.js": 600_000}),
]


def test_a_range_is_shown_low_to_high_and_marked_when_its_top_is_over_target():
    low_high = Row("pages", 0.7, "s", 0.6, digits=2, low=0.4).cells()
    assert low_high == ("pages", f"0.40{EN_DASH}0.70 s **over**", "≤ 0.6 s")
    assert Row("ratio", 0.25, TIMES, digits=2).cells() == ("ratio", f"0.25 {TIMES}", "—")


def test_ratios_put_the_course_over_the_stock_page_in_the_same_run():
    ratios = {row.measure: round(row.value, 3) for row in ratio_rows(PAGES)}
    assert ratios == {
        "Ratio: course widget page (median) / stock jupyterquiz page, time to interactive": 0.5,
        "Ratio: course widget page (median) / stock jupyterquiz page, weight": round(175_000 / 616_000, 3),
        "Ratio: course page without widgets / stock Markdown page, load event": 0.5,
        "Ratio: course page without widgets / stock Markdown page, weight": round(64_000 / 604_000, 3),
    }


def test_the_summary_condenses_widget_pages_and_shows_weight_by_type():
    text = summary_markdown({"pages": PAGES})
    assert f"| Widget page weight, gzip (2 pages) | 150{EN_DASH}200 KB | ≤ 250 KB |" in text
    assert "| glossary | 10 | 50 | 0 | 4 | 0 | 0 | 64 |" in text
    assert "chapters/a.html" in text and "chapters/b.html" in text  # lightest and heaviest


def test_the_readme_section_between_the_markers_is_replaced_and_the_rest_kept(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Course\n{README_START}\nold table\n{README_END}\nprose\n", encoding="utf-8")
    write_readme(readme, "new table\n")
    assert readme.read_text(encoding="utf-8") == f"# Course\n{README_START}\nnew table\n{README_END}\nprose\n"


def test_a_readme_without_markers_is_refused_with_what_to_add(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Course\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="bench markers are missing"):
        write_readme(readme, "table\n")
