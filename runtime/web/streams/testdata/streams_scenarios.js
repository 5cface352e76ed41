// Stream scenarios whose event logs must match Node's (a port of the Streams
// Standard's reference implementation): the order of start/pull/write calls,
// reads and promise settlements is the spec's, not an accident. Each
// scenario is an async function returning a log array. No timers: every
// scenario settles within microtasks.
//
// Regenerate the expected logs with:
//   node runtime/web/streams/testdata/streams_scenarios.js > runtime/web/streams/testdata/streams_node20.json
// res prints a read or iteration result without relying on key order,
// which differs between implementations.
const res = (r) => (r.done ? "done" : "value") + " " + r.value;

const scenarios = {
  async "read loop with chunks enqueued in start"() {
    const log = [];
    const rs = new ReadableStream({
      start(c) { log.push("start " + c.desiredSize); c.enqueue("a"); c.enqueue("b"); log.push("desired " + c.desiredSize); c.close(); },
      pull() { log.push("pull (never: closed)"); },
    });
    const reader = rs.getReader();
    log.push("locked " + rs.locked);
    reader.closed.then(() => log.push("closed resolved"));
    for (;;) {
      const { value, done } = await reader.read();
      log.push(done ? "done " + value : "value " + value);
      if (done) break;
    }
    reader.releaseLock();
    log.push("locked " + rs.locked);
    return log;
  },

  async "pull is driven by desiredSize and pending reads"() {
    const log = [];
    let n = 0;
    const rs = new ReadableStream({
      start() { log.push("start"); },
      pull(c) {
        log.push("pull " + n + " desired " + c.desiredSize);
        c.enqueue(n++);
        if (n === 5) c.close();
      },
    }, { highWaterMark: 2 });
    const reader = rs.getReader();
    await Promise.resolve();
    log.push("after start tick");
    const reads = [reader.read(), reader.read(), reader.read()];
    log.push("three reads issued");
    for (const r of await Promise.all(reads)) log.push("got " + r.value);
    let r;
    while (!(r = await reader.read()).done) log.push("got " + r.value);
    log.push("done");
    return log;
  },

  async "pull returning a promise is not called again until it settles"() {
    const log = [];
    let release;
    const rs = new ReadableStream({
      pull(c) {
        log.push("pull");
        return new Promise((res) => { release = () => { c.enqueue("x"); res(); }; });
      },
    }, { highWaterMark: 0 });
    const reader = rs.getReader();
    const p1 = reader.read();
    const p2 = reader.read();
    await Promise.resolve(); await Promise.resolve();
    log.push("pending reads, pulls so far logged");
    release();
    log.push("first: " + res(await p1));
    await Promise.resolve();
    release();
    log.push("second: " + res(await p2));
    return log;
  },

  async "errors reach readers and closed"() {
    const log = [];
    let ctrl;
    const rs = new ReadableStream({ start(c) { ctrl = c; c.enqueue(1); } });
    const reader = rs.getReader();
    reader.closed.catch((e) => log.push("closed rejected " + e.message));
    log.push("read " + (await reader.read()).value);
    const pending = reader.read();
    ctrl.error(new Error("boom"));
    try { await pending; } catch (e) { log.push("read rejected " + e.message); }
    try { await reader.read(); } catch (e) { log.push("later read rejected " + e.message); }
    log.push("desiredSize " + ctrl.desiredSize);
    try { ctrl.enqueue(2); } catch (e) { log.push("enqueue after error: " + e.name); }
    return log;
  },

  async "cancel reaches the source and resolves pending reads"() {
    const log = [];
    const rs = new ReadableStream({
      pull() { log.push("pull"); return new Promise(() => {}); },
      cancel(reason) { log.push("cancel " + reason); return "ignored"; },
    });
    const reader = rs.getReader();
    const pending = reader.read();
    const c = await reader.cancel("why");
    log.push("cancel resolved " + c);
    log.push("pending " + res(await pending));
    log.push("after " + res(await reader.read()));
    try { await rs.cancel(); } catch (e) { log.push("cancel while locked: " + e.name); }
    reader.releaseLock();
    try { await reader.read(); } catch (e) { log.push("read after release: " + e.name); }
    log.push("cancel of closed stream " + (await rs.cancel("x")));
    return log;
  },

  async "tee delivers to both branches and cancels the source only when both cancel"() {
    const log = [];
    const rs = new ReadableStream({
      start(c) { c.enqueue("a"); c.enqueue("b"); },
      pull(c) { log.push("source pull"); },
      cancel(reason) { log.push("source cancel " + JSON.stringify(reason)); },
    });
    const [b1, b2] = rs.tee();
    log.push("source locked " + rs.locked);
    const r1 = b1.getReader(), r2 = b2.getReader();
    log.push("b1 " + (await r1.read()).value);
    log.push("b1 " + (await r1.read()).value);
    log.push("b2 " + (await r2.read()).value);
    const c1 = r1.cancel("one");
    log.push("b2 " + (await r2.read()).value);
    await r2.cancel("two");
    await c1;
    log.push("both canceled");
    return log;
  },

  async "tee forwards errors"() {
    const log = [];
    let ctrl;
    const rs = new ReadableStream({ start(c) { ctrl = c; } });
    const [b1, b2] = rs.tee();
    const r1 = b1.getReader(), r2 = b2.getReader();
    const p1 = r1.read(), p2 = r2.read();
    ctrl.error(new TypeError("bad"));
    for (const p of [p1, p2]) {
      try { await p; } catch (e) { log.push(e.name + " " + e.message); }
    }
    return log;
  },

  async "writer backpressure and ready"() {
    const log = [];
    const resolvers = [];
    const ws = new WritableStream({
      start() { log.push("sink start"); },
      write(chunk) { log.push("sink write " + chunk); return new Promise((r) => resolvers.push(r)); },
      close() { log.push("sink close"); },
    }, new CountQueuingStrategy({ highWaterMark: 2 }));
    const w = ws.getWriter();
    log.push("desired " + w.desiredSize);
    let readyCount = 0;
    const watchReady = () => { const n = ++readyCount; w.ready.then(() => log.push("ready " + n)); };
    watchReady();
    const writes = [w.write("a"), w.write("b"), w.write("c")];
    log.push("desired after 3 writes " + w.desiredSize);
    watchReady();
    writes.forEach((p, i) => p.then(() => log.push("write " + i + " done")));
    await Promise.resolve(); await Promise.resolve();
    while (resolvers.length) { resolvers.shift()(); await Promise.resolve(); await Promise.resolve(); await Promise.resolve(); }
    log.push("desired " + w.desiredSize);
    await w.close();
    log.push("closed; desired " + w.desiredSize);
    await w.closed;
    log.push("writer.closed resolved");
    return log;
  },

  async "write errors error the stream"() {
    const log = [];
    const ws = new WritableStream({
      write(chunk) { if (chunk === "bad") throw new Error("sink refused " + chunk); log.push("wrote " + chunk); },
      abort(reason) { log.push("abort called (never: already errored)"); },
    });
    const w = ws.getWriter();
    w.closed.catch((e) => log.push("closed rejected: " + e.message));
    await w.write("ok");
    try { await w.write("bad"); } catch (e) { log.push("write rejected: " + e.message); }
    try { await w.write("after"); } catch (e) { log.push("next write rejected: " + e.message); }
    log.push("desired " + w.desiredSize);
    try { await w.close(); } catch (e) { log.push("close rejected: " + e.name); }
    return log;
  },

  async "abort while a write is in flight"() {
    const log = [];
    let finishWrite;
    const ws = new WritableStream({
      write(chunk) { log.push("write " + chunk); return new Promise((r) => { finishWrite = r; }); },
      abort(reason) { log.push("sink abort " + reason); },
      close() { log.push("sink close (never)"); },
    });
    const w = ws.getWriter();
    const p1 = w.write(1);
    const p2 = w.write(2);
    await Promise.resolve();
    const ab = w.abort("stop");
    p1.then(() => log.push("write 1 fulfilled"), (e) => log.push("write 1 rejected " + e));
    p2.then(() => log.push("write 2 fulfilled"), (e) => log.push("write 2 rejected " + e));
    w.closed.then(() => log.push("closed fulfilled"), (e) => log.push("closed rejected " + e));
    w.ready.then(() => log.push("ready fulfilled"), (e) => log.push("ready rejected " + e));
    await Promise.resolve();
    log.push("finishing write 1");
    finishWrite();
    await ab;
    log.push("abort resolved");
    return log;
  },

  async "close and releaseLock"() {
    const log = [];
    const ws = new WritableStream({ close() { log.push("sink close"); } });
    const w = ws.getWriter();
    const closing = w.close();
    try { await w.write("late"); } catch (e) { log.push("write after close: " + e.name); }
    try { await w.close(); } catch (e) { log.push("close twice: " + e.name); }
    await closing;
    w.releaseLock();
    try { await w.closed; } catch (e) { log.push("closed after release: " + e.name); }
    try { w.desiredSize; } catch (e) { log.push("desiredSize after release: " + e.name); }
    const w2 = ws.getWriter();
    log.push("new writer desired " + w2.desiredSize);
    await w2.closed;
    log.push("new writer sees closed");
    return log;
  },

  async "pipeTo moves every chunk in order and closes the destination"() {
    const log = [];
    let i = 0;
    const rs = new ReadableStream({
      pull(c) { log.push("pull " + i); c.enqueue(i++); if (i === 4) c.close(); },
    });
    const ws = new WritableStream({
      write(chunk) { log.push("write " + chunk); return Promise.resolve(); },
      close() { log.push("close"); },
    });
    await rs.pipeTo(ws);
    log.push("piped; source locked " + rs.locked + ", dest locked " + ws.locked);
    return log;
  },

  async "pipeTo respects backpressure of a slow sink"() {
    const log = [];
    const pending = [];
    let i = 0;
    const rs = new ReadableStream({
      pull(c) { log.push("pull " + i + " desired " + c.desiredSize); c.enqueue(i++); if (i === 5) c.close(); },
    }, { highWaterMark: 1 });
    const ws = new WritableStream({
      write(chunk) { log.push("write " + chunk); return new Promise((r) => pending.push(r)); },
      close() { log.push("close"); },
    }, { highWaterMark: 1 });
    const done = rs.pipeTo(ws).then(() => log.push("pipe resolved"));
    for (let k = 0; k < 20; k++) {
      await Promise.resolve();
      if (k % 4 === 3 && pending.length) { log.push("sink finishes a write"); pending.shift()(); }
    }
    while (pending.length) { pending.shift()(); for (let k = 0; k < 4; k++) await Promise.resolve(); }
    await done;
    return log;
  },

  async "pipeTo propagates errors both ways"() {
    const log = [];
    {
      let ctrl;
      const rs = new ReadableStream({ start(c) { ctrl = c; } });
      const ws = new WritableStream({ abort(r) { log.push("dest aborted: " + r.message); } });
      const p = rs.pipeTo(ws);
      ctrl.error(new Error("source failed"));
      try { await p; } catch (e) { log.push("pipe rejected: " + e.message); }
    }
    {
      const rs = new ReadableStream({ start(c) { c.enqueue("x"); }, cancel(r) { log.push("source canceled: " + r.message); } });
      const ws = new WritableStream({ write() { throw new Error("dest failed"); } });
      try { await rs.pipeTo(ws); } catch (e) { log.push("pipe rejected: " + e.message); }
    }
    {
      const rs = new ReadableStream({ start(c) { c.close(); } });
      const ws = new WritableStream({ close() { log.push("close (never: preventClose)"); } });
      await rs.pipeTo(ws, { preventClose: true });
      log.push("preventClose: dest still writable, locked " + ws.locked);
      const w = ws.getWriter();
      await w.write("still works");
      log.push("wrote after pipe");
    }
    {
      let ctrl;
      const rs = new ReadableStream({ start(c) { ctrl = c; } });
      const ws = new WritableStream({ abort() { log.push("abort (never: preventAbort)"); } });
      const p = rs.pipeTo(ws, { preventAbort: true });
      ctrl.error(new Error("e2"));
      try { await p; } catch (e) { log.push("preventAbort pipe rejected: " + e.message); }
    }
    {
      const rs = new ReadableStream();
      const ws = new WritableStream();
      await ws.getWriter().close();
      const rs2 = new ReadableStream({ cancel(r) { log.push("canceled because dest closed: " + r.name); } });
      try { await rs2.pipeTo(ws); } catch (e) { log.push("pipe to closed dest: " + e.name); }
      void rs;
    }
    return log;
  },

  async "pipeThrough a TransformStream"() {
    const log = [];
    const upper = new TransformStream({
      start() { log.push("transform start"); },
      transform(chunk, c) { log.push("transform " + chunk); c.enqueue(chunk.toUpperCase()); c.enqueue("|"); },
      flush(c) { log.push("flush"); c.enqueue("!"); },
    });
    const rs = new ReadableStream({ start(c) { c.enqueue("ab"); c.enqueue("cd"); c.close(); } });
    const out = rs.pipeThrough(upper);
    const reader = out.getReader();
    let s = "", r;
    while (!(r = await reader.read()).done) { log.push("read " + r.value); s += r.value; }
    log.push("result " + s);
    return log;
  },

  async "TransformStream backpressure, terminate and error"() {
    const log = [];
    const ts = new TransformStream({ transform(chunk, c) { c.enqueue(chunk * 2); } }, undefined, { highWaterMark: 1 });
    const w = ts.writable.getWriter();
    log.push("writable desired " + w.desiredSize + ", readable desired " + 1);
    const p1 = w.write(1);
    await Promise.resolve(); await Promise.resolve(); await Promise.resolve();
    log.push("after 1 write desired " + w.desiredSize);
    const p2 = w.write(2);
    p2.then(() => log.push("write 2 done"));
    await Promise.resolve(); await Promise.resolve();
    const reader = ts.readable.getReader();
    log.push("read " + (await reader.read()).value);
    await p1;
    log.push("read " + (await reader.read()).value);
    await p2;

    const t2 = new TransformStream({ start(c) { c.terminate(); } });
    const w2 = t2.writable.getWriter();
    try { await w2.write("x"); } catch (e) { log.push("write after terminate: " + e.name); }
    log.push("readable after terminate done " + (await t2.readable.getReader().read()).done);

    const t3 = new TransformStream({ transform() { throw new RangeError("nope"); } });
    const w3 = t3.writable.getWriter();
    const r3 = t3.readable.getReader();
    const pendingRead = r3.read(); // the readable must want data before a write goes through
    try { await w3.write(1); } catch (e) { log.push("transform threw: " + e.name); }
    try { await pendingRead; } catch (e) { log.push("readable errored: " + e.message); }
    return log;
  },

  async "identity TransformStream and readable cancel"() {
    const log = [];
    const ts = new TransformStream({ cancel(r) { log.push("transformer cancel " + r); } });
    const w = ts.writable.getWriter();
    w.write("a");
    const reader = ts.readable.getReader();
    log.push("read " + (await reader.read()).value);
    await reader.cancel("bye");
    try { await w.write("b"); } catch (e) { log.push("write after cancel rejected: " + e); }
    return log;
  },

  async "async iteration"() {
    const log = [];
    const rs = new ReadableStream({ start(c) { for (const x of [1, 2, 3]) c.enqueue(x); c.close(); } });
    const it = rs[Symbol.asyncIterator]();
    let r;
    while (!(r = await it.next()).done) log.push("value " + r.value);
    log.push("done, locked " + rs.locked);
    const rs2 = new ReadableStream({
      start(c) { c.enqueue("a"); c.enqueue("b"); },
      cancel(reason) { log.push("canceled with " + reason); },
    });
    const it2 = rs2.values();
    log.push("first " + (await it2.next()).value);
    log.push("return " + res(await it2.return("early")));
    log.push("after return " + res(await it2.next()) + " locked " + rs2.locked);
    const rs3 = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { log.push("never canceled"); } });
    const it3 = rs3.values({ preventCancel: true });
    await it3.next();
    await it3.return();
    log.push("preventCancel: locked " + rs3.locked + ", next read " + (await rs3.getReader().read()).value);
    const [x, y] = await Promise.all([it.next(), it.next()]);
    log.push("finished iterator " + x.done + " " + y.done);
    return log;
  },

  async "ReadableStream.from"() {
    const log = [];
    const collect = async (rs) => { const out = []; const r = rs.getReader(); let x; while (!(x = await r.read()).done) out.push(x.value); return out.join(","); };
    log.push("array " + (await collect(ReadableStream.from([1, 2, 3]))));
    log.push("promises " + (await collect(ReadableStream.from([Promise.resolve("p"), "q"]))));
    log.push("generator " + (await collect(ReadableStream.from((function* () { yield "g1"; yield "g2"; })()))));
    let i = 0;
    const asyncIt = { [Symbol.asyncIterator]() { return { next() { i++; return Promise.resolve(i > 2 ? { done: true } : { value: "a" + i, done: false }); }, return(v) { log.push("return called " + v); return Promise.resolve({ done: true }); } }; } };
    log.push("async " + (await collect(ReadableStream.from(asyncIt))));
    i = 0;
    const r = ReadableStream.from(asyncIt).getReader();
    await r.read();
    await r.cancel("stop");
    log.push("from a stream " + (await collect(ReadableStream.from(ReadableStream.from(["s"])))));
    try { ReadableStream.from(5); } catch (e) { log.push("not iterable: " + e.name); }
    try { await collect(ReadableStream.from({ [Symbol.asyncIterator]() { return { next() { return 5; } }; } })); } catch (e) { log.push("bad next result: " + e.name); }
    return log;
  },

  async "queuing strategies"() {
    const log = [];
    const count = new CountQueuingStrategy({ highWaterMark: 3 });
    const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 10 });
    log.push("count " + count.highWaterMark + " size " + count.size() + " name " + count.size.name);
    log.push("bytes " + bytes.highWaterMark + " size " + bytes.size(new Uint8Array(7)) + " same fn " + (bytes.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size));
    let ctrl;
    new ReadableStream({ start(c) { ctrl = c; } }, bytes);
    log.push("desired " + ctrl.desiredSize);
    ctrl.enqueue(new Uint8Array(4));
    log.push("desired " + ctrl.desiredSize);
    ctrl.enqueue(new Uint8Array(8));
    log.push("desired " + ctrl.desiredSize);
    let c2;
    new ReadableStream({ start(c) { c2 = c; } }, { highWaterMark: 2, size(chunk) { return chunk.length; } });
    c2.enqueue("abc");
    log.push("custom size desired " + c2.desiredSize);
    try { c2.enqueue({ length: -1 }); } catch (e) { log.push("negative size: " + e.name); }
    try { new CountQueuingStrategy(); } catch (e) { log.push("no init: " + e.name); }
    try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { log.push("negative hwm: " + e.name); }
    try { new ReadableStream({}, { highWaterMark: NaN }); } catch (e) { log.push("NaN hwm: " + e.name); }
    return log;
  },

  async "text encoder and decoder streams"() {
    const log = [];
    const bytes = new TextEncoder().encode("héllo 😀!");
    const rs = new ReadableStream({ start(c) { for (const b of bytes) c.enqueue(new Uint8Array([b])); c.close(); } });
    const reader = rs.pipeThrough(new TextDecoderStream()).getReader();
    let s = "", r;
    while (!(r = await reader.read()).done) s += r.value;
    log.push("decoded " + s);
    const parts = ["a\uD83D", "\uDE00b", "\uD83D"];
    const rs2 = new ReadableStream({ start(c) { for (const p of parts) c.enqueue(p); c.close(); } });
    const r2 = rs2.pipeThrough(new TextEncoderStream()).getReader();
    const out = [];
    while (!(r = await r2.read()).done) out.push(Array.from(r.value).join(" "));
    log.push("encoded " + out.join(" | "));
    const tds = new TextDecoderStream("utf-16le", { fatal: true });
    log.push("decoder stream " + tds.encoding + " " + tds.fatal + " " + tds.ignoreBOM + " encoder " + new TextEncoderStream().encoding);
    return log;
  },

  async "byte stream read by default and BYOB readers"() {
    const log = [];
    const rs = new ReadableStream({
      type: "bytes",
      start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); },
    });
    const reader = rs.getReader({ mode: "byob" });
    const r1 = await reader.read(new Uint8Array(2));
    log.push("byob " + Array.from(r1.value).join(",") + " done " + r1.done);
    const r2 = await reader.read(new Uint8Array(10));
    log.push("byob " + Array.from(r2.value).join(",") + " done " + r2.done);
    const r3 = await reader.read(new Uint8Array(4));
    log.push("byob end " + r3.value.byteLength + " done " + r3.done);
    const rs2 = new ReadableStream({ type: "bytes", pull(c) { c.enqueue(new Uint8Array([9])); c.close(); } });
    const dr = rs2.getReader();
    log.push("default read " + Array.from((await dr.read()).value) + " then done " + (await dr.read()).done);
    try { new ReadableStream().getReader({ mode: "byob" }); } catch (e) { log.push("byob on default stream: " + e.name); }
    let bc;
    new ReadableStream({ type: "bytes", start(c) { bc = c; } });
    try { bc.enqueue("str"); } catch (e) { log.push("enqueue string: " + e.name); }
    log.push("byobRequest " + bc.byobRequest);
    return log;
  },

  async "argument checks"() {
    const log = [];
    const tryIt = (what, f) => { try { f(); log.push(what + ": no error"); } catch (e) { log.push(what + ": " + e.name); } };
    tryIt("source not object", () => new ReadableStream(5));
    tryIt("pull not function", () => new ReadableStream({ pull: 5 }));
    tryIt("bad type", () => new ReadableStream({ type: "nope" }));
    tryIt("start throws", () => new ReadableStream({ start() { throw new SyntaxError("s"); } }));
    tryIt("sink type", () => new WritableStream({ type: "x" }));
    tryIt("transformer readableType", () => new TransformStream({ readableType: "bytes" }));
    tryIt("reader on non-stream", () => new ReadableStreamDefaultReader({}));
    tryIt("second reader", () => { const rs = new ReadableStream(); rs.getReader(); rs.getReader(); });
    tryIt("bad mode", () => new ReadableStream().getReader({ mode: "x" }));
    tryIt("controller constructor", () => new ReadableStreamDefaultController());
    tryIt("locked getter on plain object", () => Object.getOwnPropertyDescriptor(ReadableStream.prototype, "locked").get.call({}));
    tryIt("pipeThrough bad pair", () => new ReadableStream().pipeThrough({}));
    tryIt("pipeThrough locked", () => { const rs = new ReadableStream(); rs.getReader(); rs.pipeThrough(new TransformStream()); });
    tryIt("writer on locked", () => { const ws = new WritableStream(); ws.getWriter(); ws.getWriter(); });
    tryIt("call without new", () => ReadableStream());
    const p = new ReadableStream().pipeTo({});
    await p.catch((e) => log.push("pipeTo non-writable rejects: " + e.name));
    const c = ReadableStream.prototype.cancel.call({});
    await c.catch((e) => log.push("cancel on plain object rejects: " + e.name));
    log.push("toStringTag " + Object.prototype.toString.call(new ReadableStream()) + " " + Object.prototype.toString.call(new TransformStream()));
    return log;
  },
};

if (typeof module !== "undefined" && typeof process !== "undefined" && require.main === module) {
  (async () => {
    const out = {};
    for (const [name, fn] of Object.entries(scenarios)) out[name] = await fn();
    process.stdout.write(JSON.stringify(out, null, 1) + "\n");
  })();
} else {
  globalThis.streamScenarios = scenarios;
}
