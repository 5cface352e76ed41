package events_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func TestEvents(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "event defaults and init", Src: `
			const e = new Event("ping");
			const f = new Event("pong", {bubbles: true, cancelable: 1, composed: "yes"});
			return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.eventPhase, e.target, e.isTrusted,
				typeof e.timeStamp, f.bubbles, f.cancelable, f.composed, Event.AT_TARGET, e.NONE, String(e)];`, Want: `["ping",false,false,false,false,0,null,false,"number",true,true,true,2,0,"[object Event]"]`},
		{Name: "listeners run in order with the target as this and currentTarget", Src: `
			const t = new EventTarget(), seen = [];
			t.addEventListener("x", function (e) { seen.push(["a", this === t, e.target === t, e.currentTarget === t, e.eventPhase]); });
			t.addEventListener("x", (e) => { seen.push(["b"]); });
			t.addEventListener("y", () => seen.push(["wrong type"]));
			const ev = new Event("x");
			t.dispatchEvent(ev);
			return [seen, ev.eventPhase, ev.currentTarget, ev.target === t, ev.composedPath().length];`, Want: `[[["a",true,true,true,2],["b"]],0,null,true,0]`},
		{Name: "handleEvent objects are called with the object as this", Src: `
			const t = new EventTarget(), seen = [];
			const o = { n: 0, handleEvent(e) { this.n++; seen.push(this === o, e.type); } };
			t.addEventListener("x", o);
			t.dispatchEvent(new Event("x"));
			o.handleEvent = function () { seen.push("replaced"); };
			t.dispatchEvent(new Event("x"));
			return seen;`, Want: `[true,"x","replaced"]`},
		{Name: "a listener object without handleEvent throws a TypeError at dispatch", Src: `
			const t = new EventTarget();
			t.addEventListener("x", {});
			try { t.dispatchEvent(new Event("x")); return "no throw" } catch (e) { return [e instanceof TypeError, e.message] }`, Want: `[true,"The provided callback is not a function and has no callable 'handleEvent' property."]`},
		{Name: "the same listener is added once and removed", Src: `
			const t = new EventTarget(); let n = 0;
			const f = () => { n++ };
			t.addEventListener("x", f); t.addEventListener("x", f);
			t.dispatchEvent(new Event("x"));
			t.removeEventListener("x", f);
			t.dispatchEvent(new Event("x"));
			t.removeEventListener("x", f); t.removeEventListener("nothing", f); t.addEventListener("x", null);
			return n;`, Want: `1`},
		{Name: "once removes the listener before it runs", Src: `
			const t = new EventTarget(); let n = 0;
			t.addEventListener("x", () => { n++; t.dispatchEvent(new Event("x")); }, {once: true});
			t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x"));
			return n;`, Want: `1`},
		{Name: "listeners added during dispatch wait for the next one, removed ones are skipped", Src: `
			const t = new EventTarget(), seen = [];
			const late = () => seen.push("late");
			const b = () => seen.push("b");
			t.addEventListener("x", () => { seen.push("a"); t.removeEventListener("x", b); t.addEventListener("x", late); });
			t.addEventListener("x", b);
			t.dispatchEvent(new Event("x"));
			t.dispatchEvent(new Event("x"));
			return seen;`, Want: `["a","a","late"]`},
		{Name: "stopImmediatePropagation stops the rest; stopPropagation does not", Src: `
			const t = new EventTarget(), seen = [];
			t.addEventListener("x", (e) => { seen.push(1); e.stopPropagation(); seen.push(e.cancelBubble); });
			t.addEventListener("x", (e) => { seen.push(2); e.stopImmediatePropagation(); });
			t.addEventListener("x", () => seen.push(3));
			const e = new Event("x");
			t.dispatchEvent(e);
			return [seen, e.cancelBubble];`, Want: `[[1,true,2],false]`},
		{Name: "preventDefault only cancels a cancelable event", Src: `
			const t = new EventTarget();
			t.addEventListener("x", (e) => e.preventDefault());
			const a = new Event("x"), b = new Event("x", {cancelable: true});
			return [t.dispatchEvent(a), a.defaultPrevented, t.dispatchEvent(b), b.defaultPrevented, b.returnValue];`, Want: `[true,false,false,true,false]`},
		{Name: "returning true from a listener cancels, as on workerd", Src: `
			const t = new EventTarget();
			t.addEventListener("x", () => true);
			return t.dispatchEvent(new Event("x", {cancelable: true}));`, Want: `false`},
		{Name: "a signal option removes the listener on abort", Src: `
			const t = new EventTarget(), c = new AbortController(); let n = 0;
			t.addEventListener("x", () => n++, {signal: c.signal});
			t.dispatchEvent(new Event("x"));
			c.abort();
			t.dispatchEvent(new Event("x"));
			t.addEventListener("x", () => n += 100, {signal: c.signal});
			t.dispatchEvent(new Event("x"));
			return n;`, Want: `1`},
		{Name: "a listener's exception propagates out of dispatchEvent, as on workerd", Src: `
			const t = new EventTarget(), seen = [];
			t.addEventListener("x", () => { throw new RangeError("boom") });
			t.addEventListener("x", () => seen.push("second"));
			const e = new Event("x");
			try { t.dispatchEvent(e) } catch (err) { seen.push(err.message) }
			t.dispatchEvent(new Event("y"));
			return [seen, e.eventPhase];`, Want: `[["boom"],0]`},
		{Name: "an event cannot be dispatched while it is being dispatched", Src: `
			const t = new EventTarget(); let err;
			t.addEventListener("x", (e) => { try { t.dispatchEvent(e) } catch (x) { err = [x.name, x.message, x instanceof DOMException] } });
			t.dispatchEvent(new Event("x"));
			return err;`, Want: `["InvalidStateError","The event is already being dispatched.",true]`},
		{Name: "EventTarget subclasses dispatch their own events", Src: `
			class Ticker extends EventTarget { tick() { return this.dispatchEvent(new CustomEvent("tick", {detail: {n: 1}})) } }
			const t = new Ticker(); let got;
			t.addEventListener("tick", (e) => { got = [e.detail.n, e instanceof Event, e.target === t] });
			t.tick();
			return [got, t instanceof EventTarget];`, Want: `[[1,true,true],true]`},
		{Name: "CustomEvent detail defaults to null; initCustomEvent", Src: `
			const a = new CustomEvent("a"), b = new CustomEvent("b", {detail: 0});
			const c = new CustomEvent("c"); c.initCustomEvent("d", true, false, "x");
			return [a.detail, b.detail, c.type, c.bubbles, c.detail, String(a)];`, Want: `[null,0,"d",true,"x","[object CustomEvent]"]`},
		{Name: "a listener's return value is warned about once", Src: `
			const t = new EventTarget();
			t.addEventListener("x", async () => {});
			t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x"));
			return "ok";`, Want: `"ok"`},
		{Name: "wrong arguments are TypeErrors", Src: `
			const out = [];
			const t = new EventTarget();
			const tryIt = (f) => { try { f(); out.push("no throw") } catch (e) { out.push(e.constructor.name + ": " + e.message) } };
			tryIt(() => new Event());
			tryIt(() => new Event("x", 5));
			tryIt(() => new Event(Symbol("s")));
			tryIt(() => t.addEventListener("x"));
			tryIt(() => t.addEventListener("x", 5));
			tryIt(() => t.addEventListener("x", () => {}, {capture: true}));
			tryIt(() => t.addEventListener("x", () => {}, {passive: true}));
			tryIt(() => t.addEventListener("x", () => {}, {signal: {}}));
			tryIt(() => t.removeEventListener("x", () => {}, true));
			tryIt(() => t.dispatchEvent({type: "x"}));
			tryIt(() => EventTarget.prototype.dispatchEvent.call({}, new Event("x")));
			tryIt(() => Object.getOwnPropertyDescriptor(Event.prototype, "type").get.call({}));
			tryIt(() => t.addEventListener("x", () => {}, {capture: false, passive: false}));
			return out;`, Want: `["TypeError: Failed to construct 'Event': 1 argument required, but only 0 present.",` +
			`"TypeError: Failed to construct 'Event': The provided value is not of type 'EventInit'.",` +
			`"TypeError: Cannot convert a Symbol value to a string",` +
			`"TypeError: Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only 1 present.",` +
			`"TypeError: Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'EventListener'.",` +
			`"TypeError: addEventListener(): options.capture must be false.",` +
			`"TypeError: addEventListener(): options.passive must be false.",` +
			`"TypeError: Failed to execute 'addEventListener' on 'EventTarget': Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.",` +
			`"TypeError: removeEventListener(): useCapture must be false.",` +
			`"TypeError: Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.",` +
			`"TypeError: Illegal invocation",` +
			`"TypeError: Illegal invocation",` +
			`"no throw"]`},
	})
	found := false
	for _, l := range h.Logs() {
		if strings.Contains(l, "An event handler returned a promise that will be ignored.") {
			if found {
				t.Errorf("warned twice: %v", h.Logs())
			}
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for the async listener; log: %v", h.Logs())
	}
}

