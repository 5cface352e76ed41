// node:timers and node:timers/promises as workerd gives them
// (internal_timers.ts, internal_timers_promises.ts): Timeout objects over
// the global timers (ref/unref/hasRef/refresh/close, and a number as the
// primitive), setImmediate as the global one, the promise forms with
// AbortSignal, and scheduler.
(function (native) {
  "use strict";
  // The internals (errors, validators) load on first use: with
  // enable_nodejs_global_timers this file runs at every start-up.
  const errors = () => native.internal().errors;
  const codes = new Proxy({}, { get: (_, k) => errors().codes[k] });
  const AbortError = function (...a) { return new (errors().AbortError)(...a); };
  const v = (name) => (...a) => errors().validators[name](...a);
  const validateFunction = (fn, name) => { if (typeof fn !== "function") v("validateFunction")(fn, name); };
  const validateNumber = v("validateNumber"), validateAbortSignal = v("validateAbortSignal");
  const validateBoolean = v("validateBoolean"), validateObject = v("validateObject");
  const { setTimeout: originalSetTimeout, clearTimeout: originalClearTimeout, setInterval: originalSetInterval,
    clearInterval: originalClearInterval, setImmediate, clearImmediate } = native.web;

  const kTimer = Symbol("timer"), kState = Symbol("state");
  class Timeout {
    constructor(callback, after = 1, args = [], isRepeat = false, isRefed = false) {
      Object.defineProperty(this, kState, { value: { callback, after: after * 1, args, isRepeat, isRefed } });
      this[kTimer] = undefined;
      Object.defineProperty(this, kTimer, { enumerable: false, writable: true });
      construct(this);
    }
    refresh() { clear(this); construct(this); return this; }
    unref() { this[kState].isRefed = false; return this; }
    ref() { this[kState].isRefed = true; return this; }
    hasRef() { return this[kState].isRefed; }
    close() { clear(this); return this; }
    [Symbol.toPrimitive]() { return this[kTimer]; }
  }
  if (Symbol.dispose) Timeout.prototype[Symbol.dispose] = function () { clear(this); };
  function construct(t) {
    const s = t[kState];
    t[kTimer] = s.isRepeat ? originalSetInterval(s.callback, s.after, ...(s.args || [])) : originalSetTimeout(s.callback, s.after, ...(s.args || []));
  }
  function clear(t) {
    if (t[kState].isRepeat) originalClearInterval(t[kTimer]);
    else originalClearTimeout(t[kTimer]);
  }

  function setTimeout(callback, delay, ...args) {
    validateFunction(callback, "callback");
    return new Timeout(callback, delay, args, false, true);
  }
  function clearTimeout(timer) {
    if (timer instanceof Timeout) clear(timer);
    else if (typeof timer === "number") originalClearTimeout(timer);
  }
  function setInterval(callback, repeat, ...args) {
    validateFunction(callback, "callback");
    return new Timeout(callback, repeat, args, true, true);
  }
  function clearInterval(timer) {
    if (timer instanceof Timeout) clear(timer);
    else if (typeof timer === "number") originalClearInterval(timer);
  }
  function active(timer) { if (timer instanceof Timeout) timer.refresh(); }
  function unenroll(timer) { clearTimeout(timer); }
  function enroll() { throw new Error("Not implemented. Please use setTimeout() instead."); }

  function checkOptions(options) {
    validateObject(options, "options");
    const { signal, ref } = options;
    if (signal !== undefined) validateAbortSignal(signal, "options.signal");
    if (ref !== undefined) validateBoolean(ref, "options.ref");
    if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
    return signal;
  }
  async function setTimeoutP(delay, value, options = {}) {
    if (delay !== undefined) validateNumber(delay, "delay");
    const signal = checkOptions(options);
    return new Promise((resolve, reject) => {
      let onCancel;
      const timer = setTimeout(() => {
        resolve(value);
        if (onCancel) signal.removeEventListener("abort", onCancel);
      }, delay === undefined ? 1 : delay);
      if (signal) {
        onCancel = () => {
          clearTimeout(timer);
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener("abort", onCancel, { once: true });
      }
    });
  }
  async function setImmediateP(value, options = {}) {
    const signal = checkOptions(options);
    return new Promise((resolve, reject) => {
      let onCancel;
      const timer = setImmediate(() => {
        resolve(value);
        if (onCancel) signal.removeEventListener("abort", onCancel);
      });
      if (signal) {
        onCancel = () => {
          clearImmediate(timer);
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener("abort", onCancel, { once: true });
      }
    });
  }
  // setInterval's async iterator, written out (goja has no async
  // generators): each tick queues one yield of value.
  function setIntervalP(delay, value, options = {}) {
    if (delay !== undefined) validateNumber(delay, "delay");
    validateObject(options, "options");
    const { signal, ref } = options;
    if (signal !== undefined) validateAbortSignal(signal, "options.signal");
    if (ref !== undefined) validateBoolean(ref, "options.ref");
    let notYielded = 0;
    let waiting;
    let done = false;
    let interval;
    let onCancel;
    const cleanup = () => {
      done = true;
      if (interval) clearInterval(interval);
      if (onCancel) signal.removeEventListener("abort", onCancel);
    };
    const start = () => {
      if (interval || done) return;
      if (signal && signal.aborted) return;
      interval = new Timeout(() => {
        notYielded++;
        if (waiting) { const w = waiting; waiting = undefined; w.resolve(); }
      }, delay, undefined, true, ref);
      if (signal) {
        onCancel = () => {
          clearInterval(interval);
          if (waiting) { const w = waiting; waiting = undefined; w.reject(new AbortError(undefined, { cause: signal.reason })); }
        };
        signal.addEventListener("abort", onCancel, { once: true });
      }
    };
    return {
      [Symbol.asyncIterator]() { return this; },
      async next() {
        if (done) return { value: undefined, done: true };
        if (signal && signal.aborted) { cleanup(); throw new AbortError(undefined, { cause: signal.reason }); }
        start();
        if (notYielded === 0) {
          try {
            await new Promise((resolve, reject) => { waiting = { resolve, reject }; });
          } catch (e) {
            cleanup();
            throw e;
          }
        }
        notYielded--;
        return { value, done: false };
      },
      async return() { cleanup(); return { value: undefined, done: true }; },
      async throw(e) { cleanup(); throw e; },
    };
  }
  const kScheduler = Symbol.for("kScheduler");
  class Scheduler {
    constructor() { this[kScheduler] = true; }
    yield() {
      if (!this[kScheduler]) throw codes.ERR_INVALID_THIS("Scheduler");
      return setImmediateP();
    }
    wait(delay, options) {
      if (!this[kScheduler]) throw codes.ERR_INVALID_THIS("Scheduler");
      return globalThis.scheduler.wait(delay, options);
    }
  }
  const promises = { setTimeout: setTimeoutP, setImmediate: setImmediateP, setInterval: setIntervalP, scheduler: new Scheduler() };
  const timers = { setTimeout, clearTimeout, setImmediate, clearImmediate, setInterval, clearInterval, active, unenroll, enroll, promises, Timeout };
  if (native.overrideGlobals) {
    // enable_nodejs_global_timers (workerd's internal_timers_global_override.ts).
    Object.assign(globalThis, { setTimeout, setInterval, clearTimeout, clearInterval });
  }
  return { timers, promises };
})
