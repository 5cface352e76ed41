package pages

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeTree writes files (slash path -> content) under a new temp dir.
func writeTree(t testing.TB, files map[string]string) string {
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
	return dir
}

// scanTree scans a functions tree made of files (slash path -> source).
func scanTree(t testing.TB, files map[string]string) (*Table, []Warning) {
	t.Helper()
	dir := writeTree(t, files)
	tab, warnings, err := Scan(dir, "functions", NewExports(dir).Names)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return tab, warnings
}

const (
	any_ = "export const onRequest = () => new Response('x');\n"
	get_ = "export const onRequestGet = () => new Response('x');\n"
)

// table renders a route table as "METHOD PATH file:export [mw]" lines.
func table(t *Table) []string {
	var out []string
	for _, r := range t.Routes {
		m := r.Method
		if m == "" {
			m = "*"
		}
		s := m + " " + r.Path
		if r.Handler != nil {
			s += " " + r.Handler.String()
		}
		if r.Middleware != nil {
			s += " mw=" + r.Middleware.String()
		}
		out = append(out, s)
	}
	return out
}

func TestCompare(t *testing.T) {
	r := func(path, method string) *Route { return &Route{Path: path, Method: method} }
	cases := []struct {
		name   string
		first  *Route
		second *Route
	}{
		{"more segments first", r("/a/b", ""), r("/a", "")},
		{"more segments first even when dynamic", r("/:x/:y", ""), r("/static", "")},
		{"root has no segments and comes last", r("/a", ""), r("/", "")},
		{"static before param", r("/users/special", ""), r("/users/:user", "")},
		{"param before wildcard", r("/users/:user", ""), r("/users/:path*", "")},
		{"static before wildcard", r("/users/special", ""), r("/users/:path*", "")},
		{"leftmost segment decides", r("/a/:x", ""), r("/:y/b", "")},
		{"a segment with text and a param is a param", r("/a/b", ""), r("/a/b-:id", "")},
		{"method before no method", r("/a", "GET"), r("/a", "")},
		{"method before no method at the root", r("/", "POST"), r("/", "")},
		{"then by path: a before b", r("/a", ""), r("/b", "")},
		{"then by path: punctuation before digits before letters", r("/_x", ""), r("/1x", "")},
		{"then by path: digits before letters", r("/1x", ""), r("/ax", "")},
		{"then by path: letters ignore case first", r("/:id", ""), r("/:Name", "")},
		{"then by path: lowercase before uppercase", r("/:a", ""), r("/:A", "")},
		{"then by path: shorter prefix first", r("/ab", ""), r("/abc", "")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Compare(c.first, c.second); got >= 0 {
				t.Errorf("Compare(%s %q, %s %q) = %d, want < 0", c.first.Method, c.first.Path, c.second.Method, c.second.Path, got)
			}
			if got := Compare(c.second, c.first); got <= 0 {
				t.Errorf("Compare reversed = %d, want > 0", got)
			}
		})
	}
	t.Run("same route compares equal", func(t *testing.T) {
		if got := Compare(r("/a/:b", "GET"), r("/a/:b", "GET")); got != 0 {
			t.Errorf("got %d", got)
		}
	})
}

