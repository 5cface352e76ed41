package main_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
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
	if testing.Short() {
		t.Skip("builds and kills the real binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "edgedev")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
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
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	value := func(k string) string { return strings.Repeat(k+"|", 50) }
	acked := map[string]bool{}
	for round := 0; round < 3; round++ {
		srv := launch(t, bin, dir)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := 0; w < 6; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					k := fmt.Sprintf("r%d-w%d-%d", round, w%3, i*2+w/3)
					req, _ := http.NewRequest("PUT", srv.url+"/?k="+k, strings.NewReader(value(k)))
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						return
					}
					b, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode == 200 && string(b) == "stored" {
						mu.Lock()
						acked[k] = true
						mu.Unlock()
					}
				}
			}(w)
		}
		time.Sleep(time.Duration(200+rand.IntN(300)) * time.Millisecond)
		if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = srv.cmd.Wait()
		close(stop)
		wg.Wait()
	}
	if len(acked) < 20 {
		t.Fatalf("only %d writes acknowledged: the test proves nothing", len(acked))
	}
	srv := launch(t, bin, dir)
	defer func() { srv.cmd.Process.Signal(syscall.SIGTERM); srv.cmd.Wait() }()
	missing := 0
	for k := range acked {
		resp, err := http.Get(srv.url + "/?k=" + k)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != value(k) {
			missing++
			if missing < 5 {
				t.Errorf("acknowledged write %s came back as %.40q", k, b)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged writes lost", missing, len(acked))
	}
}
