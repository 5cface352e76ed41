// Event, CustomEvent and EventTarget after the DOM Standard
// (https://dom.spec.whatwg.org/#events), AbortController and AbortSignal
// (https://dom.spec.whatwg.org/#aborting-ongoing-activities), and workerd's
// scheduler.wait (src/workerd/api/basics.c++), with the behaviour workerd
// has where it departs from the standard, because that is what a worker sees
// in production:
// - addEventListener/removeEventListener reject `capture: true` (and a true
//   useCapture boolean) and `passive: true` with workerd's TypeErrors; there
//   is no tree to capture through and nothing is passive.
// - An exception thrown by a listener stops the dispatch and propagates out
//   of dispatchEvent (and so out of AbortController.abort()) instead of being
//   reported and skipped.
// - A listener that returns something other than undefined or a boolean gets
//   a one-time warning per target (an async listener's promise is ignored);
//   returning true cancels a cancelable event.
// - AbortSignal's onabort handler runs before the listeners, and an aborted
//   signal drops its listeners once "abort" has fired.
// - AbortSignal.timeout's timer does not keep the worker busy.
// Knowingly missing: event paths beyond the target (no DOM tree, so bubbles
// and composed are only recorded), and isTrusted being an own unforgeable
// property (it is a prototype getter here).
//
// This file is one function expression. Go calls it once per runtime with
// `native` (now, unrefTimer, warn, reportError) and it defines the globals;
// it returns the internal hooks the outbound fetch uses (onAbort, aborted,
// reason), which user code cannot reach.
(function (native) {
  "use strict";

  const DOMExceptionCtor = DOMException;
  const TypeErrorCtor = TypeError;
  const PromiseCtor = Promise;
  const setTimeoutFn = setTimeout;
  const clearTimeoutFn = clearTimeout;
  const defineProperty = Object.defineProperty;
  const kCreate = Symbol("create");

  const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;

  function argCount(have, need, what) {
    if (have < need) {
      throw new TypeErrorCtor(`${what}: ${need} argument${need > 1 ? "s" : ""} required, but only ${have} present.`);
    }
  }
  // DOMString conversion: String() would turn a Symbol into "Symbol()",
  // Web IDL throws.
  function domString(v) {
    if (typeof v === "symbol") throw new TypeErrorCtor("Cannot convert a Symbol value to a string");
    return String(v);
  }
  function dictionary(v, what, type) {
    if (v === undefined || v === null) return {};
    if (typeof v !== "object" && typeof v !== "function") {
      throw new TypeErrorCtor(`${what}: The provided value is not of type '${type}'.`);
    }
    return v;
  }
  function abortError() {
    return new DOMExceptionCtor("The operation was aborted", "AbortError");
  }

  // ---- Event --------------------------------------------------------------

  class Event {
    #type;
    #bubbles;
    #cancelable;
    #composed;
    #target = null;
    #current = null;
    #phase = NONE;
    #stop = false;
    #stopNow = false;
    #canceled = false;
    #dispatching = false;
    #trusted = false;
    #time;

    constructor(type, init) {
      argCount(arguments.length, 1, "Failed to construct 'Event'");
      this.#type = domString(type);
      init = dictionary(init, "Failed to construct 'Event'", "EventInit");
      this.#bubbles = !!init.bubbles;
      this.#cancelable = !!init.cancelable;
      this.#composed = !!init.composed;
      this.#time = native.now();
    }
    static #check(o) {
      if (o === null || typeof o !== "object" || !(#type in o)) throw new TypeErrorCtor("Illegal invocation");
      return o;
    }
    get type() { return Event.#check(this).#type; }
    get target() { return Event.#check(this).#target; }
    get srcElement() { return Event.#check(this).#target; }
    get currentTarget() { return Event.#check(this).#current; }
    get eventPhase() { return Event.#check(this).#phase; }
    get bubbles() { return Event.#check(this).#bubbles; }
    get cancelable() { return Event.#check(this).#cancelable; }
    get composed() { return Event.#check(this).#composed; }
    get defaultPrevented() { return Event.#check(this).#canceled; }
    get isTrusted() { return Event.#check(this).#trusted; }
    get timeStamp() { return Event.#check(this).#time; }
    get returnValue() { return !Event.#check(this).#canceled; }
    set returnValue(v) { if (!v) Event.#check(this).preventDefault(); }
    get cancelBubble() { return Event.#check(this).#stop; }
    set cancelBubble(v) { if (v) Event.#check(this).#stop = true; }
    composedPath() {
      Event.#check(this);
      return this.#dispatching && this.#current !== null ? [this.#current] : [];
    }
    stopPropagation() { Event.#check(this).#stop = true; }
    stopImmediatePropagation() {
      Event.#check(this);
      this.#stop = true;
      this.#stopNow = true;
    }
    preventDefault() {
      Event.#check(this);
      if (this.#cancelable) this.#canceled = true;
    }
    initEvent(type, bubbles = false, cancelable = false) {
      Event.#check(this);
      argCount(arguments.length, 1, "Failed to execute 'initEvent' on 'Event'");
      if (this.#dispatching) return;
      this.#type = domString(type);
      this.#bubbles = !!bubbles;
      this.#cancelable = !!cancelable;
      this.#stop = this.#stopNow = this.#canceled = false;
      this.#trusted = false;
      this.#target = null;
    }
    get [Symbol.toStringTag]() { return "Event"; }

    // dispatch runs the listeners of target for event (the DOM's dispatch
    // steps for a target with no parent). `first` is an event handler
    // attribute's function (onabort) or null; `list` is a snapshot of the
    // listener records. Kept inside the class because it sets the event's
    // private state; taken out below.
    static _dispatch(event, target, first, list, trusted, warnReturn) {
      Event.#check(event);
      if (event.#dispatching) {
        throw new DOMExceptionCtor("The event is already being dispatched.", "InvalidStateError");
      }
      event.#trusted = trusted;
      event.#dispatching = true;
      event.#target = target;
      event.#current = target;
      event.#phase = AT_TARGET;
      try {
        if (first !== null) {
          const ret = first.call(target, event);
          if (ret === true) event.preventDefault();
        }
        for (let i = 0; i < list.length; i++) {
          if (event.#stopNow) break;
          const l = list[i];
          if (l.removed) continue;
          if (l.once) l.remove();
          let ret;
          const cb = l.callback;
          if (typeof cb === "function") {
            ret = cb.call(target, event);
          } else {
            const handle = cb.handleEvent;
            if (typeof handle !== "function") throw new TypeErrorCtor("The provided callback is not a function and has no callable 'handleEvent' property.");
            ret = handle.call(cb, event);
          }
          if (ret === true) event.preventDefault();
          else if (ret !== undefined && ret !== false) warnReturn(ret);
        }
      } finally {
        event.#dispatching = false;
        event.#current = null;
        event.#phase = NONE;
        event.#stop = false;
        event.#stopNow = false;
      }
      return !event.#canceled;
    }
  }
  const dispatch = Event._dispatch;
  delete Event._dispatch;

  class CustomEvent extends Event {
    #detail;
    constructor(type, init) {
      argCount(arguments.length, 1, "Failed to construct 'CustomEvent'");
      init = dictionary(init, "Failed to construct 'CustomEvent'", "CustomEventInit");
      super(type, init);
      this.#detail = init.detail === undefined ? null : init.detail;
    }
    get detail() {
      if (this === null || typeof this !== "object" || !(#detail in this)) throw new TypeErrorCtor("Illegal invocation");
      return this.#detail;
    }
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      argCount(arguments.length, 1, "Failed to execute 'initCustomEvent' on 'CustomEvent'");
      if (this === null || typeof this !== "object" || !(#detail in this)) throw new TypeErrorCtor("Illegal invocation");
      this.initEvent(type, bubbles, cancelable);
      this.#detail = detail;
    }
    get [Symbol.toStringTag]() { return "CustomEvent"; }
  }

  // ---- EventTarget ----------------------------------------------------------

  // listenerOptions flattens the third argument the way workerd does:
  // capture and passive must be false.
  function listenerOptions(options, what, add) {
    if (options === undefined || options === null) return { once: false, signal: undefined };
    if (typeof options !== "object" && typeof options !== "function") {
      if (options) throw new TypeErrorCtor(`${what}(): useCapture must be false.`);
      return { once: false, signal: undefined };
    }
    if (options.capture) throw new TypeErrorCtor(`${what}(): options.capture must be false.`);
    if (!add) return null;
    if (options.passive) throw new TypeErrorCtor(`${what}(): options.passive must be false.`);
    const signal = options.signal;
    if (signal !== undefined && !isSignal(signal)) {
      throw new TypeErrorCtor("Failed to execute 'addEventListener' on 'EventTarget': Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.");
    }
    return { once: !!options.once, signal };
  }

  function checkCallback(cb, what) {
    if (cb === null || cb === undefined) return false;
    if (typeof cb !== "function" && typeof cb !== "object") {
      throw new TypeErrorCtor(`Failed to execute '${what}' on 'EventTarget': parameter 2 is not of type 'EventListener'.`);
    }
    return true;
  }

  class EventTarget {
    #listeners = new Map(); // type -> array of records, in insertion order
    #handlers = null; // type -> event handler attribute function (onabort)
    #warned = false;

    constructor() {}
    static #check(o) {
      if (o === null || typeof o !== "object" || !(#listeners in o)) throw new TypeErrorCtor("Illegal invocation");
      return o;
    }

    addEventListener(type, callback, options) {
      EventTarget.#check(this);
      argCount(arguments.length, 2, "Failed to execute 'addEventListener' on 'EventTarget'");
      type = domString(type);
      const opts = listenerOptions(options, "addEventListener", true);
      if (!checkCallback(callback, "addEventListener")) return;
      if (opts.signal !== undefined && signalAborted(opts.signal)) return;
      let list = this.#listeners.get(type);
      if (list === undefined) this.#listeners.set(type, (list = []));
      for (let i = 0; i < list.length; i++) if (list[i].callback === callback) return;
      const listeners = this.#listeners;
      const rec = {
        callback,
        once: opts.once,
        removed: false,
        off: null,
        remove() {
          if (rec.removed) return;
          rec.removed = true;
          const l = listeners.get(type);
          if (l !== undefined) {
            const i = l.indexOf(rec);
            if (i >= 0) l.splice(i, 1);
            if (l.length === 0) listeners.delete(type);
          }
          if (rec.off !== null) { rec.off(); rec.off = null; }
        },
      };
      list.push(rec);
      if (opts.signal !== undefined) rec.off = addAlgorithm(opts.signal, () => rec.remove());
    }

    removeEventListener(type, callback, options) {
      EventTarget.#check(this);
      argCount(arguments.length, 2, "Failed to execute 'removeEventListener' on 'EventTarget'");
      type = domString(type);
      listenerOptions(options, "removeEventListener", false);
      if (!checkCallback(callback, "removeEventListener")) return;
      const list = this.#listeners.get(type);
      if (list === undefined) return;
      for (let i = 0; i < list.length; i++) {
        if (list[i].callback === callback) { list[i].remove(); return; }
      }
    }

    dispatchEvent(event) {
      EventTarget.#check(this);
      argCount(arguments.length, 1, "Failed to execute 'dispatchEvent' on 'EventTarget'");
      if (!(event instanceof Event)) {
        throw new TypeErrorCtor("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      }
      return EventTarget.#fire(this, event, false);
    }
    get [Symbol.toStringTag]() { return "EventTarget"; }

    static #fire(target, event, trusted) {
      const type = event.type;
      const h = target.#handlers === null ? undefined : target.#handlers.get(type);
      const list = target.#listeners.get(type);
      return dispatch(event, target, typeof h === "function" ? h : null, list === undefined ? [] : list.slice(), trusted, (ret) => {
        if (target.#warned) return;
        target.#warned = true;
        native.warn(ret instanceof PromiseCtor
          ? "An event handler returned a promise that will be ignored. Event handlers should not have a return value and should not be async functions."
          : `An event handler returned a value of type "${typeof ret}" that will be ignored. Event handlers should not have a return value.`);
      });
    }
    // Internal, taken out below: fire an event the runtime creates.
    static _fire(target, event) { return EventTarget.#fire(target, event, true); }
    static _getHandler(target, type) {
      const h = target.#handlers === null ? undefined : target.#handlers.get(type);
      return h === undefined ? null : h;
    }
    static _setHandler(target, type, fn) {
      if (target.#handlers === null) target.#handlers = new Map();
      // workerd keeps functions and objects and calls only functions.
      if ((typeof fn === "function" || (typeof fn === "object" && fn !== null))) target.#handlers.set(type, fn);
      else target.#handlers.delete(type);
    }
    static _clear(target) {
      for (const list of target.#listeners.values()) {
        for (const rec of list) {
          rec.removed = true;
          if (rec.off !== null) { rec.off(); rec.off = null; }
        }
      }
      target.#listeners.clear();
    }
  }
  const fireTrusted = EventTarget._fire;
  const getHandler = EventTarget._getHandler;
  const setHandler = EventTarget._setHandler;
  const clearListeners = EventTarget._clear;
  delete EventTarget._fire;
  delete EventTarget._getHandler;
  delete EventTarget._setHandler;
  delete EventTarget._clear;

  // ---- AbortSignal and AbortController ------------------------------------

  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    #algorithms = null; // Set of functions run when the signal aborts
    #dependents = null; // Set of AbortSignal.any results that follow this one
    #sources = null; // for an AbortSignal.any result: the signals it follows

    constructor(key) {
      if (key !== kCreate) throw new TypeErrorCtor("Illegal constructor");
      super();
    }
    static #check(o) {
      if (o === null || typeof o !== "object" || !(#aborted in o)) throw new TypeErrorCtor("Illegal invocation");
      return o;
    }
    get aborted() { return AbortSignal.#check(this).#aborted; }
    get reason() { return AbortSignal.#check(this).#reason; }
    throwIfAborted() {
      AbortSignal.#check(this);
      if (this.#aborted) throw this.#reason;
    }
    get onabort() { return getHandler(AbortSignal.#check(this), "abort"); }
    set onabort(fn) { setHandler(AbortSignal.#check(this), "abort", fn); }
    get [Symbol.toStringTag]() { return "AbortSignal"; }

    static abort(reason) {
      const s = new AbortSignal(kCreate);
      s.#aborted = true;
      s.#reason = reason === undefined ? abortError() : reason;
      return s;
    }

    static timeout(ms) {
      argCount(arguments.length, 1, "Failed to execute 'timeout' on 'AbortSignal'");
      ms = enforceRange(ms, "Failed to execute 'timeout' on 'AbortSignal'");
      const s = new AbortSignal(kCreate);
      native.unrefTimer(ms, () => {
        AbortSignal.#abort(s, new DOMExceptionCtor("The operation was aborted due to timeout", "TimeoutError"));
      });
      return s;
    }

    // any follows the DOM's "create a dependent abort signal": the result
    // follows the sources' own sources, so chains stay one level deep.
    static any(signals) {
      argCount(arguments.length, 1, "Failed to execute 'any' on 'AbortSignal'");
      if (signals === null || typeof signals !== "object" || typeof signals[Symbol.iterator] !== "function") {
        throw new TypeErrorCtor("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
      }
      const list = [];
      for (const s of signals) {
        if (!isSignal(s)) throw new TypeErrorCtor("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
        list.push(s);
      }
      const out = new AbortSignal(kCreate);
      for (const s of list) {
        if (s.#aborted) {
          out.#aborted = true;
          out.#reason = s.#reason;
          return out;
        }
      }
      out.#sources = new Set();
      for (const s of list) {
        if (s.#sources === null) AbortSignal.#follow(out, s);
        else for (const src of s.#sources) AbortSignal.#follow(out, src);
      }
      return out;
    }
    static #follow(out, src) {
      out.#sources.add(src);
      if (src.#dependents === null) src.#dependents = new Set();
      src.#dependents.add(out);
    }

    // #add registers an abort algorithm and returns its remover.
    static #add(s, fn) {
      if (s.#aborted) return () => {};
      if (s.#algorithms === null) s.#algorithms = new Set();
      const algorithms = s.#algorithms;
      const entry = () => fn();
      algorithms.add(entry);
      return () => { algorithms.delete(entry); };
    }

    // #abort is the DOM's "signal abort": set the reason here and on every
    // dependent, then run the abort steps (algorithms, the "abort" event)
    // for this signal and after it for the dependents.
    static #abort(s, reason) {
      if (s.#aborted) return;
      s.#aborted = true;
      s.#reason = reason === undefined ? abortError() : reason;
      const follow = [];
      if (s.#dependents !== null) {
        for (const d of s.#dependents) {
          if (d.#aborted) continue;
          d.#aborted = true;
          d.#reason = s.#reason;
          follow.push(d);
        }
        s.#dependents = null;
      }
      try {
        AbortSignal.#steps(s);
      } finally {
        for (const d of follow) AbortSignal.#steps(d);
      }
    }
    static #steps(s) {
      if (s.#sources !== null) {
        // An aborted follower need not be kept by its sources any more.
        for (const src of s.#sources) if (src.#dependents !== null) src.#dependents.delete(s);
        s.#sources = null;
      }
      const algorithms = s.#algorithms;
      s.#algorithms = null;
      try {
        if (algorithms !== null) for (const fn of algorithms) fn();
        fireTrusted(s, new Event("abort"));
      } finally {
        clearListeners(s);
      }
    }
    static _abort(s, reason) { AbortSignal.#abort(AbortSignal.#check(s), reason); }
    static _add(s, fn) { return AbortSignal.#add(AbortSignal.#check(s), fn); }
    static _is(s) { return s !== null && typeof s === "object" && #aborted in s; }
    static _aborted(s) { return AbortSignal.#check(s).#aborted; }
    static _reason(s) { return AbortSignal.#check(s).#reason; }
  }
  const signalAbort = AbortSignal._abort;
  const addAlgorithm = AbortSignal._add;
  const isSignal = AbortSignal._is;
  const signalAborted = AbortSignal._aborted;
  const signalReason = AbortSignal._reason;
  for (const k of ["_abort", "_add", "_is", "_aborted", "_reason"]) delete AbortSignal[k];

  // enforceRange converts to a Web IDL [EnforceRange] unsigned long long.
  function enforceRange(v, what) {
    const n = +v;
    if (!Number.isFinite(n)) throw new TypeErrorCtor(`${what}: Value is not of type 'unsigned long long'.`);
    const t = Math.trunc(n);
    if (t < 0 || t > Number.MAX_SAFE_INTEGER) throw new TypeErrorCtor(`${what}: Value is outside the 'unsigned long long' value range.`);
    return t;
  }

  class AbortController {
    #signal;
    constructor() { this.#signal = new AbortSignal(kCreate); }
    static #check(o) {
      if (o === null || typeof o !== "object" || !(#signal in o)) throw new TypeErrorCtor("Illegal invocation");
      return o;
    }
    get signal() { return AbortController.#check(this).#signal; }
    abort(reason) { signalAbort(AbortController.#check(this).#signal, reason); }
    get [Symbol.toStringTag]() { return "AbortController"; }
  }

  // ---- scheduler.wait and reportError ---------------------------------------

  function optionalSignal(options, what) {
    if (options === undefined || options === null) return undefined;
    if (typeof options !== "object" && typeof options !== "function") {
      throw new TypeErrorCtor(`${what}: The provided value is not of type 'WaitOptions'.`);
    }
    const s = options.signal;
    if (s === undefined || s === null) return undefined;
    if (!isSignal(s)) throw new TypeErrorCtor(`${what}: Failed to read the 'signal' property from 'WaitOptions': Failed to convert value to 'AbortSignal'.`);
    return s;
  }

  class Scheduler {
    constructor(key) { if (key !== kCreate) throw new TypeErrorCtor("Illegal constructor"); }
    // wait resolves after delay ms, like a setTimeout that can be awaited;
    // an abort rejects it with the signal's reason.
    wait(delay, options) {
      try {
        argCount(arguments.length, 1, "Failed to execute 'wait' on 'Scheduler'");
        let ms = +delay;
        if (!(ms > 0)) ms = 0;
        const signal = optionalSignal(options, "Failed to execute 'wait' on 'Scheduler'");
        if (signal !== undefined && signalAborted(signal)) return PromiseCtor.reject(signalReason(signal));
        return new PromiseCtor((resolve, reject) => {
          let off = null;
          const id = setTimeoutFn(() => {
            if (off !== null) off();
            resolve();
          }, ms);
          if (signal !== undefined) {
            off = addAlgorithm(signal, () => {
              clearTimeoutFn(id);
              reject(signalReason(signal));
            });
          }
        });
      } catch (e) {
        return PromiseCtor.reject(e);
      }
    }
    get [Symbol.toStringTag]() { return "Scheduler"; }
  }

  function reportError(e) {
    argCount(arguments.length, 1, "Failed to execute 'reportError' on 'ServiceWorkerGlobalScope'");
    native.reportError(e);
  }

  // Web IDL members are enumerable accessors and methods on the prototype.
  function idl(cls, constants) {
    const proto = cls.prototype;
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (k === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(proto, k);
      d.enumerable = true;
      defineProperty(proto, k, d);
    }
    if (constants) {
      for (const k of Object.keys(constants)) {
        const d = { value: constants[k], enumerable: true };
        defineProperty(cls, k, d);
        defineProperty(proto, k, d);
      }
    }
  }
  idl(Event, { NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE });
  idl(CustomEvent);
  idl(EventTarget);
  idl(AbortSignal);
  idl(AbortController);
  idl(Scheduler);

  const g = globalThis;
  const define = (name, value) => defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  define("Event", Event);
  define("CustomEvent", CustomEvent);
  define("EventTarget", EventTarget);
  define("AbortSignal", AbortSignal);
  define("AbortController", AbortController);
  define("scheduler", new Scheduler(kCreate));
  define("reportError", reportError);

  return {
    isSignal,
    aborted: signalAborted,
    reason: signalReason,
    onAbort: addAlgorithm,
  };
});