func TestAbort(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "abort sets reason, runs onabort first, fires once", Src: `
			const c = new AbortController(), s = c.signal, seen = [];
			s.addEventListener("abort", (e) => seen.push(["listener", e.type, e.isTrusted, s.aborted]));
			s.onabort = (e) => seen.push(["onabort", e.target === s]);
			c.abort(); c.abort("again");
			return [seen, s.aborted, s.reason.name, s.reason.message, s.reason instanceof DOMException, typeof s.onabort];`, Want: `[[["onabort",true],["listener","abort",true,true]],true,"AbortError","The operation was aborted",true,"function"]`},
		{Name: "abort keeps any reason, including falsy ones", Src: `
			const a = new AbortController(), b = new AbortController(), r = new Error("mine");
			a.abort(r); b.abort(0);
			return [a.signal.reason === r, b.signal.reason, AbortSignal.abort(null).reason];`, Want: `[true,0,null]`},
		{Name: "throwIfAborted", Src: `
			const c = new AbortController();
			c.signal.throwIfAborted();
			c.abort("stop");
			try { c.signal.throwIfAborted(); return "no throw" } catch (e) { return e }`, Want: `"stop"`},
		{Name: "AbortSignal.abort is aborted from the start", Src: `
			const s = AbortSignal.abort(), t = AbortSignal.abort("r");
			return [s.aborted, s.reason.name, t.reason, String(s), String(new AbortController())];`, Want: `[true,"AbortError","r","[object AbortSignal]","[object AbortController]"]`},
		{Name: "AbortSignal.timeout aborts with a TimeoutError", Src: `
			const s = AbortSignal.timeout(5);
			const before = s.aborted;
			const e = await new Promise((resolve) => s.addEventListener("abort", () => resolve(s.reason)));
			return [before, e.name, e.message, e instanceof DOMException, e.code];`, Want: `[false,"TimeoutError","The operation was aborted due to timeout",true,23]`},
		{Name: "AbortSignal.any follows the first source to abort", Src: `
			const a = new AbortController(), b = new AbortController();
			const s = AbortSignal.any([a.signal, b.signal]);
			const nested = AbortSignal.any([s]);
			const order = [];
			a.signal.onabort = () => order.push("a");
			s.onabort = () => order.push("any");
			nested.onabort = () => order.push("nested");
			b.abort("b first"); a.abort("a later");
			return [s.aborted, s.reason, nested.reason, order, AbortSignal.any([]).aborted];`, Want: `[true,"b first","b first",["any","nested","a"],false]`},
		{Name: "AbortSignal.any of an aborted signal is aborted at once", Src: `
			const s = AbortSignal.any([new AbortController().signal, AbortSignal.abort("done")]);
			return [s.aborted, s.reason];`, Want: `[true,"done"]`},
		{Name: "AbortSignal.any with a timeout", Src: `
			const s = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(1)]);
			await new Promise((r) => s.addEventListener("abort", r));
			return s.reason.name;`, Want: `"TimeoutError"`},
		{Name: "a throwing abort listener makes abort() throw, after the signal aborted", Src: `
			const c = new AbortController();
			c.signal.addEventListener("abort", () => { throw new Error("listener failed") });
			try { c.abort() } catch (e) { return [e.message, c.signal.aborted] }`, Want: `["listener failed",true]`},
		{Name: "wrong arguments are TypeErrors", Src: `
			const out = [];
			const tryIt = (f) => { try { f(); out.push("no throw") } catch (e) { out.push(e.constructor.name + ": " + e.message) } };
			tryIt(() => new AbortSignal());
			tryIt(() => AbortSignal.timeout());
			tryIt(() => AbortSignal.timeout(-1));
			tryIt(() => AbortSignal.timeout(NaN));
			tryIt(() => AbortSignal.any());
			tryIt(() => AbortSignal.any(5));
			tryIt(() => AbortSignal.any([{aborted: true}]));
			tryIt(() => Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get.call(new EventTarget()));
			tryIt(() => AbortController.prototype.abort.call({}));
			return out;`, Want: `["TypeError: Illegal constructor",` +
			`"TypeError: Failed to execute 'timeout' on 'AbortSignal': 1 argument required, but only 0 present.",` +
			`"TypeError: Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.",` +
			`"TypeError: Failed to execute 'timeout' on 'AbortSignal': Value is not of type 'unsigned long long'.",` +
			`"TypeError: Failed to execute 'any' on 'AbortSignal': 1 argument required, but only 0 present.",` +
			`"TypeError: Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.",` +
			`"TypeError: Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.",` +
			`"TypeError: Illegal invocation",` +
			`"TypeError: Illegal invocation"]`},
		{Name: "a request keeps its signal; a bad signal is a TypeError", Src: `
			const c = new AbortController();
			const r = new Request("https://x.test/", {signal: c.signal});
			const r2 = new Request(r), r3 = new Request(r, {signal: null});
			let err;
			try { new Request("https://x.test/", {signal: {}}) } catch (e) { err = [e.constructor.name, e.message] }
			return [r.signal === c.signal, r2.signal === c.signal, r3.signal, err];`, Want: `[true,true,null,["TypeError","Failed to construct 'Request': member signal is not of type AbortSignal."]]`},
	})
}

