import { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } from "node:stream";
import * as sp from "node:stream/promises";
import zlib from "node:zlib";
import crypto from "node:crypto";
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
const scenarios = {
  async readableEvents() {
    const ev = [];
    const r = new Readable({ read() {} });
    for (const n of ["data", "end", "close", "readable", "pause", "resume", "error"]) r.on(n, (x) => ev.push(n + (x !== undefined && n === "data" ? ":" + x : "")));
    r.push("a"); r.push("b"); r.push(null);
    await wait(10);
    return ev;
  },
  async readableNoListener() {
    const r = new Readable({ read() {} });
    r.push("a"); r.push(null);
    await wait(5);
    return [r.readableLength, r.readableEnded, r.readableFlowing, r.destroyed];
  },
  async transformFlush() {
    const ev = [];
    const t = new Transform({ transform(c, e, cb) { ev.push("t:" + c); cb(null, c); }, flush(cb) { ev.push("flush"); cb(null, "F"); } });
    for (const n of ["finish", "end", "close", "prefinish"]) t.on(n, () => ev.push(n));
    t.on("data", (c) => ev.push("data:" + c));
    t.write("x"); t.end("y");
    await wait(10);
    return ev;
  },
  async destroyEvents() {
    const ev = [];
    const w = new Writable({ write(c, e, cb) { cb(); } });
    for (const n of ["finish", "close", "error"]) w.on(n, (e) => ev.push(n + (e ? ":" + e.message : "")));
    w.write("a");
    w.destroy(new Error("x"));
    w.write("b", (err) => ev.push("cb:" + (err && err.code)));
    await wait(10);
    return [ev, w.destroyed, w.writable, w.writableFinished];
  },
  async pipelineError() {
    const ev = [];
    const src = new Readable({ read() { this.push("a"); this.destroy(new Error("src broke")); } });
    const dst = new Writable({ write(c, e, cb) { cb(); } });
    dst.on("close", () => ev.push("dst close"));
    await new Promise((res) => pipeline(src, dst, (err) => { ev.push("cb:" + (err && err.message)); res(); }));
    await wait(5);
    return [ev, dst.destroyed];
  },
  async finishedWritable() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    const p = sp.finished(w).then(() => "done");
    w.end("x");
    return await p;
  },
  async objectModeHwm() {
    const r = new Readable({ objectMode: true, read() {} });
    const res = [];
    for (let i = 0; i < 20; i++) res.push(r.push({ i }));
    return [res.indexOf(false), r.readableHighWaterMark, new Readable().readableHighWaterMark, new Writable().writableHighWaterMark];
  },
  async fromString() {
    const chunks = await Readable.from("hello").toArray();
    const b = await Readable.from(Buffer.from("hi")).toArray();
    return [chunks, b.map((x) => x.toString())];
  },
  async readN() {
    const r = new Readable({ read() {} });
    r.push("abcdef"); r.push(null);
    await wait(1);
    return [String(r.read(2)), String(r.read(10)), String(r.read()), r.read()];
  },
  async gzipStreamChunks() {
    const g = zlib.createGzip();
    const chunks = [];
    g.on("data", (c) => chunks.push(c.length));
    const done = new Promise((r) => g.on("end", r));
    g.write("a".repeat(100)); g.end("b".repeat(100));
    await done;
    return [chunks.length > 0, zlib.gunzipSync(Buffer.concat([])).length === 0 ? "empty-ok" : "?"];
  },
  async gunzipEmpty() { try { return zlib.gunzipSync(Buffer.alloc(0)).length; } catch (e) { return [e.message, e.code]; } },
  async inflateTrailing() { try { return zlib.gunzipSync(Buffer.concat([zlib.gzipSync("a"), Buffer.from("junk")])).toString(); } catch (e) { return e.message; } },
  async hashStream() {
    const h = crypto.createHash("md5");
    h.write("ab"); h.end();
    return h.read().toString("hex");
  },
  async writableCorked() {
    const got = [];
    const w = new Writable({ writev(chunks, cb) { got.push(chunks.map((c) => String(c.chunk))); cb(); }, write(c, e, cb) { got.push(String(c)); cb(); } });
    w.cork(); w.write("a"); w.write("b"); w.uncork(); w.end("c");
    await wait(5);
    return got;
  },
  async duplexHalfOpen() {
    const ev = [];
    const d = new Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
    for (const n of ["end", "finish", "close"]) d.on(n, () => ev.push(n));
    d.resume();
    d.push(null);
    await wait(10);
    return [ev, d.writableEnded];
  },
  async errorCodes() {
    const r = [];
    try { new Readable().read(); } catch (e) { r.push([e.code, e.message]); }
    const rr = new Readable();
    rr.on("error", (e) => r.push(["evt", e.code, e.message]));
    rr.read();
    await wait(5);
    return r;
  },
};
export default {
  async fetch() {
    const out = {};
    for (const [k, f] of Object.entries(scenarios)) { try { out[k] = await f(); } catch (e) { out[k] = { threw: e.name, code: e.code, message: e.message }; } }
    return Response.json(out);
  },
};
