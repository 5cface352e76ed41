package json_test

import (
	_ "embed"
	stdjson "encoding/json"
	"testing"

	"edgedev/runtime/runtimetest"
)

// wrangler_expected.json is what wrangler dev 4.86.0 (workerd 2026-04-26)
// answered for the cases in wrangler_cases.js: every JSON.parse error text,
// and JSON.stringify's circular-structure and BigInt errors and edge cases.

//go:embed testdata/wrangler_cases.js
var wranglerCases string

//go:embed testdata/wrangler_expected.json
var wranglerExpected []byte

func TestMatchesWrangler(t *testing.T) {
	var want struct{ Parse, Stringify [][2]string }
	if err := stdjson.Unmarshal(wranglerExpected, &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Parse) < 70 || len(want.Stringify) < 25 {
		t.Fatalf("recorded cases missing: %d parse, %d stringify", len(want.Parse), len(want.Stringify))
	}
	h := runtimetest.New(t)
	out := h.Run(t, wranglerCases+`
return {parse: parseResults(), stringify: stringifyResults()};`)
	var got struct{ Parse, Stringify [][2]string }
	if err := stdjson.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	compare := func(what string, got, want [][2]string) {
		if len(got) != len(want) {
			t.Fatalf("%s: %d results, want %d", what, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s %q:\n got %q\nwant %q", what, want[i][0], got[i][1], want[i][1])
			}
		}
	}
	compare("JSON.parse", got.Parse, want.Parse)
	compare("JSON.stringify", got.Stringify, want.Stringify)
}

