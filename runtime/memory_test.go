package runtime_test

import (
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"edgedev/runtime/runtimetest"
)

func liveHeap() uint64 {
	debug.FreeOSMemory()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestMemoryLimit: a worker that grows the heap past the limit is ended
// with the platform's error, whether it yields between allocations or
// not; the next request gets a fresh instance, and the memory is given back.
func TestMemoryLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	const limit = 128 << 20
	h := runtimetest.New(t, runtimetest.Options{MemoryLimit: limit, CPULimit: time.Minute}) // -race runs the loops slowly
	for name, src := range map[string]string{
		"allocating and yielding":     `globalThis.keep = []; for (let i = 0; ; i++) { keep.push("x".repeat(4e6) + i); await new Promise((r) => setTimeout(r, 0)); }`,
		"allocating without yielding": `globalThis.keep = []; for (let i = 0; ; i++) keep.push("y".repeat(4e6) + i);`,
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := h.Eval(src)
			if err == nil || !strings.Contains(err.Error(), "Worker exceeded memory limit.") {
				t.Fatalf("err = %v", err)
			}
			t.Logf("stopped after %s", time.Since(start).Round(time.Millisecond))
			if got := h.Run(t, `return typeof globalThis.keep`); got != `"undefined"` {
				t.Errorf("the next request saw the old instance: %s", got)
			}
			if n := liveHeap(); n > limit/2 {
				t.Errorf("live heap after the stop: %d MB", n>>20)
			}
		})
	}
	t.Run("an app well under the limit is left alone", func(t *testing.T) {
		got := h.Run(t, `const a = []; for (let i = 0; i < 20; i++) { a.push("z".repeat(1e6) + i); await new Promise((r) => setTimeout(r, 1)); } return a.length;`)
		if got != "20" {
			t.Errorf("got %s", got)
		}
	})
}
