"""Sphinx extension for the published pages' furniture (loaded through `local_extensions`).

- The course title lives in one place, `_config.yml: title`: the landing page heading uses the
  `{{ course_title }}` substitution and `{title}` in `author` is filled in from it.
- While `repository.url` is the placeholder, every build prints a visible message (not a Sphinx
  warning, so the strict build still passes): the launch and repository buttons point nowhere.
- Widgets are drawn by the static loader after the page has painted. Their output box gets a
  min-height from the widget's own embedded state (tools/widget_space.yml), so text below them
  does not jump when they appear (cumulative layout shift).
- Each piece of widget state that several widgets share (common.js, shared parts and styles,
  the plate SVG) is stored once per page (widgets/authoring/shared_state.py).
- A hidden code cell's toggle is named by its visible text.
- One viewport tag: docutils adds one to `metatags`; the theme's layout adds the one kept.
- The book's own CSS (`_assets/`) is copied on every build, even when no page changed.
- `index.html`, the redirect to the landing page, declares the favicon (no /favicon.ico 404).
"""

from __future__ import annotations

import html
import json
import pathlib
import re
import shutil

import yaml
from sphinx.util import logging
from sphinx.util.console import bold, red

from widgets.authoring import shared_state

LOGGER = logging.getLogger(__name__)
PLACEHOLDER_REPOSITORY = "github.com/example-org/"
SPACE = yaml.safe_load((pathlib.Path(__file__).with_name("widget_space.yml")).read_text(encoding="utf-8"))
STATE_TYPE = "application/vnd.jupyter.widget-state+json"
OUTPUT_WITH_VIEW = re.compile(
    r'<div class="cell_output docutils container">(\s*<script type="application/vnd\.jupyter\.widget-view\+json">'
    r"(\{.*?\})</script>)",
    re.S,
)
VIEWPORT_META = re.compile(r'\s*<meta name="viewport"[^>]*>')
TAG = re.compile(r"<[^>]+>")
# myst-nb's toggle for a hide-input cell is named "Toggle hidden content" while it shows "Show
# code cell source" (WCAG 2.5.3, axe label-content-name-mismatch); its visible text is the name.
HIDDEN_CODE_LABEL = '<summary aria-label="Toggle hidden content">'


def _fill_in_title(app, config):
    title = config.html_title or config.project
    config.myst_substitutions = {**(config.myst_substitutions or {}), "course_title": title}
    if "{title}" in (config.author or ""):
        config.author = config.author.replace("{title}", title)
        config.html_context = {**(config.html_context or {}), "author": config.author}
    repository = (config.html_theme_options or {}).get("repository_url", "")
    if PLACEHOLDER_REPOSITORY in repository:
        LOGGER.info(
            bold(
                red(
                    f"NOTE: repository.url in _config.yml is still the placeholder {repository}; "
                    "the launch, repository and issue buttons point there. Set it to your fork "
                    "(instructor guide, 'Set your repository URL')."
                )
            )
        )


def _text_length(html: str) -> int:
    return len(TAG.sub("", html))


def reserved_height(class_name: str, state: dict, width: str) -> int | None:
    """Pixels to reserve for one widget at 'wide' or 'narrow' width, or None for an unknown one."""
    rule = (SPACE.get(class_name) or {}).get(width)
    if isinstance(rule, (int, float)) or rule is None:
        return rule
    if "per_case" in rule:
        return round(rule["per_case"] * len(state.get("cases") or []))
    items = state.get("items") or []
    if state.get("layout") == "paged":
        items = items[:1]
    options = sum(len(item.get("options") or []) or 1 for item in items)
    chars = sum(
        _text_length(item.get("prompt_html", "")) + sum(len(o) for o in item.get("options") or []) for item in items
    )
    return round(rule["per_item"] * len(items) + rule["per_option"] * options + rule["per_char"] * chars)


