# Drafter — quick start: `make run` opens the app, `make test` runs the tests.
# Both set everything up first: the Debian packages the app and the tests need
# (when missing and this user may install them), a virtual environment in .venv
# and the project with its test extras.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Fonts, LibreOffice (geometry tests), Qt's runtime libraries and a virtual X server.
APT_PACKAGES := fonts-liberation2 libreoffice-writer-nogui poppler-utils \
	libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 \
	libx11-xcb1 xvfb xauth softhsm2 tesseract-ocr tesseract-ocr-vie

.PHONY: run test lint bench fuzz system-deps setup clean dist

run: setup
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		echo "No display found: starting Drafter on a virtual screen (xvfb-run)."; \
		xvfb-run -a $(BIN)/drafter; \
	else \
		$(BIN)/drafter; \
	fi

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check drafter tests benchmarks installer
	$(BIN)/ruff format --check drafter tests benchmarks installer
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m benchmarks

# The long fuzzing run: 5,000 generated examples for each of the letter-file, body
# and template tests (10,000 letters and templates, 15,000 in all), with statistics.
fuzz: setup
	DRAFTER_FUZZ_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		--hypothesis-show-statistics tests/fuzz

setup: system-deps $(STAMP)

# The Linux bundle (PyInstaller, one folder, packed with its .desktop file and icon):
# dist/drafter-<version>-linux-<machine>.tar.gz runs on a machine without Python.
DIST_STAMP := $(VENV)/.installed-dist

dist: setup $(DIST_STAMP)
	@# PyInstaller strips the bundled libraries with binutils' strip.
	@command -v strip >/dev/null || $(MAKE) --no-print-directory system-deps APT_PACKAGES=binutils
	$(BIN)/python installer/build_linux.py --out dist

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install -q -e '.[dist]'
	@touch $(DIST_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $(STAMP)

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null; then \
			echo "Please install these packages:$$missing"; \
		elif [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else \
			echo "Missing Debian packages (install them with sudo apt-get install$$missing)"; \
		fi; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
