# altbuild: the two commands the README promises, and a few helpers.
#   make demo   install what is missing, build in release mode, run altbuild on examples/
#   make test   install what is missing, run the test suite, the review page's browser test and the pre-commit hooks' test
#   make man    the manual page, .build/man/altbuild.1
#   make install  release executables, shell completions and the manual page under PREFIX (default /usr/local)

SWIFT ?= swift
APT_PACKAGES := libzip-dev libxml2-dev libssl-dev libcurl4-openssl-dev libgd3 tesseract-ocr pkg-config
PKG_CONFIG_NAMES := libzip libxml-2.0 libcrypto libcurl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BROWSER_APT_PACKAGES := chromium chromium-driver python3-venv
VENV := .build/venv

.PHONY: all deps test-deps browser-test-deps precommit-test-deps notes-test-deps release demo test bench clean man completions install

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

# The tests draw pictures with Pillow (for OCR) and run a fake model server in
# Python; the remote cache tests run a real nginx with WebDAV on 127.0.0.1.
NGINX_APT_PACKAGES := nginx libnginx-mod-http-dav-ext
test-deps: deps
	@python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow
	@if [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ]; then \
		echo "Installing $(NGINX_APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(NGINX_APT_PACKAGES); \
	fi

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

# The pre-commit hooks' test runs the real pre-commit from PyPI (PyYAML, which
# it brings along, also reads the CI examples), in the same venv.
precommit-test-deps: browser-test-deps
	@$(VENV)/bin/python -c "import pre_commit, yaml" 2>/dev/null || $(VENV)/bin/pip install -q pre-commit pyyaml

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

# The Swift test suite, then the review page in headless Chromium and the
# pre-commit hooks under the real pre-commit (both run the debug binaries the
# first step built).
# Long descriptions in notes are read back by python-pptx, in the same venv.
notes-test-deps: browser-test-deps
	@$(VENV)/bin/python -c "import pptx" 2>/dev/null || $(VENV)/bin/pip install -q python-pptx

test: test-deps precommit-test-deps notes-test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(VENV)/bin/python tests/browser/test_review_page.py
	$(VENV)/bin/python tests/precommit/test_hooks.py
	$(VENV)/bin/python tests/notes/test_notes_python_pptx.py

# The manual page, from swift-argument-parser's GenerateManual plugin (it runs
# `altbuild --experimental-dump-help`, so the page always matches --help). It
# builds in debug mode, which `make test` has usually done already; the text
# does not depend on the configuration. groff must render it without a warning.
MAN_PAGE := .build/man/altbuild.1
man: deps
	$(SWIFT) package generate-manual --configuration debug
	@mkdir -p $(dir $(MAN_PAGE))
	cp .build/plugins/GenerateManual/outputs/altbuild/altbuild.1 $(MAN_PAGE)
	@command -v groff >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq groff-base; }
	@warnings=$$(groff -mandoc -Tutf8 -ww -z $(MAN_PAGE) 2>&1); [ -z "$$warnings" ] || { echo "$$warnings"; exit 1; }
	@echo "Wrote $(MAN_PAGE); read it with: man -l $(MAN_PAGE)"

# Completion scripts, written by the release executable that `install` copies.
COMPLETIONS := .build/completions
completions: release
	@mkdir -p $(COMPLETIONS)
	$(ALTBUILD) --generate-completion-script bash > $(COMPLETIONS)/altbuild.bash
	$(ALTBUILD) --generate-completion-script zsh > $(COMPLETIONS)/_altbuild
	$(ALTBUILD) --generate-completion-script fish > $(COMPLETIONS)/altbuild.fish

# The three executables side by side (altbuild finds altbuild-worker and
# altbuild-review next to itself), completions where bash-completion, zsh and
# fish look for them, and the manual page. DESTDIR is for packagers.
PREFIX ?= /usr/local
DEST := $(DESTDIR)$(PREFIX)
install: release completions man
	install -d $(DEST)/bin $(DEST)/share/bash-completion/completions $(DEST)/share/zsh/site-functions \
		$(DEST)/share/fish/vendor_completions.d $(DEST)/share/man/man1
	install -m 755 .build/release/altbuild .build/release/altbuild-worker .build/release/altbuild-review $(DEST)/bin/
	install -m 644 $(COMPLETIONS)/altbuild.bash $(DEST)/share/bash-completion/completions/altbuild
	install -m 644 $(COMPLETIONS)/_altbuild $(DEST)/share/zsh/site-functions/_altbuild
	install -m 644 $(COMPLETIONS)/altbuild.fish $(DEST)/share/fish/vendor_completions.d/altbuild.fish
	install -m 644 $(MAN_PAGE) $(DEST)/share/man/man1/altbuild.1

# The benchmarks BENCHMARKS.md reports.
bench: release
	bench/noop-vs-ninja.sh
	bench/memory.sh
	bench/describers.sh
	bench/hostile.sh
	bench/perf.sh
	bench/remote.sh

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
