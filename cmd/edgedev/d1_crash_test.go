package main_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestD1CrashKeepsAcknowledgedRows is the KV crash test for D1: the real
// binary, concurrent INSERTs over HTTP, SIGKILL at a random moment (three
// times), then every row whose INSERT the worker acknowledged must be
// there, whole. Group commit answers a request only after the COMMIT that
// carries it is fsync'd, so nothing acknowledged may be lost.
func TestD1CrashKeepsAcknowledgedRows(t *testing.T) {
	files := map[string]string{
		"wrangler.toml": "name = \"crash\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_id = \"crash\"\n",
		"src/index.ts": `let ready: Promise<unknown> | null = null;
export default {
  async fetch(req: Request, env: any) {
    ready ??= env.DB.exec("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
    await ready;
    const key = new URL(req.url).searchParams.get("k")!;
    if (req.method === "PUT") {
      await env.DB.prepare("INSERT INTO t (k, v) VALUES (?, ?)").bind(key, await req.text()).run();
      return new Response("stored");
    }
    return new Response((await env.DB.prepare("SELECT v FROM t WHERE k = ?").bind(key).first("v")) ?? "<missing>");
  },
};
`,
	}
	crashTest(t, crashCase{files: files, writers: 8, pause: 200 * time.Millisecond, minAcked: 20,
		key:   func(round, w, i int) string { return fmt.Sprintf("r%d-w%d-%d", round, w, i) },
		value: func(k string) string { return strings.Repeat(k+"|", 200) },
	})
}
