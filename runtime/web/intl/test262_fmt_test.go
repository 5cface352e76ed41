package intl_test

import (
	"os"
	"path/filepath"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestTest262IntlFormat runs test262's intl402 directories for the
// formatting constructors and the toLocaleString family inside the worker
// runtime; the known failures are in testdata/test262_known_failures_<Dir>.txt,
// each with its reason.
func TestTest262IntlFormat(t *testing.T) {
	for _, dir := range []string{"DateTimeFormat", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Date", "Number", "BigInt", "Array", "TypedArray"} {
		t.Run(dir, func(t *testing.T) {
			known := filepath.Join("testdata", "test262_known_failures_"+dir+".txt")
			if _, err := os.Stat(known); err != nil {
				t.Fatalf("%s is missing: every test262 directory run here has a known-failures file", known)
			}
			runtimetest.Test262(t, runtimetest.Test262Options{Dir: "intl402/" + dir, KnownFailures: known})
		})
	}
}