func TestJSON(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		// Parsing builds plain values.
		{Name: "values", Src: `const v = JSON.parse(' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9\\ud83d\\ude00"], "b": {}} ');
			return [v.a[1], v.a[5], v.a[5].length, Object.getPrototypeOf(v.b) === Object.prototype, Array.isArray(v.a)];`,
			Want: `[-2500,"x\né😀",5,true,true]`},
		{Name: "minus zero", Src: `return [Object.is(JSON.parse("-0"), -0), Object.is(JSON.parse("[-0.0]")[0], -0), Object.is(JSON.parse("0"), 0)];`, Want: `[true,true,true]`},
		{Name: "big and small numbers", Src: `return [JSON.parse("1e400"), JSON.parse("-1e400"), JSON.parse("1e-400"), JSON.parse("12345678901234567890"), JSON.parse("0.1")].map(String);`,
			Want: `["Infinity","-Infinity","0","12345678901234567000","0.1"]`},
		{Name: "lone surrogate kept", Src: `const s = JSON.parse('"\\ud800x"'); return [s.length, s.charCodeAt(0)];`, Want: `[2,55296]`},
		{Name: "lone surrogate in the text", Src: `const s = JSON.parse('"\ud800"'); return [s.length, s.charCodeAt(0)];`, Want: `[1,55296]`},
		{Name: "lone surrogate key", Src: `const o = JSON.parse('{"\\udc00": 1}'); const k = Object.keys(o)[0]; return [k.length, k.charCodeAt(0), o[k]];`, Want: `[1,56320,1]`},
		{Name: "__proto__ is an own property", Src: `const o = JSON.parse('{"__proto__": {"x": 1}}');
			return [Object.getPrototypeOf(o) === Object.prototype, Object.hasOwn(o, "__proto__"), o.x];`, Want: `[true,true,null]`},
		{Name: "no setter on Object.prototype runs", Src: `let hit = 0; Object.defineProperty(Object.prototype, "trap", {set() { hit++; }, configurable: true});
			const o = JSON.parse('{"trap": 1}'); delete Object.prototype.trap; return [hit, o.trap];`, Want: `[0,1]`},
		{Name: "duplicate names keep the first place and the last value", Src: `return Object.entries(JSON.parse('{"a":1,"b":2,"a":3}'));`, Want: `[["a",3],["b",2]]`},
		{Name: "reviver", Src: `const seen = [];
			const v = JSON.parse('{"a": [1, 2], "b": {"c": "d"}}', function (k, v) { seen.push(k); return typeof v === "number" ? v * 10 : k === "c" ? undefined : v; });
			return [v, seen];`, Want: `[{"a":[10,20],"b":{}},["0","1","a","c","b",""]]`},
		{Name: "reviver source text", Src: `const src = [];
			JSON.parse('[1.50, "x", {"y": -0}]', (k, v, ctx) => { src.push(ctx.source); return v; });
			return src;`, Want: `["1.50","\"x\"","-0",null,null]`},
		{Name: "text is ToString'd", Src: `return [JSON.parse(123), JSON.parse(true), JSON.parse(null), JSON.parse({toString() { return "[7]"; }})];`, Want: `[123,true,null,[7]]`},
		{Name: "symbol text", Src: `assertThrows(() => JSON.parse(Symbol()), "TypeError", "Cannot convert a Symbol value to a string"); return 1;`, Want: `1`},
		{Name: "long source quoted around the token", Src: `try { JSON.parse('{"aaaaaaaaaaaaaaaaaaaa": 1, "bbbbbbbbbb": x, "cccccccccccccccccc": 2}'); } catch (e) { return e.message; }`,
			Want: `"Unexpected token 'x', ...\"bbbbbbb\": x, \"cccccc\"... is not valid JSON"`},
		{Name: "position counts UTF-16 units", Src: `try { JSON.parse('["😀é", 1,]'); } catch (e) { return e.message; }`,
			Want: `"Unexpected token ']', \"[\"😀é\", 1,]\" is not valid JSON"`},
		{Name: "column after a astral character", Src: `try { JSON.parse('{"😀": 1 2}'); } catch (e) { return e.message; }`,
			Want: `"Expected ',' or '}' after property value in JSON at position 9 (line 1 column 10)"`},
		{Name: "error is a SyntaxError", Src: `try { JSON.parse("{"); } catch (e) { return [e instanceof SyntaxError, e.constructor === SyntaxError]; }`, Want: `[true,true]`},

		// Stringify.
		{Name: "plain", Src: `return JSON.stringify({s: "a\"b\\c\n\u0007", n: [1, 1.5, -0, NaN, Infinity, 1e21, 1e-7], b: [true, false, null], u: undefined, f() {}, [Symbol()]: 1, sy: Symbol()});`,
			Want: `"{\"s\":\"a\\\"b\\\\c\\n\\u0007\",\"n\":[1,1.5,0,null,null,1e+21,1e-7],\"b\":[true,false,null]}"`},
		{Name: "undefined at the top", Src: `return [JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol())].map(String);`, Want: `["undefined","undefined","undefined"]`},
		{Name: "array holes and functions are null", Src: `return JSON.stringify([, undefined, () => 1, Symbol()]);`, Want: `"[null,null,null,null]"`},
		{Name: "getters run, in order", Src: `const log = []; const o = {get a() { log.push("a"); return 1; }, get b() { log.push("b"); return 2; }};
			return [JSON.stringify(o), log];`, Want: `["{\"a\":1,\"b\":2}",["a","b"]]`},
		{Name: "non-enumerable and inherited are skipped", Src: `const o = Object.create({inh: 1}); Object.defineProperty(o, "hidden", {value: 1}); o.own = 2; return JSON.stringify(o);`, Want: `"{\"own\":2}"`},
		{Name: "integer keys first", Src: `return JSON.stringify({b: 1, 10: 2, a: 3, 2: 4});`, Want: `"{\"2\":4,\"10\":2,\"b\":1,\"a\":3}"`},
		{Name: "toJSON", Src: `const o = {toJSON(k) { return "key:" + k; }}; return JSON.stringify({x: o, y: [o], d: new Date(0)});`,
			Want: `"{\"x\":\"key:x\",\"y\":[\"key:0\"],\"d\":\"1970-01-01T00:00:00.000Z\"}"`},
		{Name: "replacer function", Src: `const calls = []; const out = JSON.stringify({a: 1, b: [2]}, function (k, v) { calls.push([k, this === undefined]); return typeof v === "number" ? v + 1 : v; });
			return [out, calls.map((c) => c[0])];`, Want: `["{\"a\":2,\"b\":[3]}",["","a","b","0"]]`},
		{Name: "replacer array", Src: `return JSON.stringify({a: 1, b: 2, 1: 3, c: {a: 4, d: 5}}, ["a", 1, new String("c"), "a", {}]);`, Want: `"{\"a\":1,\"1\":3,\"c\":{\"a\":4}}"`},
		{Name: "space", Src: `return [JSON.stringify([1, {a: []}], null, 2), JSON.stringify({a: 1}, null, new Number(1.9)), JSON.stringify({a: 1}, null, 0), JSON.stringify({a: 1}, null, new String("--"))];`,
			Want: `["[\n  1,\n  {\n    \"a\": []\n  }\n]","{\n \"a\": 1\n}","{\"a\":1}","{\n--\"a\": 1\n}"]`},
		{Name: "boxed primitives", Src: `const n = new Number(3); n.valueOf = () => 4; const s = new String("x"); s.toString = () => "y";
			return JSON.stringify([n, s, new Boolean(false), Object("z")]);`, Want: `"[4,\"y\",false,\"z\"]"`},
		{Name: "proxy traps", Src: `const log = []; const p = new Proxy({a: 1, b: 2}, {
				ownKeys(t) { log.push("ownKeys"); return Reflect.ownKeys(t); },
				getOwnPropertyDescriptor(t, k) { log.push("gopd " + k); return Reflect.getOwnPropertyDescriptor(t, k); },
				get(t, k) { log.push("get " + String(k)); return Reflect.get(t, k); }});
			return [JSON.stringify(p), log];`,
			Want: `["{\"a\":1,\"b\":2}",["get toJSON","ownKeys","gopd a","gopd b","get a","get b"]]`},
		{Name: "proxy of an array", Src: `return JSON.stringify({p: new Proxy([1, [2]], {})});`, Want: `"{\"p\":[1,[2]]}"`},
		{Name: "revoked proxy", Src: `const r = Proxy.revocable([], {}); r.revoke(); assertThrows(() => JSON.stringify(r.proxy), "TypeError"); return 1;`, Want: `1`},
		{Name: "lone surrogates escaped", Src: `return JSON.stringify(["\ud800", "\udfff", "\ud83d\ude00"]);`, Want: `"[\"\\ud800\",\"\\udfff\",\"😀\"]"`},
		{Name: "a getter that throws", Src: `assertThrows(() => JSON.stringify({get a() { throw new RangeError("no"); }}), "RangeError", "no"); return 1;`, Want: `1`},
		{Name: "BigInt with a toJSON", Src: `BigInt.prototype.toJSON = function () { return this.toString() + "n"; }; const s = JSON.stringify({a: 5n}); delete BigInt.prototype.toJSON; return s;`, Want: `"{\"a\":\"5n\"}"`},
		{Name: "a cycle through a replacer's result", Src: `const a = {}; try { JSON.stringify({x: 1}, (k, v) => k === "x" ? a : v); a.self = a; JSON.stringify(a); } catch (e) { return e.message.split("\n").length; }`, Want: `3`},
		{Name: "rawJSON", Src: `return [JSON.stringify({n: JSON.rawJSON("12345678901234567890")}), JSON.isRawJSON(JSON.rawJSON('"x"')), JSON.isRawJSON({rawJSON: "1"})];`,
			Want: `["{\"n\":12345678901234567890}",true,false]`},
		{Name: "rawJSON refuses objects", Src: `assertThrows(() => JSON.rawJSON("{}"), "SyntaxError"); assertThrows(() => JSON.rawJSON(" 1"), "SyntaxError"); assertThrows(() => JSON.rawJSON("tru"), "SyntaxError", "Unexpected end of JSON input"); return 1;`, Want: `1`},
		{Name: "deep nesting", Src: `const s = "[".repeat(5000) + "]".repeat(5000); return JSON.stringify(JSON.parse(s)).length;`, Want: `10000`},
		{Name: "too deep to stringify", Src: `let o = {}; for (let i = 0; i < 30000; i++) o = {o};
			assertThrows(() => JSON.stringify(o), "RangeError", "Maximum call stack size exceeded"); return 1;`, Want: `1`},
		{Name: "functions look built in", Src: `return [JSON.parse.name, JSON.parse.length, JSON.stringify.name, JSON.stringify.length, Object.keys(JSON).length, String(JSON.parse).includes("native code")];`,
			Want: `["parse",2,"stringify",3,0,true]`},
	})
}

