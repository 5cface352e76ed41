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
		const write = (s) => { const w = s.writable.getWriter(); w.write(new TextEncoder().encode("hello")); w.close(); return s.readable; };
		switch (u.pathname) {
		case "/fixed": return new Response(write(new FixedLengthStream(5)));
		case "/identity": return new Response(write(new IdentityTransformStream()));
		case "/short": return new Response(write(new FixedLengthStream(9)));
		case "/upstream-fixed":
			return fetch("`+upstream.URL+`", { method: "POST", body: write(new FixedLengthStream(5)) });
		case "/upstream-identity":
			return fetch("`+upstream.URL+`", { method: "POST", body: write(new IdentityTransformStream()) });
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

	res, body, err := get("/fixed")
	if err != nil || body != "hello" || res.ContentLength != 5 || len(res.TransferEncoding) != 0 {
		t.Errorf("/fixed: body %q err %v Content-Length %d Transfer-Encoding %v; want hello with Content-Length 5",
			body, err, res.ContentLength, res.TransferEncoding)
	}
	res, body, err = get("/identity")
	if err != nil || body != "hello" || res.ContentLength != -1 || strings.Join(res.TransferEncoding, ",") != "chunked" {
		t.Errorf("/identity: body %q err %v Content-Length %d Transfer-Encoding %v; want hello, chunked",
			body, err, res.ContentLength, res.TransferEncoding)
	}
	// Fewer bytes than promised: the stream errors, and the client must not
	// mistake the cut-off body for a whole one.
	if _, body, err = get("/short"); err == nil {
		t.Errorf("/short: read %q without an error; want the body cut off", body)
	}
	if _, body, err = get("/upstream-fixed"); err != nil || body != "5  hello" {
		t.Errorf("/upstream-fixed: upstream saw %q (err %v); want Content-Length 5, not chunked", body, err)
	}
	if _, body, err = get("/upstream-identity"); err != nil || body != "-1 chunked hello" {
		t.Errorf("/upstream-identity: upstream saw %q (err %v); want chunked", body, err)
	}
}
