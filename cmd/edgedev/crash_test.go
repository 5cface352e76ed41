package main_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
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

// TestCrashKeepsAcknowledgedWrites runs the real binary, writes KV keys over
// HTTP from several clients, kills the server with SIGKILL at a random
// moment, restarts it, and checks that every write the worker acknowledged
// is there, whole.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	files := map[string]string{
		"wrangler.toml": "name = \"crash\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n[[kv_namespaces]]\nbinding = \"KV\"\nid = \"crash\"\n",
		"src/index.ts": `export default {
  async fetch(req: Request, env: any) {
    const key = new URL(req.url).searchParams.get("k")!;
    if (req.method === "PUT") { await env.KV.put(key, await req.text()); return new Response("stored"); }
    return new Response((await env.KV.get(key)) ?? "<missing>");
  },
};
`,
	}
	crashTest(t, crashCase{files: files, writers: 4, pause: 100 * time.Millisecond, minAcked: 10,
		key:   func(round, w, i int) string { return fmt.Sprintf("r%d-w%d-%d", round, w, i) },
		value: func(k string) string { return strings.Repeat(k+"|", 2000) }, // ~10-20 KB each
	})
}

// crashCase is one crash test: a project whose worker stores the body of
// PUT /?k=KEY, answers "stored" once it is stored, and gives it back on
// GET /?k=KEY.
type crashCase struct {
	files    map[string]string
	writers  int
	pause    time.Duration // the shortest time before a kill; up to 300 ms more at random
	minAcked int           // fewer acknowledged writes prove nothing
	key      func(round, writer, i int) string
	value    func(key string) string
}

// crashTest runs the real binary on c's project, writes from c.writers
// clients, kills the server with SIGKILL at a random moment (three times),
// restarts it, and checks that every write the worker acknowledged is
// there, whole.
func crashTest(t *testing.T, c crashCase) {
	t.Helper()
	bin := buildBinary(t)
	dir := t.TempDir()
	for name, content := range c.files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	acked := map[string]bool{}
	for round := 0; round < 3; round++ {
		srv := launch(t, bin, dir)
		var mu sync.Mutex
		var wg sync.WaitGroup
		stop := make(chan struct{})
		for w := 0; w < c.writers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					k := c.key(round, w, i)
					req, _ := http.NewRequest("PUT", srv.url+"/?k="+k, strings.NewReader(c.value(k)))
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
		time.Sleep(c.pause + time.Duration(rand.IntN(300))*time.Millisecond)
		if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = srv.cmd.Wait()
		close(stop)
		wg.Wait()
	}
	if len(acked) < c.minAcked {
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
		if string(b) != c.value(k) {
			missing++
			if missing < 5 {
				t.Errorf("acknowledged write %s came back as %.40q", k, b)
			}
		}
	}
	if missing > 0 {
		t.Errorf("%d of %d acknowledged writes lost", missing, len(acked))
	}
	t.Logf("%d acknowledged writes over 3 kills, %d missing", len(acked), missing)
}

type proc struct {
	cmd *exec.Cmd
	url string
}

// launch starts the binary on a free port and waits until it serves.
func launch(t *testing.T, bin, dir string) *proc {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "dev", "--port", fmt.Sprint(port), "--no-watch")
	cmd.Dir = dir
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Ready on ") {
				ready <- true
			}
		}
		close(ready)
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatal("server exited before it was ready")
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("server did not start")
	}
	return &proc{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d", port)}
}
