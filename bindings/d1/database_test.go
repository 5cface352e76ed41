package d1

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func openTest(t *testing.T) (*Database, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.sqlite")
	db, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func mustRun(t *testing.T, db *Database, sqls ...string) []Result {
	t.Helper()
	qs := make([]Query, len(sqls))
	for i, s := range sqls {
		qs[i] = Query{SQL: s}
	}
	a := db.RunSync(context.Background(), qs)
	if a.Err != nil {
		t.Fatalf("%q: %v", sqls, a.Err)
	}
	return a.Results
}

func count(t *testing.T, db *Database, sql string) int64 {
	t.Helper()
	return mustRun(t, db, sql)[0].Rows[0][0].(int64)
}

func TestDatabase_GroupCommit(t *testing.T) {
	t.Run("requests queued together commit together, and one failing rolls back only itself", func(t *testing.T) {
		db, _ := openTest(t)
		mustRun(t, db, "CREATE TABLE t (k INTEGER PRIMARY KEY)")
		// Hold the database goroutine so the next requests queue up and run
		// as one group.
		release := make(chan struct{})
		db.Run([]Query{{SQL: "SELECT 1"}}, func(Answer) { <-release })
		var wg sync.WaitGroup
		answers := make([]Answer, 20)
		for i := range answers {
			wg.Add(1)
			sql := fmt.Sprintf("INSERT INTO t VALUES (%d)", 100+i)
			if i == 7 {
				sql = "INSERT INTO t VALUES (1); INSERT INTO nosuch VALUES (1)" // its first insert must not stay
			}
			db.Run([]Query{{SQL: sql}}, func(a Answer) { answers[i] = a; wg.Done() })
		}
		close(release)
		wg.Wait()
		for i, a := range answers {
			if (a.Err != nil) != (i == 7) {
				t.Errorf("request %d: %v", i, a.Err)
			}
		}
		if n := count(t, db, "SELECT count(*) FROM t"); n != 19 {
			t.Errorf("%d rows, want 19", n)
		}
		if n := count(t, db, "SELECT count(*) FROM t WHERE k = 1"); n != 0 {
			t.Errorf("the failed request's first insert stayed")
		}
	})
	t.Run("a deferred foreign key violation fails its own request only", func(t *testing.T) {
		db, _ := openTest(t)
		mustRun(t, db, "CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id))")
		a := db.RunSync(context.Background(), []Query{{SQL: "PRAGMA defer_foreign_keys = on"}, {SQL: "INSERT INTO c VALUES (1, 99)"}})
		if a.Err == nil || a.Err.Error() != msgDeferredFK {
			t.Fatalf("err = %v", a.Err)
		}
		a = db.RunSync(context.Background(), []Query{{SQL: "PRAGMA defer_foreign_keys = on"}, {SQL: "INSERT INTO c VALUES (2, 5)"}, {SQL: "INSERT INTO p VALUES (5)"}})
		if a.Err != nil {
			t.Fatalf("a violation resolved before the end: %v", a.Err)
		}
		if got := mustRun(t, db, "PRAGMA defer_foreign_keys")[0].Rows[0][0]; got != int64(0) {
			t.Errorf("defer_foreign_keys leaked into the next request: %v", got)
		}
	})
}

func TestDatabase_Durable(t *testing.T) {
	db, path := openTest(t)
	mustRun(t, db, "CREATE TABLE t (v TEXT)", "INSERT INTO t VALUES ('kept')")
	if _, err := Open(path, nil); !errors.Is(err, ErrLocked) {
		t.Fatalf("a second open: %v, want ErrLocked", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if got := mustRun(t, again, "SELECT v FROM t")[0].Rows[0][0]; got != "kept" {
		t.Errorf("after reopening: %v", got)
	}
	if a := again.RunSync(context.Background(), []Query{{SQL: "SELECT 1"}}); a.Err != nil {
		t.Fatal(a.Err)
	}
	again.Close()
	if a := again.RunSync(context.Background(), []Query{{SQL: "SELECT 1"}}); !errors.Is(a.Err, ErrClosed) {
		t.Errorf("after Close: %v", a.Err)
	}
}

func TestDatabase_StatementCache(t *testing.T) {
	db, _ := openTest(t)
	mustRun(t, db, "CREATE TABLE t (a)", "INSERT INTO t VALUES (1)")
	const sel = "SELECT * FROM t"
	if got := mustRun(t, db, sel)[0].Columns; len(got) != 1 {
		t.Fatalf("columns %v", got)
	}
	// The cached statement sees a schema change.
	mustRun(t, db, "ALTER TABLE t ADD COLUMN b")
	if got := mustRun(t, db, sel)[0].Columns; strings.Join(got, ",") != "a,b" {
		t.Errorf("after ALTER TABLE: columns %v", got)
	}
	mustRun(t, db, "DROP TABLE t")
	if a := db.RunSync(context.Background(), []Query{{SQL: sel}}); a.Err == nil || a.Err.Error() != "no such table: t: SQLITE_ERROR" {
		t.Errorf("after DROP TABLE: %v", a.Err)
	}
	// The same text twice in one call works (the second is a fresh copy).
	res := mustRun(t, db, "SELECT 1", "SELECT 1")
	if len(res) != 2 {
		t.Errorf("%d results", len(res))
	}
	// Bindings do not leak from one run to the next.
	a := db.RunSync(context.Background(), []Query{{SQL: "SELECT ?", Params: []any{"x"}}})
	b := db.RunSync(context.Background(), []Query{{SQL: "SELECT ?", Params: []any{nil}}})
	if a.Results[0].Rows[0][0] != "x" || b.Results[0].Rows[0][0] != nil {
		t.Errorf("bindings: %v %v", a.Results[0].Rows, b.Results[0].Rows)
	}
}

// The authorizer's decisions, as workerd's isAuthorized makes them.
func TestAuthorizer(t *testing.T) {
	db, _ := openTest(t)
	mustRun(t, db, "CREATE TABLE t (a)")
	cases := []struct {
		sql, err string // err "" means allowed
	}{
		{"PRAGMA table_list", ""},
		{"PRAGMA table_info(t)", ""},
		{"PRAGMA foreign_keys", ""},
		{"PRAGMA foreign_keys = off", ""},
		{"PRAGMA foreign_keys = 'yes'", ""},
		{"PRAGMA foreign_keys = maybe", "not authorized: SQLITE_AUTH"},
		{"PRAGMA journal_mode", "not authorized: SQLITE_AUTH"},
		{"PRAGMA page_size", ""},
		{"PRAGMA page_size = 512", "not authorized: SQLITE_AUTH"},
		{"PRAGMA index_list", "not authorized: SQLITE_AUTH"},
		{"PRAGMA quick_check(5)", ""},
		{"PRAGMA optimize", ""},
		{"PRAGMA optimize(x)", "not authorized: SQLITE_AUTH"},
		{"CREATE TABLE _CF_x (a)", "not authorized: SQLITE_AUTH"},
		{"CREATE INDEX _cf_i ON t(a)", "not authorized: SQLITE_AUTH"},
		{"CREATE TEMP TABLE tt (a)", "not authorized: SQLITE_AUTH"},
		{"ATTACH 'x.db' AS x", "not authorized: SQLITE_AUTH"},
		{"SAVEPOINT s", msgTransaction},
		{"COMMIT", msgTransaction},
		{"SELECT upper('a'), json_object('a', 1), date('now'), abs(-1)", ""},
		{"SELECT sqlite_version()", "not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR"},
		{"CREATE VIRTUAL TABLE f USING fts5(a)", ""},
		{"CREATE VIRTUAL TABLE r USING rtree(id, x0, x1)", ""},
		{"SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6", "too many terms in compound SELECT: SQLITE_ERROR"},
		{`SELECT "dqs"`, ""},
	}
	for _, c := range cases {
		t.Run(c.sql, func(t *testing.T) {
			a := db.RunSync(context.Background(), []Query{{SQL: c.sql}})
			got := ""
			if a.Err != nil {
				got = a.Err.Error()
			}
			if got != c.err {
				t.Errorf("got %q, want %q", got, c.err)
			}
		})
	}
}

func TestExport_VirtualTable(t *testing.T) {
	db, _ := openTest(t)
	mustRun(t, db, "CREATE VIRTUAL TABLE f USING fts5(a)")
	run := func(ctx context.Context, qs []Query) Answer { return db.RunSync(ctx, qs) }
	if _, err := Export(context.Background(), run, ExportOptions{}); err != ErrVirtualTables {
		t.Errorf("err = %v", err)
	}
}

func TestMigrations(t *testing.T) {
	dir := t.TempDir()
	for _, m := range []string{"init", "two words", "third"} {
		if _, err := NewMigration(dir, m, testNow); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Migrations(dir)
	if err != nil || strings.Join(got, " ") != "0001_init.sql 0002_two_words.sql 0003_third.sql" {
		t.Errorf("%v %v", got, err)
	}
	if _, err := NewMigration(dir, "a/b", testNow); err == nil {
		t.Error("a message with / was accepted")
	}
}

var testNow = time.Date(2026, 12, 4, 22, 0, 0, 0, time.UTC)
