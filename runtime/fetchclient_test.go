package runtime_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"edgedev/runtime/runtimetest"
)

// upstream is a test origin on 127.0.0.1 with the routes the fetch tests
// need. hangs receives once per request to /hang or /slowbody when the
// client went away.
type upstream struct {
	*httptest.Server
	hangs     chan string
	loopHits  atomic.Int64
	bodyReads atomic.Int64
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{hangs: make(chan string, 16)}
	u.Server = httptest.NewServer(http.HandlerFunc(u.serve))
	t.Cleanup(u.Close)
	return u
}

func (u *upstream) serve(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch r.URL.Path {
	case "/echo":
		b, _ := io.ReadAll(r.Body)
		hs := map[string]string{}
		for k := range r.Header {
			hs[strings.ToLower(k)] = strings.Join(r.Header.Values(k), ", ")
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "headers": hs, "body": string(b),
			"length": r.ContentLength, "te": r.TransferEncoding, "path": r.URL.RequestURI(),
		})
	case "/redirect":
		status, _ := strconv.Atoi(q.Get("status"))
		w.Header().Set("Location", q.Get("to"))
		w.WriteHeader(status)
		_, _ = io.WriteString(w, "moved")
	case "/loop":
		u.loopHits.Add(1)
		http.Redirect(w, r, "/loop", http.StatusFound)
	case "/badloc":
		w.Header().Set("Location", "http://[::1")
		w.WriteHeader(http.StatusFound)
	case "/noloc":
		w.WriteHeader(http.StatusFound)
		_, _ = io.WriteString(w, "no location")
	case "/stream":
		n, _ := strconv.Atoi(q.Get("n"))
		streamBytes(w, n)
	case "/count":
		var sum, n int64
		buf := make([]byte, 64<<10)
		for {
			k, err := r.Body.Read(buf)
			for _, c := range buf[:k] {
				sum += int64(c)
			}
			n += int64(k)
			if err != nil {
				break
			}
		}
		u.bodyReads.Add(1)
		fmt.Fprintf(w, "%d %d", n, sum)
	case "/hang":
		<-r.Context().Done()
		u.hangs <- r.URL.Path
	case "/slowbody":
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "first")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		u.hangs <- r.URL.Path
	case "/cut":
		// Promise 100 bytes, send 5, then drop the connection.
		w.Header().Set("Content-Length", "100000")
		_, _ = io.WriteString(w, "short")
		w.(http.Flusher).Flush()
		conn, _, _ := w.(http.Hijacker).Hijack()
		_ = conn.Close()
	case "/gzip":
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_, _ = io.WriteString(zw, strings.Repeat("zipped ", 10))
		_ = zw.Close()
	case "/nocontent":
		w.WriteHeader(http.StatusNoContent)
	case "/teapot":
		w.WriteHeader(http.StatusTeapot)
		_, _ = io.WriteString(w, "short and stout")
	default:
		http.NotFound(w, r)
	}
}

// streamBytes writes n bytes of a repeating pattern in flushed 32 KiB
// writes, without Content-Length.
func streamBytes(w http.ResponseWriter, n int) {
	chunk := make([]byte, 32<<10)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	for n > 0 {
		k := min(n, len(chunk))
		if _, err := w.Write(chunk[:k]); err != nil {
			return
		}
		w.(http.Flusher).Flush()
		n -= k
	}
}

