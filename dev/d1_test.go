package dev_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"edgedev/dev"
)

const d1Toml = "name = \"d1probe\"\nmain = \"src/index.js\"\ncompatibility_date = \"2025-01-01\"\n\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"probe\"\ndatabase_id = \"probe-id\"\n"

// TestD1MatchesWrangler runs the probe worker of bindings/d1/testdata, which
// exercises the platform facts of reference section 9 (error texts and their
// suffixes, exec's "Error in line 1", batch and exec as one transaction,
// the refused BEGIN, value mapping, first(col), raw, meta, the authorizer,
// FK on, DQS on, COMPOUND_SELECT 5), and compares its answer, key by key,
// with the answer wrangler 4.86.0 gave for the same worker
// (testdata/wrangler-4.86.0-probe.json, recorded with `wrangler dev` and
// curl). Only what cannot match is normalised: durations, size_after (page
// accounting differs with workerd's own _cf_ tables), the bookmark counter,
// the session's private transport methods, table_list's row for workerd's
// _cf_METADATA table, and the counters of FTS5's internal writes.
func TestD1MatchesWrangler(t *testing.T) {
	probe, err := os.ReadFile("../bindings/d1/testdata/probe.js")
	if err != nil {
		t.Fatal(err)
	}
	wantRaw, err := os.ReadFile("../bindings/d1/testdata/wrangler-4.86.0-probe.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := project(t, map[string]string{"wrangler.toml": d1Toml, "src/index.js": string(probe)})
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	if got.status != 200 {
		t.Fatalf("probe: %d %s\n%s", got.status, got.body, r.err)
	}
	var have, want map[string]any
	if err := json.Unmarshal([]byte(got.body), &have); err != nil {
		t.Fatalf("%v: %s", err, got.body)
	}
	if err := json.Unmarshal(wantRaw, &want); err != nil {
		t.Fatal(err)
	}
	normalise(have)
	normalise(want)
	for _, m := range []map[string]any{have, want} {
		if meta, ok := m["vtab"].(map[string]any)["ok"].(map[string]any)["meta"].(map[string]any); ok {
			delete(meta, "rows_read") // approximated (database.go): FTS5's shadow-table writes count differently
			delete(meta, "rows_written")
		}
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Run(k, func(t *testing.T) {
			if h, ok := have[k]; !ok || !reflect.DeepEqual(h, want[k]) {
				hb, _ := json.Marshal(h)
				wb, _ := json.Marshal(want[k])
				t.Errorf("\n have %s\n want %s", hb, wb)
			}
		})
	}
	for k := range have {
		if _, ok := want[k]; !ok {
			t.Errorf("probe answered %q, which wrangler did not", k)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".edgedev/state/d1/probe-id.sqlite")); err != nil {
		t.Errorf("database file not where documented: %v", err)
	}
}

var bookmark = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{8}-00000000-0{32}$`)

func normalise(v any) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			switch k {
			case "duration", "size_after":
				x[k] = "N"
				continue
			case "proto":
				if _, ok := x["b0"]; ok {
					delete(x, k)
					continue
				}
			case "b1":
				if s, ok := e.(string); ok && bookmark.MatchString(s) {
					x[k] = "BOOKMARK"
				}
				continue
			}
			normalise(e)
		}
		if ok, _ := x["ok"].(string); ok != "" && bookmark.MatchString(ok) {
			x["ok"] = "BOOKMARK"
		}
		// goja's Date.prototype.toString names the zone "(UTC)", V8
		// "(Coordinated Universal Time)": the runtime's, not D1's.
		for _, k := range []string{"err", "cause"} {
			if s, ok := x[k].(string); ok {
				x[k] = strings.ReplaceAll(s, "(UTC)", "(Coordinated Universal Time)")
			}
		}
		if res, ok := x["results"].([]any); ok {
			kept := res[:0]
			for _, r := range res {
				if m, ok := r.(map[string]any); ok && strings.HasPrefix(fmt.Sprint(m["name"]), "_cf_") {
					continue
				}
				kept = append(kept, r)
			}
			x["results"] = kept
		}
	case []any:
		for _, e := range x {
			normalise(e)
		}
	}
}

// TestD1OneProcessPerDatabase: a second server on the same state directory
// (another process, or here another open in this one: flock conflicts
// either way) is refused at once with a message that says what to do, and
// the first keeps serving.
func TestD1OneProcessPerDatabase(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": d1Toml,
		"src/index.js": `export default { async fetch(req, env) { return Response.json(await env.DB.prepare("SELECT 1 AS one").first()); } };`})
	r := start(t, dev.Options{Dir: dir})
	if got := r.do(t, "GET", "/", ""); got.body != `{"one":1}` {
		t.Fatalf("first server: %d %s", got.status, got.body)
	}
	_, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}})
	if err == nil || !strings.Contains(err.Error(), "another edgedev process holds the D1 database") || !strings.Contains(err.Error(), "probe-id.sqlite") {
		t.Fatalf("second server: %v", err)
	}
	if got := r.do(t, "GET", "/", ""); got.body != `{"one":1}` {
		t.Errorf("first server after the refusal: %d %s", got.status, got.body)
	}
}

// TestPagesD1Flag: `edgedev pages dev --d1 DB=ID` binds a database to the
// functions under the local id ID (the binding name without one).
func TestPagesD1Flag(t *testing.T) {
	dir := project(t, map[string]string{
		"site/index.html": "home",
		"functions/api/count.ts": `export const onRequest = async ({ env }) => {
  await env.DB.exec("CREATE TABLE IF NOT EXISTS hits (id INTEGER PRIMARY KEY AUTOINCREMENT)");
  await env.DB.prepare("INSERT INTO hits DEFAULT VALUES").run();
  return Response.json(await env.DB.prepare("SELECT count(*) AS n FROM hits").first());
};`,
	})
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "site"), D1: []string{"DB=pages-db"}}})
	r.do(t, "GET", "/api/count", "")
	if got := r.do(t, "GET", "/api/count", ""); got.body != `{"n":2}` {
		t.Fatalf("GET /api/count = %d %s\n%s", got.status, got.body, r.err)
	}
	if !strings.Contains(r.out.String(), "env.DB") || !strings.Contains(r.out.String(), "pages-db (local)") {
		t.Errorf("banner:\n%s", r.out)
	}
	if _, err := os.Stat(filepath.Join(dir, ".edgedev/state/d1/pages-db.sqlite")); err != nil {
		t.Errorf("database file: %v", err)
	}
}

// TestPagesExampleGuestbook runs the guestbook of examples/pages-functions'
// README: a Pages function on the config's D1 database.
func TestPagesExampleGuestbook(t *testing.T) {
	dir := copyDir(t, "../examples/pages-functions")
	os.RemoveAll(filepath.Join(dir, ".edgedev"))
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{}})
	steps := []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/api/guestbook", `{"name":"ada","message":"hello"}`, 201, `{"id":1,"name":"ada","message":"hello"}`},
		{"POST", "/api/guestbook", `{"name":"alan","message":"hi ada"}`, 201, `{"id":2,"name":"alan","message":"hi ada"}`},
		{"GET", "/api/guestbook", "", 200, `{"entries":[{"id":2,"name":"alan","message":"hi ada"},{"id":1,"name":"ada","message":"hello"}]}`},
		{"POST", "/api/guestbook", `{"name":"ada"}`, 400, `{"error":"name and message are required"}`},
	}
	for _, s := range steps {
		if got := r.do(t, s.method, s.path, s.body); got.status != s.status || got.body != s.want {
			t.Errorf("%s %s %s = %d %s, want %d %s", s.method, s.path, s.body, got.status, got.body, s.status, s.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".edgedev/state/d1/guestbook.sqlite")); err != nil {
		t.Errorf("database file: %v", err)
	}
}
