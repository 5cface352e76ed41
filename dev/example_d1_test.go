package dev_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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
	applyMigrations(t, dir, "example-db")

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

// applyMigrations applies every migration of dir/migrations to the local
// database id, through bindings/d1 (the code `edgedev d1 migrations apply`
// runs).
func applyMigrations(t *testing.T, dir, id string) {
	t.Helper()
	db, err := d1.Open(d1.Path(filepath.Join(dir, ".edgedev/state"), id), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run := func(ctx context.Context, qs []d1.Query) d1.Answer { return db.RunSync(ctx, qs) }
	if err := d1.EnsureLedger(t.Context(), run, "d1_migrations"); err != nil {
		t.Fatal(err)
	}
	pending, err := d1.Pending(t.Context(), run, filepath.Join(dir, "migrations"), "d1_migrations")
	if err != nil || len(pending) == 0 {
		t.Fatalf("pending migrations: %v %v", pending, err)
	}
	for _, name := range pending {
		text, err := os.ReadFile(filepath.Join(dir, "migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		qs, err := d1.MigrationQueries(string(text), name, "d1_migrations")
		if err != nil {
			t.Fatal(err)
		}
		if a := run(t.Context(), qs); a.Err != nil {
			t.Fatalf("%s: %v", name, a.Err)
		}
	}
}

// TestD1OfficialTemplate serves the official d1-template (testdata/templates)
// after its migration: the page lists the seeded comments. (The same flow
// through the CLI is cmd/edgedev's d1_template script.)
func TestD1OfficialTemplate(t *testing.T) {
	dir := copyDir(t, "testdata/templates/d1-template")
	applyMigrations(t, dir, "151f7d9b-365f-41d7-83ed-0bf4eeef5086")
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	for _, want := range []string{"Successfully connected d1-template to D1", `"author": "Kristian"`, `"content": "Keep up the good work!"`} {
		if !strings.Contains(got.body, want) {
			t.Errorf("the page lacks %q: %d\n%s", want, got.status, got.body)
		}
	}
}
