package dev_test

import (
	"os"
	"path/filepath"
	"testing"

	"edgedev/dev"
)

// TestJSONErrors posts malformed JSON to hono and itty-router
// (testdata/apps/jsonerrors), whose error paths put the SyntaxError's
// message into the response. The expected responses were recorded under
// wrangler dev 4.86.0 (workerd 2026-04-26) for the same app and bodies.
func TestJSONErrors(t *testing.T) {
	if _, err := os.Stat("../testdata/apps/node_modules/hono"); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `make test` (it runs npm ci there first)")
	}
	long := `{"user": {"name": "Ada", "email": "ada@example.com"}, "items": [1, 2, 3,]}`
	cases := []struct {
		path, body  string
		status      int
		contentType string
		want        string
	}{
		{"/hono/echo", "Hello", 400, "application/json", `{"error":"SyntaxError: Unexpected token 'H', \"Hello\" is not valid JSON"}`},
		{"/hono/echo", `{"a":1,}`, 400, "application/json", `{"error":"SyntaxError: Expected double-quoted property name in JSON at position 7 (line 1 column 8)"}`},
		{"/hono/echo", long, 400, "application/json", `{"error":"SyntaxError: Unexpected token ']', ...\" [1, 2, 3,]}\" is not valid JSON"}`},
		{"/hono/echo", `{"ok":true}`, 200, "application/json", `{"received":{"ok":true}}`},
		{"/itty/echo", "Hello", 500, "application/json; charset=utf-8", `{"status":500,"error":"Unexpected token 'H', \"Hello\" is not valid JSON"}`},
		{"/itty/echo", `{"a":1,}`, 500, "application/json; charset=utf-8", `{"status":500,"error":"Expected double-quoted property name in JSON at position 7 (line 1 column 8)"}`},
		{"/itty/echo", long, 500, "application/json; charset=utf-8", `{"status":500,"error":"Unexpected token ']', ...\" [1, 2, 3,]}\" is not valid JSON"}`},
		{"/itty/echo", `{"ok":true}`, 200, "application/json; charset=utf-8", `{"received":{"ok":true}}`},
	}
	abs, _ := filepath.Abs("../testdata/apps/jsonerrors")
	r := start(t, dev.Options{Dir: abs})
	for _, c := range cases {
		got := r.do(t, "POST", c.path, c.body, "Content-Type", "application/json")
		if got.status != c.status || got.body != c.want || got.header.Get("Content-Type") != c.contentType {
			t.Errorf("POST %s %q = %d %q %s\nwant %d %q %s", c.path, c.body, got.status, got.header.Get("Content-Type"), got.body, c.status, c.contentType, c.want)
		}
	}
}
