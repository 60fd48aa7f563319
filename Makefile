# Bollard: build, run, test and package.
#
# Fyne and mattn/go-sqlite3 both need cgo, so CGO_ENABLED stays on; Windows
# is cross-built with Debian's mingw-w64 C compiler (fyne-cross needs
# Docker), macOS on a Mac; never CGO_ENABLED=0.
# `make deps` / `make deps-test` install missing Debian/Ubuntu packages
# (as root, or through sudo) and do nothing when all are present.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
# Targets here run in order; deps must finish before anything compiles.
.NOTPARALLEL:

export CGO_ENABLED := 1
# The version is stamped from app.Version, not from git: a checkout owned by
# another user (CI as root) would otherwise fail with "error obtaining VCS status".
export GOFLAGS := -buildvcs=false

GO_MIN := 1.26

# Build and run: a C compiler and the X11/OpenGL headers Fyne compiles against.
DEPS_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
# Tests also open real windows under Xvfb and read PDFs back.
TEST_PKGS := xvfb xdotool poppler-utils qpdf imagemagick

# Windows: cross-compiled with mingw-w64 (cgo) and tested under Wine.
WIN_PKGS := gcc-mingw-w64-x86-64 wine wine64
WIN_ENV := GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
# The Wine prefix the Windows tests run in, made once: Wine's first start
# takes a while, and Go needs a stand-in bcryptprimitives.dll there
# (.ci/wine/bcryptprimitives.c says why). WINEDLLOVERRIDES keeps Wine from
# offering to download Mono and Gecko.
WINE_PREFIX := $(CURDIR)/.tools/wine
WINE_READY := $(WINE_PREFIX)/.bollard-ready
WINE_ENV := WINEPREFIX=$(WINE_PREFIX) WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8

# `fyne package` is installed once, pinned, into .tools/ (the only network
# fetch here besides Go modules; the app itself never touches the network).
# Newer versions: go list -m -versions fyne.io/tools
FYNE_TOOLS_VERSION := v1.7.4
FYNE := $(CURDIR)/.tools/fyne-$(FYNE_TOOLS_VERSION)/fyne
# FollowTheMoney's own model (the npm package Aleph's interface is built on),
# pinned in app/exchange/testdata/ftm-validate/package-lock.json and installed there by
# `npm ci`: the tests check every FtM export of the demo cases against it,
# offline (app/exchange/ftm_model_test.go). npm writes the stamp file below on
# each install, so a moved pin installs again and nothing else does.
FTM_VALIDATE := app/exchange/testdata/ftm-validate
FTM_MODEL := $(FTM_VALIDATE)/node_modules/.package-lock.json
# staticcheck, pinned like fyne, from the Go module proxy.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(CURDIR)/.tools/staticcheck-$(STATICCHECK_VERSION)/staticcheck

.PHONY: build run deps deps-test deps-windows check-go test test-windows fmt-check vet staticcheck bench lint package windows package-windows clean

build:
	go build -o bollard .

run: deps build
	./bollard

deps: check-go
	bash .ci/apt-ensure $(DEPS_PKGS)

# Debian's nodejs and npm only where there is no npm yet: another build of
# node (NodeSource's nodejs ships npm itself) would be replaced by them.
deps-test: check-go
	bash .ci/apt-ensure $(DEPS_PKGS) $(TEST_PKGS)
	command -v npm >/dev/null || bash .ci/apt-ensure nodejs npm
	$(MAKE) --no-print-directory $(FTM_MODEL)

$(FTM_MODEL): $(FTM_VALIDATE)/package.json $(FTM_VALIDATE)/package-lock.json
	cd $(FTM_VALIDATE) && npm ci --ignore-scripts --no-audit --no-fund

# GOTOOLCHAIN=local: report the Go that is installed, never fetch another.
check-go:
	@command -v go >/dev/null || { \
		echo "Go $(GO_MIN) or newer is needed and 'go' is not on PATH: install it from https://go.dev/dl/" >&2; \
		exit 1; }
	@have=$$(GOTOOLCHAIN=local go env GOVERSION | sed 's/^go//'); \
	if [ "$$(printf '%s\n' "$(GO_MIN)" "$$have" | sort -V | head -n1)" != "$(GO_MIN)" ]; then \
		echo "Go $(GO_MIN) or newer is needed, found $$have: install it from https://go.dev/dl/" >&2; \
		exit 1; \
	fi

test: deps-test fmt-check vet staticcheck
	go test -race -count=1 ./...

# Lists every .go file gofmt would change and fails if there is one.
fmt-check:
	@unformatted=$$(find . \( -path ./vendor -o -path './.*' \) -prune -o -name '*.go' -print0 | xargs -0 -r gofmt -l); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w on them):" >&2; \
		echo "$$unformatted" >&2; \
		exit 1; \
	fi

vet:
	go vet ./...

# bollard.exe: the same program for Windows, console subsystem, so that its
# command line prints where it was typed (the window opens as well). It is
# built as the package's bollard.com is, so the tests run what is shipped
# and the package reuses what this compiled.
windows: deps-windows
	$(WIN_ENV) $(WIN_RELEASE_BUILD) -o bollard.exe .

deps-windows: check-go
	bash .ci/apt-ensure $(WIN_PKGS)

