package stream_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const stream = __edgedev_import("node:stream");
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;
const { Buffer } = __edgedev_import("node:buffer");
`

func TestStream(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	cases := []runtimetest.Case{
		{Name: "the module is Stream with the classes on it", Src: `return [typeof stream, stream.Stream === stream, stream.default === stream, typeof stream.promises.pipeline, new Readable() instanceof stream.Stream].join();`, Want: `"function,true,true,function,true"`},
		{Name: "flowing data then end", Src: `
			const r = new Readable({ read() {} });
			const got = [];
			r.on("data", (c) => got.push(c.toString()));
			const done = new Promise((res) => r.on("end", res));
			r.push("a"); r.push("b"); r.push(null);
			await done;
			return got.join("|");`, Want: `"a|b"`},
		{Name: "paused mode read() concatenates", Src: `
			const r = new Readable({ read() {} });
			r.push("ab"); r.push("cd"); r.push(null);
			await new Promise((res) => r.once("readable", res));
			const all = r.read();
			return [all.toString(), r.read()];`, Want: `["abcd",null]`},
		// The order is Node 20's (node -e).
		{Name: "events in Node's order", Src: `
			const ev = [];
			const w = new Writable({ write(c, e, cb) { ev.push("write:" + c); cb(); } });
			for (const n of ["finish", "close", "prefinish"]) w.on(n, () => ev.push(n));
			w.write("x");
			w.end("y", () => ev.push("endcb"));
			await new Promise((res) => w.on("close", res));
			return ev;`, Want: `["write:x","write:y","prefinish","endcb","finish","close"]`},
		{Name: "a transform upper-cases through pipeline", Src: `
			const up = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
			const out = [];
			const sink = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
			await new Promise((res, rej) => pipeline(Readable.from(["a", "b", "c"]), up, sink, (err) => (err ? rej(err) : res())));
			return out.join("");`, Want: `"ABC"`},
		{Name: "stream/promises pipeline rejects with the error", Src: `
			const bad = new Transform({ transform(c, e, cb) { cb(new Error("nope")); } });
			try { await __edgedev_import("node:stream/promises").pipeline(Readable.from(["a"]), bad, new PassThrough()); return "resolved"; }
			catch (e) { return e.message; }`, Want: `"nope"`},
		{Name: "async iteration", Src: `
			const it = Readable.from([1, 2, 3])[Symbol.asyncIterator]();
			const got = [];
			for (let r = await it.next(); !r.done; r = await it.next()) got.push(r.value);
			return got;`, Want: `[1,2,3]`},
		{Name: "write after end", Src: `
			const w = new Writable({ write(c, e, cb) { cb(); } });
			w.end();
			const err = await new Promise((res) => { w.on("error", res); w.write("x"); });
			return [err.code, err.message];`, Want: `["ERR_STREAM_WRITE_AFTER_END","write after end"]`},
		{Name: "push after EOF", Src: `
			const r = new Readable({ read() {} });
			r.push(null);
			const err = await new Promise((res) => { r.on("error", res); r.push("x"); });
			return [err.code, err.message];`, Want: `["ERR_STREAM_PUSH_AFTER_EOF","stream.push() after EOF"]`},
		{Name: "invalid chunk", Src: `
			const w = new Writable({ write(c, e, cb) { cb(); } });
			try { w.write(5); } catch (e) { return [e.name, e.code, e.message]; }`, Want: `["TypeError","ERR_INVALID_ARG_TYPE","The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array. Received type number (5)"]`},
		{Name: "finished after destroy is premature close", Src: `
			const r = new Readable({ read() {} });
			const p = new Promise((res) => finished(r, (err) => res(err && err.code)));
			r.destroy();
			return await p;`, Want: `"ERR_STREAM_PREMATURE_CLOSE"`},
		{Name: "destroy with an error emits error then close", Src: `
			const ev = [];
			const r = new Readable({ read() {} });
			r.on("error", (e) => ev.push("error:" + e.message));
			r.on("close", () => ev.push("close"));
			r.destroy(new Error("boom"));
			await new Promise((res) => r.on("close", res));
			return [ev, r.destroyed, r.errored.message];`, Want: `[["error:boom","close"],true,"boom"]`},
		{Name: "backpressure: write returns false past the highWaterMark and drain follows", Src: `
			const w = new Writable({ highWaterMark: 4, write(c, e, cb) { setTimeout(cb, 1); } });
			const a = w.write("ab"), b = w.write("cde");
			await new Promise((res) => w.once("drain", res));
			return [a, b, w.writableLength];`, Want: `[true,false,0]`},
		{Name: "pipe a readable into a writable", Src: `
			const out = [];
			const w = new Writable({ write(c, e, cb) { out.push(c.toString()); cb(); } });
			Readable.from(["x", "y"]).pipe(w);
			await new Promise((res) => w.on("finish", res));
			return out;`, Want: `["x","y"]`},
		{Name: "setEncoding decodes split characters", Src: `
			const r = new Readable({ read() {} });
			r.setEncoding("utf8");
			const e = Buffer.from("é");
			r.push(e.subarray(0, 1)); r.push(e.subarray(1)); r.push(null);
			return (await r.toArray()).join("");`, Want: `"é"`},
		{Name: "objectMode duplex", Src: `
			const d = new Duplex({ objectMode: true, read() {}, write(c, e, cb) { this.push({ echo: c }); cb(); }, final(cb) { this.push(null); cb(); } });
			d.write({ n: 1 }); d.end({ n: 2 });
			return await d.toArray();`, Want: `[{"echo":{"n":1}},{"echo":{"n":2}}]`},
		{Name: "Readable.toWeb and fromWeb round trip", Src: `
			const web = Readable.toWeb(Readable.from([Buffer.from("he"), Buffer.from("llo")], { objectMode: false }));
			const text = await new Response(web).text();
			const back = Readable.fromWeb(new Response("web body").body);
			const s = (await back.toArray()).map((c) => Buffer.from(c).toString()).join("");
			return [text, s];`, Want: `["hello","web body"]`},
		{Name: "Writable.toWeb", Src: `
			const got = [];
			const ws = Writable.toWeb(new Writable({ write(c, e, cb) { got.push(Buffer.from(c).toString()); cb(); } }));
			await new Response("abc").body.pipeTo(ws);
			return got.join("");`, Want: `"abc"`},
		{Name: "pipeline with an async generator", Src: `
			const out = [];
			await __edgedev_import("node:stream/promises").pipeline(
				Readable.from(["a", "b"]),
				(src) => src.map((c) => c + c),
				new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }));
			return out;`, Want: `["aa","bb"]`},
		{Name: "stream/web has the web classes", Src: `const w = __edgedev_import("node:stream/web"); return w.ReadableStream === ReadableStream && w.TransformStream === TransformStream;`, Want: `true`},
	}
	for i := range cases {
		cases[i].Src = prelude + cases[i].Src
	}
	h.RunCases(t, cases)
}
