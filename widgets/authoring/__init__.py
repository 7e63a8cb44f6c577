"""Tools that check and build the course: never imported by the widgets a kernel loads.

- bank_checks: every question-bank check (JSON Schema with YAML lines, objectives against
  the chapter notebook, bib keys, hotspot regions), one message format: file:line: item: field.
- data_checks: the checks on the widgets' data files.
- cli: `python -m widgets.quizbank check|export|import-jupyterquiz`.
- interop: Moodle GIFT and jupyterquiz JSON, out and in.
- figures, drawings: deterministic figure export and the two drawings the widgets click on
  (used by images/make_*.py).
- widget_api: the widgets' traits as a Markdown table, for the instructor guide.
- sphinx_ext: the book build's extension (refuses broken banks, keeps widget state fresh,
  renders the widget API table).

These import jsonschema, nbformat, matplotlib and Sphinx; `import widgets` must not
(tests/unit/test_imports.py checks it).
"""
