package dev_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"edgedev/bindings/d1"
	"edgedev/dev"
)

// TestExampleD1Patterns drives the D1 section of examples/worker's README:
// the migration applied (through bindings/d1, the code `edgedev d1
// migrations apply` runs), then the cache-aside reads and the invalidating
// update over HTTP.
func TestExampleD1Patterns(t *testing.T) {
	dir := copyDir(t, "../examples/worker")
	os.RemoveAll(filepath.Join(dir, ".edgedev"))
	db, err := d1.Open(d1.Path(filepath.Join(dir, ".edgedev/state"), "example-db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	run := func(ctx context.Context, qs []d1.Query) d1.Answer { return db.RunSync(ctx, qs) }
	if err := d1.EnsureLedger(t.Context(), run, "d1_migrations"); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "migrations/0001_users.sql"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := d1.MigrationQueries(string(text), "0001_users.sql", "d1_migrations")
	if err != nil {
		t.Fatal(err)
	}
	if a := run(t.Context(), qs); a.Err != nil {
		t.Fatal(a.Err)
	}
	db.Close()

	r := start(t, dev.Options{Dir: dir})
	steps := []struct{ method, path, body, want string }{
		{"GET", "/users/ann", "", `{"id":"ann","email":"ann@example.com","name":"Ann","created_at":"2026-01-01 00:00:00","source":"d1"}`},
		{"GET", "/users/ann", "", `{"id":"ann","email":"ann@example.com","name":"Ann","created_at":"2026-01-01 00:00:00","source":"kv"}`},
		{"PUT", "/users/ann", `{"name":"Ann Lee"}`, `{"updated":"ann","name":"Ann Lee"}`},
		{"GET", "/users/ann", "", `{"id":"ann","email":"ann@example.com","name":"Ann Lee","created_at":"2026-01-01 00:00:00","source":"d1"}`},
		{"GET", "/users/ann", "", `{"id":"ann","email":"ann@example.com","name":"Ann Lee","created_at":"2026-01-01 00:00:00","source":"kv"}`},
		{"GET", "/users/zed", "", `{"error":"no user zed"}`},
		{"PUT", "/users/zed", `{"name":"Z"}`, `{"error":"no user zed"}`},
		{"PUT", "/users/ann", `{"nom":"x"}`, `{"error":"body must be {\"name\": \"...\"}"}`},
	}
	for _, s := range steps {
		if got := r.do(t, s.method, s.path, s.body); got.body != s.want {
			t.Errorf("%s %s %s = %d %s, want %s", s.method, s.path, s.body, got.status, got.body, s.want)
		}
	}
}
