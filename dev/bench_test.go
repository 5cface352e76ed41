package dev_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"edgedev/dev"
)

// BenchmarkHotReload measures save-to-served on examples/worker: write
// src/index.ts with a new greeting, then poll over HTTP until it is served.
// Reports p50 and p95 in ms (target: p50 <= 30 ms, p95 <= 100 ms).
func BenchmarkHotReload(b *testing.B) {
	dir := copyDir(b, "../examples/worker")
	r := start(b, dev.Options{Dir: dir, Watch: true})
	src := filepath.Join(dir, "src/index.ts")
	orig, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		want := fmt.Sprintf("edit %d", i)
		code := strings.Replace(string(orig), "`${env.GREETING} from edgedev!\\n`", strconv.Quote(want), 1)
		start := time.Now()
		if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
			b.Fatal(err)
		}
		for r.body(b, "/") != want {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("edit %d never served", i)
			}
			time.Sleep(time.Millisecond)
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[(len(took)*95)/100]), "p95-ms")
}

// BenchmarkReloadRSS reloads examples/worker 500 times and reports resident
// memory after the first reload and after the last (target: within 20%).
func BenchmarkReloadRSS(b *testing.B) {
	for i := 0; i < b.N; i++ {
		dir := copyDir(b, "../examples/worker")
		r := start(b, dev.Options{Dir: dir, Watch: true})
		src := filepath.Join(dir, "src/index.ts")
		orig, _ := os.ReadFile(src)
		var first float64
		for n := 1; n <= 500; n++ {
			want := fmt.Sprintf("reload %d", n)
			code := strings.Replace(string(orig), "`${env.GREETING} from edgedev!\\n`", strconv.Quote(want), 1)
			if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
				b.Fatal(err)
			}
			for r.body(b, "/") != want {
				time.Sleep(time.Millisecond)
			}
			if n == 1 {
				first = rssMB(b)
			}
		}
		last := rssMB(b)
		b.ReportMetric(first, "rss-first-MB")
		b.ReportMetric(last, "rss-500-MB")
		b.ReportMetric(last/first, "ratio")
	}
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func rssMB(b *testing.B) float64 {
	st, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(st), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	b.Fatal("VmRSS not found")
	return 0
}

// BenchmarkServeDashboardLog is one request through the front door with
// and without the dashboard's request log (an id reserved on arrival, one
// record kept when done): what the log costs the hot path.
func BenchmarkServeDashboardLog(b *testing.B) {
	for _, off := range []bool{true, false} {
		name := "log=on"
		if off {
			name = "log=off"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			for name, content := range map[string]string{"wrangler.toml": toml, "src/index.ts": worker("ok")} {
				_ = os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			srv, err := dev.New(dev.Options{Dir: dir, Port: -1, NoDashboard: off, Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
			req := httptest.NewRequest("GET", "/", nil)
			b.ReportAllocs()
			for b.Loop() {
				rw := httptest.NewRecorder()
				srv.ServeHTTP(rw, req)
				if rw.Code != 200 {
					b.Fatal(rw.Code)
				}
			}
		})
	}
}
