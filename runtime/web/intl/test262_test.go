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
func TestTest262Intl(t *testing.T) {
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
