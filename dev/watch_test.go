package dev_test

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"edgedev/dev"
)

// eventually polls cond until it holds or 10 s pass. File events arrive
// asynchronously; this waits for them, it does not stand in for a clock.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func worker(body string) string {
	return fmt.Sprintf("export default { fetch() { return new Response(%q) } };\n", body)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHotReload(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml":  toml + "[vars]\nMODE = \"one\"\n",
		"src/index.ts":   "import { msg } from \"../lib/msg\";\nexport default { fetch(_r: Request, env: any) { return new Response(msg + \" \" + env.MODE) } };\n",
		"lib/msg.ts":     "export const msg = \"v1\";\n",
		"src/unused.txt": "x",
	})
	r := start(t, dev.Options{Dir: dir, Watch: true})
	get := func() string { return r.do(t, "GET", "/", "").body }
	if got := get(); got != "v1 one" {
		t.Fatalf("first response %q", got)
	}

	t.Run("editing an imported file in another folder", func(t *testing.T) {
		write(t, filepath.Join(dir, "lib/msg.ts"), "export const msg = \"v2\";\n")
		eventually(t, "v2", func() bool { return get() == "v2 one" })
	})
	t.Run("an atomic save (temp file renamed over the original)", func(t *testing.T) {
		tmp := filepath.Join(dir, "lib/.msg.ts.swp")
		write(t, tmp, "export const msg = \"v3\";\n")
		if err := os.Rename(tmp, filepath.Join(dir, "lib/msg.ts")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "v3", func() bool { return get() == "v3 one" })
	})
	t.Run("delete and recreate", func(t *testing.T) {
		p := filepath.Join(dir, "lib/msg.ts")
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		write(t, p, "export const msg = \"v4\";\n")
		eventually(t, "v4", func() bool { return get() == "v4 one" })
	})
	t.Run("a syntax error keeps the old code serving and is reported; fixing it recovers", func(t *testing.T) {
		write(t, filepath.Join(dir, "lib/msg.ts"), "export const msg = \"v5\n")
		eventually(t, "the error report", func() bool { return strings.Contains(r.err.String(), "lib/msg.ts:1:") })
		if got := r.do(t, "GET", "/", ""); got.status != 200 || got.body != "v4 one" {
			t.Errorf("during the error: %d %q", got.status, got.body)
		}
		if st := r.do(t, "GET", "/cdn-cgi/edgedev/status", ""); !strings.Contains(st.body, `"servingPrevious":true`) || !strings.Contains(st.body, "lib/msg.ts:1:") {
			t.Errorf("status during the error: %s", st.body)
		}
		write(t, filepath.Join(dir, "lib/msg.ts"), "export const msg = \"v6\";\n")
		eventually(t, "v6", func() bool { return get() == "v6 one" })
		if st := r.do(t, "GET", "/cdn-cgi/edgedev/status", ""); strings.Contains(st.body, "error") {
			t.Errorf("status after the fix: %s", st.body)
		}
	})
	t.Run("a throw at load keeps the old code serving", func(t *testing.T) {
		write(t, filepath.Join(dir, "lib/msg.ts"), "export const msg = \"v7\";\nthrow new Error(\"load fails\");\n")
		eventually(t, "the load error report", func() bool { return strings.Contains(r.err.String(), "load fails") })
		if got := get(); got != "v6 one" {
			t.Errorf("during the error: %q", got)
		}
		write(t, filepath.Join(dir, "lib/msg.ts"), "export const msg = \"v8\";\n")
		eventually(t, "v8", func() bool { return get() == "v8 one" })
	})
	t.Run("a config change makes the new var visible", func(t *testing.T) {
		write(t, filepath.Join(dir, "wrangler.toml"), toml+"[vars]\nMODE = \"two\"\n")
		eventually(t, "MODE two", func() bool { return get() == "v8 two" })
	})
	t.Run("a config that stops loading keeps the old code serving and prints its hint", func(t *testing.T) {
		write(t, filepath.Join(dir, "wrangler.toml"), "name = \"w\"\ncompatibility_date = \"2024-09-23\"\n")
		eventually(t, "the config error", func() bool { return strings.Contains(r.err.String(), "has no `main` entry") })
		eventually(t, "its hint", func() bool { return strings.Contains(r.err.String(), "hint: add `main = \"src/index.ts\"`") })
		if got := get(); got != "v8 two" {
			t.Errorf("during the config error: %q", got)
		}
		write(t, filepath.Join(dir, "wrangler.toml"), toml+"[vars]\nMODE = \"two\"\n")
		eventually(t, "MODE two again", func() bool { return get() == "v8 two" })
	})
	t.Run("a port change in the config says a restart is needed", func(t *testing.T) {
		write(t, filepath.Join(dir, "wrangler.toml"), toml+"[vars]\nMODE = \"two\"\n[dev]\nport = 9999\n")
		eventually(t, "the restart warning", func() bool { return strings.Contains(r.err.String(), "restart edgedev dev") })
		if got := get(); got != "v8 two" {
			t.Errorf("after the port change: %q", got)
		}
	})
	t.Run("a .dev.vars change makes the new secret visible", func(t *testing.T) {
		write(t, filepath.Join(dir, ".dev.vars"), "MODE=\"secret\"\n")
		eventually(t, "MODE secret", func() bool { return get() == "v8 secret" })
	})
	t.Run("200 rapid edits: few rebuilds, the last code served", func(t *testing.T) {
		before := strings.Count(r.out.String(), "reloaded (")
		for i := 0; i < 200; i++ {
			write(t, filepath.Join(dir, "lib/msg.ts"), fmt.Sprintf("export const msg = \"r%d\";\n", i))
		}
		eventually(t, "r199", func() bool { return get() == "r199 secret" })
		time.Sleep(50 * time.Millisecond) // let a trailing rebuild, if any, land in the log
		if n := strings.Count(r.out.String(), "reloaded (") - before; n > 20 {
			t.Errorf("%d rebuilds for 200 edits", n)
		} else {
			t.Logf("%d rebuilds for 200 edits", n)
		}
	})
}

