// node:async_hooks as workerd gives it (src/node/async_hooks.ts and
// api/node/async-hooks.h): AsyncLocalStorage and AsyncResource over the
// runtime's async context frame (Host.AsyncFrame), which travels with
// promise jobs, timers, queueMicrotask and Go callbacks; createHook and
// the async ids are the stubs workerd has. A frame is an immutable Map
// from AsyncLocalStorage to its store: run() makes a new one.
(function (native) {
  "use strict";
  const { getFrame, setFrame } = native;
  const fnType = (method, cls, n) => new TypeError(`Failed to execute '${method}' on '${cls}': parameter ${n} is not of type 'Function'.`);

  function runInFrame(frame, fn, thisArg, args) {
    const prev = getFrame();
    setFrame(frame);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      setFrame(prev);
    }
  }
  function withStore(key, value) {
    const cur = getFrame();
    const next = new Map(cur);
    next.set(key, value);
    return next;
  }
  function withoutStore(key) {
    const cur = getFrame();
    if (cur === undefined || !cur.has(key)) return cur;
    const next = new Map(cur);
    next.delete(key);
    return next.size === 0 ? undefined : next;
  }
  function bindTo(frame, fn) {
    return function (...args) { return runInFrame(frame, fn, this, args); };
  }

  const kDefault = Symbol("defaultValue");
  const kName = Symbol("name");
  class AsyncLocalStorage {
    constructor(options = undefined) {
      this[kDefault] = options && options.defaultValue;
      this[kName] = (options && options.name !== undefined) ? String(options.name) : "";
      Object.defineProperty(this, kDefault, { enumerable: false });
      Object.defineProperty(this, kName, { enumerable: false });
    }
    get name() { return this[kName]; }
    run(store, callback, ...args) {
      if (typeof callback !== "function") throw fnType("run", "AsyncLocalStorage", 2);
      return runInFrame(withStore(this, store), callback, undefined, args);
    }
    exit(callback, ...args) {
      if (typeof callback !== "function") throw fnType("exit", "AsyncLocalStorage", 1);
      return runInFrame(withoutStore(this), callback, undefined, args);
    }
    getStore() {
      const f = getFrame();
      if (f !== undefined && f.has(this)) return f.get(this);
      return this[kDefault];
    }
    enterWith() { throw new Error("asyncLocalStorage.enterWith() is not implemented"); }
    disable() { throw new Error("asyncLocalStorage.disable() is not implemented"); }
    static bind(fn) {
      if (typeof fn !== "function") throw fnType("bind", "AsyncLocalStorage", 1);
      return bindTo(getFrame(), fn);
    }
    static snapshot() {
      return bindTo(getFrame(), (cb, ...args) => cb(...args));
    }
  }

  const kFrame = Symbol("frame");
  class AsyncResource {
    constructor(type = undefined, options = undefined) {
      Object.defineProperty(this, kFrame, { value: getFrame(), enumerable: false });
    }
    static bind(fn, type, thisArg) {
      return new AsyncResource(type || "bound-anonymous-fn").bind(fn, thisArg);
    }
    asyncId() { return 0; }
    triggerAsyncId() { return 0; }
    bind(fn, thisArg = undefined) {
      if (typeof fn !== "function") throw fnType("bind", "AsyncResource", 1);
      const frame = this[kFrame];
      const bound = arguments.length > 1
        ? function (...args) { return runInFrame(frame, fn, thisArg, args); }
        : function (...args) { return runInFrame(frame, fn, this, args); };
      Object.defineProperty(bound, "length", { value: fn.length, configurable: true });
      Object.defineProperty(bound, "asyncResource", { value: this, configurable: true, enumerable: true, writable: true });
      return bound;
    }
    runInAsyncScope(fn, thisArg, ...args) {
      if (typeof fn !== "function") throw fnType("runInAsyncScope", "AsyncResource", 1);
      return runInFrame(this[kFrame], fn, thisArg, args);
    }
    emitDestroy() { return this; }
  }

  class AsyncHook {
    enable() { return this; }
    disable() { return this; }
  }
  const asyncWrapProviders = {};
  for (const k of native.providers) asyncWrapProviders[k] = 0;

  const exports = {
    AsyncLocalStorage, AsyncResource, asyncWrapProviders,
    createHook() { return new AsyncHook(); },
    executionAsyncId() { return 0; },
    executionAsyncResource() { return Object.create(null); },
    triggerAsyncId() { return 0; },
  };
  return exports;
})
