package kv_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/bindings"
	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
	"edgedev/runtime/runtimetest"
)

// prelude is put in front of every snippet. err(p) awaits p and describes
// how it failed; sync(f) describes how calling f threw.
const prelude = `
const KV = env.KV;
async function err(p) {
  try { await p; return "no error"; }
  catch (e) { return (e instanceof TypeError ? "TypeError" : e instanceof Error ? "Error" : typeof e) + ": " + e.message; }
}
function sync(f) {
  try { const p = f(); if (p && p.catch) p.catch(() => {}); return "no throw"; }
  catch (e) { return "sync " + e.name + ": " + e.message; }
}
`

type jsEnv struct {
	h   *runtimetest.Harness
	ns  *kv.Namespace
	clk *clock
}

func newJS(t *testing.T) *jsEnv {
	t.Helper()
	clk := newClock()
	ns := kv.New(persisttest.Open(t), "js-ns", clk.Now)
	h := runtimetest.New(t, runtimetest.Options{
		Bindings: []bindings.Named{{Name: "KV", Kind: "kv_namespaces", Detail: "js-ns", Binding: ns}},
		Now:      clk.Now,
	})
	return &jsEnv{h: h, ns: ns, clk: clk}
}

// run evaluates src and compares the JSON it returns with want.
func (e *jsEnv) run(t *testing.T, src, want string) {
	t.Helper()
	got := e.h.Run(t, prelude+src)
	if got != want {
		t.Errorf("JS returned\n got %s\nwant %s", got, want)
	}
}

func (e *jsEnv) hasStreams(t *testing.T) bool {
	return e.h.Run(t, `return typeof ReadableStream === "function"`) == "true"
}

func TestJS_Shape(t *testing.T) {
	e := newJS(t)
	e.run(t, `return [Object.keys(KV), JSON.stringify(KV), ["get","getWithMetadata","put","delete","list"].map(m => typeof KV[m])]`,
		`[[],"{}",["function","function","function","function","function"]]`)
}

