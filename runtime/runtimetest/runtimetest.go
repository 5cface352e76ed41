// Package runtimetest is the one harness for testing a Web API family, a
// Node module or a binding on a real loop (k6's modulestest is the model): a
// real runtime.Worker behind a real HTTP server on 127.0.0.1, with every
// global a worker has and the assertion library of assert.js (assert,
// assertEq, assertJSON, assertBytes, assertThrows, assertRejects).
//
// Run sends JS source over HTTP; the worker evaluates it as the body of an
// async function inside its fetch handler (so it runs on the event loop,
// with env, and may await) and answers with the JSON of what it returned.
// OnLoop runs Go on the loop with the VM, for benchmarks and checks of what
// a module hands to Go.
//
// A family's tests are an external test package (package url_test), which
// may import this package even though runtime imports the family.
//
// Imports: runtime, bindings and the standard library.
package runtimetest

import (
	"context"
	_ "embed"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/runtime"
)

//go:embed assert.js
var assertJS string

// evalWorker evaluates the request body as the body of an async function
// with `request`, `env` and `ctx` in scope.
const evalWorker = `globalThis.__edgedev_worker = { default: {
  async fetch(request, env, ctx) {
    const src = await request.text();
    const fn = new Function("request", "env", "ctx", "return (async () => {\n" + src + "\n})()");
    const out = await fn(request, env, ctx);
    if (out instanceof Response) return out;
    return new Response(out === undefined ? "undefined" : JSON.stringify(out));
  },
}};`

// Options adjust the harness worker.
type Options struct {
	Bindings []bindings.Named
	Now      func() time.Time
	CPULimit time.Duration
	// MemoryLimit is runtime.Options.MemoryLimit.
	MemoryLimit int64
	// Node is runtime.Options.Node; a Node module's test sets Mode "v2"
	// and imports with __edgedev_import("node:buffer"), as a bundle does.
	Node runtime.NodeCompat
}

// Harness is a running eval worker.
type Harness struct {
	Worker *runtime.Worker
	URL    string

	mu  sync.Mutex
	log []string
}

// New starts a harness; it stops when the test ends.
func New(t testing.TB, opts ...Options) *Harness {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	h := &Harness{}
	w, err := runtime.New(runtime.Options{
		Script: assertJS + evalWorker, Filename: "eval.js", GlobalName: "__edgedev_worker",
		Bindings: o.Bindings, Now: o.Now, CPULimit: o.CPULimit, MemoryLimit: o.MemoryLimit, Node: o.Node,
		Log: func(level, line string) {
			h.mu.Lock()
			h.log = append(h.log, level+": "+line)
			h.mu.Unlock()
		},
	})
	if err != nil {
		t.Fatalf("start eval worker: %v", err)
	}
	h.Worker = w
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if _, err := w.Serve(rw, r, runtime.Incoming{}); err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	h.URL = "http://" + ln.Addr().String()
	t.Cleanup(func() {
		_ = srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = w.Close(ctx)
	})
	return h
}

// Eval runs src on the worker and returns the response body (the JSON of the
// value src returned) or the error text when the code threw.
func (h *Harness) Eval(src string) (string, error) {
	resp, err := http.Post(h.URL+"/", "application/javascript", strings.NewReader(src))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode >= 500 {
		return "", errors.New(strings.TrimSpace(string(b)))
	}
	return string(b), nil
}

// Run is Eval that fails the test on error.
func (h *Harness) Run(t testing.TB, src string) string {
	t.Helper()
	out, err := h.Eval(src)
	if err != nil {
		t.Fatalf("JS failed: %v", err)
	}
	return out
}

// Logs returns the console and error lines the worker logged so far.
func (h *Harness) Logs() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.log...)
}

// OnLoop runs fn on the worker's event loop with its VM and fails the test
// if fn returns an error or panics with a JS exception.
func (h *Harness) OnLoop(t testing.TB, fn func(vm *goja.Runtime) error) {
	t.Helper()
	if err := h.Worker.RunOnLoop(fn); err != nil {
		t.Fatal(err)
	}
}

// Case is one snippet for RunCases: Want is the JSON Src must return,
// compared exactly.
type Case struct {
	Name, Src, Want string
}

// RunCases runs each case as a subtest named after it.
func (h *Harness) RunCases(t *testing.T, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if got := h.Run(t, c.Src); got != c.Want {
				t.Errorf("got  %s\nwant %s", got, c.Want)
			}
		})
	}
}
