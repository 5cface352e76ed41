package runtime_test

import (
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// TestNeverResponds: a handler whose promise nothing can settle gets
// workerd's 500 at once instead of hanging; one that waits on something
// pending (a timer) is left alone.
func TestNeverResponds(t *testing.T) {
	h := runtimetest.New(t)
	for _, src := range []string{
		`return new Promise(() => {})`,
		`await new Promise(() => {}); return 1`,
		`const t = setTimeout(() => {}, 1e6); clearTimeout(t); await new Promise(() => {})`,
	} {
		_, err := h.Eval(src)
		if err == nil || !strings.Contains(err.Error(), "The script will never generate a response.") {
			t.Errorf("%s: %v", src, err)
		}
	}
	if got := h.Run(t, `await new Promise((r) => setTimeout(r, 30)); return "waited"`); got != `"waited"` {
		t.Errorf("a pending timer: %s", got)
	}
	if got := h.Run(t, `let r; const p = new Promise((x) => { r = x; }); setTimeout(() => r("later"), 5); return await p;`); got != `"later"` {
		t.Errorf("resolved by a timer: %s", got)
	}
}
