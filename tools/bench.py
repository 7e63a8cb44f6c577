"""Measure the book against its performance targets and print a Markdown table.

    python -m tools.bench [--skip-tests] [--out FILE.md] [--readme README.md]

Builds go to a throwaway directory so the bench never disturbs anyone's _build; only the
whole-test-suite row (the real `make test`, run last) writes the repository's own _build.
The same run builds two stock Jupyter Book pages (tools/stock_pages.py) and measures them in the
same harness (tools/bench_pages.py); `--readme` writes the summary into README.md.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from tools.bench_pages import RUNS_PER_PAGE, WIDGETS_READY, Target, by_type_table, measure
from tools.bench_report import Row, machine_line, page_rows, ratio_rows, render, summary_markdown, write_readme
from tools.book_site import ROOT, strict_build_command
from tools.stock_pages import build_stock_pages

# Builds, kernels and tests never read or write anyone's own review progress (widgets/review_deck.py).
os.environ["NPC_REVIEW_FILE"] = ""
ENV = dict(os.environ)
PLAIN_PAGE = "chapters/appendix/glossary.html"
MB = 1_000_000


def strict_build(output_root: pathlib.Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run(
        strict_build_command(output_root), cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=1800
    )
    elapsed = time.perf_counter() - start
    return elapsed, result.returncode, (result.stdout[-2000:] + result.stderr[-2000:])


def bench_builds(output_root: pathlib.Path) -> list[Row]:
    rows = []
    for label, target in (("Cold build (fresh dir, no cache)", 60), ("No-change rebuild", 10)):
        elapsed, code, tail = strict_build(output_root)
        if code != 0:
            print(f"{label}: strict build exited {code}\n{tail}", file=sys.stderr)
        rows.append(Row(label, elapsed, "s", target, "" if code == 0 else f"build FAILED, exit {code}"))
    return rows


def widget_pages(html_root: pathlib.Path) -> list[str]:
    return sorted(
        str(p.relative_to(html_root))
        for p in (html_root / "chapters").rglob("*.html")
        if "data-widget" in p.read_text(encoding="utf-8", errors="replace")
    )


def page_targets(html_root: pathlib.Path, workdir: pathlib.Path) -> list[Target]:
    """The course's widget pages and its page without widgets, then the two stock pages."""
    targets = [Target(html_root, path, path, "widget", WIDGETS_READY) for path in widget_pages(html_root)]
    if (html_root / PLAIN_PAGE).exists():
        targets.append(Target(html_root, PLAIN_PAGE, f"{PLAIN_PAGE} (no widgets)", "text", None))
    try:
        targets += build_stock_pages(workdir, ENV)
    except RuntimeError as error:  # the course's own rows still count
        print(error, file=sys.stderr)
    return targets


def kernel_peak_rss(notebook: pathlib.Path) -> tuple[float, str]:
    import nbformat
    import psutil
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}
    )
    peak, done = 0, threading.Event()

    def poll():
        # Polls the kernel by pid (not children of this process), so nothing else this bench
        # spawned can be mistaken for it; nbclient creates the manager inside execute().
        nonlocal peak
        process = None
        while not done.is_set():
            try:
                if process is None:
                    provisioner = getattr(getattr(client, "km", None), "provisioner", None)
                    popen = getattr(provisioner, "process", None)
                    if popen is not None:
                        process = psutil.Process(popen.pid)
                if process is not None:
                    peak = max(peak, process.memory_info().rss)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                process = None
            done.wait(0.05)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    error = ""
    try:
        client.execute()
    except Exception as exc:  # one failing notebook should still leave the other rows
        error = f"execution failed: {exc.__class__.__name__}"
        print(f"{notebook.name}: {exc}", file=sys.stderr)
    finally:
        done.set()
        poller.join()
    return peak / MB, error


# Timed inside a fresh interpreter, so only the import is measured, not Python's own start-up.
# A chapter kernel has ipykernel loaded before its first cell, so that is the fair baseline
# for what the course adds; the bare interpreter is reported too.
IMPORT_PROBE = """
import sys, time
if sys.argv[1] == "kernel":
    import ipykernel.ipkernel
start = time.perf_counter()
import widgets
package = time.perf_counter() - start
for name in widgets.__all__:
    getattr(widgets, name)
print(package, time.perf_counter() - start)
"""


def import_times(baseline: str) -> list[float] | None:
    """Median seconds for (`import widgets`, every widget class) over fresh processes."""
    runs = []
    for _ in range(RUNS_PER_PAGE):
        probe = [sys.executable, "-c", IMPORT_PROBE, baseline]
        result = subprocess.run(probe, capture_output=True, text=True, env=ENV, cwd=ROOT)
        if result.returncode != 0:
            return None
        runs.append([float(value) for value in result.stdout.split()])
    return [statistics.median(run[index] for run in runs) for index in (0, 1)]


def bench_import() -> list[Row]:
    """What a kernel pays for the course package: `import widgets`, then every widget class."""
    note = f"fresh process, median of {RUNS_PER_PAGE}"
    bare, kernel = import_times("bare"), import_times("kernel")
    if bare is None or kernel is None:
        return [Row("`import widgets`", None, "s", 0.3, "import FAILED")]
    return [
        Row("`import widgets`", bare[0], "s", 0.3, note, digits=3),
        Row("`import widgets` + every widget class, in a kernel (ipykernel loaded)", kernel[1], "s", 0.3, note, 3),
        Row("`import widgets` + every widget class, bare interpreter", bare[1], "s", 0.3, note, digits=3),
    ]


def bench_kernels() -> list[Row]:
    rows = []
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        peak, error = kernel_peak_rss(notebook)
        rows.append(Row(f"Kernel peak RSS, {notebook.relative_to(ROOT)}", peak if peak else None, "MB", 200, error))
    return rows


def bench_tests() -> Row:
    start = time.perf_counter()
    result = subprocess.run(["make", "test"], cwd=ROOT, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(f"make test exited {result.returncode}\n{result.stdout[-3000:]}", file=sys.stderr)
    return Row(
        "Whole test command (`make test`)",
        elapsed / 60,
        "min",
        15,  # the engineering issue's budget for a fresh clone on this 2-core machine
        "" if result.returncode == 0 else f"FAILED, exit {result.returncode}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="do not run `make test`")
    parser.add_argument("--out", type=pathlib.Path, help="also write the full table to this Markdown file")
    parser.add_argument("--readme", type=pathlib.Path, help="write the summary into this README's bench section")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    sections: dict[str, list] = {}
    output_root = pathlib.Path(tempfile.mkdtemp(prefix="npc-bench-"))
    try:
        sections["builds"] = bench_builds(output_root)
        html_root = output_root / "_build" / "html"
        sections["pages"] = measure(page_targets(html_root, output_root / "stock"))
    finally:
        shutil.rmtree(output_root, ignore_errors=True)
    sections["import"] = bench_import()
    sections["kernels"] = bench_kernels()
    # Last, because it is the only step that writes the repository's own _build.
    if not args.skip_tests:
        sections["tests"] = [bench_tests()]

    pages = sections["pages"]
    rows = sections["builds"] + page_rows(pages) + ratio_rows(pages) + sections["import"] + sections["kernels"]
    table = f"{machine_line()}\n\n{render(rows + sections.get('tests', []))}\nWeight by type, gzip KB:\n\n"
    table += by_type_table(pages)
    print(table)
    print(f"Bench took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")
    if args.readme:
        write_readme(args.readme, summary_markdown(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
