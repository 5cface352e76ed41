package pages_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/assets"
	"edgedev/bindings"
	"edgedev/bundler"
	"edgedev/pages"
	"edgedev/runtime"
)

// app is a Pages project built and served the way `edgedev pages dev` does
// it, on a real HTTP server: real esbuild, real goja, real files.
type app struct {
	url string
	mu  sync.Mutex
	log []string
}

func newApp(t testing.TB, files map[string]string, user ...bindings.Named) *app {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	proj := pages.NewProject(dir, filepath.Join(dir, "public"))
	b, err := proj.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if err := pages.WriteEntry(proj.EntryPath(), b.Entry); err != nil {
		t.Fatal(err)
	}
	bu, err := bundler.New(bundler.Options{Entry: proj.EntryPath(), Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(bu.Close)
	res, err := bu.Build()
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	served, err := assets.Open(proj.AssetsDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { served.Close() })
	a := &app{}
	w, err := runtime.New(runtime.Options{
		Script: res.Script, Filename: res.Filename, GlobalName: res.GlobalName,
		Bindings: b.Bindings(user, served),
		Log: func(level, line string) {
			a.mu.Lock()
			a.log = append(a.log, level+": "+line)
			a.mu.Unlock()
		},
	})
	if err != nil {
		t.Fatalf("runtime: %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		_, err := b.Serve(rw, r, served, func(rw http.ResponseWriter, r *http.Request) (int, error) {
			return w.Serve(rw, r, runtime.Incoming{})
		})
		if err != nil {
			rw.WriteHeader(500)
			io.WriteString(rw, err.Error())
		}
	}))
	t.Cleanup(func() {
		srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		w.Close(ctx)
	})
	a.url = srv.URL
	return a
}

type reply struct {
	status int
	header http.Header
	body   string
}

func (a *app) do(t testing.TB, method, path, body string, hdr ...string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, string(b)}
}

func TestExecution_MiddlewareChain(t *testing.T) {
	a := newApp(t, map[string]string{
		"public/index.html": "<h1>home</h1>",
		"functions/_middleware.ts": `
export const onRequest = async (ctx) => {
  ctx.data.trace = ["root"];
  const res = await ctx.next();
  res.headers.set("x-root", "after " + ctx.data.trace.join(">"));
  return res;
};`,
		"functions/api/_middleware.ts": `
const first = async (ctx) => { ctx.data.trace.push("api-1@" + ctx.functionPath); return ctx.next(); };
const second = async (ctx) => { ctx.data.trace.push("api-2"); return ctx.next(); };
export const onRequest = [first, second];`,
		"functions/api/users/_middleware.ts": `export const onRequest = [];`,
		"functions/redir.ts":                 `export const onRequest = (ctx) => Response.redirect(new URL("/", ctx.request.url), 302);`,
		"functions/api/users/[id].ts": `
export const onRequestGet = (ctx) => {
  ctx.data.trace.push("handler");
  return Response.json({ id: ctx.params.id, trace: ctx.data.trace, path: ctx.functionPath });
};`,
	})
	got := a.do(t, "GET", "/api/users/42", "")
	if got.status != 200 || got.body != `{"id":"42","trace":["root","api-1@/api","api-2","handler"],"path":"/api/users/42"}` {
		t.Errorf("got %d %s", got.status, got.body)
	}
	if h := got.header.Get("X-Root"); h != "after root>api-1@/api>api-2>handler" {
		t.Errorf("x-root = %q", h)
	}
	t.Run("function responses carry none of the asset headers", func(t *testing.T) {
		if got.header.Get("Access-Control-Allow-Origin") != "" || got.header.Get("ETag") != "" {
			t.Errorf("headers = %v", got.header)
		}
	})
	t.Run("past the last function: the static asset, decorated by middleware", func(t *testing.T) {
		got := a.do(t, "GET", "/", "")
		if got.status != 200 || got.body != "<h1>home</h1>" || got.header.Get("X-Root") != "after root" || got.header.Get("ETag") == "" {
			t.Errorf("got %d %q %v", got.status, got.body, got.header)
		}
	})
	t.Run("middleware can change the headers of an immutable response", func(t *testing.T) {
		got := a.do(t, "GET", "/redir", "")
		if got.status != 302 || got.header.Get("X-Root") != "after root" || !strings.HasSuffix(got.header.Get("Location"), "/") {
			t.Errorf("got %d %v", got.status, got.header)
		}
	})
	t.Run("unhandled method: middleware runs, the asset server says 405", func(t *testing.T) {
		got := a.do(t, "POST", "/api/users/42", "x")
		if got.status != 405 || got.body != "" || got.header.Get("X-Root") != "after root>api-1@/api>api-2" {
			t.Errorf("got %d %q %v", got.status, got.body, got.header)
		}
	})
}