func TestJS_GetPut(t *testing.T) {
	e := newJS(t)
	tests := []struct{ name, src, want string }{
		{"missing keys read as null whatever the type",
			`return [await KV.get("nope"), await KV.get("nope", "json"), await KV.get("nope", "arrayBuffer"), await KV.get("nope", {type: "bogus"}), await KV.get("nope", "bogus")]`,
			`[null,null,null,null,null]`},
		{"put resolves undefined and get reads text",
			`const r = await KV.put("greeting", "héllo 😀"); return [r === undefined, await KV.get("greeting"), await KV.get("greeting", "text"), await KV.get("greeting", {})]`,
			`[true,"héllo 😀","héllo 😀","héllo 😀"]`},
		{"an empty value reads back as an empty string",
			`await KV.put("empty", ""); return [await KV.get("empty"), await KV.get("empty", "json").catch(e => e.name)]`,
			`["","SyntaxError"]`},
		{"json, bare or in options",
			`await KV.put("j", JSON.stringify({a: [1, 2], b: null})); return [await KV.get("j", "json"), await KV.get("j", {type: "json", cacheTtl: 60})]`,
			`[{"a":[1,2],"b":null},{"a":[1,2],"b":null}]`},
		{"arrayBuffer",
			`await KV.put("ab", "abc"); const b = await KV.get("ab", "arrayBuffer"); return [b instanceof ArrayBuffer, Array.from(new Uint8Array(b))]`,
			`[true,[97,98,99]]`},
		{"invalid JSON rejects with a SyntaxError",
			`await KV.put("nj", "{not json"); try { await KV.get("nj", "json"); return "no error" } catch (e) { return e instanceof SyntaxError }`,
			`true`},
		{"an unknown type fails only when a value is found",
			`await KV.put("t", "v"); return [await err(KV.get("t", "bogus")), await err(KV.get("t", {type: "blob"}))]`,
			`["TypeError: Unknown response type. Possible types are \"text\", \"arrayBuffer\", \"json\", and \"stream\".","TypeError: Unknown response type. Possible types are \"text\", \"arrayBuffer\", \"json\", and \"stream\"."]`},
		{"keys are coerced to strings",
			`await KV.put(42, "n"); return [await KV.get("42"), await KV.get(42)]`,
			`["n","n"]`},
		{"non-string primitives are stringified",
			`await KV.put("p1", 42); await KV.put("p2", undefined); await KV.put("p3", null); await KV.put("p4", true); return [await KV.get("p1"), await KV.get("p2"), await KV.get("p3"), await KV.get("p4")]`,
			`["42","undefined","null","true"]`},
		{"objects that are not bytes are refused",
			`return [await err(KV.put("o", {a: 1})), await err(KV.put("o", [1, 2])), await err(KV.put("o", new Date(0))), await KV.get("o")]`,
			`["TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.","TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.","TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.",null]`},
		{"the key is checked before the value type",
			`return await err(KV.put("", {a: 1}))`,
			`"TypeError: Key name cannot be empty."`},
		{"writes from one request land in call order",
			`KV.put("order", "1"); KV.put("order", "2"); await KV.put("order", "3"); const first = await KV.get("order");
			 const ps = []; for (let i = 0; i < 50; i++) ps.push(KV.put("order", String(i))); await Promise.all(ps);
			 return [first, await KV.get("order")]`,
			`["3","49"]`},
		{"a put without metadata drops the old metadata",
			`await KV.put("m", "1", {metadata: {x: 1}}); await KV.put("m", "2"); return await KV.getWithMetadata("m")`,
			`{"value":"2","metadata":null,"cacheStatus":null}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { e.run(t, tc.src, tc.want) })
	}
}

func TestJS_PutBytes(t *testing.T) {
	e := newJS(t)
	e.h.Run(t, prelude+`
		const u8 = new Uint8Array([0, 1, 2, 3, 250, 251, 252, 253]);
		await KV.put("ab", u8.buffer);
		await KV.put("u8", u8);
		await KV.put("sub", u8.subarray(2, 5));
		await KV.put("dv", new DataView(u8.buffer, 4, 2));
		await KV.put("i16", new Int16Array([1, -1]));
		const reused = new Uint8Array([9, 9]);
		const p = KV.put("reused", reused);
		reused[0] = 0; // the put must have copied the bytes already
		await p;
		return true`)
	want := map[string][]byte{
		"ab":     {0, 1, 2, 3, 250, 251, 252, 253},
		"u8":     {0, 1, 2, 3, 250, 251, 252, 253},
		"sub":    {2, 3, 250},
		"dv":     {250, 251},
		"i16":    {1, 0, 0xff, 0xff},
		"reused": {9, 9},
	}
	for k, w := range want {
		got, err := e.ns.Get(ctx, k, kv.GetOptions{})
		if err != nil || got == nil || !bytes.Equal(got.Value, w) {
			t.Errorf("%s: got %v (%v), want %v", k, got, err, w)
		}
	}
}

func TestJS_BinaryAndText(t *testing.T) {
	e := newJS(t)
	// Written by Go (as the CLI would), read by the worker.
	if err := e.ns.Put(ctx, "bin", []byte{'a', 0xff, 'b', 0xe2, 0x82, 'c', 0xf0, 0x9f, 0x98, 0x80}, kv.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	e.run(t, `const b = new Uint8Array(await KV.get("bin", "arrayBuffer")); return [Array.from(b), await KV.get("bin")]`,
		"[[97,255,98,226,130,99,240,159,152,128],\"a\ufffdb\ufffdc😀\"]")
}

func TestJS_Streams(t *testing.T) {
	e := newJS(t)
	if !e.hasStreams(t) {
		t.Skip("the runtime has no ReadableStream yet")
	}
	e.run(t, `
		const s = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.enqueue(new Uint8Array([33])); c.close(); } });
		await KV.put("s", s);
		const out = await KV.get("s", "stream");
		const r = out.getReader(); const parts = [];
		for (;;) { const {done, value} = await r.read(); if (done) break; parts.push(...value); }
		await KV.put("body", request.body);
		return [await KV.get("s"), parts, out instanceof ReadableStream]`,
		`["hi!",[104,105,33],true]`)
	body, _ := e.ns.Get(ctx, "body", kv.GetOptions{})
	if body == nil || !strings.Contains(string(body.Value), `KV.put("body", request.body)`) {
		t.Errorf("put(key, request.body) stored %+v", body)
	}
}

func TestJS_Errors(t *testing.T) {
	e := newJS(t)
	long := strings.Repeat("k", 513)
	tests := []struct{ name, src, want string }{
		{"empty, dot and dot-dot keys reject with TypeErrors",
			`return [await err(KV.get("")), await err(KV.put(".", "v")), await err(KV.delete("..")), await err(KV.getWithMetadata(""))]`,
			`["TypeError: Key name cannot be empty.","TypeError: \".\" is not allowed as a key name.","TypeError: \"..\" is not allowed as a key name.","TypeError: Key name cannot be empty."]`},
		{"a long key rejects with an Error naming the operation",
			`const k = "` + long + `"; return [await err(KV.get(k)), await err(KV.put(k, "v")), await err(KV.delete(k)), await err(KV.getWithMetadata(k))]`,
			`["Error: KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.","Error: KV PUT failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.","Error: KV DELETE failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.","Error: KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512."]`},
		{"validation errors reject instead of throwing",
			`return [sync(() => KV.get("")), sync(() => KV.put("", "v")), sync(() => KV.delete("")), sync(() => KV.list({limit: 5000}))]`,
			`["no throw","no throw","no throw","no throw"]`},
		{"options outside int32 throw at the call",
			`return [sync(() => KV.put("k", "v", {expiration: 2 ** 40})), sync(() => KV.put("k", "v", {expirationTtl: -(2 ** 31) - 1})), sync(() => KV.get("k", {cacheTtl: 2 ** 31})), sync(() => KV.list({limit: 1e10}))]`,
			`["sync TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive).","sync TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive).","sync TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive).","sync TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."]`},
		{"cacheTtl under 30, NaN included, rejects",
			`return [await err(KV.get("k", {cacheTtl: 10})), await err(KV.get("k", {cacheTtl: NaN})), await err(KV.get("k", {cacheTtl: "soon"})), await err(KV.get("k", {cacheTtl: 30})), await err(KV.get("k", {cacheTtl: "60"}))]`,
			`["Error: KV GET failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.","Error: KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30.","Error: KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30.","no error","no error"]`},
		{"expirationTtl checks",
			`return [await err(KV.put("k", "v", {expirationTtl: 0})), await err(KV.put("k", "v", {expirationTtl: NaN})), await err(KV.put("k", "v", {expirationTtl: 30})), await err(KV.put("k", "v", {expirationTtl: 60.9}))]`,
			`["Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.","Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.","Error: KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.","no error"]`},
		{"expiration checks",
			`const now = Math.floor(Date.now() / 1000); return [await err(KV.put("k", "v", {expiration: now})), await err(KV.put("k", "v", {expiration: now + 30})), await err(KV.put("k", "v", {expiration: now + 60}))]`,
			`["Error: KV PUT failed: 400 Invalid expiration of 1700000000. Please specify integer greater than the current number of seconds since the UNIX epoch.","Error: KV PUT failed: 400 Invalid expiration of 1700000030. Expiration times must be at least 60 seconds in the future.","no error"]`},
		{"metadata over 1024 bytes of JSON",
			`return [await err(KV.put("k", "v", {metadata: "x".repeat(1023)})), await err(KV.put("k", "v", {metadata: "x".repeat(1022)}))]`,
			`["Error: KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.","no error"]`},
		{"a value over 25 MiB",
			`return [await err(KV.put("big", "x".repeat(26214401))), await err(KV.put("big", new Uint8Array(26214400)))]`,
			`["Error: KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.","no error"]`},
		{"list limit and prefix checks",
			`return [await err(KV.list({limit: 1001})), await err(KV.list({limit: 1000})), await err(KV.list({limit: 0})), await err(KV.list({limit: -3})), await err(KV.list({prefix: "p".repeat(513)}))]`,
			`["Error: KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000.","no error","no error","no error","Error: KV GET failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512."]`},
		{"bulk read checks",
			`const many = Array.from({length: 101}, (_, i) => "k" + i);
			 await KV.put("text", "not json");
			 return [await err(KV.get(many)), await err(KV.get([])), await err(KV.get(["a"], "arrayBuffer")), await err(KV.getWithMetadata(["a"], {type: "stream"})),
			         await err(KV.get(["text"], "json")), await err(KV.get([""])), await err(KV.get(["."])), await err(KV.get(["a"], {cacheTtl: 5}))]`,
			`["Error: KV GET_BULK failed: 400 You can request a maximum of 100 keys","Error: KV GET_BULK failed: 400 You must request a minimum of 1 key","Error: KV GET_BULK failed: 400 \"arrayBuffer\" is not a valid type. Use \"json\" or \"text\"","Error: KV GET_BULK failed: 400 \"stream\" is not a valid type. Use \"json\" or \"text\"","Error: KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value","Error: KV GET_BULK failed: 400 Key names must not be empty","Error: KV GET_BULK failed: 400 Illegal key name \".\". Please use a different name.","Error: KV GET_BULK failed: 400 Invalid cache_ttl of 5. Cache TTL must be at least 30."]`},
		{"metadata JSON cannot hold rejects, after the key check",
			`const c = {}; c.self = c;
			 return [(await err(KV.put("k", "v", {metadata: c}))).startsWith("TypeError: "), await err(KV.put("", "v", {metadata: c})),
			         await KV.put("fn", "v", {metadata: () => 1}).then(() => KV.getWithMetadata("fn")).then(r => r.metadata)]`,
			`[true,"TypeError: Key name cannot be empty.",null]`},
		{"errors are real Error objects with stacks",
			`try { await KV.put("", "v") } catch (e) { return [e instanceof TypeError, e.name, typeof e.stack] }`,
			`[true,"TypeError","string"]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { e.run(t, tc.src, tc.want) })
	}
}

