// Cases for the smaller modules, [name, fn(require)]: each result is
// util.inspect-ed, a throw recorded as "THROWS name code: message".
// record_modules.js runs them under Node (v20.20.2); modules_test.go
// under edgedev. Results that depend on workerd rather than Node are in
// modules_workerd.json (recorded with wrangler 4.86.0).
[
  ["string_decoder utf8 split", (req) => { const { StringDecoder } = req("string_decoder"); const d = new StringDecoder("utf8"); const b = Buffer.from("h€llo😀"); return [d.write(b.subarray(0, 2)), d.write(b.subarray(2, 3)), d.write(b.subarray(3, 8)), d.write(b.subarray(8, 10)), d.end(b.subarray(10))]; }],
  ["string_decoder utf8 invalid", (req) => { const { StringDecoder } = req("string_decoder"); const d = new StringDecoder(); return [d.write(Buffer.from([0xe2, 0x82])), d.write(Buffer.from([0x41])), d.end(Buffer.from([0xf0]))]; }],
  ["string_decoder utf16le", (req) => { const { StringDecoder } = req("string_decoder"); const d = new StringDecoder("utf16le"); const b = Buffer.from("a😀b", "utf16le"); return [d.write(b.subarray(0, 3)), d.write(b.subarray(3, 5)), d.write(b.subarray(5)), d.end()]; }],
  ["string_decoder base64", (req) => { const { StringDecoder } = req("string_decoder"); const d = new StringDecoder("base64"); return [d.write(Buffer.from("ab")), d.write(Buffer.from("cd")), d.end()]; }],
  ["string_decoder hex and latin1", (req) => { const { StringDecoder } = req("string_decoder"); return [new StringDecoder("hex").write(Buffer.from([1, 255])), new StringDecoder("latin1").end(Buffer.from([0xe9])), new StringDecoder("utf-8").encoding, new StringDecoder("UCS2").encoding]; }],
  ["string_decoder bad encoding", (req) => { const { StringDecoder } = req("string_decoder"); return new StringDecoder("nope"); }],
  ["querystring parse", (req) => { const qs = req("querystring"); return [qs.parse("a=1&b=2&a=3&c&d=&e=x%20y+z&%E2%82%AC=%E2%82%AC"), qs.parse("a:1;b:2", ";", ":"), qs.parse("a=1&b=2&c=3", null, null, { maxKeys: 2 }), qs.parse("bad=%E2%82&x=%zz"), qs.parse("")]; }],
  ["querystring stringify", (req) => { const qs = req("querystring"); return [qs.stringify({ a: [1, 2], b: "x y", c: true, d: null, e: undefined, f: NaN, g: "€", h: 3n, "k k": "v" }), qs.stringify({ a: 1, b: 2 }, ";", ":"), qs.stringify("str"), qs.encode({ x: 1 })]; }],
  ["querystring escape", (req) => { const qs = req("querystring"); return [qs.escape("a b&c/€"), qs.unescape("a%20b+c%E2%82%AC"), qs.unescape("%zz%41"), qs.unescapeBuffer("%41+b", true).toString()]; }],
  ["url parse", (req) => { const url = req("url"); return ["http://user:pw@Example.COM:8080/p/a/t/h?query=string#hash", "/p?x=1&y=2", "//host/path", "mailto:a@b.c", "HTTP://x.com", "foo/bar", "http://x.com\\a\\b", " http://x.com/a b "].map((u) => ({ ...url.parse(u) })); }],
  ["url parse query and slashes", (req) => { const url = req("url"); return [{ ...url.parse("http://a.com/?a=1&a=2&b", true) }.query, { ...url.parse("//host/p", false, true) }]; }],
  ["url format", (req) => { const url = req("url"); return [url.format({ protocol: "https", hostname: "example.com", pathname: "/some/path", query: { page: 1, format: "json" } }), url.format({ protocol: "http:", host: "a.com:80", hash: "h", search: "?q=1", auth: "u:p@x" }), url.format("http://a.com/x?y#z"), url.format(new URL("http://u:p@b.com/a?b#c"), { fragment: false, auth: false, search: false })]; }],
  ["url resolve", (req) => { const url = req("url"); return [url.resolve("/one/two/three", "four"), url.resolve("http://example.com/", "/one"), url.resolve("http://example.com/one", "/two"), url.resolve("http://a.com/b/c", "../d"), url.resolve("http://a.com/b?x", "?y")]; }],
  ["url file paths", (req) => { const url = req("url"); return [url.fileURLToPath("file:///a/b%20c"), url.pathToFileURL("/x y/#z").href, url.pathToFileURL("/dir/").href, url.urlToHttpOptions(new URL("http://u:p@a.com:81/p?q"))]; }],
  ["url file path errors", (req) => { const url = req("url"); const out = []; for (const f of [() => url.fileURLToPath("http://a.com"), () => url.fileURLToPath("file://host/a"), () => url.fileURLToPath("file:///a%2Fb"), () => url.fileURLToPath(5), () => url.pathToFileURL(5)]) { try { f(); } catch (e) { out.push(e.code + ": " + e.message); } } return out; }],
  ["url domains and globals", (req) => { const url = req("url"); return [url.domainToASCII("español.com"), url.domainToUnicode("xn--espaol-zwa.com"), url.URL === URL, url.URLSearchParams === URLSearchParams]; }],
  ["assert messages", (req) => { const assert = req("assert"); const out = []; for (const f of [
    () => assert.strictEqual(1, 2), () => assert.strictEqual("a", "b", "custom message"), () => assert.equal(1, 2), () => assert.notStrictEqual(1, 1),
    () => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 2, b: [1, 2] }), () => assert.deepEqual([1, 2, 3], [1, 2, 4]), () => assert.ok(false), () => assert(0),
    () => assert.ok(null, "nope"), () => assert.fail(), () => assert.fail("boom"), () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }),
    () => assert.match("abc", /x/), () => assert.doesNotMatch("abc", /b/), () => assert.throws(() => {}), () => assert.throws(() => { throw new Error("e"); }, /x/),
    () => assert.doesNotThrow(() => { throw new Error("inner"); }), () => assert.strictEqual({ a: 1 }, { a: 1 }), () => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 0, 6, 7, 8]),
    () => assert.deepStrictEqual("a\nb\nc", "a\nB\nc"), () => assert.strictEqual(NaN, 0), () => assert.ifError(new Error("if")), () => assert.ifError("str"),
    () => assert.throws(() => { throw new TypeError("t"); }, RangeError), () => assert.throws(() => { throw new Error("x"); }, { message: "y" }),
  ]) { try { f(); out.push("no throw"); } catch (e) { out.push([e.name, e.code, e.message, e.operator, e.generatedMessage]); } } return out; }],
  ["assert passes", (req) => { const assert = req("assert"); const s = req("assert/strict"); assert.deepEqual({ a: 1 }, { a: "1" }); assert.deepStrictEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]])); assert.throws(() => { throw new TypeError("m"); }, TypeError); assert.throws(() => { throw new Error("abc"); }, /b/); assert.throws(() => { throw new Error("x"); }, { message: "x", name: "Error" }); s.equal(1, 1); assert.notDeepEqual({ a: 1 }, { a: 2 }); return [typeof assert.AssertionError, s.strict === s, assert.strict === s, typeof s.rejects, s.equal === s.strictEqual, new assert.AssertionError({ actual: 1, expected: 2, operator: "strictEqual" }).message]; }],
]
