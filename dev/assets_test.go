package dev_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edgedev/dev"
)

// curlClient hands redirects back, as curl does.
var curlClient = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// describe renders a response the way testdata/assets/record.sh renders
// wrangler dev's, so that the two compare line by line.
func describe(t *testing.T, url, line string) string {
	t.Helper()
	req, _, _ := strings.Cut(line, " => ")
	method, rest, _ := strings.Cut(req, " ")
	path, hdr, _ := strings.Cut(rest, " [")
	hdr = strings.TrimSuffix(hdr, "]")
	r, err := http.NewRequest(method, url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if name, value, ok := strings.Cut(hdr, ": "); ok {
		r.Header.Set(name, value)
	}
	resp, err := curlClient.Do(r)
	if err != nil {
		t.Fatalf("%s: %v", req, err)
	}
	defer resp.Body.Close()
	body := make([]byte, 80)
	n, _ := resp.Body.Read(body)
	for n < 80 {
		m, err := resp.Body.Read(body[n:])
		n += m
		if err != nil {
			break
		}
	}
	g := resp.Header.Get
	etag := ""
	if g("Etag") != "" {
		etag = "yes"
	}
	out := req + " => " + strconv.Itoa(resp.StatusCode) + " loc=" + g("Location") + " ct=" + g("Content-Type") + " etag=" + etag +
		" cc=" + g("Cache-Control") + " xw=" + g("X-Worker") + " xfile=" + g("X-File") + " xall=" + g("X-All") + " xjs=" + g("X-Js") +
		" acao=" + g("Access-Control-Allow-Origin") + " rp=" + g("Referrer-Policy") + " nosniff=" + g("X-Content-Type-Options") +
		" body=" + strings.ReplaceAll(string(body[:n]), "\n", " ")
	return strings.TrimRight(out, " ")
}

// TestAssets_MatchesWranglerDev serves testdata/assets/site under each
// config in testdata/assets/modes (every html_handling and
// not_found_handling mode, run_worker_first as patterns and as true, an
// assets-only project) and checks every answer against what wrangler dev
// 4.86.0 (workerd 2026-04-26) answered for the same request, recorded by
// testdata/assets/record.sh into testdata/assets/wrangler-4.86.0/: status,
// Location, content type, ETag, Cache-Control, which side answered (the
// worker sets x-worker), the _headers rules, and the body.
func TestAssets_MatchesWranglerDev(t *testing.T) {
	modes, err := filepath.Glob("testdata/assets/modes/*.json")
	if err != nil || len(modes) < 9 {
		t.Fatalf("modes: %v %v", modes, err)
	}
	for _, m := range modes {
		name := strings.TrimSuffix(filepath.Base(m), ".json")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata/assets/wrangler-4.86.0", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			dir := copyDir(t, "testdata/assets/site")
			cfg, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "wrangler.json"), string(cfg))
			r := start(t, dev.Options{Dir: dir})
			etag := ""
			lines := strings.Split(strings.TrimSpace(string(want)), "\n")
			for _, line := range lines {
				if strings.Contains(line, "<etag>") && etag == "" {
					resp, err := http.Get(r.url + "/file")
					if err != nil {
						t.Fatal(err)
					}
					resp.Body.Close()
					etag = resp.Header.Get("Etag")
				}
				got := describe(t, r.url, strings.ReplaceAll(line, `"<etag>"`, etag))
				if etag != "" {
					got = strings.ReplaceAll(got, etag, `"<etag>"`)
				}
				if strings.Contains(line, "=> 304 ") {
					// net/http never sends Content-Type with a 304
					// (server.go suppressedHeaders304); workerd does.
					line = regexp.MustCompile(` ct=.*? etag=`).ReplaceAllString(line, " ct= etag=")
				}
				if got != line {
					t.Errorf("\n got  %s\n want %s", got, line)
				}
			}
		})
	}
}

// TestAssets_ConfigErrors: what wrangler refuses for an assets-only
// project, and a missing directory, each naming the file and what to do.
func TestAssets_ConfigErrors(t *testing.T) {
	for _, c := range []struct{ name, assets, want string }{
		{"a binding without main", `{ "directory": "public", "binding": "ASSETS" }`, "wrangler.json:5: Cannot use assets with a binding in an assets-only Worker."},
		{"run_worker_first without main", `{ "directory": "public", "run_worker_first": ["/api/*"] }`, "wrangler.json:5: Cannot set run_worker_first without a Worker script."},
		{"a missing directory", `{ "directory": "dist" }`, "assets.directory in wrangler.json) does not exist or is not a directory; build the site first"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := project(t, map[string]string{
				"wrangler.json":     "{\n  \"name\": \"site\",\n  \"compatibility_date\": \"2025-06-01\",\n\n  \"assets\": " + c.assets + "\n}\n",
				"public/index.html": "hi",
			})
			_, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, c.want)
			}
		})
	}
}
