package assets

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edgedev/weburl"
)

// site writes files under a temp dir and opens it as assets (dir "public").
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

// site writes files under a temp dir and opens it as a Pages project's
// assets (dir "public").
func site(t testing.TB, files map[string]string) (*Server, string) {
	t.Helper()
	root := writeTree(t, files)
	f, err := Open(filepath.Join(root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f.With(Options{Pages: true}), root
}

func serve(t testing.TB, a *Server, method, rawURL string, hdr ...string) *Response {
	t.Helper()
	u, err := weburl.Parse(rawURL, nil)
	if err != nil {
		t.Fatalf("parse %s: %v", rawURL, err)
	}
	h := http.Header{}
	for i := 0; i+1 < len(hdr); i += 2 {
		h.Set(hdr[i], hdr[i+1])
	}
	return a.Serve(&Request{Method: method, URL: u, Header: h})
}

func bodyOf(t testing.TB, a *Server, r *Response) string {
	t.Helper()
	b, err := a.ReadBody(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const host = "http://localhost:8788"

func TestAssets_HTMLHandling(t *testing.T) {
	a, _ := site(t, map[string]string{
		"public/index.html":        "home",
		"public/about.html":        "about",
		"public/blog/index.html":   "blog",
		"public/docs.html":         "docs page",
		"public/docs/index.html":   "docs dir",
		"public/plain":             "extensionless",
		"public/plain.html":        "plain html",
		"public/style.css":         "body{}",
		"public/app.js":            "1",
		"public/data.json":         "{}",
		"public/img/logo.svg":      "<svg/>",
		"public/font.woff2":        "w",
		"public/unknown.xyz":       "?",
		"public/evil.example.html": "evil",
	})
	cases := []struct {
		name, path string
		status     int
		body       string
		location   string
	}{
		{"root serves index.html", "/", 200, "home", ""},
		{"/index.html redirects to /", "/index.html", 308, "", "/"},
		{"pretty URL serves about.html", "/about", 200, "about", ""},
		{"about.html redirects to the pretty URL", "/about.html", 308, "", "/about"},
		{"the query string survives the redirect", "/about.html?x=1&y", 308, "", "/about?x=1&y"},
		{"about/ redirects to about when only about.html exists", "/about/", 308, "", "/about"},
		{"directory without slash redirects to slash", "/blog", 308, "", "/blog/"},
		{"directory with slash serves its index.html", "/blog/", 200, "blog", ""},
		{"dir/index.html redirects to dir/", "/blog/index.html", 308, "", "/blog/"},
		{"dir/index redirects to dir/", "/blog/index", 308, "", "/blog/"},
		{"dir/index/ redirects to dir/", "/blog/index/", 308, "", "/blog/"},
		{"file beats directory", "/docs", 200, "docs page", ""},
		{"directory with slash when both exist", "/docs/", 200, "docs dir", ""},
		{"x.html is served when an extensionless x exists", "/plain.html", 200, "plain html", ""},
		{"an extensionless file is served as is", "/plain", 200, "extensionless", ""},
		{"percent-encoded names are decoded", "/abo%75t", 200, "about", ""},
		{"leading double slash cannot make an open redirect", "//evil.example/", 308, "", "/evil.example"},
		{"encoded slash cannot either", "/%2Fwww.example.com/index/", 308, "", "/www.example.com/"},
		{"nor an encoded backslash", "/%5Cwww.example.com/index/", 308, "", "/www.example.com/"},
		{"nor a tab", "/%09/www.example.com/%09/index/", 308, "", "/www.example.com/\t/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := serve(t, a, "GET", host+c.path)
			if r.Status != c.status || bodyOf(t, a, r) != c.body || r.Header.Get("Location") != c.location {
				t.Errorf("GET %s = %d %q Location %q, want %d %q %q", c.path, r.Status, bodyOf(t, a, r), r.Header.Get("Location"), c.status, c.body, c.location)
			}
			if c.status == 308 && r.Body != nil {
				t.Errorf("canonical 308 has a body: %q", r.Body)
			}
		})
	}
	types := map[string]string{
		"/about":        "text/html; charset=utf-8",
		"/style.css":    "text/css; charset=utf-8",
		"/app.js":       "application/javascript",
		"/data.json":    "application/json",
		"/img/logo.svg": "image/svg+xml",
		"/font.woff2":   "font/woff2",
		"/unknown.xyz":  "application/octet-stream",
		"/plain":        "application/octet-stream",
	}
	for p, want := range types {
		if got := serve(t, a, "GET", host+p).Header.Get("Content-Type"); got != want {
			t.Errorf("Content-Type of %s = %q, want %q", p, got, want)
		}
	}
}

func TestAssets_Headers(t *testing.T) {
	a, _ := site(t, map[string]string{"public/index.html": "home", "public/a.txt": "text", "public/404.html": "nope"})
	etagRe := regexp.MustCompile(`^"[0-9a-f]{32}"$`)
	r := serve(t, a, "GET", host+"/")
	want := map[string]string{
		"Content-Type":                "text/html; charset=utf-8",
		"Cache-Control":               CacheControlBrowser,
		"Access-Control-Allow-Origin": "*",
		"Referrer-Policy":             "strict-origin-when-cross-origin",
		"X-Content-Type-Options":      "nosniff",
	}
	for k, v := range want {
		if got := r.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	etag := r.Header.Get("ETag")
	if !etagRe.MatchString(etag) {
		t.Errorf("ETag = %q, want a quoted 32-hex-digit tag", etag)
	}
	t.Run("If-None-Match gives 304", func(t *testing.T) {
		for _, inm := range []string{etag, "W/" + etag} {
			r := serve(t, a, "GET", host+"/", "If-None-Match", inm)
			if r.Status != 304 || r.Body != nil || r.Header.Get("Access-Control-Allow-Origin") != "*" || r.Header.Get("Content-Type") != "" {
				t.Errorf("If-None-Match %s: %d %v", inm, r.Status, r.Header)
			}
		}
		if r := serve(t, a, "GET", host+"/", "If-None-Match", `"other"`); r.Status != 200 {
			t.Errorf("other tag: %d", r.Status)
		}
	})
	t.Run("the tag follows the content", func(t *testing.T) {
		if serve(t, a, "GET", host+"/a.txt").Header.Get("ETag") == etag {
			t.Error("two files share a tag")
		}
	})
	t.Run("Authorization or Range: no Cache-Control", func(t *testing.T) {
		for _, h := range []string{"Authorization", "Range"} {
			if got := serve(t, a, "GET", host+"/", h, "x").Header.Get("Cache-Control"); got != "" {
				t.Errorf("with %s: Cache-Control %q", h, got)
			}
		}
	})
	t.Run("non-GET gets 405 with no body", func(t *testing.T) {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
			r := serve(t, a, m, host+"/")
			if r.Status != 405 || len(r.Body) != 0 || r.Header.Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("%s: %d %q", m, r.Status, r.Body)
			}
		}
		if r := serve(t, a, "get", host+"/"); r.Status != 200 {
			t.Errorf("lowercase get: %d (the platform compares case-insensitively)", r.Status)
		}
	})
	t.Run("HEAD has headers and no body", func(t *testing.T) {
		r := serve(t, a, "HEAD", host+"/a.txt")
		rec := httptest.NewRecorder()
		if err := a.Write(rec, "HEAD", r); err != nil {
			t.Fatal(err)
		}
		if r.Status != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") != "4" {
			t.Errorf("HEAD: %d body %q length %q", r.Status, rec.Body, rec.Header().Get("Content-Length"))
		}
	})
	t.Run("404 page: status 404, no-store, no ETag", func(t *testing.T) {
		r := serve(t, a, "GET", host+"/missing", "If-None-Match", etag)
		if r.Status != 404 || bodyOf(t, a, r) != "nope" || r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("ETag") != "" || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("got %d %q %v", r.Status, r.Body, r.Header)
		}
	})
}