// Body.json(), Response.json() and KV go through the same code, and a
// script's own JSON does not reach them (as in workerd).
func TestBodies(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "request.json() error", Src: `try { await new Request("http://x/", {method: "POST", body: "Hello"}).json(); } catch (e) { return e.name + ": " + e.message; }`,
			Want: `"SyntaxError: Unexpected token 'H', \"Hello\" is not valid JSON"`},
		{Name: "response.json() of bytes", Src: `const r = new Response(new TextEncoder().encode('{"é": [1]}')); return await r.json();`, Want: `{"é":[1]}`},
		{Name: "a BOM is dropped, as text() drops it", Src: `return await new Response(new Uint8Array([0xEF, 0xBB, 0xBF, 0x31])).json();`, Want: `1`},
		{Name: "invalid UTF-8 reads as U+FFFD", Src: `return (await new Response(new Uint8Array([0x22, 0xFF, 0x22])).json()).charCodeAt(0);`, Want: `65533`},
		{Name: "Response.json", Src: `const r = Response.json({a: [1, "é"]}); return [await r.text(), r.headers.get("content-type")];`, Want: `["{\"a\":[1,\"é\"]}","application/json"]`},
		// Recorded under wrangler dev 4.86.0: Response.json(undefined) is a
		// response whose body is "undefined".
		{Name: "Response.json(undefined)", Src: `return [await Response.json(undefined).text(), await Response.json(() => 1).text()];`, Want: `["undefined","undefined"]`},
		{Name: "Response.json BigInt", Src: `assertThrows(() => Response.json({a: 1n}), "TypeError", "Do not know how to serialize a BigInt"); return 1;`, Want: `1`},
		{Name: "a script's JSON is not used", Src: `const parse = JSON.parse, stringify = JSON.stringify;
			JSON.parse = () => "mine"; JSON.stringify = () => "mine";
			try { return [await new Response("[1]").json(), await Response.json([2]).text()]; } finally { JSON.parse = parse; JSON.stringify = stringify; }`,
			Want: `[[1],"[2]"]`},
	})
}
