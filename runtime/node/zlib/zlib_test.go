package zlib_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const zlib = __edgedev_import("node:zlib");
const { Buffer } = __edgedev_import("node:buffer");
const err = (f) => { try { f(); return "no error"; } catch (e) { return [e.name, e.message]; } };
`

// The wants marked "workerd" were recorded from wrangler 4.86.0.
func TestZlib(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	cases := []runtimetest.Case{
		// Go's deflate ends with an empty stored block where zlib sets the
		// final bit on the last data block, so only the framing matches
		// zlib's bytes; workerd's: 1f8b0800000000000003cb48cdc9c9070086a6103605000000.
		{Name: "gzip's header and trailer are zlib's (workerd)", Src: `const h = zlib.gzipSync("hello").toString("hex"); return [h.slice(0, 20), h.slice(-16)];`, Want: `["1f8b0800000000000003","86a6103605000000"]`},
		{Name: "deflate's header and adler32 are zlib's (workerd)", Src: `const h = zlib.deflateSync("hello").toString("hex"); return [h.slice(0, 4), h.slice(-8)];`, Want: `["789c","062c0215"]`},
		{Name: "zlib inflates workerd's deflateRaw", Src: `return zlib.inflateRawSync(Buffer.from("cb48cdc9c90700", "hex")).toString();`, Want: `"hello"`},
		{Name: "brotli of hello (workerd)", Src: `return zlib.brotliCompressSync("hello").toString("hex");`, Want: `"0b028068656c6c6f03"`},
		{Name: "round trips", Src: `
			const text = "edge ".repeat(1000);
			return [
				zlib.gunzipSync(zlib.gzipSync(text)).toString() === text,
				zlib.inflateSync(zlib.deflateSync(text, { level: 9 })).toString() === text,
				zlib.inflateRawSync(zlib.deflateRawSync(text)).toString() === text,
				zlib.unzipSync(zlib.gzipSync(text)).toString() === text,
				zlib.unzipSync(zlib.deflateSync(text)).toString() === text,
				zlib.brotliDecompressSync(zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })).toString() === text,
			];`, Want: `[true,true,true,true,true,true]`},
		{Name: "errors as workerd words them", Src: `return [
				err(() => zlib.inflateSync(Buffer.from("hello"))),
				err(() => zlib.gunzipSync(Buffer.from("hello"))),
				err(() => zlib.unzipSync(Buffer.from("hello"))),
				err(() => zlib.inflateRawSync(Buffer.from([0xff, 0xff]))),
				err(() => zlib.gunzipSync(zlib.gzipSync("hello").subarray(0, 10))),
				err(() => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("a"), Buffer.from("junk")]))),
				err(() => zlib.gzipSync(5)),
				err(() => zlib.gzipSync("hello", { level: 11 })),
			];`, Want: `[["Error","incorrect header check"],["Error","incorrect header check"],["Error","incorrect header check"],["Error","invalid block type"],["Error","unexpected end of file"],["Error","incorrect header check"],["TypeError","Failed to execute 'zlibSync' on 'ZlibUtil': parameter 1 is not of type 'string or ArrayBuffer or ArrayBufferView'."],["RangeError","The value of \"options.level\" is out of range. It must be >= -1 and <= 9. Received 11"]]`},
		{Name: "two gzip members are one text", Src: `return zlib.gunzipSync(Buffer.concat([zlib.gzipSync("ab"), zlib.gzipSync("cd")])).toString();`, Want: `"abcd"`},
		{Name: "the callback form", Src: `
			const a = await new Promise((res) => zlib.inflate(Buffer.from("xx"), (e, r) => res(e ? [e.name, e.message] : r)));
			const b = await new Promise((res) => zlib.gzip("hi", (e, r) => res(zlib.gunzipSync(r).toString())));
			return [a, b];`, Want: `[["Error","incorrect header check"],"hi"]`},
		{Name: "crc32 and codes (workerd)", Src: `return [zlib.crc32("hello"), zlib.constants.Z_BEST_COMPRESSION, zlib.codes[-3], zlib.codes.Z_DATA_ERROR];`, Want: `[907060870,9,"Z_DATA_ERROR",-3]`},
		{Name: "streams: gzip then gunzip through pipeline", Src: `
			const { pipeline, Readable, Writable } = __edgedev_import("node:stream");
			const parts = [];
			const text = "stream me ".repeat(5000);
			await new Promise((res, rej) => pipeline(
				Readable.from([text.slice(0, 7000), text.slice(7000)]),
				zlib.createGzip(),
				zlib.createGunzip(),
				new Writable({ write(c, e, cb) { parts.push(c); cb(); } }),
				(e) => (e ? rej(e) : res())));
			return Buffer.concat(parts).toString() === text;`, Want: `true`},
		{Name: "streams: a gunzip of bad data errors", Src: `
			const g = zlib.createGunzip();
			const e = await new Promise((res) => { g.on("error", res); g.end(Buffer.from("not gzip at all")); g.resume(); });
			return e.message;`, Want: `"incorrect header check"`},
		{Name: "streams: a truncated inflate errors at the end", Src: `
			const d = zlib.createInflate();
			const e = await new Promise((res) => { d.on("error", res); d.on("end", () => res("ended")); d.end(zlib.deflateSync("hello world").subarray(0, 5)); d.resume(); });
			return e.message || e;`, Want: `"unexpected end of file"`},
	}
	for i := range cases {
		cases[i].Src = prelude + cases[i].Src
	}
	h.RunCases(t, cases)
}