func TestAssets_NotFound(t *testing.T) {
	t.Run("nearest 404.html walking up", func(t *testing.T) {
		a, _ := site(t, map[string]string{
			"public/404.html":         "top 404",
			"public/blog/404.html":    "blog 404",
			"public/blog/2024/a.html": "post",
			"public/index.html":       "home",
		})
		for path, want := range map[string]string{
			"/missing":             "top 404",
			"/blog/missing":        "blog 404",
			"/blog/2024/missing":   "blog 404",
			"/blog/2024/x/y/z":     "blog 404",
			"/blog/":               "blog 404", // a directory without index.html
			"/other/deep/missing/": "top 404",
		} {
			r := serve(t, a, "GET", host+path)
			if r.Status != 404 || bodyOf(t, a, r) != want {
				t.Errorf("%s = %d %q, want 404 %q", path, r.Status, bodyOf(t, a, r), want)
			}
		}
	})
	t.Run("no 404.html and an index.html: single-page app", func(t *testing.T) {
		a, _ := site(t, map[string]string{"public/index.html": "app", "public/main.js": "js"})
		for _, p := range []string{"/dashboard", "/users/42/settings", "/missing.js", "/deep/path/"} {
			r := serve(t, a, "GET", host+p)
			if r.Status != 200 || bodyOf(t, a, r) != "app" || r.Header.Get("ETag") == "" {
				t.Errorf("%s = %d %q", p, r.Status, r.Body)
			}
		}
		if r := serve(t, a, "GET", host+"/main.js"); bodyOf(t, a, r) != "js" {
			t.Errorf("a real asset still wins: %q", r.Body)
		}
	})
	t.Run("a 404.html on the way up beats the SPA fallback", func(t *testing.T) {
		a, _ := site(t, map[string]string{"public/index.html": "app", "public/docs/404.html": "docs 404"})
		if r := serve(t, a, "GET", host+"/docs/x"); r.Status != 404 || bodyOf(t, a, r) != "docs 404" {
			t.Errorf("/docs/x = %d %q", r.Status, r.Body)
		}
		if r := serve(t, a, "GET", host+"/other"); r.Status != 200 || bodyOf(t, a, r) != "app" {
			t.Errorf("/other = %d %q", r.Status, r.Body)
		}
	})
	t.Run("nothing at all: empty 404", func(t *testing.T) {
		a, _ := site(t, map[string]string{"public/a.txt": "a"})
		r := serve(t, a, "GET", host+"/missing")
		if r.Status != 404 || len(r.Body) != 0 || r.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("got %d %q %v", r.Status, r.Body, r.Header)
		}
	})
}

