package runtime_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"edgedev/runtime/runtimetest"
)

func helloUpstream(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "hello from upstream")
	}))
	b.Cleanup(srv.Close)
	return srv
}

// BenchmarkFetchRoundTrip is one subrequest from inside a handler, awaited
// and its body read: JS -> Go goroutine -> loopback HTTP -> back on the loop.
func BenchmarkFetchRoundTrip(b *testing.B) {
	up := helloUpstream(b)
	h := runtimetest.New(b)
	h.Run(b, fmt.Sprintf(`await (await fetch(%q)).text(); return 1`, up.URL)) // warm the connection
	b.ResetTimer()
	start := time.Now()
	got := h.Run(b, fmt.Sprintf(`
		let n = 0;
		for (let i = 0; i < %d; i++) n += (await (await fetch(%q)).text()).length;
		return n;`, b.N, up.URL))
	el := time.Since(start)
	b.StopTimer()
	if want := fmt.Sprint(b.N * len("hello from upstream")); got != want {
		b.Fatalf("got %s, want %s", got, want)
	}
	b.ReportMetric(float64(b.N)/el.Seconds(), "fetches/s")
}

// BenchmarkFetchProxy is a worker that proxies every request to a local
// upstream, driven over HTTP by concurrent clients (the target:
// >= 5,000 req/s on this machine).
func BenchmarkFetchProxy(b *testing.B) {
	up := helloUpstream(b)
	for _, c := range []struct{ name, handler string }{
		{"fetch(url)", `return fetch("` + up.URL + `" + new URL(request.url).pathname);`},
		{"fetch(url) and text", `const r = await fetch("` + up.URL + `/"); return new Response(await r.text(), r);`},
	} {
		b.Run(c.name, func(b *testing.B) {
			worker := proxyWorker(b, c.handler, "")
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			defer client.CloseIdleConnections()
			get := func() error {
				resp, err := client.Get(worker + "/x")
				if err != nil {
					return err
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					return err
				}
				if string(body) != "hello from upstream" {
					return fmt.Errorf("status %d body %q", resp.StatusCode, body)
				}
				return nil
			}
			if err := get(); err != nil {
				b.Fatal(err)
			}
			b.SetParallelism(8) // 8 x GOMAXPROCS clients
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := get(); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
		})
	}
}