func TestScan(t *testing.T) {
	t.Run("paths, params, methods and order", func(t *testing.T) {
		tab, warnings := scanTree(t, map[string]string{
			"index.ts":                 any_,
			"_middleware.ts":           any_,
			"about.js":                 get_,
			"users/special.ts":         any_,
			"users/[user].ts":          any_,
			"users/[[catchall]].ts":    any_,
			"users/index.tsx":          "export function onRequestPost() { return new Response('') }\n",
			"[org]/posts/[id].mjs":     "export async function onRequestGet() {}\nexport async function onRequestDelete() {}\n",
			"docs/[[path]].jsx":        any_,
			"api/_middleware.ts":       "export const onRequest = [(c) => c.next(), (c) => c.next()];\n",
			"api/index.ts":             get_,
			"lib/helpers.ts":           "export const helper = 1;\n",
			"node_modules/x/index.js":  any_,
			"notes.md":                 "onRequest",
			"types.d.ts":               "export type X = number;\n",
			"reexport.ts":              "const f = () => new Response('');\nexport { f as onRequestPut };\n",
			"_middleware_/ignored.txt": "",
		})
		if len(warnings) != 0 {
			t.Errorf("warnings: %v", warnings)
		}
		want := []string{
			// three segments; same path, so insertion order (exports sorted by name)
			"DELETE /:org/posts/:id [org]/posts/[id].mjs:onRequestDelete",
			"GET /:org/posts/:id [org]/posts/[id].mjs:onRequestGet",
			// two segments: static, param, wildcard; then by path
			"* /users/special users/special.ts:onRequest",
			"* /users/:user users/[user].ts:onRequest",
			"* /docs/:path* docs/[[path]].jsx:onRequest",
			"* /users/:catchall* users/[[catchall]].ts:onRequest",
			// one segment: with a method first, then by path
			"GET /about about.js:onRequestGet",
			"GET /api api/index.ts:onRequestGet",
			"PUT /reexport reexport.ts:onRequestPut",
			"POST /users users/index.tsx:onRequestPost",
			"* /api mw=api/_middleware.ts:onRequest",
			// no segments
			"* / index.ts:onRequest mw=_middleware.ts:onRequest",
		}
		if got := table(tab); !slices.Equal(got, want) {
			t.Errorf("route table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, r := range tab.Routes {
			if r.Path == "/:org/posts/:id" && r.MountPath != "/:org/posts" {
				t.Errorf("mount path of %s = %q", r.Path, r.MountPath)
			}
		}
		wantFiles := []string{"[org]/posts/[id].mjs", "users/special.ts", "users/[user].ts", "docs/[[path]].jsx", "users/[[catchall]].ts", "about.js", "api/index.ts", "reexport.ts", "users/index.tsx", "api/_middleware.ts", "_middleware.ts", "index.ts"}
		if !slices.Equal(tab.Files, wantFiles) {
			t.Errorf("files = %q\nwant %q", tab.Files, wantFiles)
		}
	})

	t.Run("foo/index.ts beats foo.ts, with a warning", func(t *testing.T) {
		tab, warnings := scanTree(t, map[string]string{"foo.ts": any_, "foo/index.ts": any_})
		if got := table(tab); !slices.Equal(got, []string{"* /foo foo/index.ts:onRequest"}) {
			t.Errorf("table = %q", got)
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0].String(), "functions/foo.ts: onRequest handles /foo, but so does functions/foo/index.ts, which wins") {
			t.Errorf("warnings = %v", warnings)
		}
	})

	t.Run("a missing directory is an empty table", func(t *testing.T) {
		tab, _, err := Scan(filepath.Join(t.TempDir(), "functions"), "functions", NewExports(t.TempDir()).Names)
		if err != nil || len(tab.Routes) != 0 {
			t.Fatalf("got %v, %v", tab, err)
		}
		if steps := tab.Match("GET", "/"); steps != nil {
			t.Errorf("steps = %v", steps)
		}
	})

	for _, c := range []struct{ file, msg string }{
		{"[x-y].ts", `Invalid Pages function route parameter - "[x-y]". Parameter names must only contain alphanumeric and underscore characters.`},
		{"api/[[a.b]].ts", `Invalid Pages function route parameter - "[[a.b]]". Parameters names must only contain alphanumeric and underscore characters.`},
		{"[user id]/index.ts", `Invalid Pages function route parameter - "[user id]". Parameter names must only contain alphanumeric and underscore characters.`},
	} {
		t.Run("invalid parameter name "+c.file, func(t *testing.T) {
			dir := writeTree(t, map[string]string{c.file: any_})
			_, _, err := Scan(dir, "functions", NewExports(dir).Names)
			var re *RouteError
			if !errors.As(err, &re) || re.Message != c.msg || re.File != "functions/"+c.file {
				t.Fatalf("err = %v\nwant functions/%s: %s", err, c.file, c.msg)
			}
		})
	}
	t.Run("an invalid name in a file with no handlers is not an error", func(t *testing.T) {
		scanTree(t, map[string]string{"[x-y].ts": "export const helper = 1;\n"})
	})
	t.Run("a file that does not parse has no exports and is reported", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"ok.ts": any_, "broken.ts": "export const onRequest = (;\n"})
		x := NewExports(dir)
		tab, _, err := Scan(dir, "functions", x.Names)
		if err != nil {
			t.Fatal(err)
		}
		if got := table(tab); !slices.Equal(got, []string{"* /ok ok.ts:onRequest"}) {
			t.Errorf("table = %q", got)
		}
		if f := x.Failed(); !slices.Equal(f, []string{"broken.ts"}) {
			t.Errorf("Failed = %q", f)
		}
	})
}

