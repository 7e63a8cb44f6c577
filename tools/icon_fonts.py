"""Sphinx extension: the theme's Font Awesome icons cut down to the glyphs the built pages use.

pydata-sphinx-theme ships Font Awesome's solid, regular and brands web fonts (about 300 KB of
woff2; a page downloads the two it draws from, 270 KB) and a stylesheet with a rule for each of
Font Awesome's ~1,900 icon classes (20 KB of every page's 66 KB of theme CSS, gzip), while a
page shows a dozen icons. When the build finishes this writes, from the theme's own files:

- each woff2 font subset (fontTools) to the code points the pages use; a font that holds none
  of them is removed with its @font-face rule;
- the theme stylesheet with only the icon-class rules of the icons used, and @font-face rules
  without the truetype fallback (every browser the theme supports reads woff2);

and removes the .ttf copies and fontawesome.js, which no page loads
(_templates/static/webpack-macros.html drops the script).

Icons used = the `fa-*` classes in every built page and in every script a page loads (the theme
adds `fa-xmark` at run time), plus every private-use code point that a stylesheet a page loads
sets outside the icon-class rules (admonition icons, the "on this page" chevron).

It always starts from the theme's originals, so a rebuild that needs a new icon gets it even
when Sphinx did not copy the theme's files again. Build-time only: never imported by a kernel.
"""

from __future__ import annotations

import html.parser
import io
import pathlib
import re

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
STYLESHEET = "styles/pydata-sphinx-theme.css"  # relative to the theme's static folder
WEBFONTS = "vendor/fontawesome/webfonts"
UNLOADED_SCRIPTS = ("scripts/fontawesome.js", "scripts/fontawesome.js.map", "scripts/fontawesome.js.LICENSE.txt")
# `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`: one icon and its aliases.
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"([^"]*)"\}')
ICON_CLASS = re.compile(r"\.fa-([a-z0-9-]+):")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")
# Font Awesome's glyphs live in Unicode's private use area (U+E000-U+F8FF).
PRIVATE_USE = re.compile(r"\\[eEfF][0-9a-fA-F]{3}\b ?|[\ue000-\uf8ff]")
FA_TOKEN = re.compile(r"\bfa-[a-z0-9-]+")
# A quoted string that names Font Awesome classes: an HTML class attribute or a JS literal.
QUOTED = re.compile(r"""["']([^"'\n]*\bfa-[a-z0-9-]+[^"'\n]*)["']""")
TRUETYPE_SOURCE = re.compile(r',url\([^)]*\.ttf\) format\("truetype"\)')
FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def decode_css_string(value: str) -> str:
    """`\\f0c9` -> U+F0C9, `\\30 ` -> "0": the characters a CSS `content` string draws."""
    return CSS_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value)


def icon_code_points(css: str) -> dict[str, set[int]]:
    """Icon class (`fa-bars`, and each alias such as `fa-navicon`) -> the code points it draws."""
    icons: dict[str, set[int]] = {}
    for selectors, content in ICON_RULE.findall(css):
        code_points = {ord(char) for char in decode_css_string(content)}
        for name in ICON_CLASS.findall(selectors):
            icons.setdefault(f"fa-{name}", set()).update(code_points)
    return icons


def stylesheet_code_points(css: str) -> set[int]:
    """Private-use code points a stylesheet draws outside the icon-class rules (its own icons)."""
    rest = ICON_RULE.sub("", css)
    return {ord(decode_css_string(found.strip())) for found in PRIVATE_USE.findall(rest)}


def icon_class_lists(text: str) -> list[list[str]]:
    """The class lists naming Font Awesome icons in a page or script, one per element."""
    # A widget's ES module travels as a JSON string in the page, its quotes escaped as \".
    return [match.replace("\\", " ").split() for match in QUOTED.findall(text) if FA_TOKEN.search(match)]


class _AssetLinks(html.parser.HTMLParser):
    """The scripts and stylesheets a page loads (src/href as written)."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])
        elif tag == "link" and attributes.get("rel") == "stylesheet" and attributes.get("href"):
            self.stylesheets.append(attributes["href"])


def _local_file(page: pathlib.Path, reference: str, outdir: pathlib.Path) -> pathlib.Path | None:
    path = (page.parent / reference.split("?")[0].split("#")[0]).resolve()
    return path if path.is_file() and outdir.resolve() in path.parents else None


def pages_and_assets(outdir: pathlib.Path) -> tuple[dict[pathlib.Path, str], set[pathlib.Path], set[pathlib.Path]]:
    """Every built page's text, and the local scripts and stylesheets the pages load."""
    pages, scripts, stylesheets = {}, set(), set()
    for page in outdir.rglob("*.html"):
        if {"_static", "_sources"} & set(page.relative_to(outdir).parts):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        pages[page] = text
        links = _AssetLinks()
        links.feed(text)
        scripts |= {path for src in links.scripts if (path := _local_file(page, src, outdir))}
        stylesheets |= {path for href in links.stylesheets if (path := _local_file(page, href, outdir))}
    return pages, scripts, stylesheets