def _page_widget_state(context) -> dict:
    for script in context.get("script_files", []):
        attributes = getattr(script, "attributes", {}) or {}
        if attributes.get("type") == STATE_TYPE and attributes.get("body"):
            return json.loads(attributes["body"]).get("state", {})
    return {}


def _pack_page_widget_state(context) -> None:
    """Store each piece the page's widgets share once (widgets/authoring/shared_state.py). The script is
    replaced, not edited: Sphinx may hand the same object to another page."""
    scripts = context.get("script_files", [])
    for index, script in enumerate(scripts):
        attributes = getattr(script, "attributes", {}) or {}
        if attributes.get("type") == STATE_TYPE and attributes.get("body"):
            # As myst-nb writes it: a "</script>" inside the JSON must not end the tag.
            body = json.dumps(shared_state.pack(json.loads(attributes["body"])))
            body = body.replace("</script>", r"<\/script>")
            scripts[index] = type(script)(script.filename, priority=script.priority, **{**attributes, "body": body})


def _reserve_widget_space(body: str, models: dict) -> str:
    def annotate(match):
        model = models.get(json.loads(match.group(2)).get("model_id"), {}).get("state", {})
        class_name = str(model.get("_anywidget_id", "")).rsplit(".", 1)[-1]
        wide, narrow = (reserved_height(class_name, model, width) for width in ("wide", "narrow"))
        if not wide:
            return match.group(0)
        return (
            f'<div class="cell_output docutils container npc-reserve" '
            f'style="--npc-reserve-wide: {wide}px; --npc-reserve-narrow: {narrow or wide}px">{match.group(1)}'
        )

    return OUTPUT_WITH_VIEW.sub(annotate, body)


def _furnish_page(app, pagename, templatename, context, doctree):
    context["metatags"] = VIEWPORT_META.sub("", context.get("metatags", ""))
    if "body" in context:
        context["body"] = context["body"].replace(HIDDEN_CODE_LABEL, "<summary>")
    models = _page_widget_state(context)
    if models and "body" in context:
        context["body"] = _reserve_widget_space(context["body"], models)
    if models:
        _pack_page_widget_state(context)


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="_static/{favicon}">
<link rel="canonical" href="{root}.html">
<meta http-equiv="Refresh" content="0; url={root}.html">
</head>
<body><p><a href="{root}.html">{title}</a></p></body>
</html>
"""


def _write_redirect_page(app, exception):
    """index.html as a real page: without an icon link, every visit to it requested /favicon.ico
    (a 404). sphinx-external-toc writes a bare redirect only when none exists; this replaces it."""
    if exception is not None or "html" not in app.builder.format or app.config.root_doc == "index":
        return
    favicon = pathlib.PurePosixPath(app.config.html_favicon or "").name
    page = REDIRECT_PAGE.format(
        title=html.escape(app.config.html_title or app.config.project), root=app.config.root_doc, favicon=favicon
    )
    (pathlib.Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def _copy_book_assets(app, exception):
    """Sphinx copies static files only when some page is rewritten, so an edit to the book CSS
    alone (no page changed) would never reach the site or the tests. Copy them every build."""
    if exception is not None or "html" not in app.builder.format:
        return
    assets = pathlib.Path(app.srcdir) / "_assets"
    for path in assets.glob("*"):
        if path.is_file():
            shutil.copyfile(path, pathlib.Path(app.outdir) / "_static" / path.name)


def setup(app):
    app.connect("build-finished", _write_redirect_page, priority=900)
    app.connect("build-finished", _copy_book_assets)
    # Before myst reads its substitutions at its own config-inited handler.
    app.connect("config-inited", _fill_in_title, priority=100)
    app.connect("html-page-context", _furnish_page)
    # Bump env_version when this module changes what it writes: Sphinx then rebuilds every page.
    return {"env_version": 3, "parallel_read_safe": True, "parallel_write_safe": True}
