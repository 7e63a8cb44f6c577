"""Print the built book to one PDF, in table-of-contents order, with a bookmark per page.

    python -m tools.print_pdf _build/html _build/pdf/nerve-pain-in-the-hamstring.pdf

Each page is printed by headless Chromium from a loopback server (the widget loader imports
modules from Blob URLs, which file:// pages cannot do), then the pages are merged with pypdf.
"""

from __future__ import annotations

import argparse
import html
import io
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter

from tools.book_site import ROOT, block_other_hosts, launch_chromium, serve_directory, server_url, toc_pages

WIDGET_TIMEOUT_MS = 15000
MARGIN = {side: "15mm" for side in ("top", "bottom", "left", "right")}

# The PDF outline replaces the theme's navigation (the book theme's own print title and
# contents list stay: it hides the article's h1 in favour of them). The notice banner, which
# the theme hides in print, is forced back: the disclaimer must travel with every chapter.
PRINT_CSS = """
.bd-header, .bd-header-article, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer,
.bd-footer-article, .prev-next-footer, .prev-next-area, .headerlink,
.skip-link, #pst-back-to-top { display: none !important; }
.bd-header-announcement { display: block !important; }
/* A widget split across two sheets is hard to read, and scroll boxes would clip it on paper. */
[data-widget] { break-inside: avoid; }
[data-widget], [data-widget] * { overflow: visible !important; max-height: none !important; }
/* Taller than a sheet it must break anyway; keeping it whole would only leave a blank sheet
   before it, so it flows and breaks between its questions and cases instead. */
[data-widget][data-print-flow] { break-inside: auto; }
[data-widget] fieldset, [data-widget] section, [data-widget] svg { break-inside: avoid; }
[data-widget] h3 { break-after: avoid; }
/* Check and Retry do nothing on paper; the questions and their options stay as a worksheet. */
[data-widget] button[data-action] { display: none !important; }
"""
# Measured on screen because CSS cannot ask "taller than a sheet?"; the viewport is SHEET_PX.
MARK_TALL_JS = """() => document.querySelectorAll("[data-widget]").forEach((el) => {
  if (el.getBoundingClientRect().height > window.innerHeight) el.dataset.printFlow = "true";
})"""
# A4 minus the 15 mm margins, in CSS pixels (96 per inch), so screen layout matches print.
SHEET_PX = {"width": round(180 / 25.4 * 96), "height": round(267 / 25.4 * 96)}
HEADER = (
    '<div style="font-size:8px;width:100%;padding:0 15mm;box-sizing:border-box;color:#555;display:flex;'
    'justify-content:space-between"><span>{book}</span><span>{title}</span></div>'
)
FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 15mm;box-sizing:border-box;color:#555;text-align:right">'
    '{title} &middot; page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
# [data-widget] only exists once the loader has run, so the embedded view scripts are what
# tell a widget page (worth waiting for) from a plain one (which never sets the flag).
HAS_WIDGETS_JS = (
    "() => !!document.querySelector('script[type=\"application/vnd.jupyter.widget-view+json\"], [data-widget]')"
)
TITLE_JS = """() => {
  const h1 = document.querySelector("article h1, main h1");
  if (!h1) return document.title.split(" \\u2014 ")[0].trim();
  const copy = h1.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
  return copy.textContent.trim();
}"""


def _print_page(context, url: str, book_title: str) -> tuple[str, bytes]:
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(url, wait_until="load")
        if page.evaluate(HAS_WIDGETS_JS):
            page.wait_for_selector("html[data-widgets-ready='true']", state="attached", timeout=WIDGET_TIMEOUT_MS)
        page.add_style_tag(content=PRINT_CSS)
        page.evaluate(MARK_TALL_JS)
        page.evaluate("document.fonts.ready.then(() => true)")
        title = page.evaluate(TITLE_JS)
        safe = {"book": html.escape(book_title), "title": html.escape(title)}
        pdf = page.pdf(
            format="A4",
            print_background=True,
            margin=MARGIN,
            display_header_footer=True,
            header_template=HEADER.format(**safe),
            footer_template=FOOTER.format(**safe),
        )
        return title, pdf
    finally:
        page.close()


def print_book(build_dir: Path, out: Path, browser=None) -> list[str]:
    """Print every page listed in _toc.yml from build_dir into one PDF at out; return titles."""
    build_dir, out = Path(build_dir), Path(out)
    pages = toc_pages()
    missing = [p for p in pages if not (build_dir / p).is_file()]
    if missing:
        raise FileNotFoundError(f"not in {build_dir}: {missing} (build the book first)")
    book_title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")).get("title", "")

    playwright = None
    if browser is None:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = launch_chromium(playwright)
    server = serve_directory(build_dir)
    base = server_url(server)
    context = browser.new_context(viewport=SHEET_PX, color_scheme="light")
    try:
        # A printed page must not depend on (or leak to) the network, like the published site.
        block_other_hosts(context)
        printed = [_print_page(context, f"{base}/{path}", book_title) for path in pages]
    finally:
        context.close()
        server.shutdown()
        server.server_close()
        if playwright is not None:
            browser.close()
            playwright.stop()

    writer = PdfWriter()
    for title, pdf in printed:
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=title)
    writer.add_metadata({"/Title": book_title})
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer.write(handle)
    return [title for title, _ in printed]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", type=Path, help="the built HTML site, e.g. _build/html")
    parser.add_argument("out", type=Path, help="where to write the PDF")
    args = parser.parse_args(argv)
    titles = print_book(args.build_dir, args.out)
    pages = len(PdfReader(args.out).pages)
    print(f"{args.out}: {len(titles)} book pages, {pages} PDF pages, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
