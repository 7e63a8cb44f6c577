"""Sphinx extension for the course book.

- Refuses to build with a broken question bank or clinical case (the same checks as the CLI).
- Keeps executed widget state fresh: jupyter-cache keys notebooks on their code cells only,
  so a change to a widget's ES module, data or bank would otherwise leave the old widget in
  the page. When anything the widgets read changes, the cache is dropped and every page is
  read (and every notebook executed) again.
- Makes the bibliography valid ARIA: docutils wraps citations in role="list" but gives each
  entry role="doc-biblioentry", which is not a list item, so screen readers (and axe) see a
  list without items.
"""
import hashlib
import pathlib
import shutil

from sphinx.errors import ExtensionError

from ._base import COURSE_ROOT, PACKAGE_DIR
from .case_validation import check_cases
from .quizbank import BANK_DIR, check_banks

WIDGET_INPUTS = ("*.py", "static/*.js", "static/*.css", "data/*", "data/cases/*.yml", "runtime/*.js")
STAMP_NAME = ".widgets-digest"


def widget_digest() -> str:
    files = [p for pattern in WIDGET_INPUTS for p in PACKAGE_DIR.glob(pattern) if p.is_file()]
    files += list(BANK_DIR.glob("*.yml")) + list((COURSE_ROOT / "images").glob("*.svg"))
    files.append(COURSE_ROOT / "references.bib")
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(COURSE_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _stamp_path(app) -> pathlib.Path:
    return pathlib.Path(app.outdir).parent / STAMP_NAME


def _check_banks(app):
    problems = check_banks() + check_cases()
    if problems:
        raise ExtensionError("Broken question bank(s) or case(s):\n" + "\n".join(problems))


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


def _bibliography_as_list_items(app, pagename, templatename, context, doctree):
    if "citation-list" in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("config-inited", _refresh_widgets)
    app.connect("builder-inited", _check_banks)
    app.connect("env-get-outdated", _outdated_pages)
    app.connect("build-finished", _record_digest)
    app.connect("html-page-context", _bibliography_as_list_items)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
