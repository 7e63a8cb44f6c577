"""Every internal link, anchor and asset reference in the built book resolves."""

from __future__ import annotations

import html.parser
import pathlib
import urllib.parse

import pytest

from tools.book_site import built_pages

pytestmark = pytest.mark.build


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name])
        for name in ("href", "src"):
            if attributes.get(name) and not (tag == "a" and name == "src"):
                self.references.append(attributes[name])


def parse(path: pathlib.Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_internal_link_and_anchor_resolves(built_site):
    parsed = {p.resolve(): parse(p) for p in built_pages(built_site)}
    broken = []
    for page_path, page in parsed.items():
        for reference in page.references:
            url = urllib.parse.urlsplit(reference)
            if url.scheme or url.netloc or reference.startswith(("mailto:", "javascript:")):
                continue
            target = (page_path.parent / urllib.parse.unquote(url.path)).resolve() if url.path else page_path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page_path.relative_to(built_site.resolve())}: {reference} (no such file)")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if urllib.parse.unquote(url.fragment) not in ids:
                    broken.append(f"{page_path.relative_to(built_site.resolve())}: {reference} (no anchor)")
    assert len(parsed) >= 15
    assert broken == [], "broken internal links:\n" + "\n".join(sorted(set(broken)))


def test_no_page_refers_to_another_host_for_assets(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        page = parse(path)
        for reference in page.references:
            # Links a reader chooses to follow (DOIs, the repository) are fine; fetched assets are not.
            if reference.startswith(("http://", "https://", "//")) and reference.split("?")[0].endswith(
                (".js", ".css", ".woff2", ".woff", ".png", ".svg")
            ):
                offenders.append(f"{path.relative_to(built_site)}: {reference}")
    assert offenders == [], "assets from other hosts:\n" + "\n".join(offenders)


def test_every_page_declares_its_favicon(built_site):
    # Without <link rel="icon"> browsers fetch /favicon.ico, a 404 on most hosts. The root
    # index.html is Jupyter Book's one-line redirect to intro.html, left before any icon loads.
    missing = [
        str(p.relative_to(built_site))
        for p in built_pages(built_site)
        if p != built_site / "index.html" and 'rel="icon"' not in p.read_text()
    ]
    assert missing == [], f"pages without a favicon link: {missing}"
