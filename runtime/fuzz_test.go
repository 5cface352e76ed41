package runtime_test

import (
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// hostile are JS values native helpers must survive: detached and
// zero-length buffers, views past their buffer's end, revoked proxies,
// getters that throw, huge lengths, lone surrogates.
var hostile = []string{
	`(() => { const u = new Uint8Array([1, 2, 3]); structuredClone(u.buffer, { transfer: [u.buffer] }); return u; })()`,
	`(() => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b; })()`,
	`(() => { const b = new ArrayBuffer(8); const d = new DataView(b, 2); structuredClone(b, { transfer: [b] }); return d; })()`,
	`new Uint8Array(new ArrayBuffer(8), 8)`,
	`new Uint8Array(0)`,
	`new Float64Array([NaN, -0, Infinity])`,
	`(() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; })()`,
	`new Proxy(new Uint8Array(4), {})`,
	`({ get length() { throw new Error("getter"); }, get byteLength() { throw new Error("getter"); }, get buffer() { throw new Error("getter"); } })`,
	`({ length: 2 ** 53, byteLength: 2 ** 53 })`,
	`({ [Symbol.iterator]() { throw new Error("iterator"); } })`,
	`"\uD800x\uDFFF"`,
	`Symbol("s")`,
	`10n ** 30n`,
	`null`,
	`() => {}`,
}

// natives are the native helpers, each called with the value v.
var natives = []string{
	`new TextDecoder().decode(v)`,
	`new TextDecoder("utf-16le").decode(v)`,
	`new TextEncoder().encodeInto("hello", v)`,
	`crypto.getRandomValues(v)`,
	`await crypto.subtle.digest("SHA-256", v)`,
	`await crypto.subtle.importKey("raw", v, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])`,
	`await new Response(v).arrayBuffer()`,
	`await new Request("http://x/", { method: "POST", body: v }).text()`,
	`await new Response(new ReadableStream({ start(c) { c.enqueue(v); c.close(); } })).text()`,
	`structuredClone(v)`,
	`structuredClone(v, { transfer: [v] })`,
	`btoa(v)`,
	`await new Blob([v]).arrayBuffer()`,
	`new URLSearchParams(v).toString()`,
	`new Headers(v)`,
	`(() => { const w = new CompressionStream("gzip").writable.getWriter(); w.write(v); return w.close(); })()`,
	`(() => { const w = new DecompressionStream("deflate").writable.getWriter(); w.write(v).catch(() => {}); return 1; })()`,
	`console.log(v)`,
	`new crypto.DigestStream("SHA-1").getWriter().write(v)`,
}

// settledOrLaterJS waits for a helper's promise, but not for one that
// legitimately never settles (a CompressionStream write nobody reads):
// only panics and crashes are what the fuzzing looks for.
const settledOrLaterJS = "const settledOrLater = (f) => Promise.race([f(), new Promise((r) => setTimeout(r, 20))]);\n"

// FuzzNativeHelpers feeds the hostile values to the native helpers: each
// call may throw or reject, but none may panic in Go (which retires the
// instance with "edgedev failed inside one of its own native functions")
// or take the server down. Run longer with:
// go test ./runtime -run XXX -fuzz FuzzNativeHelpers -fuzztime 1m
func FuzzNativeHelpers(f *testing.F) {
	for i := range hostile {
		for j := range natives {
			f.Add(uint8(i), uint8(j))
		}
	}
	h := runtimetest.New(f)
	h.Run(f, "globalThis."+strings.TrimPrefix(settledOrLaterJS, "const ")+" return 1;")
	f.Fuzz(func(t *testing.T, vi, ni uint8) {
		v, call := hostile[int(vi)%len(hostile)], natives[int(ni)%len(natives)]
		_, err := h.Eval("const v = " + v + ";\ntry { await settledOrLater(async () => " + call + "); } catch (e) { if (!(e instanceof Error) && !(e instanceof DOMException)) throw new Error('threw a non-error: ' + e); }\nreturn 1;")
		if err != nil {
			t.Fatalf("%s with %s: %v", call, v, err)
		}
	})
}

// TestNativeHelpersSurviveHostileValues runs every pair once, so CI checks
// the whole table even without -fuzz.
func TestNativeHelpersSurviveHostileValues(t *testing.T) {
	h := runtimetest.New(t)
	var src strings.Builder
	src.WriteString("const out = [];\n")
	src.WriteString(settledOrLaterJS)
	for i, v := range hostile {
		for j, call := range natives {
			src.WriteString("try { const v = " + v + "; await settledOrLater(async () => " + call + "); } catch (e) { if (!(e instanceof Error) && !(e instanceof DOMException)) out.push('" + string(rune('a'+i)) + string(rune('a'+j)) + "'); }\n")
		}
	}
	src.WriteString("return out;")
	if got := h.Run(t, src.String()); got != "[]" {
		t.Errorf("non-Error throws at (value, helper) pairs %s", got)
	}
}
