package main_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"edgedev/persist"
)

// TestGracefulShutdown sends SIGTERM to the real binary while a request is
// in flight: the request finishes with its response, its waitUntil work
// runs, the process exits 0, and the KV store is closed (another process
// can open it at once).
func TestGracefulShutdown(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	files := map[string]string{
		"wrangler.toml": "name = \"slow\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n[[kv_namespaces]]\nbinding = \"KV\"\nid = \"slow\"\n",
		"src/index.ts": `export default {
  async fetch(req: Request, env: any, ctx: ExecutionContext) {
    await new Promise((r) => setTimeout(r, 300));
    ctx.waitUntil(new Promise((r) => setTimeout(r, 200)).then(() => env.KV.put("after", "yes")));
    return new Response("finished");
  },
};
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := launch(t, bin, dir)
	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(srv.url + "/")
		if err != nil {
			got <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{string(b), err}
	}()
	time.Sleep(100 * time.Millisecond) // the request is now waiting on its timer
	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	r := <-got
	if r.err != nil || r.body != "finished" {
		t.Errorf("in-flight request: %q %v", r.body, r.err)
	}
	if err := srv.cmd.Wait(); err != nil {
		t.Errorf("exit: %v", err)
	}
	st, err := persist.Open(persist.Locate("", dir), persist.Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("store still locked after exit: %v", err)
	}
	defer st.Close()
	e, found, err := st.Get("slow", "after", time.Now())
	if err != nil || !found || string(e.Value) != "yes" {
		t.Errorf("waitUntil's write: found=%v %q %v", found, e.Value, err)
	}
}
