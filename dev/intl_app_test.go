package dev_test

import (
	"os"
	"path/filepath"
	"testing"

	"edgedev/dev"
)

// TestIntlApp serves testdata/apps/intl (dates and numbers in six locales,
// localeCompare in de and sv, PluralRules in ru and ar, and an import of
// @date-fns/utc) through the real dev server and wants, byte for byte, the
// body wrangler dev 4.86.0 (workerd 2026-04-26) returned for it, recorded in
// testdata/apps/intl/wrangler_response.txt.
func TestIntlApp(t *testing.T) {
	if _, err := os.Stat("../testdata/apps/node_modules/@date-fns/utc"); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `make test` (it runs npm ci there first)")
	}
	want, err := os.ReadFile("../testdata/apps/intl/wrangler_response.txt")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../testdata/apps/intl")
	r := start(t, dev.Options{Dir: abs})
	got := r.do(t, "GET", "/", "")
	if got.status != 200 {
		t.Fatalf("GET / = %d %s", got.status, got.body)
	}
	if got.body != string(want) {
		t.Errorf("body differs from wrangler's\n got:\n%s\nwant:\n%s", got.body, want)
	}
}
