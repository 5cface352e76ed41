package runtime_test

import (
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestGlobalOrder pins the order of the first globals a worker sees, as
// Object.getOwnPropertyNames(globalThis) lists them: the table in globals.go
// installs them in this order, so a reorder there is a visible change.
func TestGlobalOrder(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const names = Object.getOwnPropertyNames(globalThis);
		const want = ["self", "Intl", "performance", "navigator", "DOMException", "Event", "TextEncoder", "console", "URL"];
		return want.map((n) => names.indexOf(n)).every((v, i, a) => v >= 0 && (i === 0 || v > a[i - 1])) ? "in order" : names.join(",");`)
	if !strings.Contains(got, "in order") {
		t.Errorf("globals out of order: %s", got)
	}
}