func TestFetch(t *testing.T) {
	up := newUpstream(t)
	other := newUpstream(t) // a second origin
	h := runtimetest.New(t)
	fill := func(src string) string {
		return strings.NewReplacer("UP2", other.URL, "UP", up.URL).Replace(src)
	}
	var cases []runtimetest.Case
	add := func(name, src, want string) {
		cases = append(cases, runtimetest.Case{Name: name, Src: fill(src), Want: fill(want)})
	}

	add("GET returns status, headers, body, url", `
		const r = await fetch("UP/echo?x=1");
		const j = await r.json();
		return [r.status, r.statusText, r.ok, r.url, r.redirected, r.type, r.headers.get("content-type"),
			r.headers.getSetCookie(), j.method, j.path, j.headers["user-agent"] ?? "none", r instanceof Response];`,
		`[200,"OK",true,"UP/echo?x=1",false,"default","application/json",["a=1","b=2"],"GET","/echo?x=1","none",true]`)
	add("method, headers and a string body", `
		const r = await fetch("UP/echo", {method: "post", body: "héllo", headers: {"X-One": "1", "x-two": "a"}});
		const j = await r.json();
		return [j.method, j.body, j.length, j.headers["x-one"], j.headers["x-two"], j.headers["content-type"]];`,
		`["POST","héllo",6,"1","a","text/plain;charset=UTF-8"]`)
	add("a custom method and a user agent pass through", `
		const j = await (await fetch("UP/echo", {method: "PURGE", headers: {"user-agent": "mine/1"}})).json();
		return [j.method, j.headers["user-agent"]];`,
		`["PURGE","mine/1"]`)
	add("bytes, ArrayBuffer and DataView bodies", `
		const out = [];
		for (const body of [new Uint8Array([104, 105]), new Uint8Array([0, 104, 105, 0]).subarray(1, 3), new Uint8Array([104, 105]).buffer, new DataView(new Uint8Array([104, 105]).buffer)]) {
			const j = await (await fetch("UP/echo", {method: "PUT", body})).json();
			out.push(j.body + j.length);
		}
		return out;`,
		`["hi2","hi2","hi2","hi2"]`)
	add("an empty body still sends Content-Length: 0", `
		const j = await (await fetch("UP/echo", {method: "DELETE", body: ""})).json();
		return [j.length, j.headers["content-length"]];`,
		`[0,"0"]`)
	add("URLSearchParams, Blob and FormData bodies set their content types", `
		const a = await (await fetch("UP/echo", {method: "POST", body: new URLSearchParams({q: "a b", r: "é"})})).json();
		const b = await (await fetch("UP/echo", {method: "POST", body: new Blob(["blob", "!"], {type: "text/x-blob"})})).json();
		const fd = new FormData(); fd.append("field", "value"); fd.append("file", new File(["data"], "f.txt", {type: "text/plain"}));
		const c = await (await fetch("UP/echo", {method: "POST", body: fd})).json();
		const parsed = await new Response(c.body, {headers: {"content-type": c.headers["content-type"]}}).formData();
		return [a.body, a.headers["content-type"], b.body, b.headers["content-type"], c.headers["content-type"].startsWith("multipart/form-data; boundary="),
			parsed.get("field"), await parsed.get("file").text(), parsed.get("file").name];`,
		`["q=a+b&r=%C3%A9","application/x-www-form-urlencoded;charset=UTF-8","blob!","text/x-blob",true,"value","data","f.txt"]`)
	add("a ReadableStream body is sent chunked", `
		const enc = new TextEncoder();
		const body = new ReadableStream({ start(c) { c.enqueue(enc.encode("str")); c.enqueue(enc.encode("eam")); c.close(); } });
		const j = await (await fetch("UP/echo", {method: "POST", body})).json();
		return [j.body, j.length, j.te];`,
		`["stream",-1,["chunked"]]`)
	add("a stream body with a Content-Length header is sent with that length", `
		const body = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1, 2, 3])); c.close(); } });
		const j = await (await fetch("UP/echo", {method: "POST", body, headers: {"content-length": "3"}})).json();
		return [j.length, j.te];`,
		`[3,null]`)
	add("a stream body that yields a non-byte chunk fails the fetch", `
		const body = new ReadableStream({ start(c) { c.enqueue("text"); c.close(); } });
		try { await fetch("UP/echo", {method: "POST", body}); return "resolved" } catch (e) { return [e.constructor.name, e.message] }`,
		`["TypeError","This ReadableStream did not return bytes."]`)
	add("a stream body that errors rejects the fetch with its error", `
		const body = new ReadableStream({ pull(c) { throw new RangeError("producer broke") } });
		try { await fetch("UP/count", {method: "POST", body}); return "resolved" } catch (e) { return [e.constructor.name, e.message] }`,
		`["RangeError","producer broke"]`)
	add("a Request object as input, with its body", `
		const req = new Request("UP/echo", {method: "PATCH", body: "from request", headers: {"x-r": "1"}});
		const j = await (await fetch(req)).json();
		let used;
		try { await fetch(req) } catch (e) { used = e.message }
		return [j.method, j.body, j.headers["x-r"], req.bodyUsed, used];`,
		`["PATCH","from request","1",true,"Cannot construct a Request with a Request object that has already been used."]`)
	add("a Request with init overriding it", `
		const req = new Request("UP/echo", {method: "POST", body: "old", headers: {"x-r": "1"}});
		const j = await (await fetch(req, {body: "new", headers: {"x-s": "2"}})).json();
		return [j.method, j.body, j.headers["x-r"] ?? null, j.headers["x-s"]];`,
		`["POST","new",null,"2"]`)
	add("a URL object as input", `
		const j = await (await fetch(new URL("/echo?u=1", "UP"))).json();
		return j.path;`,
		`"/echo?u=1"`)
	add("the Host header follows the URL", `
		const j = await (await fetch("UP/echo", {headers: {host: "evil.test"}})).json();
		return j.headers.host === undefined;`,
		`true`)
	add("response headers are immutable; a copy is not", `
		const r = await fetch("UP/echo");
		let err;
		try { r.headers.set("x", "y") } catch (e) { err = e.message }
		const copy = new Response(r.body, r);
		copy.headers.set("x", "y");
		return [err, copy.headers.get("x"), copy.status, (await copy.json()).method];`,
		`["Can't modify immutable headers.","y",200,"GET"]`)
	add("non-2xx statuses resolve, with their status text", `
		const r = await fetch("UP/teapot");
		return [r.status, r.statusText, r.ok, await r.text()];`,
		`[418,"I'm a teapot",false,"short and stout"]`)
	add("HEAD and 204 have null bodies", `
		const a = await fetch("UP/echo", {method: "HEAD"});
		const b = await fetch("UP/nocontent");
		return [a.status, a.body, await a.text(), b.status, b.body];`,
		`[200,null,"",204,null]`)
	add("gzip is decoded", `
		const r = await fetch("UP/gzip");
		return [(await r.text()).length, r.headers.get("content-encoding")];`,
		`[70,null]`)
	add("a large response streams in chunks", `
		const r = await fetch("UP/stream?n=300000");
		const reader = r.body.getReader();
		let n = 0, chunks = 0;
		for (;;) { const {done, value} = await reader.read(); if (done) break; n += value.byteLength; chunks++; }
		return [n, chunks > 1, r.bodyUsed];`,
		`[300000,true,true]`)
	add("a large response can be read whole, cloned and teed", `
		const r = await fetch("UP/stream?n=200000");
		const c = r.clone();
		const [ab, text] = await Promise.all([r.arrayBuffer(), c.text()]);
		return [ab.byteLength, text.length];`,
		`[200000,200000]`)
	add("a response body can be cancelled", `
		const r = await fetch("UP/stream?n=10000000");
		const reader = r.body.getReader();
		await reader.read();
		await reader.cancel("enough");
		return (await reader.read()).done;`,
		`true`)
	add("follow: 301/302 turn POST into GET; 303 turns anything but HEAD into GET", `
		const out = [];
		for (const [status, method] of [[301, "POST"], [302, "POST"], [303, "PUT"], [303, "HEAD"], [302, "PUT"]]) {
			const r = await fetch("UP/redirect?status=" + status + "&to=/echo", {method, body: method === "HEAD" ? null : "payload"});
			const j = method === "HEAD" ? {method: r.status} : await r.json();
			out.push([status, j.method, j.body ?? null, r.redirected, r.url]);
		}
		return out;`,
		`[[301,"GET","",true,"UP/echo"],[302,"GET","",true,"UP/echo"],[303,"GET","",true,"UP/echo"],[303,200,null,true,"UP/echo"],[302,"PUT","payload",true,"UP/echo"]]`)
	add("follow: 307 and 308 resend method and body", `
		const out = [];
		for (const status of [307, 308]) {
			const r = await fetch("UP/redirect?status=" + status + "&to=" + encodeURIComponent("/echo?after=" + status), {method: "POST", body: new Uint8Array([111, 107])});
			const j = await r.json();
			out.push([j.method, j.body, j.path]);
		}
		return out;`,
		`[["POST","ok","/echo?after=307"],["POST","ok","/echo?after=308"]]`)
	add("follow: the response url drops the fragment; relative locations resolve", `
		const r = await fetch("UP/redirect?status=302&to=" + encodeURIComponent("echo?rel=1#frag"));
		return [r.url, (await r.json()).path];`,
		`["UP/echo?rel=1","/echo?rel=1"]`)
	add("follow: a redirect with no Location is returned as is", `
		const r = await fetch("UP/noloc");
		return [r.status, r.redirected, await r.text()];`,
		`[302,false,"no location"]`)
	add("follow: Authorization is dropped across origins, kept on the same origin", `
		const same = await (await fetch("UP/redirect?status=302&to=/echo", {headers: {authorization: "Bearer t"}})).json();
		const cross = await (await fetch("UP/redirect?status=302&to=" + encodeURIComponent("UP2/echo"), {headers: {authorization: "Bearer t", "x-keep": "1"}})).json();
		return [same.headers.authorization, cross.headers.authorization ?? null, cross.headers["x-keep"]];`,
		`["Bearer t",null,"1"]`)
	add("follow: more than 20 redirects is a TypeError", `
		try { await fetch("UP/loop"); return "resolved" } catch (e) { return [e.constructor.name, e.message] }`,
		`["TypeError","Too many redirects."]`)
	add("follow: a bad Location is a TypeError", `
		try { await fetch("UP/badloc"); return "resolved" } catch (e) { return [e.constructor.name, e.message] }`,
		`["TypeError","Invalid Location header; unable to follow redirect."]`)
	add("follow: a redirect to another scheme is refused", `
		try { await fetch("UP/redirect?status=302&to=" + encodeURIComponent("ftp://x.test/")); return "resolved" } catch (e) { return e.message }`,
		`"Fetch API cannot load: ftp://x.test/"`)
	add("follow: a stream body cannot be resent on 307", `
		const body = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); c.close(); } });
		try { await fetch("UP/redirect?status=307&to=/echo", {method: "POST", body}); return "resolved" } catch (e) { return [e.constructor.name, e.message] }`,
		`["TypeError","A request with a one-time-use body (it was initialized from a stream, not a buffer) encountered a redirect requiring the body to be retransmitted. To avoid this error in the future, construct this request from a buffer-like body initializer."]`)
	add("follow: a stream body is dropped on 303", `
		const body = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); c.close(); } });
		const j = await (await fetch("UP/redirect?status=303&to=/echo", {method: "POST", body})).json();
		return [j.method, j.body];`,
		`["GET",""]`)
	add("manual: the redirect itself is the response", `
		const r = await fetch("UP/redirect?status=301&to=/echo", {redirect: "manual"});
		const i = await fetch("UP/redirect?status=307&to=/echo", {redirect: "MANUAL"});
		return [r.status, r.headers.get("location"), r.redirected, r.url, await r.text(), i.status];`,
		`[301,"/echo",false,"UP/redirect?status=301&to=/echo","moved",307]`)
	add("error: refused as workerd refuses it", `
		let thrown;
		try { new Request("UP/", {redirect: "error"}) } catch (e) { thrown = e.message }
		try { await fetch("UP/echo", {redirect: "error"}); return "resolved" } catch (e) { return [e.constructor.name, e.message === thrown, e.message] }`,
		`["TypeError",true,"Invalid redirect value, must be one of \"follow\" or \"manual\" (\"error\" won't be implemented since it does not make sense at the edge; use \"manual\" and check the response status code)."]`)
	add("data: URLs are answered locally", `
		const a = await fetch("data:text/plain;base64,aGVsbG8gd29ybGQ=");
		const b = await fetch("data:,a%20b");
		const c = await fetch("data:application/json;charset=utf-8,%7B%22k%22%3A1%7D");
		let bad;
		try { await fetch("data:text/plain;base64,%%%") } catch (e) { bad = e.constructor.name }
		return [a.status, a.headers.get("content-type"), await a.text(), b.headers.get("content-type"), await b.text(), await c.json(), bad];`,
		`[200,"text/plain","hello world","text/plain;charset=US-ASCII","a b",{"k":1},"TypeError"]`)
	add("bad input is a rejected promise, never a synchronous throw", `
		const out = [];
		for (const args of [[], ["not a url"], ["ftp://x.test/"], ["UP/", {method: "GET", body: "x"}], ["UP/", {method: "bad method"}], ["UP/", 5], ["UP/", {headers: {"bad name": "x"}}]]) {
			let p;
			try { p = fetch(...args) } catch (e) { out.push("threw " + e.message); continue }
			try { await p; out.push("resolved") } catch (e) { out.push(e.constructor.name + ": " + e.message) }
		}
		return out;`,
		`["TypeError: Failed to execute 'fetch' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.",`+
			`"TypeError: Invalid URL: not a url",`+
			`"TypeError: Fetch API cannot load: ftp://x.test/",`+
			`"TypeError: Request with a GET or HEAD method cannot have a body.",`+
			`"TypeError: 'bad method' is not a valid HTTP method.",`+
			`"TypeError: Failed to construct 'Request': The provided value is not of type 'RequestInit'.",`+
			`"TypeError: Invalid header name."]`)
	add("a network error is a TypeError naming the URL", `
		try { await fetch("http://127.0.0.1:1/x"); return "resolved" } catch (e) {
			return [e.constructor.name, e.message.startsWith("Network connection lost. GET http://127.0.0.1:1/x failed: "), e.message.includes("refused")] }`,
		`["TypeError",true,true]`)
	add("a connection cut mid-body errors the stream with a TypeError", `
		const r = await fetch("UP/cut");
		try { await r.text(); return "resolved" } catch (e) { return [e.constructor.name, e.message.startsWith("Network connection lost. GET UP/cut failed: reading the response body")] }`,
		`["TypeError",true]`)
	add("fetch is an enumerable global of length 1", `
		const d = Object.getOwnPropertyDescriptor(globalThis, "fetch");
		return [typeof fetch, fetch.length, fetch.name, d.enumerable, d.writable];`,
		`["function",1,"fetch",true,true]`)
	h.RunCases(t, cases)
	if n := up.loopHits.Load(); n != 21 {
		t.Errorf("the redirect loop was requested %d times, want 21 (the first request and 20 redirects)", n)
	}
}

