package dev_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"edgedev/dev"
)

const toml = "name = \"t\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n"

func TestWorkerFailures(t *testing.T) {
	t.Run("a throw at top level: the server starts and answers 500", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts":  "const x: number = 1;\nthrow new Error(\"bad start \" + x);\nexport default { fetch() { return new Response(\"ok\") } };\n",
		})
		r := start(t, dev.Options{Dir: dir})
		got := r.do(t, "GET", "/", "")
		if got.status != 500 || !strings.Contains(got.body, "Error: bad start 1") || !strings.Contains(got.body, "src/index.ts:2") {
			t.Errorf("got %d %q", got.status, got.body)
		}
		if !strings.Contains(r.out.String(), "failed to start") {
			t.Errorf("banner does not say the worker failed:\n%s", r.out)
		}
	})
	t.Run("a build error: the server starts and answers 500 with file:line:col", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts":  "export default {\n  fetch() { return new Response(\"ok\" }\n};\n",
		})
		r := start(t, dev.Options{Dir: dir})
		got := r.do(t, "GET", "/", "")
		if got.status != 500 || !strings.Contains(got.body, "src/index.ts:2:") {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
	t.Run("a non-Response return is a 500 that says so", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts":  "export default { async fetch() { return { hello: 1 } } };\n",
		})
		r := start(t, dev.Options{Dir: dir})
		got := r.do(t, "GET", "/", "")
		if got.status != 500 || !strings.Contains(got.body, "did not resolve to 'Response'") || !strings.Contains(got.body, "Object") {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
	t.Run("a rejected promise is a 500 with the stack", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts":  "async function later() { await null; throw new TypeError(\"nope\") }\nexport default { async fetch() { await later(); return new Response(\"x\") } };\n",
		})
		r := start(t, dev.Options{Dir: dir})
		got := r.do(t, "GET", "/", "")
		if got.status != 500 || !strings.Contains(got.body, "TypeError: nope") || !strings.Contains(got.body, "src/index.ts:1") {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
	t.Run("runaway code is stopped, the instance replaced, the server lives on", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts": `let count = 0;
export default { async fetch(req: Request) {
  count++;
  if (req.method === "POST") { while (true) {} }
  return new Response("count " + count);
} };
`,
		})
		r := start(t, dev.Options{Dir: dir, CPULimit: 100 * time.Millisecond})
		if got := r.do(t, "GET", "/", ""); got.body != "count 1" {
			t.Fatalf("first request: %q", got.body)
		}
		got := r.do(t, "POST", "/", "x")
		if got.status != 500 || !strings.Contains(got.body, "CPU time limit") {
			t.Errorf("runaway: %d %q", got.status, got.body)
		}
		// A fresh instance: module state starts over.
		if got := r.do(t, "GET", "/", ""); got.status != 200 || got.body != "count 1" {
			t.Errorf("after the runaway: %d %q", got.status, got.body)
		}
	})
	t.Run("service-worker format gets bindings as globals", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml + "[vars]\nWHO = \"sw\"\n",
			"src/index.ts": `declare const WHO: string;
addEventListener("fetch", (event: any) => {
  event.waitUntil(Promise.resolve());
  event.respondWith(new Response("hello " + WHO));
});
`,
		})
		r := start(t, dev.Options{Dir: dir})
		if got := r.do(t, "GET", "/", ""); got.status != 200 || got.body != "hello sw" {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
	t.Run("no handler at all is a clear load error", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": toml,
			"src/index.ts":  "export const x = 1;\n",
		})
		r := start(t, dev.Options{Dir: dir})
		if got := r.do(t, "GET", "/", ""); got.status != 500 || !strings.Contains(got.body, "no fetch handler") {
			t.Errorf("got %d %q", got.status, got.body)
		}
	})
	t.Run("bad config fails with every problem at once", func(t *testing.T) {
		dir := project(t, map[string]string{
			"wrangler.toml": "name = 3\nmain = \"src/index.ts\"\ncompatibility_date = \"yesterday\"\n",
			"src/index.ts":  "export default { fetch() { return new Response(\"\") } };\n",
		})
		_, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}})
		if err == nil || !strings.Contains(err.Error(), "2 problems") || !strings.Contains(err.Error(), "line 1") || !strings.Contains(err.Error(), "line 3") {
			t.Errorf("err = %v", err)
		}
	})
}

// TestStreamingBodies sends a body larger than the eager-read limit through
// a worker that streams it straight back (request.body -> Response) and
// checks every byte, over real HTTP.
func TestStreamingBodies(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": toml,
		"src/index.ts":  "export default { fetch(req: Request) { return new Response(req.body, { headers: { \"content-type\": \"application/octet-stream\" } }); } };\n",
	})
	r := start(t, dev.Options{Dir: dir})
	body := make([]byte, 5<<20)
	for i := range body {
		body[i] = byte(i * 7)
	}
	resp, err := http.Post(r.url+"/", "application/octet-stream", io.NopCloser(bytes.NewReader(body))) // unsized: chunked
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !bytes.Equal(got, body) {
		t.Errorf("status %d, %d bytes back of %d, equal=%v", resp.StatusCode, len(got), len(body), bytes.Equal(got, body))
	}
	if resp.Header.Get("Content-Length") != "" {
		t.Errorf("a streamed response has a Content-Length: %q", resp.Header.Get("Content-Length"))
	}
}
