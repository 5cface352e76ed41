package timers_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

// TestClearAtTopLevel: the top level runs before the loop does, so a clear
// that posted to the loop's queue blocked runtime.New itself.
func TestClearAtTopLevel(t *testing.T) {
	done := make(chan error, 1)
	go func() {
		w, err := runtime.New(runtime.Options{Script: `
			for (let i = 0; i < 1500; i++) clearTimeout(setTimeout(() => {}, 1e4));
			addEventListener("fetch", (e) => e.respondWith(new Response("ok")));`})
		if err == nil {
			err = w.Close(context.Background())
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("runtime.New did not return: clearing timers at top level hung")
	}
}

func TestTimers(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("callbacks run in delay order with their arguments", func(t *testing.T) {
		h.Run(t, `
			const seen = [];
			await new Promise((done) => {
				setTimeout((a, b) => { seen.push("t20 " + a + b); done(); }, 20, "x", "y");
				setTimeout(() => seen.push("t5"), 5);
				setImmediate((a) => seen.push("immediate " + a), "z");
			});
			assertJSON(seen, ["immediate z", "t5", "t20 xy"]);
		`)
	})
	t.Run("an interval repeats until cleared, also from its own callback", func(t *testing.T) {
		h.Run(t, `
			let n = 0;
			await new Promise((done) => {
				const id = setInterval((step) => { n += step; if (n === 3) { clearInterval(id); done(); } }, 1, 1);
			});
			await new Promise((r) => setTimeout(r, 10));
			assertEq(n, 3, "no tick after clearInterval");
		`)
	})
	t.Run("clear functions take any id and return undefined", func(t *testing.T) {
		h.Run(t, `
			let fired = false;
			const id = setTimeout(() => { fired = true; }, 1);
			assertEq(typeof id, "number");
			assertEq(clearTimeout(id), undefined);
			clearTimeout(id); clearInterval(12345); clearImmediate(undefined); clearTimeout("nope");
			const done = setTimeout(() => {}, 0);
			await new Promise((r) => setTimeout(r, 5));
			clearTimeout(done); // it already fired
			clearImmediate(setImmediate(() => { fired = true; }));
			await new Promise((r) => setTimeout(r, 10));
			assertEq(fired, false);
		`)
	})
	t.Run("clearing thousands of timers in one job does not wait on the loop", func(t *testing.T) {
		// Each clear frees its timer's loop slot; doing that by posting to
		// the loop's own queue filled it (1024 jobs) and hung the instance.
		h.Run(t, `
			for (let i = 0; i < 3000; i++) clearTimeout(setTimeout(() => {}, 1e4));
			for (let i = 0; i < 3000; i++) clearInterval(setInterval(() => {}, 1e4));
		`)
	})
	t.Run("a callback that is not a function is a TypeError", func(t *testing.T) {
		h.Run(t, `
			for (const f of [setTimeout, setInterval, setImmediate]) {
				assertThrows(() => f("code as a string", 1), TypeError, "The callback provided as parameter 1 is not a function.", f.name);
			}
		`)
	})
	t.Run("an exception in a callback is logged", func(t *testing.T) {
		h.Run(t, `await new Promise((r) => { setTimeout(() => { throw new RangeError("from a timer"); }, 0); setTimeout(r, 5); });`)
		logs := strings.Join(h.Logs(), "\n")
		if !strings.Contains(logs, "Uncaught exception in a timer callback") || !strings.Contains(logs, "RangeError: from a timer") {
			t.Errorf("log lacks the timer's error:\n%s", logs)
		}
	})
}

// TestTimersHoldTheWorker: an armed timer is pending work, so Close waits
// for it; a cleared one (before or after it fired) is not.
func TestTimersHoldTheWorker(t *testing.T) {
	for _, c := range []struct {
		name, js string
		held     bool
	}{
		{"armed timeout", "setTimeout(() => {}, 3600000);", true},
		{"armed interval", "setInterval(() => {}, 3600000);", true},
		{"cleared timeout", "clearTimeout(setTimeout(() => {}, 3600000));", false},
		{"cleared interval", "clearInterval(setInterval(() => {}, 3600000));", false},
		{"interval cleared by its third tick", "let n = 0; const id = setInterval(() => { if (++n === 3) clearInterval(id); }, 1);", false},
		{"timeout that fires soon", "setTimeout(() => {}, 5);", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var mu sync.Mutex
			var logs []string
			w, err := runtime.New(runtime.Options{
				Script:     "globalThis.__w = { default: { fetch(request, env, ctx) { " + c.js + " return new Response('ok'); } } };",
				GlobalName: "__w",
				Log:        func(level, line string) { mu.Lock(); logs = append(logs, level+": "+line); mu.Unlock() },
			})
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			if _, err := w.Serve(rec, httptest.NewRequest("GET", "http://x/", nil), runtime.Incoming{}); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			err = w.Close(ctx)
			if held := err != nil; held != c.held {
				t.Errorf("Close: %v; want the worker held = %v", err, c.held)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(logs) > 0 {
				t.Errorf("unexpected log: %v", logs)
			}
		})
	}
}

// A timer whose callback runs away is stopped by the CPU limit: the request
// that armed it was answered, the instance is retired with its other timers,
// and the next request gets a fresh instance.
func TestTimerPastTheCPULimitRetiresTheInstance(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{CPULimit: 100 * time.Millisecond})
	h.Run(t, `globalThis.mark = "old"; setTimeout(() => { for (;;) {} }, 0); setInterval(() => {}, 1); return 1;`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, err := h.Eval(`return globalThis.mark ?? "fresh"`)
		if err == nil && out == `"fresh"` {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no fresh instance after the runaway timer: %q %v", out, err)
		}
	}
	logs := strings.Join(h.Logs(), "\n")
	if !strings.Contains(logs, "Uncaught exception in a timer callback") {
		t.Errorf("log lacks the timer's error:\n%s", logs)
	}
}
