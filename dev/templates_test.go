package dev_test

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestViteReactTemplate serves the official vite-react-template as its
// `npm run build` left it (testdata/templates, rebuilt by
// rebuild-vite-react-template.sh), with the config the Vite plugin
// generated, as `wrangler dev -c dist/vite_react_template/wrangler.json`
// does: assets first, the Hono worker for /api/, and, in
// single-page-application mode, index.html for a browser's navigation to
// a client-side route.
func TestViteReactTemplate(t *testing.T) {
	dir := copyDir(t, "testdata/templates/vite-react-template")
	r := start(t, dev.Options{Dir: dir, ConfigPath: filepath.Join(dir, "dist/vite_react_template/wrangler.json")})
	if e := r.err.String(); strings.Contains(e, "unknown key") {
		t.Errorf("the generated config gives warnings:\n%s", e)
	}
	if !strings.Contains(r.out.String(), "not_found_handling single-page-application") {
		t.Errorf("start-up does not describe the assets:\n%s", r.out.String())
	}

	home := r.do(t, "GET", "/", "")
	if home.status != 200 || home.header.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(home.body, `<div id="root"></div>`) {
		t.Fatalf("/: %d %s\n%s", home.status, home.header.Get("Content-Type"), home.body)
	}
	script := regexp.MustCompile(`src="(/assets/index-[^"]+\.js)"`).FindStringSubmatch(home.body)
	if script == nil {
		t.Fatalf("no bundle in index.html:\n%s", home.body)
	}
	js := r.do(t, "GET", script[1], "")
	if js.status != 200 || js.header.Get("Content-Type") != "text/javascript; charset=utf-8" || len(js.body) < 100_000 || js.header.Get("Etag") == "" {
		t.Errorf("%s: %d %q, %d bytes", script[1], js.status, js.header.Get("Content-Type"), len(js.body))
	}
	if css := regexp.MustCompile(`href="(/assets/index-[^"]+\.css)"`).FindStringSubmatch(home.body); css == nil {
		t.Error("no stylesheet in index.html")
	} else if got := r.do(t, "GET", css[1], ""); got.status != 200 || got.header.Get("Content-Type") != "text/css; charset=utf-8" {
		t.Errorf("%s: %d %q", css[1], got.status, got.header.Get("Content-Type"))
	}

	api := r.do(t, "GET", "/api/", "")
	var body struct{ Name string }
	if api.status != 200 || !strings.HasPrefix(api.header.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(api.body), &body) != nil || body.Name != "Cloudflare" {
		t.Errorf("/api/: %d %q %s", api.status, api.header.Get("Content-Type"), api.body)
	}

	// A browser navigating to a client-side route gets the app.
	nav := r.do(t, "GET", "/some/client/route", "", "Sec-Fetch-Mode", "navigate", "Accept", "text/html")
	if nav.status != 200 || nav.body != home.body {
		t.Errorf("navigation to a client-side route: %d\n%s", nav.status, nav.body)
	}
	// A fetch() of a missing path goes to the worker (Hono's 404), as on
	// the platform.
	if miss := r.do(t, "GET", "/api/missing", ""); miss.status != 404 || miss.body == home.body {
		t.Errorf("fetch of a missing path: %d %s", miss.status, miss.body)
	}
	// The generated .assetsignore keeps a config out of the assets.
	write(t, filepath.Join(dir, "dist/client/wrangler.json"), `{"secret": true}`)
	write(t, filepath.Join(dir, "dist/client/other.json"), `{"public": true}`)
	if got := r.do(t, "GET", "/other.json", ""); got.body != `{"public": true}` {
		t.Errorf("/other.json: %d %s", got.status, got.body)
	}
	if got := r.do(t, "GET", "/wrangler.json", "", "Sec-Fetch-Mode", "navigate"); got.body != home.body {
		t.Errorf("/wrangler.json is served: %d %s", got.status, got.body)
	}
}