func TestJS_Metadata(t *testing.T) {
	e := newJS(t)
	e.run(t, `
		await KV.put("obj", "v1", {metadata: {owner: "ann", n: 1, tags: ["a"]}});
		await KV.put("num", "v2", {metadata: 7});
		await KV.put("str", "", {metadata: "tiny value in metadata"});
		await KV.put("nul", "v4", {metadata: null});
		return [await KV.getWithMetadata("obj"), await KV.getWithMetadata("num"), await KV.getWithMetadata("str"),
		        await KV.getWithMetadata("nul"), await KV.getWithMetadata("missing"), await KV.getWithMetadata("obj", {type: "arrayBuffer"}).then(r => r.value instanceof ArrayBuffer)]`,
		`[{"value":"v1","metadata":{"owner":"ann","n":1,"tags":["a"]},"cacheStatus":null},{"value":"v2","metadata":7,"cacheStatus":null},{"value":"","metadata":"tiny value in metadata","cacheStatus":null},{"value":"v4","metadata":null,"cacheStatus":null},{"value":null,"metadata":null,"cacheStatus":null},true]`)
}

func TestJS_GetWithMetadataJSONValue(t *testing.T) {
	e := newJS(t)
	e.run(t, `await KV.put("n", "7", {metadata: {m: 1}}); return await KV.getWithMetadata("n", "json")`,
		`{"value":7,"metadata":{"m":1},"cacheStatus":null}`)
}

