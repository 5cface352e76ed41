package runtime_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"edgedev/runtime"
)

// TestRequestURL: whatever request target a client sends, request.url is a
// URL new URL() accepts, so a worker's first line does not throw. (Go's
// server answers "OPTIONS *" itself; it never reaches a worker.)
func TestRequestURL(t *testing.T) {
	addr := serveScript(t, `addEventListener("fetch", (e) => {
		let parsed; try { parsed = new URL(e.request.url).href; } catch (err) { parsed = "INVALID"; }
		e.respondWith(new Response(e.request.url + " " + parsed));
	});`)
	raw := func(req string) string {
		t.Helper()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := io.WriteString(c, req); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("%q: %v", req, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	for _, tc := range []struct{ name, req, want string }{
		{"origin form", "GET /a/b?c=1 HTTP/1.1\r\nHost: example.com\r\n\r\n", "http://example.com/a/b?c=1"},
		{"absolute form names its own host", "GET http://evil.example/echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "http://evil.example/echo?x=1"},
		{"HTTP/1.0 without Host is the listener", "GET /p HTTP/1.0\r\n\r\n", "http://" + addr + "/p"},
		{"a Host a URL cannot hold is the listener", "GET /p HTTP/1.1\r\nHost: exa%mple.com:99999\r\n\r\n", "http://" + addr + "/p"},
		{"CONNECT has no path", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "http://example.com:443/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := raw(tc.req)
			url, parsed, _ := strings.Cut(got, " ")
			if url != tc.want || parsed == "INVALID" {
				t.Errorf("request.url %q (parsed %q), want %q", url, parsed, tc.want)
			}
		})
	}
}

// serveScript starts script as a worker behind a real HTTP server on
// 127.0.0.1 and returns its address; both stop when the test ends.
func serveScript(t *testing.T, script string) string {
	t.Helper()
	w, err := runtime.New(runtime.Options{Script: script})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close(context.Background()) })
	return serveWorker(t, w)
}

// serveWorker puts w behind a real HTTP server on 127.0.0.1 and returns its
// address; the server stops when the test ends.
func serveWorker(t *testing.T, w *runtime.Worker) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if _, err := w.Serve(rw, r, runtime.Incoming{}); err != nil {
			http.Error(rw, err.Error(), 500)
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}
