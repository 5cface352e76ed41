// The ES shims (esshims.go says which and how faithful): one function
// expression that Go calls once per runtime; it defines each built-in only
// where goja lacks it.
(function () {
  "use strict";
  const define = (obj, name, value) => {
    if (!(name in obj)) Object.defineProperty(obj, name, { value, writable: true, enumerable: false, configurable: true });
  };
  const callable = (fn, what) => { if (typeof fn !== "function") throw new TypeError(what + ": callback is not a function"); };
  function group(items, fn, what) {
    if (items === null || items === undefined) throw new TypeError(what + ": items is null or undefined");
    callable(fn, what);
    const out = [];
    let i = 0;
    for (const v of items) out.push([fn(v, i++), v]);
    return out;
  }
  define(Object, "groupBy", function groupBy(items, fn) {
    const out = Object.create(null);
    for (const [k, v] of group(items, fn, "Object.groupBy")) {
      const key = typeof k === "symbol" ? k : String(k);
      (out[key] || (out[key] = [])).push(v);
    }
    return out;
  });
  define(Map, "groupBy", function groupBy(items, fn) {
    const out = new Map();
    for (let [k, v] of group(items, fn, "Map.groupBy")) {
      if (Object.is(k, -0)) k = 0;
      const list = out.get(k);
      if (list) list.push(v); else out.set(k, [v]);
    }
    return out;
  });
  define(Promise, "withResolvers", function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  });
  define(Array, "fromAsync", async function fromAsync(items, mapFn, thisArg) {
    if (mapFn !== undefined) callable(mapFn, "Array.fromAsync");
    const out = [];
    let i = 0;
    const asyncIt = items != null ? items[Symbol.asyncIterator] : undefined;
    if (asyncIt != null) {
      const it = asyncIt.call(items);
      for (;;) {
        const r = await it.next();
        if (r.done) return out;
        out.push(mapFn ? await mapFn.call(thisArg, r.value, i) : r.value);
        i++;
      }
    }
    const src = items != null && items[Symbol.iterator] != null ? Array.from(items) : Array.from({ length: Object(items).length >>> 0 }, (_, k) => items[k]);
    for (const v of src) {
      const x = await v;
      out.push(mapFn ? await mapFn.call(thisArg, x, i) : x);
      i++;
    }
    return out;
  });
  define(Error, "captureStackTrace", function captureStackTrace(target) {
    if (target === null || typeof target !== "object" && typeof target !== "function") throw new TypeError("Invalid argument");
    const stack = new Error().stack;
    Object.defineProperty(target, "stack", { value: typeof stack === "string" ? stack.split("\n").slice(2).join("\n") : stack, writable: true, configurable: true });
  });
  if (typeof WeakRef === "undefined") {
    class WeakRef {
      #t;
      constructor(target) {
        if (target === null || typeof target !== "object" && typeof target !== "function") throw new TypeError("WeakRef: target must be an object");
        this.#t = target;
      }
      deref() { return this.#t; }
    }
    Object.defineProperty(WeakRef.prototype, Symbol.toStringTag, { value: "WeakRef", configurable: true });
    define(globalThis, "WeakRef", WeakRef);
  }
  if (typeof FinalizationRegistry === "undefined") {
    class FinalizationRegistry {
      constructor(cleanup) { callable(cleanup, "FinalizationRegistry"); }
      register(target) {
        if (target === null || typeof target !== "object" && typeof target !== "function") throw new TypeError("FinalizationRegistry.register: target must be an object");
      }
      unregister() { return false; }
    }
    Object.defineProperty(FinalizationRegistry.prototype, Symbol.toStringTag, { value: "FinalizationRegistry", configurable: true });
    define(globalThis, "FinalizationRegistry", FinalizationRegistry);
  }
});