func TestAssets_NeverOutsideTheDirectory(t *testing.T) {
	a, root := site(t, map[string]string{
		"secret.txt":               "SECRET",
		"public/ok.txt":            "ok",
		"public/about.html":        "about",
		"public/_headers":          "/*\n  X-A: 1\n",
		"public/_redirects":        "/a /b\n",
		"public/_routes.json":      `{"version":1,"include":["/*"],"exclude":[]}`,
		"public/_worker.js":        "export default {}",
		"public/functions/f.js":    "fn",
		"public/.git/config":       "git",
		"public/sub/.git/HEAD":     "git",
		"public/node_modules/m.js": "m",
		"public/sub/.DS_Store":     "ds",
		"public/.edgedev/state":    "state",
	})
	pub := filepath.Join(root, "public")
	mustLink := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(pub, name)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	mustLink(filepath.Join(root, "secret.txt"), "link-out.txt")
	mustLink("../secret.txt", "rel-out.txt")
	mustLink(root, "dir-out")
	mustLink("about.html", "alias.html")
	attempts := []string{
		"/../secret.txt",
		"/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/ok.txt/..%2f..%2fsecret.txt",
		`/..\secret.txt`,
		"/..%5csecret.txt",
		"/%5c..%5csecret.txt",
		"/sub/..%2f..%2fsecret.txt",
		"/link-out.txt",
		"/rel-out.txt",
		"/dir-out/secret.txt",
		"/dir-out/public/ok.txt",
		"/%00secret.txt",
		"/_headers", "/_redirects", "/_routes.json", "/_worker.js", "/_worker.js/x.js",
		"/functions/f.js", "/.git/config", "/sub/.git/HEAD", "/node_modules/m.js", "/sub/.DS_Store", "/.edgedev/state",
	}
	for _, p := range attempts {
		r := serve(t, a, "GET", host+p)
		body := bodyOf(t, a, r)
		if r.Status == 200 || strings.Contains(body, "SECRET") || body == "git" || body == "fn" || body == "state" {
			t.Errorf("GET %s = %d %q: served something it must not", p, r.Status, body)
		}
	}
	if r := serve(t, a, "GET", host+"/alias"); r.Status != 200 || bodyOf(t, a, r) != "about" {
		t.Errorf("a symlink inside the directory should be served: %d %q", r.Status, r.Body)
	}
	if r := serve(t, a, "GET", host+"/ok.txt"); r.Status != 200 {
		t.Errorf("ok.txt: %d", r.Status)
	}
}

