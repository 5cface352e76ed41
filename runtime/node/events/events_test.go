package events_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const events = __edgedev_import("node:events"); const { EventEmitter, once, on, errorMonitor, getEventListeners } = events;
const util = __edgedev_import("node:util");
`

func TestEventEmitter(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	h.RunCases(t, []runtimetest.Case{
		{Name: "module is EventEmitter", Src: prelude + `return [events === EventEmitter, events.EventEmitter === EventEmitter, typeof events.once, EventEmitter.defaultMaxListeners, typeof events.captureRejectionSymbol];`, Want: `[true,true,"function",10,"symbol"]`},
		{Name: "on emit order and this", Src: prelude + `const e = new EventEmitter(); const seen = [];
e.on("x", function (a, b) { seen.push(["1", a, b, this === e]); }); e.prependListener("x", () => seen.push(["0"])); e.once("x", () => seen.push(["once"]));
const r1 = e.emit("x", 1, 2); const r2 = e.emit("x", 3); const r3 = e.emit("nope");
return [seen, r1, r2, r3, e.listenerCount("x"), e.eventNames()];`, Want: `[[["0"],["1",1,2,true],["once"],["0"],["1",3,null,true]],true,true,false,2,["x"]]`},
		{Name: "old-style inheritance", Src: prelude + `function Old() { EventEmitter.call(this); } util.inherits(Old, EventEmitter);
const o = new Old(); let got; o.on("e", (v) => { got = v; }); o.emit("e", 5); return [got, o instanceof EventEmitter, Old.super_ === EventEmitter];`, Want: `[5,true,true]`},
		{Name: "class extends", Src: prelude + `class My extends EventEmitter {} const m = new My(); let n = 0; m.on("a", () => n++); m.emit("a"); m.emit("a"); return n;`, Want: `2`},
		{Name: "error without listener throws it", Src: prelude + `const e = new EventEmitter(); const err = new Error("boom"); try { e.emit("error", err); } catch (x) { return x === err; }`, Want: `true`},
		{Name: "error with a non-error", Src: prelude + `const e = new EventEmitter(); try { e.emit("error", { a: 1 }); } catch (x) { return [x.code, x.message, x.context]; }`, Want: `["ERR_UNHANDLED_ERROR","Unhandled error. ({ a: 1 })",{"a":1}]`},
		{Name: "errorMonitor", Src: prelude + `const e = new EventEmitter(); let seen; e.on(errorMonitor, (x) => { seen = x; }); e.on("error", () => {}); e.emit("error", 7); return seen;`, Want: `7`},
		{Name: "remove and listeners", Src: prelude + `const e = new EventEmitter(); const f = () => {}; const g = () => {}; const removed = [];