$(WINE_READY): .ci/wine/bcryptprimitives.c
	mkdir -p $(WINE_PREFIX)
	$(WINE_ENV) wineboot --init
	$(WINE_ENV) wineserver --wait
	x86_64-w64-mingw32-gcc -shared -O2 -s -Wl,--kill-at -o $(WINE_PREFIX)/drive_c/windows/system32/bcryptprimitives.dll $< -ladvapi32
	touch $@

# The Windows tests, run by .ci/run after `make test` (the cross-build alone
# takes minutes on a cold machine): Windows-only unit tests under Wine, then
# bollard.exe through the command line against the Linux build, and its
# window under Xvfb (ui/wine_window_test.go). -p 1: those tests share the
# prefix's wineserver, and the window test ends it (wineserver -k).
# Last, the package is made and checked; fyne package raises Build in
# FyneApp.toml, which a test run must not change, so it is put back.
test-windows: deps-test windows $(WINE_READY) $(STATICCHECK)
	$(WIN_ENV) go vet ./...
	$(WIN_ENV) $(STATICCHECK) ./...
	$(WINE_ENV) $(WIN_ENV) go test -count=1 -exec wine -run Windows ./storage/... ./app/...
	$(WINE_ENV) BOLLARD_WINDOWS_EXE=$(CURDIR)/bollard.exe go test -p 1 -count=1 -run Wine ./cli/ ./ui/
	cp FyneApp.toml .tools/FyneApp.toml.kept
	$(MAKE) --no-print-directory package-windows || status=$$?; \
		cp .tools/FyneApp.toml.kept FyneApp.toml; exit $${status:-0}

# Long benchmarks live here, not in `make test`, the crash soak
# (each command of cli/faults_test.go killed 100 times) and the long run of
# the convergence test (app/exchange/converge_test.go: 200 rounds in `make test`).
bench: deps-test
	go test -run '^$$' -bench . -benchtime 1x -timeout 60m ./...
	BOLLARD_CONVERGE_ROUNDS=5000 go test -count=1 -run '^TestConverge$$' -timeout 90m ./app/exchange/
	BOLLARD_SOAK=100 go test -count=1 -run '^TestKilledMidWrite$$' -timeout 60m ./cli/

lint: fmt-check vet staticcheck

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

$(STATICCHECK):
	GOBIN=$(dir $(STATICCHECK)) go install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# fyne package raises Build in FyneApp.toml after each run (and rewrites the
# file, which is why it carries no comments): commit the new number.
package: deps $(FYNE)
	$(FYNE) package -os linux -release
	mkdir -p dist
	mv Bollard.tar.xz dist/

# The Windows package, dist/Bollard-VERSION-windows-amd64.zip (VERSION from
# FyneApp.toml): Bollard.exe from fyne package, a GUI-subsystem program (no
# console window when started from the Start menu) with the icon, name and
# version from FyneApp.toml; bollard.com, the same program built for the
# console, because a GUI program cannot print where it was typed (cmd.exe
# and PowerShell run bollard.com for `bollard`: PATHEXT lists .COM before
# .EXE); and README.txt. fyne package raises Build in FyneApp.toml here as
# well (it has no switch not to): commit the new number, as for `package`.
# bollard.com is built with the tags and flags fyne package uses for a
# release (release, fyneDo from FyneApp.toml, -trimpath, -s -w, and the C
# flags it gives this mingw gcc), so that it reuses every package fyne just
# compiled: with other flags it is a second cold build of five minutes.
WIN_RELEASE_BUILD := CGO_CFLAGS="-O3 -pipe" go build -trimpath -ldflags "-s -w" -tags release,migrated_fynedo
APP_VERSION = $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
WIN_PKG := dist/windows
WIN_ZIP = dist/Bollard-$(APP_VERSION)-windows-amd64.zip

package-windows: deps-windows $(FYNE)
	bash .ci/apt-ensure zip unzip binutils-mingw-w64-x86-64
	@[ "$(APP_VERSION)" = "$$(sed -n 's/^const Version = "\(.*\)"/\1/p' app/version.go)" ] || { \
		echo "FyneApp.toml's Version $(APP_VERSION) is not app.Version (app/version.go): make them the same" >&2; exit 1; }
	rm -rf $(WIN_PKG) $(WIN_ZIP)
	mkdir -p $(WIN_PKG)
	$(WIN_ENV) $(FYNE) package -os windows -release -exe $(CURDIR)/$(WIN_PKG)/Bollard
	mv $(WIN_PKG)/Bollard $(WIN_PKG)/Bollard.exe
	$(WIN_ENV) $(WIN_RELEASE_BUILD) -o $(WIN_PKG)/bollard.com .
	sed -e 's/@VERSION@/$(APP_VERSION)/' -e 's/$$/\r/' assets/windows/README.txt >$(WIN_PKG)/README.txt
	cd $(WIN_PKG) && zip -q -X ../$(notdir $(WIN_ZIP)) Bollard.exe bollard.com README.txt
	bash .ci/check-windows-package $(WIN_ZIP) $(APP_VERSION)

$(FYNE):
	GOBIN=$(dir $(FYNE)) go install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

clean:
	rm -f bollard bollard.exe Bollard.tar.xz fyne.syso fyne_metadata_init.go
	rm -rf dist
