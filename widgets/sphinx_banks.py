"""Sphinx extension: the book build refuses to publish a broken question bank."""
from sphinx.errors import ExtensionError

from .quizbank import check_banks


def _check(app):
    problems = check_banks()
    if problems:
        raise ExtensionError("Broken question bank(s):\n" + "\n".join(problems))


def setup(app):
    app.connect("builder-inited", _check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