e.on("removeListener", (t, l) => removed.push(t)); e.on("x", f); e.once("x", g); e.on("y", f);
const before = [e.listeners("x").length, e.rawListeners("x")[1] !== g, e.listeners("x")[1] === g];
e.off("x", g); e.removeAllListeners("y"); e.removeListener("x", f);
return [before, removed, e.eventNames(), getEventListeners(e, "x").length];`, Want: `[[2,true,true],["x","y","x"],["removeListener"],0]`},
		{Name: "newListener", Src: prelude + `const e = new EventEmitter(); const seen = []; e.on("newListener", (t) => seen.push(t)); e.on("a", () => {}); e.once("b", () => {}); return seen;`, Want: `["a","b"]`},
		{Name: "bad listener", Src: prelude + `const e = new EventEmitter(); try { e.on("x", 5); } catch (x) { return [x.code, x.message]; }`, Want: `["ERR_INVALID_ARG_TYPE","The \"listener\" argument must be of type function. Received type number (5)"]`},
		{Name: "setMaxListeners bad", Src: prelude + `try { new EventEmitter().setMaxListeners(-1); } catch (x) { return [x.code, x.message]; }`, Want: `["ERR_OUT_OF_RANGE","The value of \"n\" is out of range. It must be a non-negative number. Received -1"]`},
		{Name: "once resolves with args", Src: prelude + `const e = new EventEmitter(); setTimeout(() => e.emit("go", 1, 2), 1); return await once(e, "go");`, Want: `[1,2]`},
		{Name: "once rejects on error", Src: prelude + `const e = new EventEmitter(); setTimeout(() => e.emit("error", new Error("bad")), 1); try { await once(e, "go"); } catch (x) { return [x.message, e.listenerCount("go"), e.listenerCount("error")]; }`, Want: `["bad",0,0]`},
		{Name: "once with an aborted signal", Src: prelude + `const ac = new AbortController(); ac.abort(); try { await once(new EventEmitter(), "x", { signal: ac.signal }); } catch (x) { return [x.name, x.code]; }`, Want: `["AbortError","ABORT_ERR"]`},
		{Name: "once on an EventTarget", Src: prelude + `const t = new EventTarget(); setTimeout(() => t.dispatchEvent(new Event("ping")), 1); const [ev] = await once(t, "ping"); return ev.type;`, Want: `"ping"`},
		{Name: "on async iterator", Src: prelude + `const e = new EventEmitter(); setTimeout(() => { e.emit("d", 1); e.emit("d", 2); e.emit("d", 3); }, 1);
const out = []; const it = on(e, "d"); for (let r = await it.next(); !r.done; r = await it.next()) { out.push(r.value[0]); if (out.length === 3) break; } await it.return(); return [out, e.listenerCount("d")];`, Want: `[[1,2,3],0]`},
		{Name: "captureRejections", Src: prelude + `const e = new EventEmitter({ captureRejections: true }); let got;
e.on("error", (err) => { got = err.message; }); e.on("x", async () => { throw new Error("async boom"); }); e.emit("x"); await new Promise((r) => setTimeout(r, 5)); return got;`, Want: `"async boom"`},
		{Name: "captureRejectionSymbol", Src: prelude + `const e = new EventEmitter({ captureRejections: true }); let got;
e[events.captureRejectionSymbol] = (err, type, ...args) => { got = [err.message, type, args]; }; e.on("x", async () => { throw new Error("r"); }); e.emit("x", 1); await new Promise((r) => setTimeout(r, 5)); return got;`, Want: `["r","x",[1]]`},
		{Name: "leak warning", Src: prelude + `const e = new EventEmitter(); e.setMaxListeners(1); let w; __edgedev_import("node:process").once("warning", (x) => { w = x; });
e.on("x", () => {}); e.on("x", () => {}); await null; await null; return [w && w.name, w && w.count, w && w.message];`, Want: `["MaxListenersExceededWarning",2,"Possible EventEmitter memory leak detected. 2 x listeners added to [EventEmitter]. Use emitter.setMaxListeners() to increase limit"]`},
		{Name: "EventEmitterAsyncResource", Src: prelude + `const { AsyncLocalStorage } = __edgedev_import("node:async_hooks"); const als = new AsyncLocalStorage();
const e = als.run("ctx", () => new events.EventEmitterAsyncResource({ name: "E" })); let seen; e.on("x", () => { seen = als.getStore(); }); e.emit("x"); return seen;`, Want: `"ctx"`},
		{Name: "addAbortListener", Src: prelude + `const ac = new AbortController(); let n = 0; events.addAbortListener(ac.signal, () => n++); ac.abort(); return n;`, Want: `1`},
		{Name: "inspect an emitter", Src: prelude + `const e = new EventEmitter(); e.on("a", () => {}); return util.inspect(e);`, Want: `"EventEmitter {\n  _events: [Object: null prototype] { a: [Function (anonymous)] },\n  _eventsCount: 1,\n  _maxListeners: undefined,\n  domain: null,\n  Symbol(kCapture): false\n}"`}, // workerd's inspect: a symbol key without brackets
	})
}
