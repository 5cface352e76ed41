package runtime_test

import (
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestLazyGlobals checks the lazily installed globals: touching one sets up
// its whole group and defines no global that was not announced, and once
// every group is set up no accessor stand-in is left.
func TestLazyGlobals(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const isLazy = (n) => { const d = Object.getOwnPropertyDescriptor(globalThis, n); return d !== undefined && typeof d.get === "function"; };
		const lazy = Object.getOwnPropertyNames(globalThis).filter(isLazy);
		const problems = [];
		for (const n of lazy) {
			const before = new Set(Object.getOwnPropertyNames(globalThis));
			void globalThis[n];
			for (const m of Object.getOwnPropertyNames(globalThis)) {
				if (!before.has(m)) problems.push(n + " added unannounced global " + m);
			}
			if (isLazy(n)) problems.push(n + " is still an accessor after use");
		}
		const left = Object.getOwnPropertyNames(globalThis).filter(isLazy);
		return { count: lazy.length, problems, left, regexpWorks: new RegExp("^\\p{Lu}", "u").test("Ä"), collates: ["b", "a", "B"].sort((x, y) => x.localeCompare(y)) };
	`)
	want := `{"count":`
	if !strings.HasPrefix(got, want) {
		t.Fatalf("got %s", got)
	}
	for _, bad := range []string{`"problems":[]`, `"left":[]`, `"regexpWorks":true`, `"collates":["a","b","B"]`} {
		if !strings.Contains(got, bad) {
			t.Errorf("want %s in %s", bad, got)
		}
	}
}
