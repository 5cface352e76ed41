package runtime_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/runtime/runtimetest"
)

// recorder is a binding that records the calls a worker makes to it.
type recorder struct {
	mu    sync.Mutex
	calls []string
}

func (r *recorder) Expose(h bindings.Host) (goja.Value, error) {
	o := h.VM().NewObject()
	return o, o.Set("note", func(c goja.FunctionCall) goja.Value {
		r.mu.Lock()
		r.calls = append(r.calls, c.Argument(0).String())
		r.mu.Unlock()
		return goja.Undefined()
	})
}

func (r *recorder) Close() error { return nil }

func (r *recorder) seen() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.calls, ",")
}

// TestAbandonedRequest: when the client goes away before the response, the
// request's timers (and what they would have done, like a KV write) are
// cancelled, as workerd cancels a request's work; work handed to waitUntil
// goes on; other requests' work is untouched.
func TestAbandonedRequest(t *testing.T) {
	rec := &recorder{}
	h := runtimetest.New(t, runtimetest.Options{Bindings: []bindings.Named{{Name: "REC", Kind: "test", Binding: rec}}})
	abandon := func(src string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "POST", h.URL+"/", strings.NewReader(src))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			t.Fatalf("the request finished (%d); it should have been cut off", resp.StatusCode)
		}
	}
	abandon(`setTimeout(() => env.REC.note("late write"), 400);
		setTimeout(() => setTimeout(() => env.REC.note("nested"), 300), 100);
		(async () => { await new Promise((r) => setTimeout(r, 250)); env.REC.note("after await"); })();
		await new Promise((r) => setTimeout(r, 60000));`)
	abandon(`ctx.waitUntil(new Promise((r) => setTimeout(r, 300)).then(() => env.REC.note("waitUntil")));
		setTimeout(() => env.REC.note("kept by waitUntil"), 350);
		await new Promise((r) => setTimeout(r, 800));`)
	// Another request's timer armed meanwhile is not touched.
	if got := h.Run(t, `await new Promise((r) => setTimeout(r, 500)); env.REC.note("other request"); return 1;`); got != "1" {
		t.Fatalf("other request: %s", got)
	}
	time.Sleep(200 * time.Millisecond)
	if got := rec.seen(); got != "waitUntil,kept by waitUntil,other request" {
		t.Errorf("calls after the disconnects: %q", got)
	}
}

// TestAbandonedStream: a client that leaves while the body streams
// abandons the request's work too: the interval feeding the stream stops.
func TestAbandonedStream(t *testing.T) {
	rec := &recorder{}
	h := runtimetest.New(t, runtimetest.Options{Bindings: []bindings.Named{{Name: "REC", Kind: "test", Binding: rec}}})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", h.URL+"/", strings.NewReader(`
		const enc = new TextEncoder(); let n = 0;
		return new Response(new ReadableStream({ start(c) {
			setInterval(() => { n++; env.REC.note("tick"); try { c.enqueue(enc.encode("tick\n")); } catch {} }, 20);
		} }));`))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := resp.Body.Read(buf); err != nil {
		t.Fatal(err)
	}
	cancel()
	resp.Body.Close()
	time.Sleep(150 * time.Millisecond) // the disconnect reaches the loop
	before := strings.Count(rec.seen(), "tick")
	time.Sleep(200 * time.Millisecond)
	if after := strings.Count(rec.seen(), "tick"); after != before {
		t.Errorf("the interval kept running after the client left: %d -> %d ticks", before, after)
	}
}

// TestAbandonedFetch: a fetch started by a request whose client left is
// aborted, and whoever else awaits it learns why.
func TestAbandonedFetch(t *testing.T) {
	release := make(chan struct{})
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer upstream.Close()
	defer close(release)
	h := runtimetest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", h.URL+"/", strings.NewReader(`globalThis.shared = fetch("`+upstream.URL+`"); await shared;`))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the request finished; it should have been cut off")
	}
	time.Sleep(100 * time.Millisecond)
	got := h.Run(t, `try { await globalThis.shared; return "resolved"; } catch (e) { return e.name + ": " + e.message; }`)
	if !strings.Contains(got, "TypeError: Network connection lost. the client went away before the response") {
		t.Errorf("got %s", got)
	}
	if logs := strings.Join(h.Logs(), "\n"); !strings.Contains(logs, "hand work that must finish to ctx.waitUntil") {
		t.Errorf("the log did not say what happened:\n%s", logs)
	}
}
