# `make test` is the one test command (README, .ci/run): it installs the npm
# packages the end-to-end fixtures import and, only when missing, Debian's
# chromium for the dashboard's browser tests (scripts/chromium.sh), runs
# every Go test with the race detector, the test262 suites again without it
# (intl402 is skipped under -race: its harness's regexes are too slow
# there), then every fuzz target for a few seconds (scripts/fuzz.sh). Go
# modules come through the module proxy on first use.
.PHONY: test build bench screenshots

test:
	npm ci --prefix testdata/apps --no-audit --no-fund --loglevel=error
	./scripts/chromium.sh
	go test -race -count=1 ./...
	go test -count=1 -run 'Test262' ./runtime/...
	./scripts/fuzz.sh

build:
	go build -o bin/edgedev ./cmd/edgedev

bench: build
	./scripts/bench.sh

# screenshots regenerates the README's dashboard pictures in docs/.
screenshots:
	./scripts/chromium.sh
	go test -count=1 -run TestDashboardBrowser ./dev -args -screenshots
