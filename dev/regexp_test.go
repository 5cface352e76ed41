package dev_test

import (
	"testing"

	"edgedev/dev"
)

// TestRegexpLiteralPropertyEscapes: a \p{...} inside a character class of a
// regex literal (path-to-regexp's /^[$_\p{ID_Start}]$/u, which Express's
// routes use) is one esbuild does not lower, and goja's own RegExp misreads
// it; the bundle must still match as V8 does (values from node 20).
func TestRegexpLiteralPropertyEscapes(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": "name = \"re\"\nmain = \"index.js\"\ncompatibility_date = \"2025-09-01\"\n",
		"index.js": `const ID_START = /^[$_\p{ID_Start}]$/u;
const ID_CONTINUE = /^[$\u200c\u200d\p{ID_Continue}]$/u;
const sticky = /a/y;
export default { fetch() {
  return new Response([ID_START.test("a"), ID_START.test("1"), ID_CONTINUE.test("1"), ID_CONTINUE.test("é"), ID_CONTINUE.test("-"),
    "x1".replace(/[\p{L}]/gu, "L"), sticky.test("ba"), /\u{1F600}/u.test("😀")].join(","));
} };
`,
	})
	r := start(t, dev.Options{Dir: dir, Watch: false})
	if got, want := r.body(t, "/"), "true,false,true,true,false,L1,false,true"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
