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

// TestD1CrashKeepsAcknowledgedRows is the KV crash test for D1: the real
// binary, concurrent INSERTs over HTTP, SIGKILL at a random moment (three
// times), then every row whose INSERT the worker acknowledged must be
// there, whole. Group commit answers a request only after the COMMIT that
// carries it is fsync'd, so nothing acknowledged may be lost.
func TestD1CrashKeepsAcknowledgedRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the real binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "edgedev")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
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
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	value := func(k string) string { return strings.Repeat(k+"|", 200) }

	acked := map[string]bool{}
	for round := 0; round < 3; round++ {
		srv := launch(t, bin, dir)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					k := fmt.Sprintf("r%d-w%d-%d", round, w, i)
					req, _ := http.NewRequest("PUT", srv.url+"/?k="+k, strings.NewReader(value(k)))
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						return // the server died mid-request: not acknowledged
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
		t.Fatalf("only %d inserts acknowledged: the test proves nothing", len(acked))
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
				t.Errorf("acknowledged insert %s came back as %.40q", k, b)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged inserts lost", missing, len(acked))
	}
	t.Logf("%d acknowledged inserts over 3 kills, %d missing", len(acked), missing)
}
