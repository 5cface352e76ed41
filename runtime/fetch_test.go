package runtime_test

import (
	"bytes"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func TestFetchAPI(t *testing.T) {
	h := runtimetest.New(t)
	cases := []struct {
		name, src, want string
	}{
		{"headers are case-insensitive and combine", `
			const h = new Headers({"Content-Type": "text/plain"});
			h.append("X-A", "1"); h.append("x-a", "2");
			return [h.get("content-type"), h.get("X-A"), h.has("x-A"), [...h.keys()]];`,
			`["text/plain","1, 2",true,["content-type","x-a"]]`},
		{"getSetCookie keeps cookies apart", `
			const h = new Headers();
			h.append("Set-Cookie", "a=1"); h.append("Set-Cookie", "b=2");
			return [h.getSetCookie(), [...h].length];`,
			`[["a=1","b=2"],2]`},
		{"invalid header name is a TypeError", `
			try { new Headers({"bad name": "x"}); return "no throw" } catch (e) { return e instanceof TypeError }`,
			`true`},
		{"incoming request headers are immutable", `
			try { request.headers.set("x", "y"); return "no throw" } catch (e) { return e.message }`,
			`"Can't modify immutable headers."`},
		{"response text and json", `
			const a = await new Response("hi").text();
			const b = await Response.json({x: 1}).json();
			const r = Response.json([1]);
			return [a, b, r.headers.get("content-type"), r.status, r.ok];`,
			`["hi",{"x":1},"application/json",200,true]`},
		{"body can only be read once", `
			const r = new Response("x"); await r.text();
			try { await r.text(); return "no throw" } catch (e) { return [e instanceof TypeError, r.bodyUsed] }`,
			`[true,true]`},
		{"bad JSON rejects with a SyntaxError, it does not throw", `
			const r = new Response("{nope");
			let p;
			try { p = r.json(); } catch (e) { return "threw " + e; }
			try { await p; return "resolved"; } catch (e) { return [e instanceof SyntaxError, r.bodyUsed]; }`,
			`[true,true]`},
		{"body methods settle asynchronously", `
			const order = [];
			new Response("a").text().then((t) => order.push(t));
			new Response(new Uint8Array([98])).text().then((t) => order.push(t));
			new Response(null).text().then((t) => order.push(t === "" ? "empty" : t));
			order.push("sync");
			await null; await null;
			return order;`,
			`["sync","a","b","empty"]`},
		{"every body method on a body in memory", `
			const mk = () => new Response("{\"k\":[1]}", { headers: { "content-type": "application/json" } });
			const ab = await mk().arrayBuffer(), by = await mk().bytes(), bl = await mk().blob(), j = await mk().json();
			return [ab.byteLength, by instanceof Uint8Array, by.length, bl.size, bl.type, j.k];`,
			`[9,true,9,9,"application/json",[1]]`},
		{"arrayBuffer and bytes are fresh copies", `
			const r = new Response(new Uint8Array([97, 98])), c = r.clone();
			const a = await r.arrayBuffer(), b = await c.bytes();
			b[0] = 122;
			const chunk = new Uint8Array([1, 2]);
			const s = new Response(new ReadableStream({ start(ctl) { ctl.enqueue(chunk); ctl.close(); } }));
			const sb = await s.arrayBuffer();
			new Uint8Array(sb)[0] = 9;
			return [a === b.buffer, new Uint8Array(a)[0], chunk[0], await new Response(new Uint8Array([97])).clone().text()];`,
			`[false,97,1,"a"]`},
		{"status out of range is a RangeError", `
			try { new Response("", {status: 99}); } catch (e) { return e instanceof RangeError }`,
			`true`},
		{"redirect makes the location absolute", `
			const r = Response.redirect("https://example.com/a?b", 301);
			return [r.status, r.headers.get("location")];`,
			`[301,"https://example.com/a?b"]`},
		{"request body as arrayBuffer and clone", `
			const r = new Request("https://x.test/", {method: "post", body: "abc"});
			const c = r.clone();
			const ab = await r.arrayBuffer();
			return [r.method, ab.byteLength, await c.text(), r.headers.get("content-type")];`,
			`["POST",3,"abc","text/plain;charset=UTF-8"]`},
		{"GET with a body is a TypeError", `
			try { new Request("https://x.test/", {body: "x"}) } catch (e) { return e.message }`,
			`"Request with a GET or HEAD method cannot have a body."`},
		{"incoming request url, method and cf", `
			return [new URL(request.url).pathname, request.method, typeof request.cf.colo];`,
			`["/",`},
		{"timers and microtasks interleave", `
			const order = [];
			await new Promise((res) => { setTimeout(() => { order.push("timer"); res(); }, 5); queueMicrotask(() => order.push("micro")); });
			return order;`,
			`["micro","timer"]`},
		{"clearTimeout cancels", `
			let fired = false;
			const id = setTimeout(() => { fired = true }, 1);
			clearTimeout(id);
			await new Promise((r) => setTimeout(r, 20));
			return fired;`,
			`false`},
		{"a timer with no or a bad delay fires", `
			const fired = await Promise.all([undefined, NaN, -5, "soon"].map((d) => new Promise((r) => setTimeout(() => r(true), d))));
			return fired;`,
			`[true,true,true,true]`},
		{"text() decodes ill-formed UTF-8 as V8 does: a BOM dropped, one U+FFFD per maximal subpart", `
			const b = new Uint8Array([0xEF, 0xBB, 0xBF, 0x61, 0xF0, 0x9F, 0x62, 0xFF, 0x63]);
			return [await new Response(b).text(), await new Request("http://x/", {method: "POST", body: b}).text()].map((s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(" "));`,
			`["61 fffd 62 fffd 63","61 fffd 62 fffd 63"]`},
		{"a user's text with % in an error message stays as written", `
			try { await fetch("exa%mple%d"); } catch (e) { return e.message; }`,
			`"Invalid URL: exa%mple%d"`},
		{"navigator and performance", `
			return [navigator.userAgent, typeof performance.now()];`,
			`["Cloudflare-Workers","number"]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := h.Run(t, c.src)
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

// locWorker reports the colo a request was served at.
const locWorker = `globalThis.__edgedev_worker = { default: {
  async fetch(request, env) { return new Response(request.cf.colo + " " + (env.WHO || "")); },
}};`

func TestLocation(t *testing.T) {
	w, err := runtime.New(runtime.Options{Script: locWorker, GlobalName: "__edgedev_worker"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(t.Context())
	for _, c := range []struct{ loc, want string }{{"", "DFW "}, {"LHR", "LHR "}, {"SIN", "SIN "}, {"LHR", "LHR "}} {
		rec := httptest.NewRecorder()
		if _, err := w.Serve(rec, httptest.NewRequest("GET", "http://x/", nil), runtime.Incoming{Location: c.loc}); err != nil {
			t.Fatal(err)
		}
		if got := rec.Body.String(); got != c.want {
			t.Errorf("location %q: got %q, want %q", c.loc, got, c.want)
		}
	}
}

func TestBodyUsedAfterStreamRead(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `
		const r = new Response("abc");
		const reader = r.body.getReader();
		await reader.read();
		reader.releaseLock();
		let err = null;
		try { await r.text(); } catch (e) { err = e.constructor.name; }
		return [r.bodyUsed, err];`)
	if got != `[true,"TypeError"]` {
		t.Errorf("got %s", got)
	}
}

// TestRunawayUnderLoad interrupts a runaway request while other requests
// arrive: each of them must get an answer (the old instance's error or the
// replacement's response), none may hang, and later requests work.
func TestRunawayUnderLoad(t *testing.T) {
	const src = `globalThis.__edgedev_worker = { default: {
  async fetch(request) { if (request.method === "POST") { while (true) {} } return new Response("ok"); },
}};`
	w, err := runtime.New(runtime.Options{Script: src, GlobalName: "__edgedev_worker", CPULimit: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close(t.Context())
	serve := func(method string) (string, error) {
		rec := httptest.NewRecorder()
		_, err := w.Serve(rec, httptest.NewRequest(method, "http://x/", nil), runtime.Incoming{})
		return rec.Body.String(), err
	}
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := serve("POST"); err == nil || !strings.Contains(err.Error(), "CPU time limit") {
				t.Errorf("runaway: %v", err)
			}
		}()
		for i := 0; i < 20; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if body, err := serve("GET"); err != nil && !strings.Contains(err.Error(), "CPU time limit") {
					t.Errorf("GET during the runaway: %q %v", body, err)
				}
			}()
		}
		wg.Wait()
		if body, err := serve("GET"); err != nil || body != "ok" {
			t.Fatalf("after round %d: %q %v", round, body, err)
		}
	}
}

func TestBodyFormData(t *testing.T) {
	h := runtimetest.New(t)
	t.Run("round trips through Request bodies", func(t *testing.T) {
		got := h.Run(t, `
			const u = await new Request("https://x.test/", {method: "POST", body: new URLSearchParams("a=1&b=%20two")}).formData();
			const fd = new FormData();
			fd.append("x", "1");
			fd.append("f", new File(["hi there"], "h.txt", {type: "text/plain"}));
			const m = await new Request("https://x.test/", {method: "POST", body: fd}).formData();
			const f = m.get("f");
			return [u.get("a"), u.get("b"), m.get("x"), f.name, f.type, await f.text()];`)
		if got != `["1"," two","1","h.txt","text/plain","hi there"]` {
			t.Errorf("got %s", got)
		}
	})
	t.Run("an incoming multipart body", func(t *testing.T) {
		const src = `globalThis.__edgedev_worker = { default: {
  async fetch(request) {
    const fd = await request.formData();
    const file = fd.get("upload");
    return Response.json({ name: fd.get("name"), file: file.name, size: file.size, text: await file.text() });
  },
}};`
		w, err := runtime.New(runtime.Options{Script: src, GlobalName: "__edgedev_worker"})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close(t.Context())
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("name", "Ann")
		fw, _ := mw.CreateFormFile("upload", "notes.txt")
		fw.Write([]byte("line one\n"))
		mw.Close()
		req := httptest.NewRequest("POST", "http://x/", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		rec := httptest.NewRecorder()
		if _, err := w.Serve(rec, req, runtime.Incoming{}); err != nil {
			t.Fatal(err)
		}
		if got := rec.Body.String(); got != `{"name":"Ann","file":"notes.txt","size":9,"text":"line one\n"}` {
			t.Errorf("got %s", got)
		}
	})
	t.Run("an unsupported content type is a TypeError", func(t *testing.T) {
		got := h.Run(t, `try { await new Response("x", {headers: {"content-type": "text/plain"}}).formData(); return "no error" } catch (e) { return e.constructor.name }`)
		if got != `"TypeError"` {
			t.Errorf("got %s", got)
		}
	})
}
