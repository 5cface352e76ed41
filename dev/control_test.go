package dev_test

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
	"edgedev/kvcontrol"
)

// TestControlThreatModel: what a web page the user visits, or a worker that
// proxies what it is sent, can do to the control endpoints (DESIGN.md,
// "Failure behaviour").
func TestControlThreatModel(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": toml + "[[kv_namespaces]]\nbinding = \"KV\"\nid = \"n\"\n",
		"src/index.ts": `export default { async fetch(req: Request) {
			const u = new URL(req.url);
			if (u.pathname === "/proxy") {
				try { return await fetch(new URL(u.searchParams.get("to")!, u.origin)); }
				catch (e) { return new Response(String(e), { status: 502 }); }
			}
			return new Response("ok");
		} };`,
	})
	r := start(t, dev.Options{Dir: dir, Consistency: dev.Consistency{Clock: "virtual@2026-01-01T00:00:00Z"}})
	send := func(method, path, host, origin, token string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, r.url+path, strings.NewReader(`{"namespace":"n","key":"k","value":"eA=="}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "text/plain") // a "simple" request: no CORS preflight
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if token != "" {
			req.Header.Set(kvcontrol.TokenHeader, token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	clock := func() string {
		t.Helper()
		var c struct{ Now string }
		_, body := send("GET", "/cdn-cgi/edgedev/clock", "", "", "")
		if err := json.Unmarshal([]byte(body), &c); err != nil {
			t.Fatalf("clock: %v %s", err, body)
		}
		return c.Now
	}
	tok := r.token(t)
	self := strings.TrimPrefix(r.url, "http://")

	t.Run("a cross-site page cannot write KV or move the clock, even with the token", func(t *testing.T) {
		before := clock()
		for _, path := range []string{"/cdn-cgi/edgedev/kv/put", "/cdn-cgi/edgedev/clock/advance?by=87600h", "/cdn-cgi/edgedev/kv/namespace-delete"} {
			if st, body := send("POST", path, "", "https://evil.example", tok); st != 403 || !strings.Contains(body, "refuse requests from other sites") {
				t.Errorf("%s from evil.example: %d %s", path, st, body)
			}
		}
		if got := clock(); got != before {
			t.Errorf("the clock moved: %s -> %s", before, got)
		}
		if st, body := send("POST", "/cdn-cgi/edgedev/kv/get", "", "", tok); st != 200 || strings.Contains(body, "entry") {
			t.Errorf("the key was written: %d %s", st, body)
		}
	})
	t.Run("without the token nothing changes", func(t *testing.T) {
		for _, path := range []string{"/cdn-cgi/edgedev/kv/put", "/cdn-cgi/edgedev/clock/advance?by=1h", "/cdn-cgi/edgedev/kv/settle"} {
			if st, body := send("POST", path, "", "", ""); st != 403 || !strings.Contains(body, "control-token") || strings.Contains(body, dir) {
				t.Errorf("%s without a token: %d %s", path, st, body)
			}
			if st, _ := send("POST", path, "", "", "0123456789abcdef0123456789abcdef"); st != 403 {
				t.Errorf("%s with a wrong token: %d", path, st)
			}
		}
	})
	t.Run("a DNS-rebound page (another Host) reads nothing", func(t *testing.T) {
		for _, path := range []string{"/cdn-cgi/edgedev/status", "/cdn-cgi/edgedev/kv/trace", "/cdn-cgi/edgedev/clock"} {
			if st, body := send("GET", path, "evil.example:8787", "", ""); st != 403 || !strings.Contains(body, `not Host "evil.example:8787"`) {
				t.Errorf("GET %s for evil.example: %d %s", path, st, body)
			}
		}
	})
	t.Run("the server's own page and tools with the token get through", func(t *testing.T) {
		if st, body := send("POST", "/cdn-cgi/edgedev/clock/advance?by=1s", "", "http://"+self, tok); st != 200 {
			t.Errorf("same-origin advance: %d %s", st, body)
		}
		for _, host := range []string{"localhost", "app.localhost:8787", "[::1]:1", self} {
			if st, body := send("GET", "/cdn-cgi/edgedev/status", host, "", ""); st != 200 {
				t.Errorf("status for Host %s: %d %s", host, st, body)
			}
		}
	})
	t.Run("status carries no absolute paths", func(t *testing.T) {
		_, body := send("GET", "/cdn-cgi/edgedev/status", "", "", "")
		if strings.Contains(body, dir) || !strings.Contains(body, `"config":"wrangler.toml"`) {
			t.Errorf("status: %s", body)
		}
	})
	t.Run("a worker's fetch never reaches them", func(t *testing.T) {
		got := r.do(t, "GET", "/proxy?to=/cdn-cgi/edgedev/status", "")
		if got.status != 502 || !strings.Contains(got.body, "control endpoints cannot be fetched from a worker") {
			t.Errorf("proxied status: %d %s", got.status, got.body)
		}
	})
	t.Run("the token file is the user's only", func(t *testing.T) {
		fi, err := os.Stat(filepath.Join(dir, ".edgedev/state", kvcontrol.TokenFileName))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("token file: %v %v", fi, err)
		}
	})
}

// TestStatusPathsOutsideTheProject: a build error naming a file outside the
// project (a package in a parent's node_modules) is relative too.
func TestStatusPathsOutsideTheProject(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "app")
	for name, content := range map[string]string{
		"app/wrangler.toml": toml,
		"app/src/index.ts":  `import { x } from "../../lib/bad.js"; export default { fetch() { return new Response(x) } };`,
		"lib/bad.js":        "export const x = \"unterminated\n",
	} {
		p := filepath.Join(parent, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/cdn-cgi/edgedev/status", "")
	if strings.Contains(got.body, parent) || !strings.Contains(got.body, "../lib/bad.js") {
		t.Errorf("status: %s", got.body)
	}
}

// TestTwoServersOneStateDir: a second server on the same project (another
// port) shares the control token instead of overwriting the first's.
func TestTwoServersOneStateDir(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.ts": worker("x")})
	a := start(t, dev.Options{Dir: dir, Consistency: dev.Consistency{Clock: "virtual@2026-01-01T00:00:00Z"}})
	tok := a.token(t)
	b := start(t, dev.Options{Dir: dir, Consistency: dev.Consistency{Clock: "virtual@2026-01-01T00:00:00Z"}})
	if b.token(t) != tok {
		t.Fatal("the second server replaced the token")
	}
	for _, r := range []*running{a, b} {
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=1s", ""); got.status != 200 {
			t.Errorf("%s: %d %s", r.url, got.status, got.body)
		}
	}
}
