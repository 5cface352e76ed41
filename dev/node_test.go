package dev_test

import (
	"strings"
	"testing"
	"time"

	"edgedev/bundler"
	"edgedev/dev"
	"edgedev/runtime"
)

func TestNode_LoaderNamesAgree(t *testing.T) {
	if bundler.BuiltinLoader != runtime.BuiltinLoader {
		t.Fatalf("the bundle calls %s but the runtime defines %s", bundler.BuiltinLoader, runtime.BuiltinLoader)
	}
}

// A worker with nodejs_compat imports Node modules with and without the
// prefix, from ESM and from a CommonJS package, and sees process.env.
func TestNode_CompatWorker(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": "name = \"w\"\nmain = \"src/index.js\"\ncompatibility_date = \"2025-05-01\"\ncompatibility_flags = [\"nodejs_compat\"]\n[vars]\nGREETING = \"hello\"\n",
		"src/index.js": `import process from "node:process";
import { setImmediate as si } from "timers";
import dep from "dep";
export default {
  fetch() {
    return new Response([process.env.GREETING, si === setImmediate, dep(), global === globalThis].join(" "));
  },
};
`,
		"node_modules/dep/package.json": `{"name":"dep","main":"index.js"}`,
		"node_modules/dep/index.js":     `module.exports = () => typeof require("process").env;`,
	})
	r := start(t, dev.Options{Dir: dir})
	if got, want := r.body(t, "/"), "hello true object true"; got != want {
		t.Errorf("GET / = %q, want %q\nstderr: %s", got, want, r.err.String())
	}
}

// Without the flag, the build fails naming the module, the importing file
// and the flag to add.
func TestNode_WithoutTheFlag(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": "name = \"w\"\nmain = \"src/index.js\"\ncompatibility_date = \"2025-05-01\"\n",
		"src/index.js":  "import { EventEmitter } from \"node:events\";\nexport default { fetch: () => new Response(String(EventEmitter)) };\n",
	})
	r := start(t, dev.Options{Dir: dir})
	got := r.do(t, "GET", "/", "")
	for _, want := range []string{`src/index.js:1:30`, `"node:events" is a Node.js built-in module`, `add compatibility_flags = ["nodejs_compat"] to wrangler.toml`} {
		if !strings.Contains(got.body, want) {
			t.Errorf("the error page does not say %q:\n%s\n%s", want, got.body, r.err.String())
		}
	}
	if got.status != 500 {
		t.Errorf("status %d, want 500", got.status)
	}
}

// TestNode_AsyncLocalStorageInterleaved runs testdata/als under the dev
// server: request a waits 150 ms, b (sent while a waits) 10 ms, so b's
// work runs in the middle of a's; each must read back its own store. The
// bodies are what wrangler 4.86.0 answered for the same requests.
func TestNode_AsyncLocalStorageInterleaved(t *testing.T) {
	r := start(t, dev.Options{Dir: copyDir(t, "testdata/als")})
	type result struct{ id, body string }
	done := make(chan result, 2)
	get := func(id, ms string) {
		done <- result{id, r.body(t, "/?id="+id+"&ms="+ms)}
	}
	go get("a", "150")
	time.Sleep(20 * time.Millisecond)
	go get("b", "10")
	want := map[string]string{
		"a": `{"id":"a","seen":["a","a","a","a","a"],"outside":"inside"}`,
		"b": `{"id":"b","seen":["b","b","b","b","b"],"outside":"inside"}`,
	}
	var order []string
	for range 2 {
		res := <-done
		order = append(order, res.id)
		if res.body != want[res.id] {
			t.Errorf("request %s: got %s, want %s\nstderr: %s", res.id, res.body, want[res.id], r.err.String())
		}
	}
	if strings.Join(order, "") != "ba" {
		t.Errorf("requests finished in the order %v; b should finish inside a's wait", order)
	}
}
