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
]
