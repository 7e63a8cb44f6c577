# One target per job. `make book` and `make test` are the two commands in the README.
VENV    := .venv
PY      := $(VENV)/bin/python
JB      := $(VENV)/bin/jupyter-book
BUILD   := _build/html
PIP_OPT := --quiet --disable-pip-version-check
# Builds and tests never read or write anyone's own review progress (see widgets/review_deck.py);
# `lab` is left out on purpose: a student's progress is saved where the README says.
book test test-fast notebooks bench pdf: export NPC_REVIEW_FILE :=

.PHONY: book test test-fast lab clean notebooks figures vendor bench pdf pdf-instructor check-banks

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install $(PIP_OPT) --upgrade pip

# Stamps re-install only when pyproject.toml changes, which keeps a no-change rebuild fast.
$(VENV)/.book-installed: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_OPT) -e ".[book]"
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.book-installed
	$(PY) -m pip install $(PIP_OPT) -e ".[book,lab,test]"
	touch $@

# A student's install: the widgets package, JupyterLab, jupyterlab-myst and Notebook 7 only.
$(VENV)/.lab-installed: pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_OPT) -e ".[lab]"
	touch $@

book: $(VENV)/.book-installed
	$(JB) build . --warningiserror --nitpick --keep-going --builder html
	@echo "Book built: open $(BUILD)/index.html (or: $(PY) -m http.server -d $(BUILD))"

# biome (JavaScript and CSS lint and format), pinned in package.json / package-lock.json.
node_modules/.bin/biome: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test: $(VENV)/.test-installed node_modules/.bin/biome
	$(PY) -m pytest tests chapters --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

# The inner loop: unit tests, lint, the wheel check and nbval, without the book build or a browser.
test-fast: $(VENV)/.test-installed node_modules/.bin/biome
	$(PY) -m pytest tests chapters --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg -m "not browser and not build"

# Rooted at the repository so the chapters' ../images figures and references.bib are served.
lab: $(VENV)/.lab-installed
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/chapters

# Re-run every chapter top to bottom in a fresh kernel and save outputs (what nbval compares).
notebooks: $(VENV)/.test-installed
	$(PY) -m widgets.notebooks chapters/*.ipynb chapters/cases/*.ipynb chapters/appendix/*.ipynb

figures: $(VENV)/.book-installed
	for script in images/make_*.py; do $(PY) $$script || exit 1; done

check-banks: $(VENV)/.book-installed
	$(PY) -m widgets.quizbank check

vendor: $(VENV)/.book-installed
	$(PY) -m tools.vendor

# Also writes its summary into the README's performance section.
bench: $(VENV)/.test-installed
	$(PY) -m tools.bench --readme README.md

# Both write to _build/pdf/, named after _config.yml's title; the second has "instructor" in its name.
pdf: $(VENV)/.test-installed book
	$(PY) -m tools.print_pdf $(BUILD) _build/pdf --edition student

pdf-instructor: $(VENV)/.test-installed book
	$(PY) -m tools.print_pdf $(BUILD) _build/pdf --edition instructor

clean:
	rm -rf _build build .pytest_cache
