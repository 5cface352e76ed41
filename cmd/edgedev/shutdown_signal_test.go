package main_test

import (
	"bufio"
	"bytes"
	"fmt"
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

// lockedBuffer is a bytes.Buffer safe for the writer goroutine exec starts.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// stuckProject is a worker whose "/stuck" route waits a minute on a timer,
// so a graceful shutdown has something it cannot finish.
func stuckProject(t *testing.T, body string) string {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"wrangler.toml": "name = \"stuck\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n",
		"src/index.ts": `export default { async fetch(req: Request) {
  if (new URL(req.url).pathname === "/stuck") await new Promise((r) => setTimeout(r, 60000));
  return new Response("` + body + `");
} };
`,
	} {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startWatched runs the real binary with the watcher on and its output kept.
func startWatched(t *testing.T, bin, dir string) (*exec.Cmd, string, *lockedBuffer, *lockedBuffer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(bin, "dev", "--port", fmt.Sprint(port))
	cmd.Dir = dir
	out, errb := &lockedBuffer{}, &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "Ready on ") {
		if time.Now().After(deadline) {
			t.Fatalf("server did not start:\n%s\n%s", out, errb)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return cmd, fmt.Sprintf("http://127.0.0.1:%d", port), out, errb
}

func exitWithin(t *testing.T, cmd *exec.Cmd, d time.Duration) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return time.Since(start), err
	case <-time.After(d):
		t.Fatalf("the process did not exit within %s", d)
		return 0, nil
	}
}

// buildBinary builds cmd/edgedev into the test's temp dir (the build cache
// makes every build after the first a link).
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the real binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "edgedev")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// TestShutdownSecondSignal: a second Ctrl-C quits at once, exit 0.
func TestShutdownSecondSignal(t *testing.T) {
	bin := buildBinary(t)
	cmd, url, _, errb := startWatched(t, bin, stuckProject(t, "v1"))
	go func() { _, _ = http.Get(url + "/stuck") }()
	time.Sleep(200 * time.Millisecond)
	_ = cmd.Process.Signal(syscall.SIGINT)
	time.Sleep(200 * time.Millisecond)
	_ = cmd.Process.Signal(syscall.SIGINT)
	took, err := exitWithin(t, cmd, 3*time.Second)
	if err != nil || !strings.Contains(errb.String(), "quitting now") {
		t.Errorf("exit after %s: %v\n%s", took, err, errb)
	}
}

// TestShutdownAfterReload: a request stuck in the worker a hot reload
// replaced does not hold the exit past the grace period, and running out of
// grace says what was abandoned and still exits 0.
func TestShutdownAfterReload(t *testing.T) {
	bin := buildBinary(t)
	dir := stuckProject(t, "v1")
	cmd, url, out, errb := startWatched(t, bin, dir)
	go func() { _, _ = http.Get(url + "/stuck") }()
	time.Sleep(200 * time.Millisecond)
	src := filepath.Join(dir, "src/index.ts")
	b, _ := os.ReadFile(src)
	if err := os.WriteFile(src, bytes.Replace(b, []byte(`"v1"`), []byte(`"v2"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "reloaded (") {
		if time.Now().After(deadline) {
			t.Fatalf("no reload:\n%s\n%s", out, errb)
		}
		time.Sleep(10 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	took, err := exitWithin(t, cmd, 15*time.Second)
	if err != nil || !strings.Contains(errb.String(), "abandoned") || took > 12*time.Second {
		t.Errorf("exit after %s: %v\n%s", took, err, errb)
	}
	sc := bufio.NewScanner(strings.NewReader(errb.String()))
	for sc.Scan() {
		t.Log(sc.Text())
	}
}
