package runtime_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// A FixedLengthStream's readable as a body is sent with a Content-Length,
// not chunked, both as a response and as an outgoing request; any other
// stream is still chunked.
func TestFixedLengthStreamSendsContentLength(t *testing.T) {
	// upstream reports how the request body arrived.
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Write([]byte(strconv.FormatInt(r.ContentLength, 10) + " " + strings.Join(r.TransferEncoding, ",") + " " + string(b)))
	}))
	t.Cleanup(upstream.Close)

	url := proxyWorker(t, `
		const u = new URL(request.url);
		const write = (s, text = "hello") => {
			const w = s.writable.getWriter();
			if (text) w.write(new TextEncoder().encode(text));
			w.close();
			return s.readable;
		};
		const post = (body) => fetch("`+upstream.URL+`", { method: "POST", body });
		switch (u.pathname) {
		case "/fixed": return new Response(write(new FixedLengthStream(5)));
		case "/identity": return new Response(write(new IdentityTransformStream()));
		case "/short": return new Response(write(new FixedLengthStream(9)));
		case "/header-wins": return new Response(write(new FixedLengthStream(5)), { headers: { "content-length": "5" } });
		case "/upstream-fixed": return post(write(new FixedLengthStream(5)));
		case "/upstream-empty": return post(write(new FixedLengthStream(0), ""));
		case "/upstream-identity": return post(write(new IdentityTransformStream()));
		}
		return new Response("no route", { status: 404 });`, "")

	get := func(path string) (*http.Response, string, error) {
		res, err := http.Get(url + path)
		if err != nil {
			return nil, "", err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		return res, string(b), err
	}
	for _, c := range []struct {
		path, body string
		length     int64  // the response's Content-Length, -1 for chunked
		encoding   string // the response's Transfer-Encoding
	}{
		{"/fixed", "hello", 5, ""},
		{"/header-wins", "hello", 5, ""},
		{"/identity", "hello", -1, "chunked"},
		// The upstream echoes the Content-Length and Transfer-Encoding it got.
		{"/upstream-fixed", "5  hello", -1, ""},
		{"/upstream-empty", "0  ", -1, ""},
		{"/upstream-identity", "-1 chunked hello", -1, ""},
	} {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			res, body, err := get(c.path)
			if err != nil || body != c.body {
				t.Fatalf("body %q, err %v; want %q", body, err, c.body)
			}
			if c.length >= 0 && res.ContentLength != c.length {
				t.Errorf("Content-Length %d, want %d", res.ContentLength, c.length)
			}
			if got := strings.Join(res.TransferEncoding, ","); c.length < 0 && c.encoding != "" && got != c.encoding {
				t.Errorf("Transfer-Encoding %q, want %q", got, c.encoding)
			}
		})
	}
	// Fewer bytes than promised: the stream errors, and the client must not
	// mistake the cut-off body for a whole one.
	t.Run("short", func(t *testing.T) {
		if _, body, err := get("/short"); err == nil {
			t.Errorf("read %q without an error; want the body cut off", body)
		}
	})
}