// plan renders Match steps as "mw:FILE path {params}" / "fn:FILE path {params}".
func plan(t *Table, method, pathname string) string {
	var parts []string
	for _, s := range t.Match(method, pathname) {
		r := t.Routes[s.Route]
		kind, e := "fn", r.Handler
		if s.Middleware {
			kind, e = "mw", r.Middleware
		}
		var ps []string
		for _, p := range s.Params {
			if p.List {
				if p.Segments == nil {
					ps = append(ps, p.Name+"=undefined")
				} else {
					ps = append(ps, fmt.Sprintf("%s=%q", p.Name, p.Segments))
				}
			} else {
				ps = append(ps, fmt.Sprintf("%s=%q", p.Name, p.Value))
			}
		}
		parts = append(parts, fmt.Sprintf("%s:%s %s {%s}", kind, e.File, s.Path, strings.Join(ps, " ")))
	}
	return strings.Join(parts, " | ")
}

func TestMatch(t *testing.T) {
	tab, _ := scanTree(t, map[string]string{
		"_middleware.ts":           any_,
		"users/_middleware.ts":     get_,
		"users/special.js":         any_,
		"users/[user].js":          any_,
		"users/[[catchall]].js":    any_,
		"users/[user]/posts.ts":    get_,
		"api/session.ts":           "export const onRequestGet = () => 1; export const onRequestPost = () => 1; export const onRequest = () => 1;\n",
		"api/only-get.ts":          get_,
		"api/head.ts":              "export const onRequest = () => 1;\nexport const onRequestGet = () => 1;\n",
		"files/[name].json.ts":     any_,
		"docs/[[path]].ts":         any_,
		"docs/_middleware.ts":      any_,
		"index.ts":                 get_,
		"shop/[[rest]]/cart.ts":    any_,
		"robots.txt.ts":            any_,
		"v/[a]-[b].ts":             any_,
		"deep/a/b/_middleware.mjs": any_,
	})
	cases := []struct {
		name, method, path, want string
	}{
		{"static beats param", "GET", "/users/special",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/special.js /users/special {}`},
		{"param", "GET", "/users/daniel",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/[user].js /users/daniel {user="daniel"}`},
		{"catch-all takes the rest as segments", "GET", "/users/a/b/c",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/[[catchall]].js /users/a/b/c {catchall=["a" "b" "c"]}`},
		{"a deeper route file beats the catch-all", "GET", "/users/ann/posts",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/[user]/posts.ts /users/ann/posts {user="ann"}`},
		{"method-specific middleware skips other methods", "POST", "/users/daniel",
			`mw:_middleware.ts / {} | fn:users/[user].js /users/daniel {user="daniel"}`},
		{"no function: root middleware only (assets next)", "GET", "/about",
			`mw:_middleware.ts / {}`},
		{"GET picks onRequestGet", "GET", "/api/session",
			`mw:_middleware.ts / {} | fn:api/session.ts /api/session {}`},
		{"PUT falls back to onRequest", "PUT", "/api/session",
			`mw:_middleware.ts / {} | fn:api/session.ts /api/session {}`},
		{"unhandled method: no handler", "POST", "/api/only-get",
			`mw:_middleware.ts / {}`},
		{"HEAD is not GET", "HEAD", "/api/only-get",
			`mw:_middleware.ts / {}`},
		{"trailing slash is optional", "GET", "/users/daniel/",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/[user].js /users/daniel/ {user="daniel"}`},
		{"matching ignores case", "GET", "/USERS/Special",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /USERS {} | fn:users/special.js /USERS/Special {}`},
		{"params are not decoded", "GET", "/users/a%20b",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {} | fn:users/[user].js /users/a%20b {user="a%20b"}`},
		{"catch-all with zero segments is undefined", "GET", "/docs",
			`mw:_middleware.ts / {} | mw:docs/_middleware.ts /docs {} | fn:docs/[[path]].ts /docs {path=undefined}`},
		{"a prefix must end at a segment boundary", "GET", "/docsx",
			`mw:_middleware.ts / {}`},
		{"param then literal text", "GET", "/files/report.json",
			`mw:_middleware.ts / {} | fn:files/[name].json.ts /files/report.json {name="report"}`},
		{"a literal dot is only a dot", "GET", "/robotsxtxt", `mw:_middleware.ts / {}`},
		{"a literal dot", "GET", "/robots.txt", `mw:_middleware.ts / {} | fn:robots.txt.ts /robots.txt {}`},
		{"catch-all in the middle", "GET", "/shop/a/b/cart",
			`mw:_middleware.ts / {} | fn:shop/[[rest]]/cart.ts /shop/a/b/cart {rest=["a" "b"]}`},
		{"two params in one segment", "GET", "/v/1-2",
			`mw:_middleware.ts / {} | fn:v/[a]-[b].ts /v/1-2 {a="1" b="2"}`},
		{"root", "GET", "/", `mw:_middleware.ts / {} | fn:index.ts / {}`},
		{"nested middleware needs its whole directory", "GET", "/deep/a",
			`mw:_middleware.ts / {}`},
		{"nested middleware runs below its directory", "GET", "/deep/a/b/c",
			`mw:_middleware.ts / {} | mw:deep/a/b/_middleware.mjs /deep/a/b {}`},
		{"middleware mount path keeps a trailing slash", "GET", "/deep/a/b/",
			`mw:_middleware.ts / {} | mw:deep/a/b/_middleware.mjs /deep/a/b/ {}`},
		{"empty segments never match a param", "GET", "/users//x",
			`mw:_middleware.ts / {} | mw:users/_middleware.ts /users {}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := plan(tab, c.method, c.path); got != c.want {
				t.Errorf("%s %s:\n got %s\nwant %s", c.method, c.path, got, c.want)
			}
			if got := plan(tab, c.method, c.path); got != c.want {
				t.Errorf("cached: %s", got)
			}
		})
	}
	t.Run("HEAD goes to onRequest, not onRequestGet", func(t *testing.T) {
		steps := tab.Match("HEAD", "/api/head")
		last := tab.Routes[steps[len(steps)-1].Route]
		if last.Handler.Name != "onRequest" {
			t.Errorf("HEAD ran %s", last.Handler)
		}
		steps = tab.Match("GET", "/api/head")
		if last := tab.Routes[steps[len(steps)-1].Route]; last.Handler.Name != "onRequestGet" {
			t.Errorf("GET ran %s", last.Handler)
		}
	})
}

func TestMiddlewareChainOrder(t *testing.T) {
	tab, _ := scanTree(t, map[string]string{
		"_middleware.ts":         any_,
		"a/_middleware.ts":       any_,
		"a/b/_middleware.ts":     any_,
		"a/b/c/_middleware.ts":   any_,
		"a/b/c/index.ts":         any_,
		"a/[x]/_middleware.ts":   any_,
		"a/b/[[rest]].ts":        any_,
		"other/_middleware.ts":   any_,
		"a/b/c/d/_middleware.ts": any_,
	})
	got := plan(tab, "GET", "/a/b/c")
	want := `mw:_middleware.ts / {} | mw:a/_middleware.ts /a {} | mw:a/[x]/_middleware.ts /a/b {x="b"} | mw:a/b/_middleware.ts /a/b {} | mw:a/b/c/_middleware.ts /a/b/c {} | fn:a/b/c/index.ts /a/b/c {}`
	if got != want {
		t.Errorf("chain:\n got %s\nwant %s", got, want)
	}
}
