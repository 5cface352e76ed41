package dev_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestAssets_HotReload: a changed, added or deleted asset is served on the
// next request, with no rebuild of the worker (its module-scope counter
// keeps counting); a burst of 1,000 new files is one refresh of the
// site's rules, however many file events it made; and a changed _headers
// applies on the next request after its event.
func TestAssets_HotReload(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": "name = \"site\"\nmain = \"src/index.js\"\ncompatibility_date = \"2025-06-01\"\n[assets]\ndirectory = \"public\"\n",
		"src/index.js":  "let n = 0;\nexport default { fetch() { n++; return new Response(`worker ${n}`) } };\n",
		"public/a.txt":  "one",
	})
	r := start(t, dev.Options{Dir: dir, Watch: true})
	get := func(path string) string { return r.do(t, "GET", path, "").body }
	pub := func(name string) string { return filepath.Join(dir, "public", name) }

	if got := get("/a.txt"); got != "one" {
		t.Fatalf("/a.txt = %q", got)
	}
	write(t, pub("a.txt"), "two, longer")
	if got := get("/a.txt"); got != "two, longer" {
		t.Errorf("changed asset: %q", got)
	}
	if got := get("/b.txt"); got != "worker 1" {
		t.Errorf("before it exists: %q", got)
	}
	write(t, pub("b.txt"), "new")
	if got := get("/b.txt"); got != "new" {
		t.Errorf("added asset: %q", got)
	}
	if err := os.Remove(pub("a.txt")); err != nil {
		t.Fatal(err)
	}
	if got := get("/a.txt"); got != "worker 2" {
		t.Errorf("deleted asset: %q (want the worker, still the same instance)", got)
	}

	t.Run("1,000 files written at once are one refresh", func(t *testing.T) {
		eventually(t, "the events so far", func() bool { return r.srv.AssetStats().Events >= 3 })
		get("/b.txt") // settle what the edits above left pending
		before := r.srv.AssetStats()
		for i := range 1000 {
			write(t, pub(fmt.Sprintf("gen-%04d.js", i)), fmt.Sprintf("export const n = %d;\n", i))
		}
		// Each file is at least a create and a write event.
		eventually(t, "the burst's events", func() bool { return r.srv.AssetStats().Events-before.Events >= 2000 })
		if got := r.srv.AssetStats().Refreshes; got != before.Refreshes {
			t.Fatalf("%d refreshes before any request", got-before.Refreshes)
		}
		if got := get("/gen-0999.js"); got != "export const n = 999;\n" {
			t.Errorf("/gen-0999.js = %q", got)
		}
		get("/gen-0000.js")
		after := r.srv.AssetStats()
		if n := after.Refreshes - before.Refreshes; n != 1 {
			t.Errorf("%d refreshes for %d events, want 1", n, after.Events-before.Events)
		}
		if strings.Contains(r.out.String(), "reloaded (") {
			t.Errorf("the worker was rebuilt for asset changes:\n%s", r.out.String())
		}
		if got := get("/nope"); got != "worker 3" {
			t.Errorf("the worker was replaced: %q", got)
		}
	})

	t.Run("a new _headers applies after its event", func(t *testing.T) {
		before := r.srv.AssetStats().Events
		write(t, pub("_headers"), "/b.txt\n  X-Rule: yes\n")
		eventually(t, "the _headers event", func() bool { return r.srv.AssetStats().Events > before })
		if got := r.do(t, "GET", "/b.txt", ""); got.header.Get("X-Rule") != "yes" {
			t.Errorf("X-Rule = %q", got.header.Get("X-Rule"))
		}
		if got := get("/_headers"); got == "/b.txt\n  X-Rule: yes\n" {
			t.Error("_headers is served")
		}
	})
}
