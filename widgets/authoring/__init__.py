"""Tools that check and build the course: never imported by the widgets a kernel loads.

- bank_checks, bank_rules: every question-bank check (JSON Schema with YAML lines, objectives
  against the chapter notebook and _toc.yml, review sections, bib keys, hotspot regions,
  repeats across banks), one message format: file:line: item: field: message (hint).
- blueprint: objective x Bloom level counts (CLI and the instructor guide).
- data_checks: the checks on the widgets' data files.
- cli: `python -m widgets.quizbank check|blueprint|export|import-jupyterquiz`.
- export_text, gift, interop (jupyterquiz), qti (Canvas, via text2qti), anki (via genanki):
  exports; jupyterquiz_import and html_to_markdown: jupyterquiz in.
- figures, drawings: deterministic figure export and the two drawings the widgets click on
  (used by images/make_*.py).
- widget_api: the widgets' traits as a Markdown table, for the instructor guide.
- shared_state: a built page's widget state with each shared piece (common.js, parts,
  stylesheets, the plate SVG) stored once; tools/sphinx_pages.py packs every page with it.
- sphinx_ext: the book build's extension (refuses broken banks, keeps widget state fresh,
  renders the widget API table).

These import jsonschema, nbformat, matplotlib, Sphinx, text2qti and genanki; `import widgets` must not
(tests/unit/test_imports.py checks it).
"""
