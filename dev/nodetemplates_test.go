package dev_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestOfficialNodeTemplates serves two of Cloudflare's official templates
// (github.com/cloudflare/templates, copied into testdata/apps with their npm
// packages) that set nodejs_compat, and checks their first pages as
// wrangler dev 4.86.0 served them.
func TestOfficialNodeTemplates(t *testing.T) {
	if _, err := os.Stat("../testdata/apps/node_modules/@openauthjs/openauth"); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `make test` (it runs npm ci there first)")
	}
	t.Run("nodejs-http-server-template", func(t *testing.T) {
		abs, _ := filepath.Abs("../testdata/apps/nodejs-http-server-template")
		r := start(t, dev.Options{Dir: abs})
		for _, c := range []struct {
			path, ctype, body string
			status            int
		}{
			{"/", "text/html", "<h1>Welcome to my Node.js app on Workers!</h1>", 200},
			{"/nope", "text/plain", "Not Found", 404},
		} {
			got := r.do(t, "GET", c.path, "")
			if got.status != c.status || got.body != c.body || got.header.Get("Content-Type") != c.ctype {
				t.Errorf("GET %s = %d %q %q, want %d %q %q", c.path, got.status, got.header.Get("Content-Type"), got.body, c.status, c.ctype, c.body)
			}
		}
		got := r.do(t, "GET", "/api/status", "")
		if got.status != 200 || !strings.HasPrefix(got.body, `{"status":"ok","timestamp":`) {
			t.Errorf("GET /api/status = %d %q", got.status, got.body)
		}
	})
	t.Run("openauth-template", func(t *testing.T) {
		abs, _ := filepath.Abs("../testdata/apps/openauth-template")
		r := start(t, dev.Options{Dir: abs, PersistTo: t.TempDir()})
		jar, _ := cookiejar.New(nil)
		client := &http.Client{Jar: jar}
		// / redirects to /authorize, which sets a cookie and redirects to
		// the password provider's page.
		resp, err := client.Get(r.url + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body := new(strings.Builder)
		if _, err := io.Copy(body, resp.Body); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile("testdata/openauth-first-page.html")
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || resp.Request.URL.Path != "/password/authorize" || resp.Header.Get("Content-Type") != "text/html" {
			t.Fatalf("the first page: %d %s %q", resp.StatusCode, resp.Request.URL.Path, resp.Header.Get("Content-Type"))
		}
		if got := body.String(); got != strings.TrimSuffix(string(want), "\n") && got != string(want) {
			t.Errorf("the password page differs from wrangler's (testdata/openauth-first-page.html):\n%s", got)
		}
	})
}
