"""The printable PDF of the built book (tools/print_pdf.py): every chapter, in order, with the notice."""

import json
import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tools.book_site import toc_pages
from tools.print_pdf import print_book

pytestmark = pytest.mark.browser


def chapter_titles() -> list[str]:
    """The first '# ' heading of each chapter notebook's first markdown cell."""
    titles = []
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        first = next(c for c in cells if c["cell_type"] == "markdown")
        source = "".join(first["source"])
        titles.append(next(line[2:].strip() for line in source.splitlines() if line.startswith("# ")))
    return titles


def normalise(text: str) -> str:
    # NFKC undoes the fi/fl ligatures Chromium's fonts put in the PDF; long headings wrap.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture(scope="module")
def printed(built_site, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "nested" / "book.pdf"
    titles = print_book(built_site, out, browser=browser)
    return titles, PdfReader(out)


def test_every_toc_page_is_printed_in_order_with_a_bookmark(printed):
    titles, reader = printed
    assert len(titles) == len(toc_pages())
    assert len(reader.pages) >= len(titles)
    assert [item.title for item in reader.outline] == titles
    starts = [reader.get_destination_page_number(item) for item in reader.outline]
    assert starts == sorted(set(starts)), "each printed page starts after the one before"


def test_every_chapter_title_is_in_the_pdf(printed):
    titles, reader = printed
    text = normalise(" ".join(page.extract_text() for page in reader.pages))
    for title in chapter_titles():
        assert normalise(title) in text, f"chapter {title!r} missing from the PDF"
        assert title in titles


def test_the_pdf_carries_the_not_medical_advice_notice(printed):
    _, reader = printed
    text = normalise(" ".join(page.extract_text() for page in reader.pages)).lower()
    assert "not medical advice" in text