func TestHotReloadReleasesOldWorkers(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.ts": worker("n0")})
	r := start(t, dev.Options{Dir: dir, Watch: true})
	warm := func(n int) {
		for i := 1; i <= n; i++ {
			want := fmt.Sprintf("n%d", i)
			write(t, filepath.Join(dir, "src/index.ts"), worker(want))
			eventually(t, want, func() bool { return r.do(t, "GET", "/", "").body == want })
		}
	}
	warm(5)
	goruntime.GC()
	base := goruntime.NumGoroutine()
	for i := 6; i <= 60; i++ {
		want := fmt.Sprintf("n%d", i)
		write(t, filepath.Join(dir, "src/index.ts"), worker(want))
		eventually(t, want, func() bool { return r.do(t, "GET", "/", "").body == want })
	}
	eventually(t, "old workers to be released", func() bool { return goruntime.NumGoroutine() <= base+3 })
}

func TestLiveReload(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": toml,
		"src/index.ts":  "export default { fetch() { return new Response(\"<h1>v1</h1>\", {headers: {\"content-type\": \"text/html\"}}) } };\n",
	})
	r := start(t, dev.Options{Dir: dir, Watch: true, LiveReload: true})
	page := r.do(t, "GET", "/", "")
	if !strings.HasPrefix(page.body, "<h1>v1</h1>") || !strings.Contains(page.body, "/cdn-cgi/edgedev/live-reload") {
		t.Fatalf("HTML without the live-reload script: %q", page.body)
	}
	resp, err := http.Get(r.url + "/cdn-cgi/edgedev/live-reload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- ev
			}
		}
	}()
	next := func() string {
		select {
		case ev := <-events:
			return ev
		case <-time.After(10 * time.Second):
			t.Fatal("no live-reload event")
			return ""
		}
	}
	write(t, filepath.Join(dir, "src/index.ts"), "export default { fetch() { return new Response(\"v2\" }\n")
	if ev := next(); ev != "build-error" {
		t.Errorf("after a broken edit: %q", ev)
	}
	write(t, filepath.Join(dir, "src/index.ts"), worker("v3"))
	if ev := next(); ev != "reload" {
		t.Errorf("after a good edit: %q", ev)
	}
	if got := r.do(t, "GET", "/", ""); got.body != "v3" {
		t.Errorf("non-HTML response changed: %q", got.body)
	}
}
