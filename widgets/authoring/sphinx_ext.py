"""Sphinx extension for the course book.

- Refuses to build with a broken question bank or clinical case (the same checks as the CLI):
  it prints the problems and stops, with no Python traceback.
- Keeps executed widget state fresh: jupyter-cache keys notebooks on their code cells only,
  so a change to a widget's ES module, data or bank would otherwise leave the old widget in
  the page. When anything the widgets read changes, the cache is dropped and every page is
  read (and every notebook executed) again.
- Makes the bibliography valid ARIA: docutils wraps citations in role="list" but gives each
  entry role="doc-biblioentry", which is not a list item, so screen readers (and axe) see a
  list without items.
- Names code-cell toggles by what they show: myst-nb labels the <summary> of a hide-input
  cell "Toggle hidden content" while it reads "Show code cell source", and a spoken label
  that differs from the visible one fails WCAG 2.5.3 (axe: label-content-name-mismatch).
- Turns the chapters' author-year citation links into sphinxcontrib-bibtex citations
  (prose_links.py says why the chapters do not use the cite role).
- `widget-api` directive: the table of every widget's synced traits, from their help text.
- `quiz-blueprint` directive: objective x Bloom level counts of every bank (blueprint.py).
"""

import hashlib
import pathlib
import shutil
import sys

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..paths import BANK_DIR, BIB_FILE, IMAGES_DIR, PACKAGE_DIR, display_path
from ..quizbank import load_all_banks
from .bank_checks import check_banks
from .blueprint import blueprint_markdown
from .case_validation import check_cases
from .prose_links import setup_prose_links
from .widget_api import widget_api_markdown

# What a kernel's widgets read, plus this extension and the table it renders (the rest of
# widgets/authoring is not among them, so editing the CLI or the checks keeps the cache).
WIDGET_INPUTS = (
    "*.py",
    "quizbank/*.py",
    "static/*.js",
    "static/*.css",
    "data/*",
    "data/cases/*.yml",
    "runtime/*.js",
    "authoring/sphinx_ext.py",
    "authoring/shared_state.py",  # packs every page's widget state (tools/sphinx_pages.py)
    "authoring/widget_api.py",
    "authoring/blueprint.py",
)
STAMP_NAME = ".widgets-digest"


def widget_digest() -> str:
    files = [p for pattern in WIDGET_INPUTS for p in PACKAGE_DIR.glob(pattern) if p.is_file()]
    files += [*BANK_DIR.glob("*.yml"), *IMAGES_DIR.glob("*.svg"), BIB_FILE]
    # The space pages reserve for each widget is written into every page at build, so a change
    # to it must rewrite the pages too (it is a repository file, absent from an installed wheel).
    files += [path for path in [PACKAGE_DIR.parent / "tools" / "widget_space.yml"] if path.exists()]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(display_path(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _stamp_path(app) -> pathlib.Path:
    return pathlib.Path(app.outdir).parent / STAMP_NAME


def _check_banks(app, config):
    """Stop before anything is read or the execution cache dropped, with the problems only.

    An exception would reach jupyter-book, which re-raises it as a RuntimeError with a Python
    traceback around the bank messages; SystemExit passes Sphinx's handlers and ends quietly.
    """
    problems = check_banks() + check_cases()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(
            f"{len(problems)} problem(s) in the question banks or clinical cases: the book was not built. "
            "Fix them (python -m widgets.quizbank check lists them) and build again.",
            file=sys.stderr,
        )
        raise SystemExit(1)


def _refresh_widgets(app, config):
    stamp = _stamp_path(app)
    # Hashed once, before the build reads anything, and recorded only if the build succeeds.
    app.course_widget_digest = widget_digest()
    app.course_widgets_changed = not stamp.exists() or stamp.read_text() != app.course_widget_digest
    if app.course_widgets_changed:
        shutil.rmtree(pathlib.Path(app.outdir).parent / ".jupyter_cache", ignore_errors=True)


def _outdated_pages(app, env, added, changed, removed):
    if not app.course_widgets_changed:
        return []
    # Every page, not only notebooks: this module's own page transforms may have changed too.
    return sorted(env.found_docs)


def _record_digest(app, exception):
    if exception is None:
        _stamp_path(app).write_text(app.course_widget_digest)


HIDDEN_CELL_TOGGLE = '<summary aria-label="Toggle hidden content">'


def _accessible_markup(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    if "citation-list" in body:
        body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    context["body"] = body.replace(HIDDEN_CELL_TOGGLE, "<summary>")


class GeneratedMarkdownDirective(SphinxDirective):
    """Renders `generate()` in place (parsed as MyST Markdown in a MyST page)."""

    def generate(self) -> str:
        raise NotImplementedError

    def run(self):
        container = nodes.container()
        self.state.nested_parse(StringList(self.generate().splitlines(), self.name), 0, container)
        return container.children


class WidgetApiDirective(GeneratedMarkdownDirective):
    def generate(self) -> str:
        return widget_api_markdown()


class BlueprintDirective(GeneratedMarkdownDirective):
    def generate(self) -> str:
        return blueprint_markdown(load_all_banks())


def setup(app):
    app.add_directive("widget-api", WidgetApiDirective)
    app.add_directive("quiz-blueprint", BlueprintDirective)
    # Banks first (priority below the default 500): a broken bank must not cost the cache.
    app.connect("config-inited", _check_banks, priority=100)
    app.connect("config-inited", _refresh_widgets)
    app.connect("env-get-outdated", _outdated_pages)
    app.connect("build-finished", _record_digest)
    app.connect("html-page-context", _accessible_markup)
    setup_prose_links(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
