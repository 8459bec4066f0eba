# One command to build the book, one to run every test (README). Python 3.11 and make are all a
# Debian machine needs: .venv is installed from the lock on first use, and make test installs
# what its tests need from Debian when the user can (root, passwordless sudo), else says how.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST := $(BIN)/python -m pytest -p no:cacheprovider
# the PDF that make pdf builds, named after the LaTeX document in _config.yml
PDF    := $(shell sed -n 's/^ *targetname: *\(.*\)\.tex$$/\1.pdf/p' _config.yml)

.PHONY: help venv book pdf test test-quick test-notebooks lint debs pdf-debs lock dist \
        bench feedback clean

help:
	@echo "make book            build the book into _build/html (executes every chapter, cached)"
	@echo "make test            every test: lint, unit, notebooks, book, grading, browser, PDF;"
	@echo "                     builds the book and its PDF, installs what the tests need from"
	@echo "                     Debian (or stops at once with the command to run)"
	@echo "make test-quick      the unit tests: gdlib and the notebook tools (under a minute)"
	@echo "make test-notebooks  every chapter under nbval (its stored outputs must come out again)"
	@echo "make lint            ruff"
	@echo "make pdf             the whole book as one PDF, _build/latex/$(PDF) (XeLaTeX)"
	@echo "make debs            install what make test needs from Debian, or print the command"
	@echo "make pdf-debs        list the Debian packages make pdf needs"
	@echo "make venv            create .venv from the lock (requirements.txt), then the package"
	@echo "make lock            resolve pyproject.toml and requirements.in into requirements.txt"
	@echo "make dist            build the wheel into _build/dist/ (what a release attaches)"
	@echo "make bench           time training, optimizers, book build and grading (bench/RESULTS.md)"
	@echo "make feedback        how many wrong submissions get a hint naming their mistake (minutes)"
	@echo "make clean           remove _build/, release/ and exercises/ (keeps .venv)"

# The lock in hash-checking mode (every file checked against requirements.txt), then the
# project itself, editable, built by the lock's setuptools: nothing unpinned is downloaded.
$(STAMP): requirements.txt pyproject.toml setup.py
	@test -n "$(PYTHON)" && $(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "Python 3.11 not found: install it or run make PYTHON=/path/to/python3.11"; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

venv: $(STAMP)

book: $(STAMP)
	$(BIN)/python -m tools.release --book
	@# Executed chapters are cached by their own code; a change to gdlib must re-run them too.
	@h=$$(find gdlib -name "*.py" | sort | xargs cat | sha256sum | cut -c1-16); \
	if [ "$$(cat _build/.gdlib-hash 2>/dev/null)" != "$$h" ]; then \
		rm -rf _build/.jupyter_cache _build/.doctrees; mkdir -p _build; echo $$h > _build/.gdlib-hash; fi
	GDLIB_STATIC=1 $(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

# The whole book as one PDF: Sphinx's LaTeX through XeLaTeX, with Noto CJK for the glossary's
# Chinese terms. TeX and the fonts come from Debian (tools/debs.sh names them).
pdf: $(STAMP)
	@tools/debs.sh ensure pdf
	+$(MAKE) --no-print-directory book
	GDLIB_STATIC=1 $(BIN)/jupyter-book build . --builder pdflatex --warningiserror --nitpick --keep-going
	cp _build/latex/$(PDF) _build/html/$(PDF)
	@echo "PDF: _build/latex/$(PDF) ($$(pdfinfo _build/latex/$(PDF) 2>/dev/null | sed -n 's/^Pages: *//p') pages), also in _build/html/"

pdf-debs:  # the Debian packages make pdf needs, for scripts (pages.yml)
	@tools/debs.sh list pdf

debs:
	@tools/debs.sh ensure test

lint: $(STAMP)
	$(BIN)/ruff check .

test-quick: $(STAMP)
	$(PYTEST) tests -q -n 2 \
		--ignore=tests/book --ignore=tests/grading --ignore=tests/browser --ignore=tests/pdf \
		--cov=gdlib --cov-report=term-missing:skip-covered --cov-fail-under=95

test-notebooks: $(STAMP)
	GDLIB_STATIC=1 $(PYTEST) --nbval-lax chapters -q -n 2 --dist loadfile

# debs comes first: a machine without Chromium stops here, not after minutes of other tests.
# The chapters under nbval and the PDF's build run side by side (LaTeX keeps one core busy, so
# the pair takes a fifth less than one after the other); each one's output is shown when it ends.
# Then the longest tests (grading) are handed out first, and an idle worker takes queued tests
# from the other (worksteal), so neither core waits at the end.
test: debs $(STAMP) lint test-quick
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-notebooks pdf
	$(PYTEST) tests/grading tests/browser tests/book tests/pdf -q -n 2 --dist worksteal

# Resolves the package with its extras (pyproject.toml) and the book and development tools
# (requirements.in) for Python 3.11 on Linux, as of [tool.uv] exclude-newer in pyproject.toml:
# the same inputs give the same file on any machine and any day. uv comes from the lock itself.
# An unchanged lock is left untouched, so that .venv is not reinstalled for nothing.
lock:
	@test -x $(BIN)/uv || $(MAKE) --no-print-directory venv
	$(BIN)/uv pip compile pyproject.toml requirements.in --all-extras --upgrade --generate-hashes \
		--python-version 3.11 --python-platform x86_64-manylinux_2_28 \
		--custom-compile-command "make lock" --quiet --output-file $(VENV)/requirements.txt
	@if cmp -s $(VENV)/requirements.txt requirements.txt; then rm $(VENV)/requirements.txt; \
		echo "requirements.txt: unchanged"; \
	else mv $(VENV)/requirements.txt requirements.txt; echo "requirements.txt: written"; fi

dist: $(STAMP)
	rm -rf _build/dist
	$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir _build/dist .
	rm -rf build *.egg-info  # setuptools leaves these in the tree; a stale one shadows the version
	@ls _build/dist/*.whl

bench: $(STAMP)
	-$(BIN)/python -m bench.feedback
	bash bench/run.sh

feedback: $(STAMP)
	$(BIN)/python -m bench.feedback

clean:
	rm -rf _build release exercises build *.egg-info
