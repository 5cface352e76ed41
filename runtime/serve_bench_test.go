package runtime_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"edgedev/runtime"
)

const helloWorker = `globalThis.__edgedev_worker = { default: {
  async fetch(request) { return new Response("hello"); },
}};`

// BenchmarkServe measures the request path without the network: build the
// Request, run the handler on the loop, read the Response, write it.
func BenchmarkServe(b *testing.B) {
	w, err := runtime.New(runtime.Options{Script: helloWorker, GlobalName: "__edgedev_worker"})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close(b.Context())
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest("GET", "http://127.0.0.1:8787/", nil)
		req.Header.Set("User-Agent", "bench")
		req.Header.Set("Accept", "*/*")
		for pb.Next() {
			rec := httptest.NewRecorder()
			if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil || rec.Code != http.StatusOK {
				b.Fatalf("%v %d", err, rec.Code)
			}
		}
	})
}

// jsonWorker is the bench's json workload (../shared/bench/projects/json):
// parse a 2 KB body, filter and map it, answer with Response.json.
const jsonWorker = `globalThis.__edgedev_worker = { default: {
  async fetch(req) {
    const body = await req.json();
    const active = body.items.filter((i) => i.active);
    return Response.json({
      user: body.user.name.toUpperCase(), email: body.user.email, count: body.items.length,
      activeIds: active.map((i) => i.id), total: body.items.reduce((s, i) => s + i.price, 0),
      tags: [...new Set(body.items.flatMap((i) => i.tags))].sort(), noteLength: body.note.length,
    });
  },
}};`

// BenchmarkServeJSON is BenchmarkServe for the json workload's handler.
func BenchmarkServeJSON(b *testing.B) {
	body, err := os.ReadFile("/work/shared/bench/lua/json_body.json")
	if err != nil {
		b.Skipf("the shared bench's json body: %v", err)
	}
	w, err := runtime.New(runtime.Options{Script: jsonWorker, GlobalName: "__edgedev_worker"})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close(b.Context())
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "http://127.0.0.1:8787/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil || rec.Code != http.StatusOK {
			b.Fatalf("%v %d %s", err, rec.Code, rec.Body)
		}
	}
}