func TestAssets_RedirectsAndHeaders(t *testing.T) {
	a, _ := site(t, map[string]string{
		"public/index.html": "home", "public/new.html": "new", "public/old.html": "old", "public/spa.html": "spa",
		"public/404.html": "missing",
	})
	rd, _ := ParseRedirects(strings.Join([]string{
		"/old /new 301",
		"/temp /new",
		"/see /new 303",
		"/keep /new 307",
		"/perm /new 308",
		"/ext https://example.com/x",
		"/ext-q https://example.com/x?own=1",
		"/app/* /spa 200",
		"/html/* /spa.html 200",
		"/gone/* /nowhere 200",
		"/q /new?a=b",
	}, "\n"), "public/_redirects")
	hs, _ := ParseHeaders("/*\n  X-All: yes\n/new\n  Cache-Control: private\n  ! Referrer-Policy\n", "public/_headers")
	a = a.Files().With(Options{Pages: true, Headers: hs, Redirects: rd})
	cases := []struct {
		path, method string
		status       int
		location     string
		body         string
	}{
		{"/old", "GET", 301, "/new", "Redirecting to /new"},
		{"/old?x=1", "GET", 301, "/new?x=1", "Redirecting to /new?x=1"},
		{"/temp", "GET", 302, "/new", "Redirecting to /new"},
		{"/see", "GET", 303, "/new", "Redirecting to /new"},
		{"/keep", "GET", 307, "/new", "Redirecting to /new"},
		{"/perm", "GET", 308, "/new", ""},
		{"/ext?q=1", "GET", 302, "https://example.com/x?q=1", "Redirecting to https://example.com/x?q=1"},
		{"/ext-q?q=1", "GET", 302, "https://example.com/x?own=1", "Redirecting to https://example.com/x?own=1"},
		{"/q?z=1", "GET", 302, "/new?a=b", "Redirecting to /new?a=b"},
		{"/old", "POST", 301, "/new", "Redirecting to /new"}, // redirects come before the 405
		{"/app/deep/link", "GET", 200, "", "spa"},
		// The rewritten path goes through HTML handling like any other, so a
		// rewrite to x.html meets the canonical redirect, as on the platform.
		{"/html/deep/link", "GET", 308, "/spa", ""},
		{"/gone/x", "GET", 404, "", "missing"},
	}
	for _, c := range cases {
		r := serve(t, a, c.method, host+c.path)
		if r.Status != c.status || r.Header.Get("Location") != c.location || bodyOf(t, a, r) != c.body {
			t.Errorf("%s %s = %d %q %q, want %d %q %q", c.method, c.path, r.Status, r.Header.Get("Location"), bodyOf(t, a, r), c.status, c.location, c.body)
		}
		if r.Header.Get("X-All") != "yes" {
			t.Errorf("%s: _headers did not apply to a %d", c.path, r.Status)
		}
	}
	t.Run("a rule beats a file at the same path", func(t *testing.T) {
		if r := serve(t, a, "GET", host+"/old"); r.Status != 301 {
			t.Errorf("got %d", r.Status)
		}
	})
	t.Run("_headers override and remove the platform's headers", func(t *testing.T) {
		r := serve(t, a, "GET", host+"/new")
		if r.Header.Get("Cache-Control") != "private" || r.Header.Get("Referrer-Policy") != "" {
			t.Errorf("headers = %v", r.Header)
		}
	})
	t.Run("_headers apply to 304s", func(t *testing.T) {
		etag := serve(t, a, "GET", host+"/").Header.Get("ETag")
		if r := serve(t, a, "GET", host+"/", "If-None-Match", etag); r.Status != 304 || r.Header.Get("X-All") != "yes" {
			t.Errorf("got %d %v", r.Status, r.Header)
		}
	})
}

func TestAssets_SeesEdits(t *testing.T) {
	a, root := site(t, map[string]string{"public/a.txt": "one"})
	first := serve(t, a, "GET", host+"/a.txt")
	if err := os.WriteFile(filepath.Join(root, "public/a.txt"), []byte("two!"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := serve(t, a, "GET", host+"/a.txt")
	if bodyOf(t, a, second) != "two!" || second.Header.Get("ETag") == first.Header.Get("ETag") {
		t.Errorf("after an edit: %q %s", second.Body, second.Header.Get("ETag"))
	}
}

func TestAssets_BigFileStreams(t *testing.T) {
	big := strings.Repeat("x", maxCachedFileBytes+10)
	a, _ := site(t, map[string]string{"public/big.bin": big})
	r := serve(t, a, "GET", host+"/big.bin")
	if r.Body != nil {
		t.Fatal("a big file should not be held in memory")
	}
	rec := httptest.NewRecorder()
	if err := a.Write(rec, "GET", r); err != nil {
		t.Fatal(err)
	}
	if rec.Body.String() != big || rec.Header().Get("Content-Length") != "1048586" {
		t.Errorf("streamed %d bytes, Content-Length %q", rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
}
