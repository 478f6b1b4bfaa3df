# altbuild: the two commands the README promises, and a few helpers.
#   make demo   install what is missing, build in release mode, run altbuild on examples/
#   make test   install what is missing, run the test suite and the review page's browser test

SWIFT ?= swift
APT_PACKAGES := libzip-dev libxml2-dev libssl-dev libcurl4-openssl-dev libgd3 tesseract-ocr pkg-config
PKG_CONFIG_NAMES := libzip libxml-2.0 libcrypto libcurl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BROWSER_APT_PACKAGES := chromium chromium-driver python3-venv
VENV := .build/venv

.PHONY: all deps test-deps browser-test-deps release demo test bench clean

all: release

# Installs the system packages with apt-get, only when something is missing:
# the C libraries' development files (found with pkg-config), libgd (loaded
# at run time to scale pictures) and Tesseract (OCR).
deps:
	@missing=0; \
	pkg-config --exists $(PKG_CONFIG_NAMES) 2>/dev/null || missing=1; \
	command -v tesseract >/dev/null || missing=1; \
	ldconfig -p 2>/dev/null | grep -q 'libgd\.so\.3' || missing=1; \
	if [ $$missing = 1 ]; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# The tests draw pictures with Pillow (for OCR) and run a fake model server in Python.
test-deps: deps
	@python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow

# The review page's browser test: Debian's Chromium and its driver (Selenium
# is pointed at them, so it never downloads a browser), and Selenium in a venv
# of its own under .build/. Each is installed only when missing.
browser-test-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! dpkg -s python3-venv >/dev/null 2>&1; then \
		echo "Installing $(BROWSER_APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(BROWSER_APT_PACKAGES); \
	fi
	@[ -x $(VENV)/bin/pip ] || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import selenium" 2>/dev/null || $(VENV)/bin/pip install -q selenium

# Release build with the Swift runtime linked in, for `make demo` and benchmarks.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The main job on examples/, then the review step: `check` lists every slot a
# person still has to look at (it exits 1 while there are any, so the demo
# goes on past it); approving the chart and table texts of one deck and
# building again shows a decision reaching the deck with 0 describer calls.
ALTBUILD := .build/release/altbuild
demo: release
	$(ALTBUILD) build examples
	@echo
	@echo "Accessible decks are in build/examples/; review files in alt-text/examples/."
	@echo "What a person still has to review:"
	@$(ALTBUILD) check examples || echo "(check exited 1: the slots above need a person)"
	@echo
	@echo "A reviewer accepts the chart and table texts of one deck; the next build carries that into the deck:"
	$(ALTBUILD) review approve examples/quarterly-report.pptx --all
	$(ALTBUILD) build examples
	@$(ALTBUILD) check examples || echo "(check exited 1: the slots above still need a person)"
	@echo
	@echo "Next: $(ALTBUILD) review list examples, review set DECK SLOT TEXT, review decorative DECK SLOT,"
	@echo "or all of it in a browser: $(ALTBUILD) review serve examples"

# The Swift test suite, then the review page in headless Chromium (it runs
# the debug binaries the first step built).
test: test-deps browser-test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(VENV)/bin/python tests/browser/test_review_page.py

# The benchmarks BENCHMARKS.md reports.
bench: release
	bench/noop-vs-ninja.sh
	bench/memory.sh
	bench/describers.sh
	bench/hostile.sh

# Everything built or recorded: SwiftPM's folder (and the venv in it), outputs, state.
clean:
	rm -rf .build build .altbuild

# Fuzzes reading, inventory and rewriting with libFuzzer and AddressSanitizer
# for FUZZ_SECONDS (see SECURITY.md). The corpus grows in fuzz/corpus/ from run
# to run; findings land in fuzz/crashes/. Swift's own crash backtracer is off:
# it would catch a trap before libFuzzer could save the input (and can hang).
FUZZ_SECONDS ?= 60
FUZZ_BIN := fuzz/.build/debug/DeckFuzzer
.PHONY: fuzz
fuzz: deps
	@echo "Building the fuzzer (log in fuzz/.build/fuzz-build.log)"
	@mkdir -p fuzz/.build fuzz/corpus fuzz/crashes
	@cd fuzz && $(SWIFT) build -c debug --product DeckFuzzer -Xswiftc -sanitize=fuzzer,address \
		-Xswiftc -parse-as-library > .build/fuzz-build.log 2>&1 \
		|| { grep -v 'Cannot export local symbol' .build/fuzz-build.log | tail -40; exit 1; }
	python3 scripts/fuzz-seeds.py fuzz/seeds
	SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) fuzz/corpus fuzz/seeds -dict=fuzz/deck.dict -max_total_time=$(FUZZ_SECONDS) \
		-rss_limit_mb=2048 -timeout=10 -artifact_prefix=fuzz/crashes/ -print_final_stats=1
