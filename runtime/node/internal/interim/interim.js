// A stand-in node:events and node:buffer, small, until the real modules
// land from the nodecore branch; the merge replaces the registry lines.
(function (native) {
  "use strict";
  function EventEmitter(opts) { EventEmitter.init.call(this, opts); }
  EventEmitter.init = function () {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); this._eventsCount = 0; }
    this._maxListeners = this._maxListeners || undefined;
  };
  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype.setMaxListeners = function (n) { this._maxListeners = n; return this; };
  EventEmitter.prototype.getMaxListeners = function () { return this._maxListeners === undefined ? 10 : this._maxListeners; };
  EventEmitter.prototype.emit = function (type, ...args) {
    const events = this._events;
    if (type === "error" && (!events || !events.error)) {
      const er = args[0];
      if (er instanceof Error) throw er;
      const err = new Error("Unhandled error." + (er === undefined ? "" : ` (${er})`));
      err.context = er;
      throw err;
    }
    if (!events) return false;
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === "function") handler.apply(this, args);
    else for (const h of handler.slice()) h.apply(this, args);
    return true;
  };
  function add(target, type, listener, prepend) {
    if (typeof listener !== "function") throw new TypeError(`The "listener" argument must be of type function. Received ${typeof listener}`);
    let events = target._events;
    if (events === undefined) { events = target._events = Object.create(null); target._eventsCount = 0; }
    else if (events.newListener !== undefined) { target.emit("newListener", type, listener.listener ? listener.listener : listener); events = target._events; }
    const existing = events[type];
    if (existing === undefined) { events[type] = listener; ++target._eventsCount; }
    else if (typeof existing === "function") events[type] = prepend ? [listener, existing] : [existing, listener];
    else if (prepend) existing.unshift(listener); else existing.push(listener);
    return target;
  }
  EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (t, l) { return add(this, t, l, false); };
  EventEmitter.prototype.prependListener = function (t, l) { return add(this, t, l, true); };
  function onceWrapper(...args) {
    if (!this.fired) { this.target.removeListener(this.type, this.wrapFn); this.fired = true; return this.listener.apply(this.target, args); }
  }
  function wrapOnce(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }
  EventEmitter.prototype.once = function (t, l) { return this.on(t, wrapOnce(this, t, l)); };
  EventEmitter.prototype.prependOnceListener = function (t, l) { return this.prependListener(t, wrapOnce(this, t, l)); };
  EventEmitter.prototype.removeListener = EventEmitter.prototype.off = function (type, listener) {
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener) this.emit("removeListener", type, list.listener || listener);
    } else if (typeof list !== "function") {
      const i = list.findIndex((l) => l === listener || l.listener === listener);
      if (i < 0) return this;
      list.splice(i, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
    }
    return this;
  };
  EventEmitter.prototype.removeAllListeners = function (type) {
    if (type === undefined) { this._events = Object.create(null); this._eventsCount = 0; }
    else if (this._events && this._events[type] !== undefined) { if (--this._eventsCount === 0) this._events = Object.create(null); else delete this._events[type]; }
    return this;
  };
  EventEmitter.prototype.listeners = function (type) {
    const l = this._events && this._events[type];
    return l === undefined ? [] : typeof l === "function" ? [l.listener || l] : l.map((x) => x.listener || x);
  };
  EventEmitter.prototype.rawListeners = function (type) {
    const l = this._events && this._events[type];
    return l === undefined ? [] : typeof l === "function" ? [l] : l.slice();
  };
  EventEmitter.prototype.listenerCount = function (type) {
    const l = this._events && this._events[type];
    return l === undefined ? 0 : typeof l === "function" ? 1 : l.length;
  };
  EventEmitter.listenerCount = (em, type) => em.listenerCount(type);
  EventEmitter.prototype.eventNames = function () { return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : []; };
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.defaultMaxListeners = 10;
  EventEmitter.captureRejectionSymbol = Symbol.for("nodejs.rejection");
  EventEmitter.once = (em, name) => new Promise((res, rej) => { em.once(name, (...a) => res(a)); if (name !== "error") em.once("error", rej); });

  class Buffer extends Uint8Array {
    static from(v, encOrOffset, length) {
      if (typeof v === "string") return toBuf(native.bytes(v, encOrOffset || "utf8"));
      if (v instanceof ArrayBuffer) return toBuf(new Uint8Array(v, encOrOffset || 0, length === undefined ? v.byteLength - (encOrOffset || 0) : length));
      if (ArrayBuffer.isView(v)) return toBuf(new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice());
      if (Array.isArray(v)) return toBuf(Uint8Array.from(v));
      if (v && v.type === "Buffer" && Array.isArray(v.data)) return toBuf(Uint8Array.from(v.data));
      throw new TypeError("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.");
    }
    static alloc(n, fill) { const b = toBuf(new Uint8Array(n)); if (fill !== undefined) b.fill(typeof fill === "string" ? fill.charCodeAt(0) : fill); return b; }
    static allocUnsafe(n) { return toBuf(new Uint8Array(n)); }
    static allocUnsafeSlow(n) { return toBuf(new Uint8Array(n)); }
    static isBuffer(b) { return b instanceof Buffer; }
    static isEncoding(e) { return typeof e === "string" && native.encoding(e) !== ""; }
    static byteLength(s, enc) { return typeof s === "string" ? native.bytes(s, enc || "utf8").length : s.byteLength; }
    static concat(list, total) {
      if (total === undefined) total = list.reduce((a, b) => a + b.length, 0);
      const out = Buffer.alloc(total);
      let off = 0;
      for (const b of list) { if (off >= total) break; out.set(b.subarray(0, total - off), off); off += b.length; }
      return out;
    }
    static compare(a, b) { return a.compare(b); }
    toString(enc, start, end) {
      const v = start !== undefined || end !== undefined ? this.subarray(start || 0, end === undefined ? this.length : end) : this;
      return native.str(v, enc || "utf8");
    }
    toJSON() { return { type: "Buffer", data: Array.from(this) }; }
    equals(o) { return this.compare(o) === 0; }
    compare(o) {
      const n = Math.min(this.length, o.length);
      for (let i = 0; i < n; i++) if (this[i] !== o[i]) return this[i] < o[i] ? -1 : 1;
      return this.length < o.length ? -1 : this.length > o.length ? 1 : 0;
    }
    slice(s, e) { return this.subarray(s, e); }
    subarray(s, e) { const u = Uint8Array.prototype.subarray.call(this, s, e); return toBuf(u); }
    write(str, off = 0, len, enc) {
      if (typeof off === "string") { enc = off; off = 0; }
      const b = native.bytes(str, enc || "utf8");
      const n = Math.min(b.length, this.length - off, len === undefined ? Infinity : len);
      this.set(b.subarray(0, n), off);
      return n;
    }
    copy(target, ts = 0, ss = 0, se = this.length) { const s = this.subarray(ss, se); target.set(s, ts); return s.length; }
    readUInt8(o = 0) { return this[o]; }
    readUInt16BE(o = 0) { return (this[o] << 8) | this[o + 1]; }
    readUInt32BE(o = 0) { return this[o] * 0x1000000 + ((this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]); }
    readUIntBE(o, n) { let v = 0; for (let i = 0; i < n; i++) v = v * 256 + this[o + i]; return v; }
    writeUInt8(v, o = 0) { this[o] = v; return o + 1; }
    writeUInt16BE(v, o = 0) { this[o] = v >>> 8; this[o + 1] = v; return o + 2; }
    writeUInt32BE(v, o = 0) { this[o] = v >>> 24; this[o + 1] = v >>> 16; this[o + 2] = v >>> 8; this[o + 3] = v; return o + 4; }
    readInt32BE(o = 0) { return (this[o] << 24) | (this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]; }
    writeInt32BE(v, o = 0) { return this.writeUInt32BE(v >>> 0, o); }
    readUInt16LE(o = 0) { return this[o] | (this[o + 1] << 8); }
    writeUInt16LE(v, o = 0) { this[o] = v; this[o + 1] = v >>> 8; return o + 2; }
  }
  function toBuf(u8) { Object.setPrototypeOf(u8, Buffer.prototype); return u8; }
  class StringDecoder {
    constructor(enc) { this.encoding = native.encoding(enc || "utf8") || "utf8"; this.pending = new Uint8Array(0); }
    write(b) {
      if (typeof b === "string") return b;
      let all = this.pending.length ? Buffer.concat([this.pending, b]) : b;
      let end = all.length;
      if (this.encoding === "utf8") {
        let i = end - 1;
        while (i >= 0 && i >= end - 4 && (all[i] & 0xc0) === 0x80) i--;
        if (i >= 0) { const c = all[i]; const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1; if (end - i < need) end = i; }
      } else if (this.encoding === "utf16le") end -= end % 2;
      else if (this.encoding === "base64" || this.encoding === "base64url") end -= end % 3;
      this.pending = all.subarray(end).slice();
      return native.str(all.subarray(0, end), this.encoding);
    }
    end(b) { let s = b ? this.write(b) : ""; if (this.pending.length) { s += native.str(this.pending, this.encoding); this.pending = new Uint8Array(0); } return s; }
  }
  const util = {
    inherits(ctor, superCtor) { Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true }); Object.setPrototypeOf(ctor.prototype, superCtor.prototype); },
    deprecate: (fn) => fn,
    promisify: (fn) => (...args) => new Promise((res, rej) => fn(...args, (e, v) => (e ? rej(e) : res(v)))),
    inspect: (v) => { try { return typeof v === "string" ? v : JSON.stringify(v); } catch { return String(v); } },
    format: (f, ...a) => {
      if (typeof f !== "string") return [f, ...a].map((v) => (typeof v === "string" ? v : util.inspect(v))).join(" ");
      let i = 0;
      const s = f.replace(/%[sdj%]/g, (m) => (m === "%%" ? "%" : i < a.length ? (m === "%j" ? JSON.stringify(a[i++]) : String(a[i++])) : m));
      return [s, ...a.slice(i).map((v) => (typeof v === "string" ? v : util.inspect(v)))].join(" ");
    },
    debuglog: () => () => {},
    isArray: Array.isArray,
    TextEncoder, TextDecoder,
    types: { isUint8Array: (v) => v instanceof Uint8Array, isPromise: (v) => v instanceof Promise },
  };
  // Not AsyncLocalStorage: the store does not follow awaits. The real one is
  // nodecore's.
  class AsyncLocalStorage {
    run(store, fn, ...args) { const prev = this._s; this._s = store; try { return fn(...args); } finally { this._s = prev; } }
    getStore() { return this._s; }
  }
  const timersPromises = { setTimeout: (ms, v) => new Promise((r) => setTimeout(() => r(v), ms)), setImmediate: (v) => new Promise((r) => setTimeout(() => r(v), 0)) };
  return { util, async_hooks: { AsyncLocalStorage }, timers_promises: timersPromises, events: EventEmitter, buffer: { Buffer, kMaxLength: 2 ** 32, constants: { MAX_LENGTH: 2 ** 32 } }, string_decoder: { StringDecoder } };
})
