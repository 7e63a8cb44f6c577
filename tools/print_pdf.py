"""Print the built book to one tagged PDF with an outline: the student or the instructor edition.

    python -m tools.print_pdf _build/html _build/pdf                         # student edition
    python -m tools.print_pdf _build/html _build/pdf --edition instructor    # with answer keys

The file is named after `_config.yml: title` (`<title>.pdf`, `<title>-instructor.pdf`).

How: every page in _toc.yml is opened in headless Chromium from a loopback server (the widget
loader needs http, not file://) and its article is lifted into one document: ids get a per-page
prefix, links between pages become links inside the document, and each widget is replaced by its
printed form from tools/print_editions.py (quizzes rebuilt from the bank data in bank order, so no
per-learner shuffle; answer keys at the end of each chapter in the instructor edition). That one
document is printed once with `page.pdf(tagged=True, outline=True)`: tags and the outline come
from the headings, and page numbers run through the book. Merging per-page PDFs would drop tags.
"""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

import yaml
from pypdf import PdfReader

from tools.book_site import ROOT, block_other_hosts, launch_chromium, serve_directory, server_url, toc_pages
from tools.print_editions import EDITIONS, INSTRUCTOR, STUDENT, printed_widget

WIDGET_TIMEOUT_MS = 15000
MARGIN = {"top": "16mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
PRINT_CSS = (Path(__file__).with_name("print_edition.css")).read_text(encoding="utf-8")
DOCUMENT_PATH = "__print__/book.html"
HEADER = (
    '<div style="font-size:8px;width:100%;padding:0 15mm;box-sizing:border-box;color:#555;display:flex;'
    'justify-content:space-between"><span>{book}</span><span>{edition}</span></div>'
)
FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 15mm;box-sizing:border-box;color:#555;text-align:right">'
    'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
HAS_WIDGETS_JS = "() => !!document.querySelector('script[type=\"application/vnd.jupyter.widget-view+json\"]')"
# Runs in each built page once its widgets are drawn: the article as portable HTML, with a
# placeholder per widget (and that widget's embedded state), the page's styles and stylesheets.
LIFT_ARTICLE_JS = (Path(__file__).with_name("print_lift.js")).read_text(encoding="utf-8")


def course_title() -> str:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")).get("title", "Course")


def pdf_name(edition: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", course_title().lower()).strip("-")
    return f"{slug}-instructor.pdf" if edition == INSTRUCTOR else f"{slug}.pdf"


def announcement() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return (config.get("html") or {}).get("announcement", "")


def _lift_page(context, url: str, prefix: str, page_prefixes: dict) -> dict:
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(url, wait_until="load")
        if page.evaluate(HAS_WIDGETS_JS):
            page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=WIDGET_TIMEOUT_MS)
        return page.evaluate(LIFT_ARTICLE_JS, {"prefix": prefix, "pages": page_prefixes})
    finally:
        page.close()


def _fill_widgets(lifted: dict, edition: str) -> str:
    """The page's article with each widget placeholder replaced, and its answer keys appended."""
    keys = []

    def replace(match):
        widget = lifted["widgets"].get(match.group(1))
        if not widget:
            return ""
        printed, key = printed_widget(widget["anywidget_id"], widget["state"], edition)
        if key:
            keys.append(key)
        return printed if printed is not None else lifted["drawn"].get(match.group(1), "")

    body = re.sub(r'<div data-print-slot="([0-9a-f]+)"></div>', replace, lifted["html"])
    return body + "".join(keys)


def compose_document(lifted_pages: list[dict], edition: str) -> str:
    title = html.escape(course_title())
    links = dict.fromkeys(href for lifted in lifted_pages for href in lifted["stylesheets"])
    styles = dict.fromkeys(css for lifted in lifted_pages for css in lifted["styles"])
    label = "Instructor edition, with answer keys" if edition == INSTRUCTOR else "Student edition, with worksheets"
    head = "".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in links)
    head += "".join(f"<style>{css}</style>" for css in styles) + f"<style>{PRINT_CSS}</style>"
    cover = (
        f'<section class="print-cover"><p class="print-title">{title}</p><p class="print-edition">{label}</p>'
        f'<p class="print-red-flag">{html.escape(announcement())}</p></section>'
    )
    pages = "".join(
        f'<article class="bd-article print-page" id="{lifted["prefix"]}top">{_fill_widgets(lifted, edition)}</article>'
        for lifted in lifted_pages
    )
    return (
        f'<!DOCTYPE html><html lang="en" data-theme="light" data-mode="light"><head><meta charset="utf-8">'
        f'<title>{title}</title>{head}</head><body><main class="bd-main"><div class="bd-content">'
        f'<div class="bd-article-container">{cover}{pages}</div></div></main></body></html>'
    )


def print_book(build_dir: Path, out_dir: Path, edition: str = STUDENT, browser=None) -> tuple[Path, list[str]]:
    """Print every page listed in _toc.yml into out_dir/<name>.pdf; return the path and page titles."""
    build_dir, out_dir = Path(build_dir), Path(out_dir)
    pages = toc_pages()
    missing = [p for p in pages if not (build_dir / p).is_file()]
    if missing:
        raise FileNotFoundError(f"not in {build_dir}: {missing} (build the book first: make book)")
    prefixes = {path: f"p{index}-" for index, path in enumerate(pages)}

    playwright = None
    if browser is None:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = launch_chromium(playwright)
    server = serve_directory(build_dir)
    base = server_url(server)
    context = browser.new_context(color_scheme="light")
    try:
        # A printed page must not depend on (or leak to) the network, like the published site.
        block_other_hosts(context)
        lifted = [_lift_page(context, f"{base}/{path}", prefixes[path], prefixes) for path in pages]
        document = compose_document(lifted, edition)
        context.route(
            f"{base}/{DOCUMENT_PATH}",
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=document),
        )
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(f"{base}/{DOCUMENT_PATH}", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        safe = {"book": html.escape(course_title()), "edition": "Instructor edition" if edition == INSTRUCTOR else ""}
        out = out_dir / pdf_name(edition)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            margin=MARGIN,
            display_header_footer=True,
            header_template=HEADER.format(**safe),
            footer_template=FOOTER,
            tagged=True,
            outline=True,
        )
    finally:
        context.close()
        server.shutdown()
        server.server_close()
        if playwright is not None:
            browser.close()
            playwright.stop()
    return out, [item["title"] for item in lifted]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", type=Path, help="the built HTML site, e.g. _build/html")
    parser.add_argument("out_dir", type=Path, help="where to write the PDF, e.g. _build/pdf")
    parser.add_argument("--edition", choices=EDITIONS, default=STUDENT)
    args = parser.parse_args(argv)
    out, titles = print_book(args.build_dir, args.out_dir, args.edition)
    print(f"{out}: {len(titles)} book pages, {len(PdfReader(out).pages)} PDF pages, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
