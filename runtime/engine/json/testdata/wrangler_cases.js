// The cases of wrangler_expected.json, run under wrangler dev 4.86.0 (workerd 2026-04-26)
// by a worker whose /parse and /stringify routes answered Response.json(parseResults())
// and Response.json(stringifyResults()); json_test.go runs them in edgedev.
const parseCases = [
  "Hello", "", " ", "{", "[", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "{\"a\":1,\"b\" 2}",
  "\"abc", "\"a\u0001\"", "\"\\x\"", "\"\\u12G4\"", "\"\\u00", "-", "-a", "01", "-01", "1.", "1.e5", "1e", "1e+", "1E-x",
  "tru", "nul", "falsE", "truex", "undefined", "NaN", "Infinity", "[object Object]", "{\"a\":1} x", "1 2",
  "\n\n  {\"a\":\n 1,\n}", "\r\n{\r\n\"a\" 1}", "{\"abcdefghijklmnop\": tru, \"x\": 1}", "x{\"abcdefghijklmnopqrstu\": 1}",
  "{\"abcdefghijklmnopqrstu\": 1}x", "\"\u00e9\\\u00e9\"", "\"\\\u20ac\"", "\u20ac", "{\"\u00e9\": x}", "[1,2", "{\"a\":",
  "{\"a\":1}}", "[-]", "{'a':1}", "{a:1}", "[1,,2]", "\"\\", "{\"a\":1,\"b\":2,}", "[\"\ud83d\ude00\", x]",
  "{\"k\":\"\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\" x}", "\ufeff{}", "{\"a\":1}\u00a0",
  "[1]\n\n]", "123abc", "0x10", ".5", "+1", "[true,fals]", "\"\t\"", "{\"a\"}", "{,}", "[,]", ":", "}", "]",
  "\"abc\" \"def\"", "[\"a\" \"b\"]", "{\"a\":1 , }", "nulL", "{\"\":1,\"\":", "\"\\ud800\"x",
];
function err(f) { try { f(); return "no error"; } catch (e) { return e.name + ": " + e.message; } }
function parseResults() { return parseCases.map((c) => [c, err(() => JSON.parse(c))]); }
function stringifyResults() {
      const out = [];
      const t = (name, f) => out.push([name, err(() => { const r = f(); throw { name: "ok", message: String(r) }; })]);
      t("obj cycle", () => { const a = {}; a.b = { c: a }; return JSON.stringify(a); });
      t("self", () => { const a = {}; a.a = a; return JSON.stringify(a); });
      t("array self", () => { const a = []; a.push(a); return JSON.stringify(a); });
      t("array nested", () => { const a = [{}]; a[0].x = a; return JSON.stringify({ root: a }); });
      t("class", () => { class Foo { constructor() { this.me = this; } } return JSON.stringify(new Foo()); });
      t("null proto", () => { const o = Object.create(null); o.x = { y: o }; return JSON.stringify(o); });
      t("long", () => { const a = { n: 0 }; let c = a; for (let i = 1; i < 7; i++) { c.next = { n: i }; c = c.next; } c.back = a; return JSON.stringify(a); });
      t("long3", () => { const a = {}; a.b = {}; a.b.c = {}; a.b.c.d = a; return JSON.stringify(a); });
      t("long4", () => { const a = {}; a.b = {}; a.b.c = {}; a.b.c.d = {}; a.b.c.d.e = a; return JSON.stringify(a); });
      t("empty key", () => { const a = {}; a[""] = a; return JSON.stringify(a); });
      t("deep start", () => { const a = { x: {} }; a.x.y = a.x; return JSON.stringify(a); });
      t("map", () => { const m = new Map(); const o = { m }; m.o = o; return JSON.stringify(o); });
      t("bigint", () => JSON.stringify({ a: 1n }));
      t("bigint top", () => JSON.stringify(1n));
      t("bigint obj", () => JSON.stringify(Object(1n)));
      t("neg zero", () => JSON.stringify([-0, 0, -0.0, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, -1e-7, 5e-324]));
      t("surrogates", () => JSON.stringify("\ud800 \udc00 \ud83d\ude00 \u2028\u2029 \u0000\u001f\u007f"));
      t("space", () => JSON.stringify({ a: [1, { b: 2 }], c: [] , d: {}}, null, 20));
      t("space str", () => JSON.stringify({ a: [1] }, null, "abcdefghijklmn"));
      t("keys order", () => JSON.stringify({ b: 1, 2: 1, a: 1, 1: 1, "-1": 1, "01": 1 }));
      t("proto key", () => JSON.stringify(JSON.parse('{"__proto__": 1, "a": {"__proto__": []}}')));
      t("parse proto own", () => Object.getPrototypeOf(JSON.parse('{"__proto__": null}')) === Object.prototype);
      t("dup keys", () => JSON.stringify(JSON.parse('{"a":1,"b":2,"a":3}')));
      t("lone key", () => JSON.stringify({ "\ud800": 1 }));
      t("response json bigint", () => Response.json({ a: 1n }));
      t("response json undefined", () => Response.json(undefined));
      t("response json fn", () => Response.json(() => 1));
      return out;
}
