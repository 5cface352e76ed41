package runtime_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"edgedev/runtime"
)

// goja cannot catch an interrupt or a stack overflow, and drops the promise
// jobs it had queued when one ends a call. A request must then fail with
// what happened, never hang or go on running JS, and the next request must
// be served by a fresh instance.
func TestUncatchableErrorsRetireTheInstance(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "upstream")
	}))
	t.Cleanup(upstream.Close)
	src := `globalThis.__edgedev_worker = { default: {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/overflow-after-await") {
      await fetch("` + upstream.URL + `");
      (function f() { return f(); })();
      return new Response("not reached");
    }
    if (path === "/runaway-while-building-the-response") {
      // fetch builds its Response in JS; make that run away.
      const p = fetch("` + upstream.URL + `");
      Object.defineProperty(Uint8Array, Symbol.hasInstance, { configurable: true, value() { for (;;) {} } });
      try { await p; } catch (e) { return new Response("JS went on after the interrupt: " + e); }
      return new Response("not reached");
    }
    if (path === "/overflow-in-a-streamed-body") {
      return new Response(new ReadableStream({ pull(c) { (function f() { return f(); })(); } }));
    }
    globalThis.hits = (globalThis.hits || 0) + 1;
    return new Response("hits " + globalThis.hits);
  },
}};`
	w, err := runtime.New(runtime.Options{Script: src, GlobalName: "__edgedev_worker", CPULimit: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(t.Context())
	serve := func(path string) (int, string, error) {
		rec := httptest.NewRecorder()
		_, err := w.Serve(rec, httptest.NewRequest("GET", path, nil), runtime.Incoming{})
		return rec.Code, rec.Body.String(), err
	}
	for _, c := range []struct{ path, want string }{
		{"/overflow-after-await", "RangeError: Maximum call stack size exceeded"},
		{"/runaway-while-building-the-response", "CPU time limit"},
		{"/overflow-in-a-streamed-body", "RangeError: Maximum call stack size exceeded"},
	} {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			if _, _, err := serve("/"); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			var code int
			var body string
			go func() {
				defer close(done)
				code, body, err = serve(c.path)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the request hangs")
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %d %q, error %v; want an error mentioning %q", code, body, err, c.want)
			}
			var se *runtime.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("error %T, want a *runtime.ScriptError", err)
			}
			if n := strings.Count(se.Stack, "\n") + 1; n > 10 {
				t.Errorf("the error shows %d frames; at most 10, as V8 does:\n%s", n, se.Stack)
			}
			if _, body, err := serve("/"); err != nil || body != "hits 1" {
				t.Errorf("next request: %q %v; want a fresh instance (hits 1)", body, err)
			}
		})
	}
}
