"""The theme's icon fonts, cut to the glyphs the pages use (tools/icon_fonts.py): no icon on any
page may turn into a missing-glyph box, and nothing a page does not need is left behind."""

import html.parser
import io
import pathlib

import pydata_sphinx_theme
import pytest
from fontTools.ttLib import TTFont

from tools.icon_fonts import (
    STYLESHEET,
    WEBFONTS,
    icon_class_lists,
    icon_code_points,
    pages_and_assets,
    prune_stylesheet,
    stylesheet_code_points,
    subset_font,
)

THEME_STATIC = pathlib.Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
# Which font draws an element's icon follows Font Awesome's style classes; solid is the default.
STYLE_FONTS = {"fa-brands": "fa-brands-400.woff2", "fab": "fa-brands-400.woff2", "fa-regular": "fa-regular-400.woff2"}
STYLE_FONTS["far"] = STYLE_FONTS["fa-regular"]
SOLID = "fa-solid-900.woff2"

SAMPLE_CSS = (
    '.fa-0:before{content:"\\30 "}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}'
    '.fa-moon:before{content:"\\f186"}html{--pst-icon-bell:"\uf0f3"}.x:after{content:"\\f107";}'
    '@font-face{font-family:A;src:url(../w/fa-solid-900.woff2) format("woff2"),'
    'url(../w/fa-solid-900.ttf) format("truetype")}'
    '@font-face{font-family:B;src:url(../w/fa-regular-400.woff2) format("woff2")}'
    "/*# sourceMappingURL=pydata-sphinx-theme.css.map*/"
)


def test_icon_classes_map_to_their_code_points_aliases_included():
    icons = icon_code_points(SAMPLE_CSS)
    assert icons["fa-bars"] == icons["fa-navicon"] == {0xF0C9}
    assert icons["fa-0"] == {ord("0")}


def test_a_stylesheet_draws_its_own_icons_outside_the_icon_class_rules():
    # The admonition variables and the sidebar chevron, but not the ~1,900 icon-class rules.
    assert stylesheet_code_points(SAMPLE_CSS) == {0xF0F3, 0xF107}


def test_class_lists_are_found_in_html_attributes_and_script_literals():
    page = '<i class="fab fa-github"></i><span class="x">fa-bars in text is no element</span>'
    script = 'const f=document.createElement("i");f.classList="fa-solid fa-xmark"'
    assert icon_class_lists(page) == [["fab", "fa-github"]]
    assert icon_class_lists(script) == [["fa-solid", "fa-xmark"]]
    widget_state = '{"_esm": "button.className = \\"fa-solid fa-check\\";"}'
    assert ["fa-solid", "fa-check"] in icon_class_lists(widget_state)


def test_the_pruned_stylesheet_keeps_used_icons_and_only_woff2_of_kept_fonts():
    pruned = prune_stylesheet(SAMPLE_CSS, {"fa-bars"}, dropped_fonts={"fa-regular-400"})
    assert ".fa-bars:before,.fa-navicon:before" in pruned
    assert "fa-moon" not in pruned and ".fa-0:" not in pruned
    assert ".ttf" not in pruned and "fa-regular-400" not in pruned and "sourceMappingURL" not in pruned
    assert "--pst-icon-bell" in pruned and ".x:after" in pruned


def test_a_subset_font_holds_what_was_asked_and_is_the_same_bytes_every_build():
    solid = THEME_STATIC / WEBFONTS / SOLID
    bars, github = 0xF0C9, 0xF09B  # github is a brand: not in the solid font
    first = subset_font(solid, {bars, github})
    assert set(TTFont(io.BytesIO(first)).getBestCmap()) == {bars}
    assert subset_font(solid, {bars, github}) == first  # no timestamp: a rebuild changes nothing
    assert subset_font(solid, {github}) is None  # a font that holds none of them is dropped


class _IconElements(html.parser.HTMLParser):
    """Each element's class set, for elements that carry a Font Awesome icon class."""

    def __init__(self, icons):
        super().__init__()
        self.icons, self.found = icons, []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if classes & self.icons.keys():
            self.found.append(classes)


@pytest.fixture(scope="module")
def icons() -> dict[str, set[int]]:
    return icon_code_points((THEME_STATIC / STYLESHEET).read_text(encoding="utf-8"))


def _cmap(font: pathlib.Path) -> set[int]:
    return set(TTFont(font).getBestCmap()) if font.exists() else set()


@pytest.mark.build
def test_every_icon_on_every_page_is_in_the_font_that_draws_it(built_site, icons):
    fonts = built_site / "_static" / WEBFONTS
    pages, scripts, _ = pages_and_assets(built_site)
    elements = []
    for text in pages.values():
        parser = _IconElements(icons)
        parser.feed(text)
        elements += parser.found
    # Icons the theme's scripts insert at run time (the close button's fa-xmark).
    elements += [set(names) for script in scripts for names in icon_class_lists(script.read_text(encoding="utf-8"))]
    assert elements, "no icon found on any page: the scan is broken"
    missing = set()
    for classes in elements:
        font = next((STYLE_FONTS[style] for style in sorted(classes) if style in STYLE_FONTS), SOLID)
        for name in classes & icons.keys():
            missing |= {(name, hex(point), font) for point in icons[name] - _cmap(fonts / font)}
    assert missing == set(), "icons drawn as a missing-glyph box (class, code point, font)"


@pytest.mark.build
def test_icons_the_stylesheets_draw_are_in_the_subset_fonts(built_site):
    # Admonition titles, the "on this page" chevron: CSS content, not an icon class.
    fonts = built_site / "_static" / WEBFONTS
    _, _, stylesheets = pages_and_assets(built_site)
    drawn = set().union(*(stylesheet_code_points(path.read_text(encoding="utf-8")) for path in stylesheets))
    available = set().union(*(_cmap(font) for font in fonts.glob("*.woff2")))
    assert drawn, "no stylesheet icon found: the scan is broken"
    assert sorted(hex(point) for point in drawn - available) == []


@pytest.mark.build
def test_no_unused_icon_font_or_script_is_published(built_site):
    static = built_site / "_static"
    assert sorted(path.name for path in static.rglob("*.ttf")) == []
    assert not (static / "scripts" / "fontawesome.js").exists()
    woff2 = sum(path.stat().st_size for path in (static / WEBFONTS).glob("*.woff2"))
    assert woff2 < 20_000, f"icon fonts total {woff2} bytes: were they subset?"