func TestSchedulerAndReportError(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "wait resolves with undefined, no earlier than the delay", Src: `
			const t0 = performance.now();
			const v = await scheduler.wait(15);
			return [v === undefined, performance.now() - t0 >= 15];`, Want: `[true,true]`},
		{Name: "wait with an aborted signal rejects at once with its reason", Src: `
			try { await scheduler.wait(1e9, {signal: AbortSignal.abort("no")}); return "resolved" } catch (e) { return e }`, Want: `"no"`},
		{Name: "aborting cancels a pending wait", Src: `
			const c = new AbortController();
			const p = scheduler.wait(1e9, {signal: c.signal});
			c.abort();
			try { await p; return "resolved" } catch (e) { return [e.name, e.message] }`, Want: `["AbortError","The operation was aborted"]`},
		{Name: "wait with an AbortSignal.timeout", Src: `
			try { await scheduler.wait(1e9, {signal: AbortSignal.timeout(2)}); return "resolved" } catch (e) { return e.name }`, Want: `"TimeoutError"`},
		{Name: "wrong arguments reject with TypeErrors", Src: `
			const out = [];
			for (const f of [() => scheduler.wait(), () => scheduler.wait(1, 5), () => scheduler.wait(1, {signal: "s"}), () => scheduler.wait(Symbol())]) {
				try { await f(); out.push("resolved") } catch (e) { out.push(e.constructor.name + ": " + e.message) }
			}
			return out;`, Want: `["TypeError: Failed to execute 'wait' on 'Scheduler': 1 argument required, but only 0 present.",` +
			`"TypeError: Failed to execute 'wait' on 'Scheduler': The provided value is not of type 'WaitOptions'.",` +
			`"TypeError: Failed to execute 'wait' on 'Scheduler': Failed to read the 'signal' property from 'WaitOptions': Failed to convert value to 'AbortSignal'.",` +
			`"TypeError: Cannot convert a Symbol value to a number"]`},
		{Name: "reportError logs like an uncaught error and returns", Src: `
			reportError(new RangeError("reported"));
			reportError("a string");
			let err;
			try { reportError() } catch (e) { err = e.constructor.name }
			return [typeof reportError, err];`, Want: `["function","TypeError"]`},
	})
	logs := strings.Join(h.Logs(), "\n")
	for _, want := range []string{"error: Uncaught: RangeError: reported", `error: Uncaught: Uncaught "a string"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// TestAbortSignalTimeoutDoesNotHoldTheWorker: a pending AbortSignal.timeout
// is not background work, so Close does not wait for it, while a pending
// scheduler.wait is.
func TestAbortSignalTimeoutDoesNotHoldTheWorker(t *testing.T) {
	for _, c := range []struct {
		name, js string
		held     bool
	}{
		{"AbortSignal.timeout", "globalThis.keep = AbortSignal.timeout(3600000);", false},
		{"scheduler.wait", "ctx.waitUntil(scheduler.wait(3600000));", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, err := runtime.New(runtime.Options{
				Script:     "globalThis.__w = { default: { fetch(request, env, ctx) { " + c.js + " return new Response('ok'); } } };",
				GlobalName: "__w",
			})
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			if _, err := w.Serve(rec, httptest.NewRequest("GET", "http://x/", nil), runtime.Incoming{}); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			err = w.Close(ctx)
			if held := err != nil; held != c.held {
				t.Errorf("Close: %v; want the worker held = %v", err, c.held)
			}
		})
	}
}

func TestNoInternalsLeak(t *testing.T) {
	h := runtimetest.New(t)
	got := h.Run(t, `return Object.getOwnPropertyNames(globalThis).filter((k) => k.startsWith("__edgedev_events"))`)
	if got != "[]" {
		t.Errorf("internal globals visible: %s", got)
	}
}
