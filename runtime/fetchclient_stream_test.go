package runtime_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"edgedev/runtime"
)

// pipeUpstream echoes a request body back as it arrives (full duplex), so a
// body can stream client -> worker -> upstream -> worker -> client without
// anyone holding all of it.
func pipeUpstream(t testing.TB) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = http.NewResponseController(w).EnableFullDuplex()
		w.Header().Set("Content-Type", "application/octet-stream")
		w.WriteHeader(http.StatusOK)
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Body.Read(buf)
			if n > 0 {
				if _, werr := w.Write(buf[:n]); werr != nil {
					return
				}
				w.(http.Flusher).Flush()
			}
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// proxyWorker starts a worker whose handler is body, behind an HTTP server;
// incomingURL, when set, is what the worker sees as request.url.
func proxyWorker(t testing.TB, body, incomingURL string) string {
	t.Helper()
	w, err := runtime.New(runtime.Options{
		Script:     "globalThis.__w = { default: { async fetch(request) { " + body + " } } };",
		GlobalName: "__w",
		Log:        func(level, line string) { t.Log(level, line) },
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		// The response starts while the request body is still arriving.
		_ = http.NewResponseController(rw).EnableFullDuplex()
		if _, err := w.Serve(rw, r, runtime.Incoming{URL: incomingURL}); err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
	}))
	t.Cleanup(func() {
		srv.Close()
		_ = w.Close(t.Context())
	})
	return srv.URL
}

// patternReader produces n bytes of a repeating pattern, unsized.
type patternReader struct{ left, pos int }

func (p *patternReader) Read(b []byte) (int, error) {
	if p.left == 0 {
		return 0, io.EOF
	}
	n := min(len(b), p.left)
	for i := range b[:n] {
		b[i] = byte(p.pos)
		p.pos++
	}
	p.left -= n
	return n, nil
}

// heapPeak samples the live heap until stop is closed and reports the
// highest HeapInuse seen.
func heapPeak(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		var ms goruntime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			goruntime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// TestFetchStreamsWithFlatMemory sends 100 MB through a proxying worker
// both ways at once and checks that the heap does not grow with the body.
func TestFetchStreamsWithFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("moves 200 MB; skipped with -short")
	}
	const size = 100 << 20
	const maxGrowth = 32 << 20
	up := pipeUpstream(t)
	for _, c := range []struct{ name, handler, url string }{
		{"through JS streams", `return fetch("` + up.URL + `/pipe", {method: "POST", body: request.body});`, ""},
		{"socket to socket", `return fetch(request);`, up.URL + "/pipe"},
	} {
		t.Run(c.name, func(t *testing.T) {
			worker := proxyWorker(t, c.handler, c.url)
			goruntime.GC()
			var ms goruntime.MemStats
			goruntime.ReadMemStats(&ms)
			base := ms.HeapInuse
			stop := make(chan struct{})
			peak := heapPeak(stop)

			resp, err := http.Post(worker, "application/octet-stream", io.NopCloser(&patternReader{left: size}))
			if err != nil {
				close(stop)
				t.Fatal(err)
			}
			var got, bad int
			buf := make([]byte, 64<<10)
			for {
				n, err := resp.Body.Read(buf)
				for i, b := range buf[:n] {
					if b != byte(got+i) {
						bad++
					}
				}
				got += n
				if err != nil {
					break
				}
			}
			resp.Body.Close()
			close(stop)
			p := <-peak
			if resp.StatusCode != 200 || got != size || bad != 0 {
				t.Fatalf("status %d, got %d of %d bytes, %d wrong", resp.StatusCode, got, size, bad)
			}
			growth := int64(p) - int64(base)
			t.Logf("heap in use: base %d MiB, peak %d MiB (growth %d MiB) for %d MiB each way",
				base>>20, p>>20, growth>>20, size>>20)
			if growth > maxGrowth {
				t.Errorf("heap grew by %d MiB while streaming; want under %d MiB", growth>>20, maxGrowth>>20)
			}
		})
	}
}

// TestFetchManyConcurrent runs many subrequests at once from one worker;
// the loop interleaves them and every one completes.
func TestFetchManyConcurrent(t *testing.T) {
	var hits atomic.Int64
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.WriteString(w, strings.TrimPrefix(r.URL.Path, "/"))
	}))
	defer up.Close()
	worker := proxyWorker(t, `
		const all = [];
		for (let i = 0; i < 200; i++) all.push(fetch("`+up.URL+`/" + i).then((r) => r.text()));
		const got = await Promise.all(all);
		return new Response(String(got.every((v, i) => v === String(i))));`, "")
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(worker)
			if err != nil {
				errs <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if string(b) != "true" {
				errs <- string(b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := hits.Load(); n != 800 {
		t.Errorf("upstream saw %d requests, want 800", n)
	}
}
