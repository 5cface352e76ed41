// The handler side of a worker, as workerd exposes it: the
// service-worker format (addEventListener("fetch"), FetchEvent and its
// respondWith, https://developers.cloudflare.com/workers/reference/migrate-to-module-workers/),
// the ExecutionContext a module handler gets (waitUntil,
// passThroughOnException), and queueMicrotask. Knowingly missing: the
// "scheduled" and "queue" events, and ctx.props beyond an empty object.
//
// This file is one function expression. Go calls it once per worker instance
// with `native` (waitUntil, reportError) and keeps the object it returns:
// the hooks dispatch.go calls a handler through.
(function (native) {
  "use strict";

  const listeners = { fetch: [], scheduled: [] };
  function addEventListener(type, handler) {
    if (typeof handler !== "function" && !(handler && typeof handler.handleEvent === "function")) {
      throw new TypeError("Failed to execute 'addEventListener': The callback provided as parameter 2 is not an object.");
    }
    (listeners[type] || (listeners[type] = [])).push(handler);
  }
  function removeEventListener(type, handler) {
    const l = listeners[type];
    if (!l) return;
    const i = l.indexOf(handler);
    if (i >= 0) l.splice(i, 1);
  }

  class FetchEvent {
    #respond = undefined;
    #responded = false;
    constructor(request, ctx) {
      this.type = "fetch";
      this.request = request;
      this.waitUntil = (p) => ctx.waitUntil(p);
      this.passThroughOnException = () => ctx.passThroughOnException();
    }
    respondWith(p) {
      if (this.#responded) throw new DOMException("FetchEvent.respondWith() has already been called; it can only be called once.", "InvalidStateError");
      this.#responded = true;
      this.#respond = p;
    }
    static _result(e) { return e.#responded ? e.#respond : undefined; }
  }

  function dispatchFetch(request, ctx) {
    const e = new FetchEvent(request, ctx);
    for (const h of listeners.fetch) {
      if (typeof h === "function") h.call(globalThis, e); else h.handleEvent(e);
      if (FetchEvent._result(e) !== undefined) break;
    }
    const r = FetchEvent._result(e);
    if (r === undefined) throw new Error("No response! The fetch event handler did not call respondWith() before returning.");
    return r;
  }

  globalThis.FetchEvent = FetchEvent;
  globalThis.addEventListener = addEventListener;
  globalThis.removeEventListener = removeEventListener;
  Object.defineProperty(globalThis, "FetchEvent", { enumerable: false });

  class ExecutionContext {
    #pass = false;
    waitUntil(p) { native.waitUntil(p); }
    passThroughOnException() { this.#pass = true; }
    get props() { return {}; }
    static _pass(c) { return c.#pass; }
  }

  const queueMicrotask = (cb) => {
    if (typeof cb !== "function") throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    Promise.resolve().then(() => cb()).catch((e) => native.reportError(e));
  };
  Object.defineProperty(globalThis, "queueMicrotask", { value: queueMicrotask, writable: true, configurable: true });
  globalThis.ExecutionContext = ExecutionContext;
  Object.defineProperty(globalThis, "ExecutionContext", { enumerable: false });

  return {
    newContext: () => new ExecutionContext(),
    passThrough: (c) => ExecutionContext._pass(c),
    dispatchFetch,
    hasFetchListener: () => listeners.fetch.length > 0,
  };
});
