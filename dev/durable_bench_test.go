package dev_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"edgedev/dev"
)

const rpcBenchWorker = `import { DurableObject } from "cloudflare:workers";
export class Counter extends DurableObject {
  ping(x) { return x; }
  async inc() {
    const v = ((await this.ctx.storage.get("n")) ?? 0) + 1;
    await this.ctx.storage.put("n", v);
    return v;
  }
}
export default {
  async fetch(request, env) {
    const u = new URL(request.url);
    const stub = env.COUNTER.getByName("bench");
    if (u.pathname === "/rpc") {
      const n = Number(u.searchParams.get("n"));
      for (let i = 0; i < n; i++) await stub.ping(i);
      return new Response(String(n));
    }
    return new Response(String(await stub.inc()));
  },
};
`

// BenchmarkDurableObjectRPC is one RPC round trip from the worker to an
// object with a trivial method, in process (the target: <= 50 µs).
// One request makes b.N calls, so the HTTP request is amortised away.
func BenchmarkDurableObjectRPC(b *testing.B) {
	dir := benchProject(b, rpcBenchWorker)
	r := start(b, dev.Options{Dir: dir})
	r.body(b, "/rpc?n=10")
	b.ResetTimer()
	t0 := time.Now()
	if got := r.body(b, fmt.Sprintf("/rpc?n=%d", b.N)); got != fmt.Sprint(b.N) {
		b.Fatalf("rpc: %q", got)
	}
	b.ReportMetric(float64(time.Since(t0).Microseconds())/float64(b.N), "µs/call")
}

// BenchmarkDurableObjectCounter is a worker that increments a Durable
// Object counter (storage get + put, committed before the answer) per
// request, with 8 clients (the target: >= 3,000 req/s).
func BenchmarkDurableObjectCounter(b *testing.B) {
	dir := benchProject(b, rpcBenchWorker)
	r := start(b, dev.Options{Dir: dir})
	r.body(b, "/")
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(4) // 4 x GOMAXPROCS clients
	b.ResetTimer()
	t0 := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(r.url + "/")
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "req/s")
	b.StopTimer()
	if got := r.body(b, "/"); got != fmt.Sprint(b.N+2) {
		b.Errorf("the counter is %s after %d increments: an update was lost", got, b.N+2)
	}
}

func benchProject(b *testing.B, src string) string {
	dir := b.TempDir()
	for name, content := range map[string]string{"wrangler.toml": strings.Replace(counterToml, "counter", "bench", 1), "src/index.js": src} {
		writeFile(b, dir, name, content)
	}
	return dir
}

func writeFile(b *testing.B, dir, name, content string) {
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		b.Fatal(err)
	}
}
