#!/usr/bin/env bash
# Runs every fuzz target for a short while (FUZZTIME, default 3s), each
# from its seed corpus. `make test` calls it; run it with FUZZTIME=1m to
# look harder. A failure leaves its input under the package's
# testdata/fuzz/ for `go test` to replay.
set -euo pipefail
cd "$(dirname "$0")/.."
t="${FUZZTIME:-3s}"
for target in \
  "./config FuzzParseTOML" "./config FuzzParseJSONC" "./config FuzzParseDotenv" \
  "./assets FuzzHeaders" "./assets FuzzRedirects" "./pages FuzzRoutesJSON" \
  "./bindings/kv FuzzCursor" "./bindings/kv FuzzKeyValidation" \
  "./weburl FuzzParse" "./runtime FuzzNativeHelpers"; do
  set -- $target
  echo "fuzz $1 $2 ($t)"
  go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$t" >/tmp/edgedev-fuzz.log 2>&1 || { cat /tmp/edgedev-fuzz.log; exit 1; }
done
