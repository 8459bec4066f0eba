# One command to build the book, one to run every test. Both create .venv from
# requirements.txt on first use (Python 3.11 and make are all a machine needs).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST := $(BIN)/python -m pytest

.PHONY: help venv book test test-quick test-notebooks lint clean lock bench feedback

help:
	@echo "make book        build the book into _build/html (executes every chapter, cached)"
	@echo "make test        run the whole test suite (lint, unit, notebooks, grading, browser)"
	@echo "make test-quick  run the unit tests only (about a minute)"
	@echo "make bench       time training, optimizers, book build and grading; writes bench/RESULTS.md"
	@echo "make feedback    how many wrong submissions get a hint naming their mistake (seconds)"
	@echo "make clean       remove _build/, release/ and exercises/ (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 not found: install it or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77"
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

venv: $(STAMP)

book: $(STAMP)
	$(BIN)/python -m tools.release --book
	@# Executed chapters are cached by their own code; a change to gdlib must re-run them too.
	@h=$$(find gdlib -name "*.py" | sort | xargs cat | sha256sum | cut -c1-16); \
	if [ "$$(cat _build/.gdlib-hash 2>/dev/null)" != "$$h" ]; then \
		rm -rf _build/.jupyter_cache _build/.doctrees; mkdir -p _build; echo $$h > _build/.gdlib-hash; fi
	GDLIB_STATIC=1 $(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

lint: $(STAMP)
	$(BIN)/ruff check .

test-quick: $(STAMP)
	$(PYTEST) tests -q -n 2 -p no:cacheprovider \
		--ignore=tests/book --ignore=tests/grading --ignore=tests/browser --ignore=tests/pdf \
		--cov=gdlib --cov-report=term-missing:skip-covered --cov-fail-under=95

test-notebooks: $(STAMP)
	GDLIB_STATIC=1 $(PYTEST) --nbval-lax chapters -q -n 2 --dist loadfile -p no:cacheprovider

test: $(STAMP) lint test-quick test-notebooks book
	$(PYTEST) tests/book tests/grading tests/browser -q -n 2 -p no:cacheprovider

bench: $(STAMP)
	-$(BIN)/python -m bench.feedback
	bash bench/run.sh

feedback: $(STAMP)
	$(BIN)/python -m bench.feedback

clean:
	rm -rf _build release exercises

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements.in
	{ head -2 requirements.txt; $(BIN)/python -m pip freeze --exclude-editable; } > requirements.txt.new
	mv requirements.txt.new requirements.txt

# The whole book as one PDF: Sphinx's LaTeX through XeLaTeX, with Noto CJK for the glossary's
# Chinese terms. TeX and the fonts come from Debian; this target says what is missing.
PDF      := $(shell sed -n 's/^ *targetname: *\(.*\)\.tex$$/\1.pdf/p' _config.yml)
PDF_DEBS := texlive-xetex texlive-fonts-recommended texlive-lang-chinese latexmk fontconfig \
            fonts-noto-cjk fonts-freefont-otf fonts-dejavu-core

.PHONY: pdf pdf-debs
pdf-debs:  # the Debian packages make pdf needs, for scripts (.ci/run)
	@echo $(PDF_DEBS)

pdf: $(STAMP)
	@missing=""; \
	for tool in xelatex latexmk kpsewhich fc-list; do \
		command -v $$tool >/dev/null 2>&1 || missing="$$missing $$tool"; done; \
	for file in xeCJK.sty ctexhook.sty fncychap.sty unicode-math.sty pzdr.tfm; do \
		kpsewhich $$file >/dev/null 2>&1 || missing="$$missing $$file"; done; \
	for font in "Noto Serif CJK SC" "Noto Sans CJK SC" FreeSerif "DejaVu Sans Mono"; do \
		fc-list "$$font" 2>/dev/null | grep -q . || missing="$$missing '$$font'"; done; \
	if [ -n "$$missing" ]; then \
		echo "make pdf needs TeX and fonts from Debian; missing:$$missing. Install them with"; \
		echo "  sudo apt-get install --no-install-recommends $(PDF_DEBS)"; exit 1; fi
	$(MAKE) --no-print-directory book
	GDLIB_STATIC=1 $(BIN)/jupyter-book build . --builder pdflatex --warningiserror --nitpick --keep-going
	cp _build/latex/$(PDF) _build/html/$(PDF)
	@echo "PDF: _build/latex/$(PDF) ($$(pdfinfo _build/latex/$(PDF) 2>/dev/null | sed -n 's/^Pages: *//p') pages), also in _build/html/"