func TestJS_Bulk(t *testing.T) {
	e := newJS(t)
	e.run(t, `
		await KV.put("a", JSON.stringify({n: 1}), {metadata: {m: "a"}});
		await KV.put("b", "0");
		await KV.put("c", "");
		const text = await KV.get(["a", "missing", "b", "c"]);
		const json = await KV.get(["a", "b", "missing"], "json");
		const meta = await KV.getWithMetadata(["a", "b", "missing"], {type: "json", cacheTtl: 60});
		return [text instanceof Map, [...text], [...json], [...meta]]`,
		`[true,[["a","{\"n\":1}"],["missing",null],["b","0"],["c",""]],[["a",{"n":1}],["b",0],["missing",null]],[["a",{"value":{"n":1},"metadata":{"m":"a"}}],["b",{"value":0,"metadata":null}],["missing",null]]]`)
}

func TestJS_List(t *testing.T) {
	e := newJS(t)
	e.run(t, `
		await KV.put("user:2", "", {expirationTtl: 3600});
		await KV.put("user:1", "", {metadata: {plan: "pro"}});
		await KV.put("user:3", "");
		await KV.put("other", "");
		const all = await KV.list();
		const page1 = await KV.list({prefix: "user:", limit: 2});
		const page2 = await KV.list({prefix: "user:", limit: 2, cursor: page1.cursor});
		const nulls = await KV.list({prefix: null, cursor: null, limit: undefined});
		return [all, page1.keys.map(k => k.name), page1.list_complete, typeof page1.cursor, page2, "cursor" in page2, nulls.keys.length]`,
		`[{"keys":[{"name":"other"},{"name":"user:1","metadata":{"plan":"pro"}},{"name":"user:2","expiration":1700003600},{"name":"user:3"}],"list_complete":true,"cacheStatus":null},["user:1","user:2"],false,"string",{"keys":[{"name":"user:3"}],"list_complete":true,"cacheStatus":null},false,4]`)
}

