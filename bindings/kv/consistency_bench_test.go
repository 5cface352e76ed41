package kv_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
	"edgedev/runtime"
)

// BenchmarkWorker_KVReadSimulated is BenchmarkWorker_KVRead with the
// consistency simulation off and on, each request at a location of three.
// The target: on keeps >= 80% of off's throughput (compare ns/op).
func BenchmarkWorker_KVReadSimulated(b *testing.B) {
	for _, bc := range []struct {
		name string
		o    *kv.ConsistencyOptions
	}{
		{"off", nil},
		{"on-cached", &kv.ConsistencyOptions{Cache: true, Propagation: 10 * time.Second}},
		{"on-uncached", &kv.ConsistencyOptions{Propagation: 10 * time.Second}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var opts []kv.Option
			if bc.o != nil {
				o := *bc.o
				o.Now, o.Locations = time.Now, []string{"LHR", "SIN", "IAD"}
				c, err := kv.NewConsistency(o)
				if err != nil {
					b.Fatal(err)
				}
				opts = append(opts, kv.WithConsistency(c))
			}
			n := kv.New(persisttest.Open(b), "bench", time.Now, opts...)
			if err := n.Put(ctx, "page", make([]byte, 1024), kv.PutOptions{}); err != nil {
				b.Fatal(err)
			}
			w := benchWorker(b, n, `return new Response(await env.KV.get("page"));`)
			locs := []string{"LHR", "SIN", "IAD"}
			b.ReportAllocs()
			b.SetParallelism(8)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				req := httptest.NewRequest("GET", "http://127.0.0.1:8787/", nil)
				i := 0
				for pb.Next() {
					rec := httptest.NewRecorder()
					i++
					if _, err := w.Serve(rec, req, runtime.Incoming{Location: locs[i%3]}); err != nil || rec.Code != http.StatusOK {
						b.Fatalf("%v %d %s", err, rec.Code, rec.Body)
					}
				}
			})
		})
	}
}
