package kv_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"edgedev/bindings"
	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
	"edgedev/runtime"
)

// locWorker evaluates the request body on a real worker, serving it at the
// location the test names, as the dev server does for X-Edgedev-Location.
type locWorker struct {
	w *runtime.Worker
}

func newLocWorker(t *testing.T, ns *kv.Namespace, now func() time.Time) *locWorker {
	t.Helper()
	w, err := runtime.New(runtime.Options{
		Script: `globalThis.__edgedev_worker = { default: { async fetch(request, env) {
			const src = await request.text();
			const out = await new Function("env", "request", "return (async () => {" + src + "})()")(env, request);
			return new Response(JSON.stringify(out));
		} } };`,
		GlobalName: "__edgedev_worker",
		Bindings:   []bindings.Named{{Name: "KV", Kind: "kv_namespaces", Binding: ns}},
		Now:        now,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close(t.Context()) })
	return &locWorker{w: w}
}

func (l *locWorker) run(t *testing.T, loc, src string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "http://127.0.0.1/", strings.NewReader(src))
	if _, err := l.w.Serve(rec, req, runtime.Incoming{Location: loc}); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("at %s: %v %d %s", loc, err, rec.Code, rec.Body)
	}
	return rec.Body.String()
}

func TestConsistency_JS(t *testing.T) {
	t.Run("off: cacheStatus is null and every location is central", func(t *testing.T) {
		clk := newClock()
		ns := kv.New(persisttest.Open(t), "js-off", clk.Now)
		w := newLocWorker(t, ns, clk.Now)
		if got := w.run(t, "LHR", `await env.KV.put("k", "v"); return [request.cf.colo, await env.KV.getWithMetadata("k"), (await env.KV.list()).cacheStatus]`); got != `["LHR",{"value":"v","metadata":null,"cacheStatus":null},null]` {
			t.Errorf("got %s", got)
		}
		if got := w.run(t, "SIN", `return await env.KV.get("k")`); got != `"v"` {
			t.Errorf("other location: %s", got)
		}
	})
	t.Run("on: each location reads through its own cache", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true, Propagation: 10 * time.Second})
		w := newLocWorker(t, s.ns, s.clk.Now)
		if got := w.run(t, "SIN", `return [request.cf.colo, await env.KV.getWithMetadata("k")]`); got != `["SIN",{"value":null,"metadata":null,"cacheStatus":"MISS"}]` {
			t.Errorf("cold miss at SIN: %s", got)
		}
		if got := w.run(t, "LHR", `await env.KV.put("k", "v1", {metadata: {by: "LHR"}}); return await env.KV.getWithMetadata("k")`); got != `{"value":"v1","metadata":{"by":"LHR"},"cacheStatus":"HIT"}` {
			t.Errorf("writer reads its own write from its refreshed cache: %s", got)
		}
		if got := w.run(t, "SIN", `return await env.KV.getWithMetadata("k")`); got != `{"value":null,"metadata":null,"cacheStatus":"HIT"}` {
			t.Errorf("SIN's cached miss: %s", got)
		}
		if got := w.run(t, "IAD", `return [await env.KV.get("k"), await env.KV.get(["k"]).then(m => m.get("k"))]`); got != `[null,null]` {
			t.Errorf("IAD before the write arrives: %s", got)
		}
		s.clk.Advance(time.Minute)
		if got := w.run(t, "SIN", `const l = await env.KV.list(); return [await env.KV.get("k", {cacheTtl: 30}), l.keys.map(k => k.name), l.cacheStatus]`); got != `["v1",["k"],"MISS"]` {
			t.Errorf("SIN after a minute: %s", got)
		}
		if got := w.run(t, "SIN", `await env.KV.delete("k"); return [await env.KV.get("k"), (await env.KV.list()).keys.length]`); got != `[null,1]` {
			t.Errorf("a delete at SIN: SIN's get sees it, its cached list does not: %s", got)
		}
		if l := s.logs(); len(l) != 4 {
			t.Errorf("want 4 stale reads logged (SIN's cached miss, IAD's get and bulk get, SIN's cached list), got %q", l)
		}
	})
}
