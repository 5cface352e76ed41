package kv_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"edgedev/bindings"
	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
	"edgedev/runtime"
)

func benchNS(b *testing.B) *kv.Namespace {
	return kv.New(persisttest.Open(b), "bench", time.Now)
}

// BenchmarkNamespace_Get is a Go-API read of a 1 KiB value with metadata.
func BenchmarkNamespace_Get(b *testing.B) {
	n := benchNS(b)
	if err := n.Put(ctx, "k", make([]byte, 1024), kv.PutOptions{Metadata: json.RawMessage(`{"a":1}`)}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if e, err := n.Get(ctx, "k", kv.GetOptions{}); err != nil || e == nil {
			b.Fatal(e, err)
		}
	}
}

// BenchmarkNamespace_Put is a Go-API fsync'd write of a 1 KiB value.
func BenchmarkNamespace_Put(b *testing.B) {
	n := benchNS(b)
	v := make([]byte, 1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := n.Put(ctx, fmt.Sprint("k", i), v, kv.PutOptions{ExpirationTTL: new(int64(3600))}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNamespace_List1000 lists a full page of 1,000 keys with metadata
// (target: <= 5 ms).
func BenchmarkNamespace_List1000(b *testing.B) {
	n := benchNS(b)
	ws := make([]kv.Write, 5000)
	for i := range ws {
		ws[i] = kv.Write{Key: fmt.Sprintf("user:%05d", i), Value: []byte("v"),
			Options: kv.PutOptions{Metadata: json.RawMessage(fmt.Sprintf(`{"plan":"pro","n":%d}`, i))}}
	}
	if err := n.PutBulk(ctx, ws); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := n.List(ctx, kv.ListOptions{Prefix: "user:"})
		if err != nil || len(r.Keys) != 1000 {
			b.Fatal(err)
		}
	}
}

// benchWorker serves a worker whose fetch handler is body, with env.KV.
func benchWorker(b *testing.B, n *kv.Namespace, body string) *runtime.Worker {
	w, err := runtime.New(runtime.Options{
		Script:     `globalThis.__edgedev_worker = { default: { async fetch(request, env) {` + body + `} } };`,
		GlobalName: "__edgedev_worker",
		Bindings:   []bindings.Named{{Name: "KV", Kind: "kv_namespaces", Binding: n}},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close(b.Context()) })
	return w
}

func serve(b *testing.B, w *runtime.Worker, parallel int) {
	b.ReportAllocs()
	b.SetParallelism(parallel)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest("GET", "http://127.0.0.1:8787/", nil)
		for pb.Next() {
			rec := httptest.NewRecorder()
			if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil || rec.Code != http.StatusOK {
				b.Fatalf("%v %d %s", err, rec.Code, rec.Body)
			}
		}
	})
}

// BenchmarkWorker_KVRead is a worker that reads one 1 KiB value per request,
// in process (no sockets): the per-request cost behind the >= 12,000 req/s
// KV-read target.
func BenchmarkWorker_KVRead(b *testing.B) {
	n := benchNS(b)
	if err := n.Put(ctx, "page", make([]byte, 1024), kv.PutOptions{}); err != nil {
		b.Fatal(err)
	}
	w := benchWorker(b, n, `return new Response(await env.KV.get("page"));`)
	serve(b, w, 8)
}

// BenchmarkWorker_KVWrite is a worker that writes one key per request, 16
// requests in flight: the per-request cost behind the >= 1,500 req/s
// fsync'd KV-write target.
func BenchmarkWorker_KVWrite(b *testing.B) {
	n := benchNS(b)
	w := benchWorker(b, n, `const id = crypto.randomUUID(); await env.KV.put("hit:" + id, "1"); return new Response("ok");`)
	serve(b, w, 8)
}