func TestExecution_ContextAndErrors(t *testing.T) {
	a := newApp(t, map[string]string{
		"public/index.html":          "home",
		"public/about.html":          "about page",
		"public/page.html":           "a page",
		"public/404.html":            "not here",
		"public/fallback.txt":        "fallback",
		"public/_headers":            "/*\n  X-From-Headers: yes\n",
		"functions/no-response.ts":   `export const onRequest = () => "not a response";`,
		"functions/bad-data.ts":      `export const onRequest = (ctx) => { ctx.data = 5; return new Response("x"); };`,
		"functions/data-object.ts":   `export const onRequest = (ctx) => { ctx.data = { a: 1 }; return Response.json(ctx.data); };`,
		"functions/throws.ts":        "export const onRequest = () => {\n  throw new Error(\"kaboom\");\n};",
		"functions/fallback.txt.ts":  `export const onRequest = (ctx) => { ctx.passThroughOnException(); throw new Error("hidden"); };`,
		"functions/docs/[[path]].ts": `export const onRequest = (ctx) => Response.json({ path: ctx.params.path ?? null, has: "path" in ctx.params });`,
		"functions/env.ts": `export const onRequest = (ctx) => Response.json({
  keys: Object.keys(ctx.env).sort(), hasFetch: typeof ctx.env.ASSETS.fetch, cfPages: ctx.env.CF_PAGES ?? null });`,
		"functions/rewrite/_middleware.ts": `export const onRequest = (ctx) => ctx.next("/rewrite/target?q=1", { headers: { "x-added": "1" } });`,
		"functions/rewrite/[x].ts":         `export const onRequest = (ctx) => new Response(ctx.request.url + " " + ctx.request.headers.get("x-added"));`,
		"functions/assets.ts": `
export const onRequest = async (ctx) => {
  const follow = await ctx.env.ASSETS.fetch(new URL("/page.html", ctx.request.url));
  const manual = await ctx.env.ASSETS.fetch(new Request(new URL("/page.html", ctx.request.url), { redirect: "manual" }));
  const missing = await ctx.env.ASSETS.fetch("http://localhost/nope");
  return Response.json({
    follow: [follow.status, await follow.text(), follow.headers.get("x-from-headers"), follow.redirected],
    manual: [manual.status, manual.headers.get("location")],
    missing: missing.status,
  });
};`,
		"functions/assets-bad.ts": `export const onRequest = async (ctx) => {
  try { await ctx.env.ASSETS.fetch("/relative"); return new Response("no error"); }
  catch (e) { return new Response(e.name + ": " + e.message); } };`,
		"functions/body.ts": `
export const onRequestPost = [
  async (ctx) => { const seen = await ctx.request.text(); const res = await ctx.next(); res.headers.set("x-mw-saw", seen); return res; },
  async (ctx) => new Response("handler saw " + await ctx.request.text()),
];`,
		"functions/wait.ts":  `export const onRequest = (ctx) => { ctx.waitUntil(Promise.resolve(1)); return new Response("ok"); };`,
		"functions/about.ts": `export const onRequestGet = () => new Response("function wins");`,
		"public/_redirects":  "/about /elsewhere 301\n",
	}, bindings.Named{Name: "GREETING", Kind: "var", Binding: mustValue(t, "hi")})

	cases := []struct {
		name, method, path string
		status             int
		body               string
	}{
		{"a non-Response is the platform's error", "GET", "/no-response", 500, "Error: Your Pages function should return a Response"},
		{"context.data must be an object", "GET", "/bad-data", 500, "Error: context.data must be an object"},
		{"context.data can be replaced by an object", "GET", "/data-object", 200, `{"a":1}`},
		{"passThroughOnException serves the asset", "GET", "/fallback.txt", 200, "fallback"},
		{"catch-all with no segments: absent, so undefined", "GET", "/docs", 200, `{"path":null,"has":false}`},
		{"catch-all segments", "GET", "/docs/a/b", 200, `{"path":["a","b"],"has":true}`},
		{"next(input, init) replaces the request", "GET", "/rewrite/start", 200, "http://" + strings.TrimPrefix(a.url, "http://") + "/rewrite/target?q=1 1"},
		{"env.ASSETS follows redirects, applies _headers; manual does not follow", "GET", "/assets", 200,
			`{"follow":[200,"a page","yes",true],"manual":[308,"/page"],"missing":404}`},
		{"env.ASSETS rejects a relative URL", "GET", "/assets-bad", 200, "TypeError: Invalid URL: /relative"},
		{"each function gets its own copy of the body", "POST", "/body", 200, "handler saw hello"},
		{"waitUntil", "GET", "/wait", 200, "ok"},
		{"a function beats a file and a _redirects rule at its path", "GET", "/about", 200, "function wins"},
		{"HEAD with only onRequestGet goes to the assets (and so _redirects)", "HEAD", "/about", 301, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := a.do(t, c.method, c.path, map[bool]string{true: "hello"}[c.method == "POST"])
			first, _, _ := strings.Cut(got.body, "\n")
			if got.status != c.status || (first != c.body && got.body != c.body) {
				t.Errorf("%s %s = %d %q, want %d %q", c.method, c.path, got.status, got.body, c.status, c.body)
			}
		})
	}
	t.Run("env has the user's bindings and ASSETS, not the router", func(t *testing.T) {
		got := a.do(t, "GET", "/env", "")
		if got.body != `{"keys":["ASSETS","GREETING"],"hasFetch":"function","cfPages":null}` {
			t.Errorf("got %s", got.body)
		}
	})
	t.Run("middleware saw the body too", func(t *testing.T) {
		if got := a.do(t, "POST", "/body", "hello"); got.header.Get("X-Mw-Saw") != "hello" {
			t.Errorf("x-mw-saw = %q", got.header.Get("X-Mw-Saw"))
		}
	})
	t.Run("a throw is a 500 whose stack names the function file", func(t *testing.T) {
		got := a.do(t, "GET", "/throws", "")
		if got.status != 500 || !strings.Contains(got.body, "Error: kaboom") || !strings.Contains(got.body, "functions/throws.ts:2") {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
}

func mustValue(t testing.TB, v any) bindings.Binding {
	b, err := bindings.NewValue(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExecution_RoutesJSON(t *testing.T) {
	a := newApp(t, map[string]string{
		"public/_routes.json":      `{"version":1,"include":["/*"],"exclude":["/static/*"]}`,
		"public/static/app.css":    "body{}",
		"public/page.html":         "page",
		"functions/_middleware.ts": `export const onRequest = async (ctx) => { const r = await ctx.next(); r.headers.set("x-mw", "ran"); return r; };`,
		"functions/static/[x].ts":  `export const onRequest = () => new Response("function");`,
	})
	if got := a.do(t, "GET", "/static/app.css", ""); got.body != "body{}" || got.header.Get("X-Mw") != "" {
		t.Errorf("excluded path: %d %q mw=%q", got.status, got.body, got.header.Get("X-Mw"))
	}
	if got := a.do(t, "GET", "/page", ""); got.body != "page" || got.header.Get("X-Mw") != "ran" {
		t.Errorf("included path: %d %q mw=%q", got.status, got.body, got.header.Get("X-Mw"))
	}
}

func TestExecution_AdvancedMode(t *testing.T) {
	a := newApp(t, map[string]string{
		"public/index.html": "static home",
		"public/_worker.js": `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/api/")) return Response.json({ api: url.pathname, keys: Object.keys(env).sort() });
    return env.ASSETS.fetch(request);
  },
};`,
		"functions/ignored.ts": `export const onRequest = () => new Response("should not run");`,
	})
	if got := a.do(t, "GET", "/api/x", ""); got.body != `{"api":"/api/x","keys":["ASSETS"]}` {
		t.Errorf("api: %q", got.body)
	}
	if got := a.do(t, "GET", "/", ""); got.body != "static home" {
		t.Errorf("assets: %q", got.body)
	}
	if got := a.do(t, "GET", "/ignored", ""); got.body == "should not run" {
		t.Error("functions/ ran in advanced mode")
	}
	if got := a.do(t, "GET", "/_worker.js", ""); strings.Contains(got.body, "export default") {
		t.Error("_worker.js was served as an asset")
	}
}

func TestExecution_BuildErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "functions", "[bad-name]"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "public"), 0o755)
	os.WriteFile(filepath.Join(dir, "functions", "[bad-name]", "index.ts"), []byte("export const onRequest = () => new Response('')"), 0o644)
	_, err := pages.NewProject(dir, filepath.Join(dir, "public")).Load()
	var re *pages.RouteError
	if !errors.As(err, &re) || re.Error() != `functions/[bad-name]/index.ts: Invalid Pages function route parameter - "[bad-name]". Parameter names must only contain alphanumeric and underscore characters.` {
		t.Errorf("err = %v", err)
	}
	_, err = pages.NewProject(dir, filepath.Join(dir, "missing")).Load()
	if err == nil || !strings.Contains(err.Error(), "missing does not exist") {
		t.Errorf("missing assets dir: %v", err)
	}
}

func TestPlatformVars(t *testing.T) {
	dir := t.TempDir()
	vars := pages.PlatformVars(dir, "My-Site")
	want := `[{"Name":"CF_PAGES","Value":"1"},{"Name":"CF_PAGES_BRANCH","Value":"local"},{"Name":"CF_PAGES_COMMIT_SHA","Value":"0000000000000000000000000000000000000000"},{"Name":"CF_PAGES_URL","Value":"https://00000000.my-site.pages.dev"}]`
	if b, _ := json.Marshal(vars); string(b) != want {
		t.Errorf("outside git: %s", b)
	}
	sha := "0123456789abcdef0123456789abcdef01234567"
	os.MkdirAll(filepath.Join(dir, ".git", "refs", "heads", "feature"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/feature/x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".git", "packed-refs"), []byte("# pack-refs\n"+sha+" refs/heads/feature/x\n"), 0o644)
	sub := filepath.Join(dir, "site")
	os.MkdirAll(sub, 0o755)
	vars = pages.PlatformVars(sub, "site")
	if vars[1].Value != "feature/x" || vars[2].Value != sha || vars[3].Value != "https://01234567.site.pages.dev" {
		t.Errorf("in git: %+v", vars)
	}
}
