package runtime_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"edgedev/runtime"
)

// The cost of nodejs_compat on hello world (the target: within 5% of the
// flag off, start-up and per request). "off" is the worker without the
// flag; "v2" the same worker with it; "v2 uses node" a hello world that
// imports node:buffer and touches process, as a Node-flavoured worker's
// first lines do.
var nodeModes = []struct {
	name   string
	script string
	node   runtime.NodeCompat
}{
	{"off", helloWorker, runtime.NodeCompat{}},
	{"v2", helloWorker, runtime.NodeCompat{Mode: "v2", PopulateProcessEnv: true}},
	{"v2 2026 (global timers)", helloWorker, runtime.NodeCompat{Mode: "v2", PopulateProcessEnv: true, Flags: []string{"enable_nodejs_process_v2", "enable_nodejs_global_timers"}}},
	{"v2 uses node", `const { Buffer } = __edgedev_import("node:buffer"); const env = process.env;
globalThis.__edgedev_worker = { default: { async fetch() { return new Response("hello"); } } };`, runtime.NodeCompat{Mode: "v2", PopulateProcessEnv: true}},
}

func BenchmarkNewNodeCompat(b *testing.B) {
	for _, m := range nodeModes {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				w, err := runtime.New(runtime.Options{Script: m.script, GlobalName: "__edgedev_worker", Node: m.node})
				if err != nil {
					b.Fatal(err)
				}
				w.Close(b.Context())
			}
		})
	}
}

func BenchmarkServeNodeCompat(b *testing.B) {
	for _, m := range nodeModes {
		b.Run(m.name, func(b *testing.B) {
			w, err := runtime.New(runtime.Options{Script: m.script, GlobalName: "__edgedev_worker", Node: m.node})
			if err != nil {
				b.Fatal(err)
			}
			defer w.Close(b.Context())
			req := httptest.NewRequest("GET", "http://127.0.0.1:8787/", nil)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil || rec.Code != http.StatusOK {
					b.Fatalf("%v %d", err, rec.Code)
				}
			}
		})
	}
}
