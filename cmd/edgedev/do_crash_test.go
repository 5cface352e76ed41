package main_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestDurableObjectCrashKeepsAcknowledgedWrites is the crash test for
// Durable Object storage: the real binary, concurrent writes to several
// objects (KV API and SQL) over HTTP, SIGKILL at a random moment (three
// times), then every write the worker acknowledged must be there. The
// output gate answers only after the write's transaction is committed
// (WAL, fsync), so nothing acknowledged may be lost.
func TestDurableObjectCrashKeepsAcknowledgedWrites(t *testing.T) {
	files := map[string]string{
		"wrangler.toml": "name = \"crash\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2026-04-26\"\n[[durable_objects.bindings]]\nname = \"BOX\"\nclass_name = \"Box\"\n[[migrations]]\ntag = \"v1\"\nnew_sqlite_classes = [\"Box\"]\n",
		"src/index.ts": `import { DurableObject } from "cloudflare:workers";
export class Box extends DurableObject {
  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT NOT NULL)");
  }
  async store(k: string, v: string) {
    await this.ctx.storage.put(k, v);
    this.ctx.storage.sql.exec("INSERT INTO t (k, v) VALUES (?, ?)", k, v);
    return "stored";
  }
  async load(k: string) {
    const kv = await this.ctx.storage.get(k);
    const row = this.ctx.storage.sql.exec("SELECT v FROM t WHERE k = ?", k).toArray()[0];
    return kv === row?.v ? kv ?? "<missing>" : "<torn>";
  }
}
export default {
  async fetch(req: Request, env: any) {
    const u = new URL(req.url);
    const k = u.searchParams.get("k")!;
    const box = env.BOX.getByName(k.split("-")[1]);
    if (req.method === "PUT") return new Response(await box.store(k, await req.text()));
    return new Response(await box.load(k));
  },
};
`,
	}
	crashTest(t, crashCase{files: files, writers: 6, pause: 200 * time.Millisecond, minAcked: 20,
		key:   func(round, w, i int) string { return fmt.Sprintf("r%d-w%d-%d", round, w%3, i*2+w/3) },
		value: func(k string) string { return strings.Repeat(k+"|", 50) },
	})
}
