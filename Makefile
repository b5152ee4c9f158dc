# One entry point for a fresh Debian/Ubuntu machine: `make run` starts the workstation,
# `make test` runs the whole suite. Both install whatever is missing first, and are safe to
# run again.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# System packages the program and its tests use: OCR (tesseract + the Vietnamese model, and
# what building the tesserocr binding against that same Tesseract needs: its headers,
# pkg-config, a C++ compiler and Python's headers), PDF rasterising and inspection
# (poppler-utils, qpdf), scanning (sane-utils), QR decoding (libzbar0, and zbar-tools to read
# codes back in tests), EPUB validation (epubcheck), fonts with Vietnamese glyphs, and the
# libraries Qt needs for an offscreen window.
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie libtesseract-dev libleptonica-dev pkg-config \
	g++ poppler-utils qpdf sane-utils libzbar0 zbar-tools epubcheck fonts-dejavu-core libegl1 \
	libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 make libxcb-cursor0 libxkbcommon-x11-0 \
	libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 xvfb xauth

.PHONY: setup system-packages run test test-fast lint clean-venv bench-setup translations screenshots

# The window's translations: .ts sources (kept in git) built into .qm files.
TRANSLATIONS := $(wildcard resources/translations/*.ts)
# Qt's own words (standard buttons, message boxes, file dialogs) where Qt ships no translation.
QT_TRANSLATIONS := $(wildcard resources/translations/qt/*.ts)

setup: system-packages $(VENV)/.installed $(TRANSLATIONS:.ts=.qm) $(QT_TRANSLATIONS:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing a string in ui/: refresh the .ts sources, then translate what is new.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -silent -no-obsolete -locations none ui/*.py ui/operations/*.py \
		-source-language en -ts $(TRANSLATIONS)

system-packages:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv python3-pip"; \
	$(PYTHON) -c 'import os, sysconfig; assert os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' \
		2>/dev/null || missing="$$missing python3-dev"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-binary tesserocr -e '.[dev]'
	@touch $@

# The workstation window on the default library; on an empty library it offers to load the
# bundled sample pages.
run: setup
	$(BIN)/digitizer gui

# The pictures of the window in docs/screenshots/, on a virtual screen.
screenshots: setup
	xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python docs/screenshots/make_screenshots.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup lint
	$(BIN)/python -m pytest -n 2 -q

# A quick loop while working: the tests marked slow (real OCR of many pages, crashes, full
# disks, long soaks) left out. `make test` stays the whole suite, as CI runs it.
test-fast: setup
	$(BIN)/python -m pytest -n 2 -q -m "not slow"

# The peers the benchmarks in bench/ run side by side with ours (OCRmyPDF needs Ghostscript).
bench-setup: setup
	@dpkg-query -W -f='$${Status}' ghostscript 2>/dev/null | grep -q "install ok installed" || \
		{ $(SUDO) apt-get update -qq && \
		  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ghostscript; }
	$(BIN)/python -m pip install --quiet --no-binary tesserocr -e '.[dev,bench]'

clean-venv:
	rm -rf $(VENV)
