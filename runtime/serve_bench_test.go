package runtime_test

import (
	"net/http"
	"net/http/httptest"
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
