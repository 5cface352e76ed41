package dev_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestFrameworkApps serves the npm fixture apps (testdata/apps, installed by
// `make test` with npm ci) through the real server and checks the responses
// their expected.md lists.
func TestFrameworkApps(t *testing.T) {
	if _, err := os.Stat("../testdata/apps/node_modules/hono"); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `make test` (it runs npm ci there first)")
	}
	type req struct {
		method, path, body string
		status             int
		contentType, want  string
	}
	apps := []struct {
		dir  string
		reqs []req
	}{
		{"hono", []req{
			{"GET", "/", "", 200, "text/plain;charset=UTF-8", "Hello from hono!"},
			{"GET", "/json/42?q=hello%20world", "", 200, "application/json", `{"framework":"hono","id":"42","q":"hello world"}`},
			{"GET", "/json/7", "", 200, "application/json", `{"framework":"hono","id":"7","q":null}`},
			{"GET", "/json/7?q=a&q=b", "", 200, "application/json", `{"framework":"hono","id":"7","q":"a"}`},
			{"POST", "/echo", `{"name":"edge","n":[1,2]}`, 200, "application/json", `{"received":{"name":"edge","n":[1,2]}}`},
			{"POST", "/echo", "not json", 400, "application/json", `{"error":"request body must be JSON"}`},
			{"GET", "/nope", "", 404, "application/json", `{"error":"not found","path":"/nope"}`},
			{"POST", "/", "x", 404, "application/json", `{"error":"not found","path":"/"}`},
			{"GET", "/boom", "", 500, "application/json", `{"error":"boom from hono"}`},
		}},
		{"itty", []req{
			{"GET", "/", "", 200, "text/plain; charset=utf-8", "Hello from itty-router!"},
			{"GET", "/json/42?q=hello%20world", "", 200, "application/json; charset=utf-8", `{"framework":"itty-router","id":"42","q":"hello world"}`},
			{"GET", "/json/7", "", 200, "application/json; charset=utf-8", `{"framework":"itty-router","id":"7","q":null}`},
			{"GET", "/json/7?q=a&q=b", "", 200, "application/json; charset=utf-8", `{"framework":"itty-router","id":"7","q":["a","b"]}`},
			{"POST", "/echo", `{"name":"edge","n":[1,2]}`, 200, "application/json; charset=utf-8", `{"received":{"name":"edge","n":[1,2]}}`},
			{"POST", "/echo", "not json", 400, "application/json; charset=utf-8", `{"status":400,"error":"request body must be JSON"}`},
			{"GET", "/nope", "", 404, "application/json; charset=utf-8", `{"status":404,"error":"not found"}`},
			{"POST", "/", "x", 404, "application/json; charset=utf-8", `{"status":404,"error":"not found"}`},
		}},
	}
	for _, app := range apps {
		t.Run(app.dir, func(t *testing.T) {
			abs, _ := filepath.Abs(filepath.Join("../testdata/apps", app.dir))
			r := start(t, dev.Options{Dir: abs})
			for _, q := range app.reqs {
				got := r.do(t, q.method, q.path, q.body)
				if got.status != q.status || got.body != q.want || got.header.Get("Content-Type") != q.contentType {
					t.Errorf("%s %s = %d %q %q, want %d %q %q", q.method, q.path, got.status, got.header.Get("Content-Type"), got.body, q.status, q.contentType, q.want)
				}
			}
			if app.dir == "itty" {
				got := r.do(t, "GET", "/boom", "")
				if got.status != 500 || !strings.Contains(got.body, "boom from itty-router") || !strings.Contains(got.body, "src/index.ts:25") {
					t.Errorf("uncaught throw: %d %q", got.status, got.body)
				}
				if again := r.do(t, "GET", "/", ""); again.status != 200 {
					t.Errorf("after the throw: %d", again.status)
				}
			}
		})
	}
}
