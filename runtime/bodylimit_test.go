package runtime_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"edgedev/runtime"
)

// TestRequestBodyLimit: the platform's 100 MB request body limit, for a
// body that says its size and for one that streams past it.
func TestRequestBodyLimit(t *testing.T) {
	addr := serveScript(t, `addEventListener("fetch", (e) => e.respondWith((async () => {
		let n = 0;
		try { const r = e.request.body.getReader(); for (;;) { const { done, value } = await r.read(); if (done) break; n += value.byteLength; } }
		catch (err) { return new Response(String(err), { status: 400 }); }
		return new Response("read " + n);
	})()));`)

	t.Run("a declared size over 100 MB is 413 before the worker runs", func(t *testing.T) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", runtime.MaxRequestBody+1)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 413 || !strings.Contains(string(b), "at most 104857600 (100 MB)") {
			t.Errorf("%d %s", resp.StatusCode, b)
		}
	})
	t.Run("an unsized body that grows past 100 MB fails the worker's read", func(t *testing.T) {
		status, b := postUnsized(t, addr, runtime.MaxRequestBody>>20+1)
		if status != 400 || !strings.Contains(string(b), "larger than 104857600 bytes (100 MB), the most the platform accepts") {
			t.Errorf("%d %s", status, b)
		}
	})
	t.Run("100 MB exactly, unsized, is read whole", func(t *testing.T) {
		status, b := postUnsized(t, addr, runtime.MaxRequestBody>>20)
		if want := fmt.Sprintf("read %d", runtime.MaxRequestBody); string(b) != want {
			t.Errorf("%d %s, want %s", status, b, want)
		}
	})
}

// TestMalformedChunkedBody: a broken chunked body is a TypeError the
// worker can catch, in words, not a GoError.
func TestMalformedChunkedBody(t *testing.T) {
	addr := serveScript(t, `addEventListener("fetch", (e) => e.respondWith((async () => {
		try { await e.request.text(); return new Response("read"); }
		catch (err) { return new Response(err.name + ": " + err.message, { status: 400 }); }
	})()));`)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 400 || !strings.HasPrefix(string(b), "TypeError: could not read the request body: the client sent a malformed chunked body") {
		t.Errorf("%d %s", resp.StatusCode, b)
	}
}

// postUnsized POSTs mb MB of zeros with no Content-Length (chunked) and
// returns the answer.
func postUnsized(t *testing.T, addr string, mb int) (int, []byte) {
	t.Helper()
	pr, pw := io.Pipe()
	go func() {
		chunk := make([]byte, 1<<20)
		for i := 0; i < mb; i++ {
			if _, err := pw.Write(chunk); err != nil {
				return
			}
		}
		_ = pw.Close()
	}()
	resp, err := http.Post("http://"+addr, "application/octet-stream", pr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}
