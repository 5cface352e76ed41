package d1_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"edgedev/bindings"
	"edgedev/bindings/d1"
	"edgedev/runtime"
)

// benchDB is a database with the bench's users table: 1,000 rows.
func benchDB(b *testing.B) *d1.Database {
	db, err := d1.Open(filepath.Join(b.TempDir(), "bench.sqlite"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	qs := []d1.Query{{SQL: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL)"},
		{SQL: "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, body TEXT NOT NULL)"}}
	for i := 1; i <= 1000; i++ {
		qs = append(qs, d1.Query{SQL: "INSERT INTO users (id, name, email) VALUES (?, ?, ?)", Params: []any{float64(i), fmt.Sprint("user-", i), fmt.Sprint("user-", i, "@example.com")}})
	}
	if a := db.RunSync(context.Background(), qs); a.Err != nil {
		b.Fatal(a.Err)
	}
	return db
}

// BenchmarkDatabase_Read is the d1-read workload's query on the Go API.
func BenchmarkDatabase_Read(b *testing.B) {
	db := benchDB(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := db.RunSync(context.Background(), []d1.Query{{SQL: "SELECT id, name, email FROM users WHERE id = ?", Params: []any{float64(i%1000 + 1)}}})
		if a.Err != nil || len(a.Results[0].Rows) != 1 {
			b.Fatal(a.Err)
		}
		i++
	}
}

// BenchmarkDatabase_Write is the d1-write workload's INSERT on the Go API,
// one at a time: each waits for its own fsync (no group to share it with).
func BenchmarkDatabase_Write(b *testing.B) {
	db := benchDB(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := db.RunSync(context.Background(), []d1.Query{{SQL: "INSERT INTO events (seq, body) VALUES (?, ?)", Params: []any{float64(i), "event"}}})
		if a.Err != nil {
			b.Fatal(a.Err)
		}
		i++
	}
}

func benchWorker(b *testing.B, db *d1.Database, body string) *runtime.Worker {
	w, err := runtime.New(runtime.Options{
		Script:     `globalThis.__edgedev_worker = { default: { async fetch(request, env) {` + body + `} } };`,
		GlobalName: "__edgedev_worker",
		Bindings:   []bindings.Named{{Name: "DB", Kind: "d1_databases", Binding: d1.NewBinding(db)}},
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
		req := httptest.NewRequest("GET", "http://127.0.0.1:8787/?id=7", nil)
		for pb.Next() {
			rec := httptest.NewRecorder()
			if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil || rec.Code != http.StatusOK {
				b.Fatalf("%v %d %s", err, rec.Code, rec.Body)
			}
		}
	})
}

// BenchmarkWorker_D1Read is the bench's d1-read worker in process (no
// sockets): the per-request cost behind the >= 8,000 req/s target.
func BenchmarkWorker_D1Read(b *testing.B) {
	w := benchWorker(b, benchDB(b), `const id = Number(new URL(request.url).searchParams.get("id") ?? 1);
	  const row = await env.DB.prepare("SELECT id, name, email FROM users WHERE id = ?").bind(id).first();
	  return Response.json(row);`)
	serve(b, w, 8)
}

// BenchmarkWorker_D1Write is the bench's d1-write worker, 16 requests in
// flight (group commit shares the fsyncs): behind the >= 2,000 req/s
// fsync'd target.
func BenchmarkWorker_D1Write(b *testing.B) {
	w := benchWorker(b, benchDB(b), `const r = await env.DB.prepare("INSERT INTO events (seq, body) VALUES (?, ?)").bind(1, "event").run();
	  return new Response(String(r.meta.changes));`)
	serve(b, w, 8)
}

// BenchmarkWorker_D1ReadBaseline is BenchmarkWorker_D1Read without the
// query (the same URL parsing and Response.json of a row): the difference
// between the two is what D1 costs a request.
func BenchmarkWorker_D1ReadBaseline(b *testing.B) {
	w := benchWorker(b, benchDB(b), `const id = Number(new URL(request.url).searchParams.get("id") ?? 1);
	  const row = { id, name: "user-" + id, email: "user-" + id + "@example.com" };
	  return Response.json(row);`)
	serve(b, w, 8)
}
