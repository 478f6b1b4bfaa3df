# altbuild: the two commands the README promises, and a few helpers.
#   make demo   install what is missing, build in release mode, run altbuild on examples/
#   make test   install what is missing, run the test suite

SWIFT ?= swift
APT_PACKAGES := libzip-dev libxml2-dev libssl-dev libcurl4-openssl-dev pkg-config
PKG_CONFIG_NAMES := libzip libxml-2.0 libcrypto libcurl
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps release demo test bench clean

all: release

# Installs the C libraries' development packages only when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists $(PKG_CONFIG_NAMES) 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product altbuild

demo: release
	.build/release/altbuild build examples
	@echo
	@echo "Accessible decks are in build/examples/. Inspect one with:"
	@echo "  .build/release/altbuild inspect build/examples/team-photos.pptx"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	bench/noop-vs-ninja.sh
	bench/memory.sh
	bench/describers.sh

clean:
	rm -rf .build build .altbuild