func TestFetchAbort(t *testing.T) {
	up := newUpstream(t)
	h := runtimetest.New(t)
	fill := func(s string) string { return strings.ReplaceAll(s, "UP", up.URL) }
	waitHang := func(t *testing.T, want string) {
		t.Helper()
		select {
		case got := <-up.hangs:
			if got != want {
				t.Errorf("upstream saw %s go away, want %s", got, want)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("the upstream request to %s was never cancelled", want)
		}
	}
	t.Run("an aborted signal rejects before any request", func(t *testing.T) {
		got := h.Run(t, fill(`
			const c = new AbortController(); c.abort();
			try { await fetch("UP/hang", {signal: c.signal}); return "resolved" } catch (e) { return [e.name, e.message, e instanceof DOMException] }`))
		if want := `["AbortError","The operation was aborted",true]`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
	t.Run("aborting while waiting for the response cancels the request", func(t *testing.T) {
		got := h.Run(t, fill(`
			const c = new AbortController();
			const p = fetch("UP/hang", {signal: c.signal});
			setTimeout(() => c.abort(new Error("changed my mind")), 5);
			try { await p; return "resolved" } catch (e) { return [e.constructor.name, e.message] }`))
		if want := `["Error","changed my mind"]`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		waitHang(t, "/hang")
	})
	t.Run("AbortSignal.timeout rejects with a TimeoutError and cancels", func(t *testing.T) {
		got := h.Run(t, fill(`
			try { await fetch("UP/hang", {signal: AbortSignal.timeout(20)}); return "resolved" } catch (e) { return [e.name, e.message] }`))
		if want := `["TimeoutError","The operation was aborted due to timeout"]`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		waitHang(t, "/hang")
	})
	t.Run("aborting mid-body errors the body with the reason", func(t *testing.T) {
		got := h.Run(t, fill(`
			const c = new AbortController();
			const r = await fetch("UP/slowbody", {signal: c.signal});
			const reader = r.body.getReader();
			const first = new TextDecoder().decode((await reader.read()).value);
			const next = reader.read();
			c.abort();
			try { await next; return "resolved" } catch (e) { return [first, e.name] }`))
		if want := `["first","AbortError"]`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		waitHang(t, "/slowbody")
	})
	t.Run("aborting a request whose body is still streaming cancels the body stream", func(t *testing.T) {
		got := h.Run(t, fill(`
			const c = new AbortController();
			let pulled, cancelled;
			const started = new Promise((r) => { pulled = r; });
			const done = new Promise((r) => { cancelled = r; });
			const body = new ReadableStream({
				pull(ctl) { pulled(); ctl.enqueue(new Uint8Array(1024)); return new Promise((r) => setTimeout(r, 1)); },
				cancel(reason) { cancelled(reason === undefined ? "undefined" : reason.name); },
			});
			const p = fetch("UP/count", {method: "POST", body, signal: c.signal});
			await started;
			c.abort();
			let err;
			try { await p } catch (e) { err = e.name }
			return [err, await Promise.race([done, scheduler.wait(10000).then(() => "never cancelled")])];`))
		if want := `["AbortError","AbortError"]`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
	t.Run("a request's own signal is used", func(t *testing.T) {
		got := h.Run(t, fill(`
			const req = new Request("UP/hang", {signal: AbortSignal.abort("pre")});
			try { await fetch(req); return "resolved" } catch (e) { return e }`))
		if want := `"pre"`; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
}

// TestFetchOwnServer fetches the dev server the worker itself runs on: the
// loop must stay free while the subrequest is in flight.
func TestFetchOwnServer(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const self = new URL(request.url).origin + "/";
		const inner = "const r = await fetch(new URL(request.url).origin + '/', {method: 'POST', body: 'return 40'}); return (await r.json()) + 1";
		const [a, b] = await Promise.all([
			fetch(self, {method: "POST", body: inner}).then((r) => r.json()),
			fetch(self, {method: "POST", body: "return 'side by side'"}).then((r) => r.json()),
		]);
		return [a + 1, b];`)
	if want := `[42,"side by side"]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestResponseErrorTexts pins workerd's messages for Response, Headers and
// Response.redirect (recorded under wrangler 4.86.0, workerd 2026-04-26).
func TestResponseErrorTexts(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "status 99", Src: `try { new Response("", { status: 99 }); } catch (e) { return e.name + ": " + e.message; }`,
			Want: `"RangeError: Responses may only be constructed with status codes in the range 200 to 599, inclusive."`},
		{Name: "header name", Src: `try { new Headers({ "bad name": "x" }); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Invalid header name."`},
		{Name: "header value", Src: `try { new Headers({ a: "x\ny" }); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Invalid header value."`},
		{Name: "redirect to a relative URL", Src: `try { Response.redirect("/rel"); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Unable to parse URL: /rel"`},
		{Name: "redirect status", Src: `try { Response.redirect("http://a/", 200); } catch (e) { return e.name + ": " + e.message; }`,
			Want: `"RangeError: 200 is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308."`},
		{Name: "fetch keeps naming the URL", Src: `try { await fetch("not a url"); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Invalid URL: not a url"`},
	})
}
