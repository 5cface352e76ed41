package intl_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestLintKnowsIntl keeps bundler/lint.go's IntlSupported (which Intl
// members a bundle may use without a warning) equal to the members the
// runtime's Intl has, constructors that throw "not supported" left out.
// The bundler may not import the runtime, so the table is read from its
// source.
func TestLintKnowsIntl(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "bundler", "lint.go"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)var IntlSupported = map\[string\]bool\{(.*?)\n\}`).FindSubmatch(src)
	if m == nil {
		t.Fatal("bundler/lint.go has no IntlSupported table")
	}
	var lint []string
	for _, k := range regexp.MustCompile(`"(\w+)": true`).FindAllSubmatch(m[1], -1) {
		lint = append(lint, string(k[1]))
	}
	sort.Strings(lint)
	h := runtimetest.New(t)
	got := h.Run(t, `
		const out = [];
		for (const k of Object.getOwnPropertyNames(Intl)) {
			const v = Intl[k];
			if (typeof v !== "function") continue;
			let works = true;
			try { if (v.prototype) new v("en", { type: "language" }); } catch (e) { works = !/not supported by edgedev/.test(e.message); }
			if (works) out.push(k);
		}
		return out.sort().join(",");`)
	if want := `"` + strings.Join(lint, ",") + `"`; got != want {
		t.Errorf("the runtime's Intl has %s, bundler/lint.go's IntlSupported %s: bring the table in step", got, want)
	}
}