func TestJS_Delete(t *testing.T) {
	e := newJS(t)
	e.run(t, `await KV.put("d", "v"); const r = await KV.delete("d"); return [r === undefined, await KV.get("d"), await KV.delete("never-there") === undefined]`,
		`[true,null,true]`)
}

func TestJS_Expiration(t *testing.T) {
	e := newJS(t)
	e.run(t, `await KV.put("code", "123456", {expirationTtl: 900}); return await KV.get("code")`, `"123456"`)
	e.clk.Advance(899 * time.Second)
	e.run(t, `return [await KV.get("code"), (await KV.list()).keys.length]`, `["123456",1]`)
	e.clk.Advance(time.Second)
	e.run(t, `return [await KV.get("code"), await KV.getWithMetadata("code"), (await KV.list()).keys.length, [...await KV.get(["code"])]]`,
		`[null,{"value":null,"metadata":null,"cacheStatus":null},0,[["code",null]]]`)
}

// TestJS_CLIThenWorker is the round trip the CLI relies on: what Go writes
// through the same Namespace is what the worker reads, metadata included.
func TestJS_CLIThenWorker(t *testing.T) {
	e := newJS(t)
	exp := e.clk.Now().Unix() + 120
	if err := e.ns.PutBulk(ctx, []kv.Write{
		{Key: "flag:dark-mode", Value: []byte(`{"on":true}`), Options: kv.PutOptions{Metadata: json.RawMessage(`{"by":"cli"}`), Expiration: &exp}},
	}); err != nil {
		t.Fatal(err)
	}
	e.run(t, `return [await KV.getWithMetadata("flag:dark-mode", "json"), (await KV.list({prefix: "flag:"})).keys]`,
		fmt.Sprintf(`[{"value":{"on":true},"metadata":{"by":"cli"},"cacheStatus":null},[{"name":"flag:dark-mode","expiration":%d,"metadata":{"by":"cli"}}]]`, exp))
}

// TestJS_ConcurrentRequests sends many requests at once, each writing its own
// key and reading a shared one: no write may be lost, and -race must stay
// quiet.
func TestJS_ConcurrentRequests(t *testing.T) {
	e := newJS(t)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			out, err := e.h.Eval(fmt.Sprintf(`await env.KV.put("req:%02d", "v%d"); await env.KV.get("req:00"); return (await env.KV.list({prefix: "req:"})).keys.length > 0`, i, i))
			if err != nil || out != "true" {
				t.Errorf("request %d: %q %v", i, out, err)
			}
		})
	}
	wg.Wait()
	r, err := e.ns.List(ctx, kv.ListOptions{Prefix: "req:"})
	if err != nil || len(r.Keys) != n {
		t.Fatalf("%d of %d writes survived (%v)", len(r.Keys), n, err)
	}
}

func TestJS_NotSerializable(t *testing.T) {
	e := newJS(t)
	e.run(t, `try { structuredClone(KV); return "cloned" } catch (e) { return [e.name, e.message, e instanceof DOMException] }`,
		`["DataCloneError","A KV namespace binding cannot be serialized.",true]`)
}
