//go:build soak

package dev_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	goruntime "runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"edgedev/dev"
)

// TestSoak runs mixed KV load against a real dev server with hot reloads
// and abandoned connections, and checks that memory and goroutines stay
// flat and nothing fails. Not in CI (it runs for SOAK_DURATION, default
// 10m):
//
//	go test -tags soak -run TestSoak -v -timeout 30m ./dev
func TestSoak(t *testing.T) {
	d := 10 * time.Minute
	if s := os.Getenv("SOAK_DURATION"); s != "" {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			t.Fatal(err)
		}
	}
	dir := project(t, map[string]string{
		"wrangler.toml": toml + "[[kv_namespaces]]\nbinding = \"NOTES\"\nid = \"soak\"\n",
		"src/index.ts":  soakWorker(0),
	})
	// Not start(): its buffers keep every request's log line, which over
	// millions of requests is the largest thing in the process.
	srv, err := dev.New(dev.Options{Dir: dir, Watch: true, Port: -1, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(t.Context())
	r := struct{ url string }{srv.URL()}
	host := strings.TrimPrefix(r.url, "http://")

	var ok, failed, abandoned, reloads atomic.Int64
	var firstErr atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				key := fmt.Sprintf("k%d-%d", w, i%500)
				var req *http.Request
				if i%3 == 0 {
					req, _ = http.NewRequest("PUT", r.url+"/?k="+key, strings.NewReader(strings.Repeat("v", 1+i%2000)))
				} else {
					req, _ = http.NewRequest("GET", r.url+"/?k="+key, nil)
				}
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode >= 500 {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("%s %s: %d", req.Method, req.URL, resp.StatusCode))
				} else {
					ok.Add(1)
				}
			}
		}()
	}
	// Abandoned connections: a request that waits on a timer, cut off.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			c, err := net.Dial("tcp", host)
			if err != nil {
				continue
			}
			fmt.Fprintf(c, "GET /slow HTTP/1.1\r\nHost: %s\r\n\r\n", host)
			time.Sleep(5 * time.Millisecond)
			c.Close()
			abandoned.Add(1)
		}
	}()
	// Hot reloads.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := 1; ; v++ {
			select {
			case <-stop:
				return
			case <-time.After(3 * time.Second):
			}
			if err := os.WriteFile(filepath.Join(dir, "src/index.ts"), []byte(soakWorker(v)), 0o644); err == nil {
				reloads.Add(1)
			}
		}
	}()

	// The anonymous part of RSS is what a leak grows (heap, stacks); the
	// file-backed part is mostly the KV store's mapped pages, which the
	// page cache owns and grows with the file.
	sample := func() (rssMB float64, goroutines int) {
		debug.FreeOSMemory()
		return rss("RssAnon:"), goruntime.NumGoroutine()
	}
	time.Sleep(min(d/10, 30*time.Second)) // warm up
	rss0, g0 := sample()
	t.Logf("after warm-up: anonymous RSS %.1f MB, %d goroutines", rss0, g0)
	end := time.Now().Add(d)
	peak := rss0
	for time.Now().Before(end) {
		time.Sleep(min(d/10, time.Minute))
		m, g := sample()
		peak = max(peak, m)
		t.Logf("%s: anonymous RSS %.1f MB (file-backed %.1f MB), %d goroutines, %d ok, %d failed, %d abandoned, %d reloads",
			time.Until(end).Round(time.Second), m, rss("RssFile:"), g, ok.Load(), failed.Load(), abandoned.Load(), reloads.Load())
	}
	close(stop)
	wg.Wait()
	time.Sleep(2 * time.Second) // let retiring workers and abandoned requests finish
	rss1, g1 := sample()
	t.Logf("end: anonymous RSS %.1f MB (peak %.1f), %d goroutines; %d ok, %d failed, %d abandoned, %d reloads",
		rss1, peak, g1, ok.Load(), failed.Load(), abandoned.Load(), reloads.Load())
	if n := failed.Load(); n > 0 {
		t.Errorf("%d requests failed; the first: %v", n, firstErr.Load())
	}
	if rss1 > rss0*1.5+20 {
		t.Errorf("RSS grew from %.1f to %.1f MB", rss0, rss1)
	}
	if g1 > g0+20 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
}

func soakWorker(v int) string {
	return `export default {
  async fetch(req: Request, env: any) {
    const url = new URL(req.url);
    if (url.pathname === "/slow") { await new Promise((r) => setTimeout(r, 200)); return new Response("slow"); }
    const key = url.searchParams.get("k")!;
    if (req.method === "PUT") { await env.NOTES.put(key, await req.text()); return new Response("stored ` + strconv.Itoa(v) + `"); }
    const got = await env.NOTES.get(key);
    return new Response(got ?? "missing", { status: got === null ? 404 : 200 });
  },
};
`
}

// rss is a line of /proc/self/status ("RssAnon:", "RssFile:"), in MB.
func rss(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}