def used_icons(outdir: pathlib.Path, icons: dict[str, set[int]]) -> tuple[set[str], set[int]]:
    """(icon classes used, every code point the pages can draw from the icon fonts)."""
    pages, scripts, stylesheets = pages_and_assets(outdir)
    texts = list(pages.values()) + [path.read_text(encoding="utf-8", errors="replace") for path in scripts]
    classes = {name for text in texts for names in icon_class_lists(text) for name in names if name in icons}
    code_points = set().union(*(icons[name] for name in classes))
    for stylesheet in stylesheets:
        css = stylesheet.read_text(encoding="utf-8", errors="replace")
        code_points |= stylesheet_code_points(css)
    return classes, code_points


def prune_stylesheet(css: str, classes: set[str], dropped_fonts: set[str]) -> str:
    """The theme CSS with only the used icons' rules, no truetype fallback, no dropped font."""

    def keep_used(match):
        return match.group(0) if {f"fa-{name}" for name in ICON_CLASS.findall(match.group(1))} & classes else ""

    def keep_face(match):
        return "" if any(name in match.group(0) for name in dropped_fonts) else match.group(0)

    css = ICON_RULE.sub(keep_used, css)
    css = FONT_FACE.sub(keep_face, TRUETYPE_SOURCE.sub("", css))
    # The source map describes the unpruned file; a map that lies is worse than none.
    return SOURCE_MAP.sub("", css)


def subset_font(source: pathlib.Path, code_points: set[int]) -> bytes | None:
    """The woff2 font cut to the code points it holds, or None when it holds none of them."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source, recalcTimestamp=False)  # the same glyphs give the same bytes, build after build
    kept = code_points & set(font.getBestCmap())
    if not kept:
        return None
    options = subset.Options()
    options.flavor = "woff2"  # needs brotli (pyproject's book extra)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(kept))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def theme_static(app) -> pathlib.Path | None:
    """The static folder of the theme that ships the icon fonts (pydata-sphinx-theme)."""
    theme = getattr(app.builder, "theme", None)  # HTML builders only
    for theme_dir in theme.get_theme_dirs() if theme else []:
        static = pathlib.Path(theme_dir) / "static"
        if (static / STYLESHEET).is_file() and (static / WEBFONTS).is_dir():
            return static
    return None


def _write_if_changed(path: pathlib.Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def slim_icon_fonts(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source = theme_static(app)
    if source is None:
        LOGGER.info("icon_fonts: no pydata-sphinx-theme static folder found; icon fonts left whole")
        return
    outdir = pathlib.Path(app.outdir)
    target = outdir / "_static"
    original_css = (source / STYLESHEET).read_text(encoding="utf-8")
    icons = icon_code_points(original_css)
    classes, code_points = used_icons(outdir, icons)
    dropped: set[str] = set()
    before = after = 0
    for font in sorted((source / WEBFONTS).glob("*.woff2")):
        written = target / WEBFONTS / font.name
        subset = subset_font(font, code_points)
        before += font.stat().st_size
        if subset is None:
            dropped.add(font.name)
            written.unlink(missing_ok=True)
            continue
        _write_if_changed(written, subset)
        after += len(subset)
    for path in [*(target / WEBFONTS).glob("*.ttf"), *(target / name for name in UNLOADED_SCRIPTS)]:
        path.unlink(missing_ok=True)
    css = prune_stylesheet(original_css, classes, {name.rsplit(".", 1)[0] for name in dropped})
    _write_if_changed(target / STYLESHEET, css.encode("utf-8"))
    LOGGER.info(
        f"icon_fonts: {len(classes)} icon classes, {len(code_points)} glyphs; "
        f"woff2 {before // 1000} KB -> {after // 1000} KB; dropped {', '.join(sorted(dropped)) or 'no font'}"
    )


def setup(app):
    # After sphinx_pages' own build-finished hooks (default priority 500); the pages are final then.
    app.connect("build-finished", slim_icon_fonts, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
