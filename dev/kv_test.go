package dev_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/dev"
)

const kvWorker = `export default {
  async fetch(req: Request, env: any) {
    const url = new URL(req.url);
    const key = url.searchParams.get("k")!;
    if (req.method === "PUT") { await env.NOTES.put(key, await req.text()); return new Response("stored"); }
    const v = await env.NOTES.get(key);
    return new Response(v ?? "missing", { status: v === null ? 404 : 200 });
  },
};
`

func TestKVPersistsAcrossRestarts(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.toml": toml + "[[kv_namespaces]]\nbinding = \"NOTES\"\nid = \"notes-prod\"\npreview_id = \"notes-dev\"\n",
		"src/index.ts":  kvWorker,
	})
	r := start(t, dev.Options{Dir: dir})
	if !strings.Contains(r.out.String(), "env.NOTES") || !strings.Contains(r.out.String(), "notes-dev (local)") {
		t.Errorf("banner lacks the KV binding:\n%s", r.out)
	}
	if got := r.do(t, "PUT", "/?k=a", "hello"); got.body != "stored" {
		t.Fatalf("put: %d %q", got.status, got.body)
	}
	if got := r.do(t, "GET", "/?k=a", ""); got.body != "hello" {
		t.Fatalf("get: %q", got.body)
	}
	if err := r.srv.Shutdown(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".edgedev/state/kv.db")); err != nil {
		t.Fatalf("store file not where documented: %v", err)
	}
	again := start(t, dev.Options{Dir: dir})
	if got := again.do(t, "GET", "/?k=a", ""); got.status != 200 || got.body != "hello" {
		t.Errorf("after restart: %d %q", got.status, got.body)
	}

	t.Run("--persist-to keeps a separate store", func(t *testing.T) {
		other := t.TempDir()
		o := start(t, dev.Options{Dir: dir, PersistTo: other})
		if got := o.do(t, "GET", "/?k=a", ""); got.status != 404 {
			t.Errorf("other store sees the key: %d %q", got.status, got.body)
		}
		if _, err := os.Stat(filepath.Join(other, "kv.db")); err != nil {
			t.Errorf("no store in --persist-to dir: %v", err)
		}
	})
	t.Run("a second server on the same store says who holds it", func(t *testing.T) {
		_, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}})
		if err == nil || !strings.Contains(err.Error(), "another edgedev process holds the KV store") {
			t.Errorf("err = %v", err)
		}
	})
}
