# why401 — every task a developer or CI needs. `make test` is what CI runs.
GO      ?= go
PKGS    := ./...
BIN     := bin/why401
# Fuzz targets as package:Target; `make fuzz` runs each for FUZZTIME.
FUZZ_TARGETS := \
	./inspect/challenge:FuzzParseChallenge \
	./inspect/token:FuzzDecodeToken \
	./inspect/token:FuzzReadInput \
	./inspect/curl:FuzzParseCurl \
	./inspect/rawhttp:FuzzParseRequest \
	./inspect/rawhttp:FuzzParseResponses \
	./inspect/servermsg:FuzzReadBody \
	./inspect/servermsg:FuzzClassify \
	./inspect/servermsg:FuzzRead \
	./inspect/servermsg:FuzzPrefilter \
	./inspect/dpop:FuzzCheckProof \
	./inspect/resourcemeta:FuzzParseMetadata \
	./store/config:FuzzLoad \
	./ui/safe:FuzzLine
FUZZTIME ?= 10s

.PHONY: build run lint test bench fuzz golden cover clean

build:
	$(GO) build -o $(BIN) .

# The main job on data that ships with the project (README's first command).
run:
	$(GO) run . demo

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	@if grep -rEn '"github.com/charmbracelet/(bubbletea|lipgloss|bubbles)(/[a-z]+)?"' --include='*.go' . ; then \
		echo "use the charm.land/.../v2 import paths"; exit 1; fi
	@if grep -rlE '"(charm.land|github.com/charmbracelet)/' --include='*.go' inspect store 2>/dev/null; then \
		echo "inspect/ and store/ must not import charm packages"; exit 1; fi
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null .
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null .

test: lint
	@if [ -z "$$WHY401_TEST_DBUS_ADDRESS" ]; then \
		echo "note: no private Secret Service, so the real-keyring tests skip (run: .ci/with-secret-service make test)"; \
		if [ "$$CI" = "true" ]; then echo "CI=true: those skips fail the run"; fi; \
	fi
	$(GO) test -race -count=1 $(PKGS)
	@# -race draws a sample of sizes; without it the width tests draw every one.
	$(GO) test -count=1 -run 'TestViewFitsEverySize|TestViewAfterResizes' ./ui/tui/

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s $$pkg || exit 1; \
	done

# Rewrites golden outputs: the README's examples (and, later, TUI views).
golden:
	$(GO) test -run TestReadmeExamples . -update

cover:
	$(GO) test -coverprofile=coverage.out $(PKGS)
	$(GO) tool cover -func=coverage.out | tail -1

clean:
	rm -rf bin coverage.out
