package intl_test

import (
	"os"
	"path/filepath"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestTest262Intl runs test262's intl402 directories for the parts of Intl
// this package's text APIs and foundation own, inside the worker runtime.
// The ones known to fail are listed, each with its reason, in
// testdata/test262_known_failures_<Dir>.txt.
//
// Under the race detector the directories are not run: the harness's own
// checks (testIntl.js matches each tag against a very large regular
// expression) take minutes there and exceed the runner's 30 s CPU limit per
// test, while the code they test is single-goroutine JS over Go that
// TestIntl_* exercise under -race. `go test` without -race runs them all.
func TestTest262Intl(t *testing.T) {
	if raceEnabled {
		t.Skip("test262 intl402 runs without -race (the harness's regex checks exceed the runner's CPU limit under the race detector)")
	}
	for _, dir := range []string{"Intl", "Locale", "Collator", "Segmenter", "ListFormat", "DisplayNames", "String"} {
		t.Run(dir, func(t *testing.T) {
			known := filepath.Join("testdata", "test262_known_failures_"+dir+".txt")
			if _, err := os.Stat(known); err != nil {
				t.Fatalf("%s is missing: every test262 directory run here has a known-failures file", known)
			}
			runtimetest.Test262(t, runtimetest.Test262Options{Dir: "intl402/" + dir, KnownFailures: known})
		})
	}
}
