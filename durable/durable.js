// A Durable Object namespace as workerd gives it to a worker
// (https://developers.cloudflare.com/durable-objects/api/namespace/, .../id/,
// .../stub/, .../state/, .../sqlite-storage-api/ and .../legacy-kv-storage-api/;
// the platform's texts are in reference section 2 and in
// durable/testdata/wrangler-4.86.0-probe.json): ids, stubs with fetch and
// RPC, the object's state and storage, and the input and output gates.
//
// The objects of a namespace live in the worker's own instance (as in
// workerd, where a worker's classes share its isolate), one live object per
// id. An event (a fetch or an RPC call) is delivered as a job of its own on
// the loop, one at a time: storage calls run synchronously in Go, so no
// other event is delivered while one runs (the input gate), while an await
// on fetch() lets the next event in. Writes go into one open transaction
// committed after the turn; an event's result is handed back only after
// that commit (the output gate).
//
// Alarms run on the session's clock (alarm.go). Knowingly missing: WebSockets (hibernation), jurisdictions (as
// locally: refused), RPC promise pipelining (stub.a().b()), ReadableStream
// arguments by transfer, the 128-key and value-size checks (not applied by
// workerd's local SQLite storage either), ctx.abort's retryAlarm.
//
// This file is one function expression; Go calls it with `native` once per
// worker instance and binding, and env.NAME is what it returns.
(function (native) {
  "use strict";
  const TOKEN = Symbol("edgedev internal");
  let workers;
  const cfw = () => workers ??= globalThis.__edgedev_import("cloudflare:workers");

  // ---- ids
  class DurableObjectId {
    #hex;
    #name;
    constructor(token, hex, name) {
      if (token !== TOKEN) throw new TypeError("Illegal constructor");
      this.#hex = hex;
      this.#name = name;
    }
    toString() { return this.#hex; }
    equals(other) { return other instanceof DurableObjectId && other.#hex === this.#hex; }
    get name() { return this.#name; }
    get jurisdiction() { return undefined; }
    static hexOf(id) { return id.#hex; }
  }
  Object.defineProperty(DurableObjectId.prototype, Symbol.toStringTag, { value: "DurableObjectId" });

  function noJurisdiction(opts) {
    if (opts != null && typeof opts === "object" && opts.jurisdiction !== undefined) {
      throw new Error("Jurisdiction restrictions are not implemented in workerd.");
    }
  }
  function routing(opts) {
    if (opts != null && typeof opts === "object" && opts.routingMode !== undefined && opts.routingMode !== "primary-only") {
      throw new RangeError("unknown routingMode: " + opts.routingMode);
    }
  }

  class DurableObjectNamespace {
    constructor(token) { if (token !== TOKEN) throw new TypeError("Illegal constructor"); }
    newUniqueId(opts) {
      noJurisdiction(opts);
      return new DurableObjectId(TOKEN, native.newUniqueId(), undefined);
    }
    idFromName(name) {
      if (arguments.length < 1) throw new TypeError("Failed to execute 'idFromName' on 'DurableObjectNamespace': parameter 1 is not of type 'string'.");
      name = String(name);
      return new DurableObjectId(TOKEN, native.idFromName(name), name);
    }
    idFromString(s) {
      s = String(s);
      const r = native.checkId(s);
      if (r === 1) throw new TypeError("Invalid Durable Object ID: must be 64 hex digits");
      if (r === 2) throw new TypeError("Durable Object ID is not valid for this namespace.");
      return new DurableObjectId(TOKEN, s.toLowerCase(), undefined);
    }
    get(id, opts) {
      if (!(id instanceof DurableObjectId)) {
        throw new TypeError("Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'.");
      }
      routing(opts);
      return makeStub(id);
    }
    getByName(name, opts) { return this.get(this.idFromName(name), opts); }
    jurisdiction(_j) { throw new Error("Jurisdiction restrictions are not implemented in workerd."); }
  }
  Object.defineProperty(DurableObjectNamespace.prototype, Symbol.toStringTag, { value: "DurableObjectNamespace" });

  // ---- live objects and event delivery (the input gate)
  const live = new Map(); // hex -> actor

  function actorOf(id) {
    const hex = DurableObjectId.hexOf(id);
    let a = live.get(hex);
    if (a === undefined) {
      a = { id, hex, queue: [], scheduled: false, blocked: 0, active: 0, inst: null, state: null, gen: 0, idleArmed: false };
      live.set(hex, a);
    }
    return a;
  }

  function describe(a) {
    if (a.label === undefined) {
      const n = a.id.name;
      a.label = "-> " + native.className + "(" + (n !== undefined ? "idFromName " + JSON.stringify(n) : a.hex.slice(0, 16) + "...") + ") ";
    }
    return a.label;
  }

  function construct(a) {
    const exportsObj = globalThis[native.entry];
    const Cls = exportsObj != null ? exportsObj[native.className] : undefined;
    if (typeof Cls !== "function") {
      throw new Error(`Worker does not export a Durable Object class named "${native.className}"`);
    }
    a.state = new DurableObjectState(TOKEN, a);
    a.inst = new Cls(a.state, cfw().env);
  }

  // deliver queues an event for the object; run gets the live instance.
  // out converts the result for the caller (RPC's by-value passing).
  function deliver(a, what, run, out) {
    return new Promise((resolve, reject) => {
      a.queue.push({ what, run, out, resolve, reject });
      pump(a);
    });
  }

  function pump(a) {
    if (a.scheduled || a.blocked > 0 || a.queue.length === 0) return;
    a.scheduled = true;
    native.post(() => {
      a.scheduled = false;
      if (a.blocked > 0 || a.queue.length === 0) return;
      const ev = a.queue.shift();
      start(a, ev);
      pump(a);
    });
  }

  function start(a, ev) {
    let p;
    try {
      if (a.inst === null) {
        construct(a);
        if (a.blocked > 0) { // blockConcurrencyWhile in the constructor holds the first event too
          a.queue.unshift(ev);
          return;
        }
      }
      native.served(describe(a) + ev.what);
      a.active++;
      p = Promise.resolve(ev.run(a.inst));
    } catch (e) {
      a.active++;
      p = Promise.reject(e);
    }
    p.then((v) => finish(a, ev, v, false), (e) => finish(a, ev, e, true));
  }

  // finish hands an event's result back once its writes are durable.
  function finish(a, ev, v, failed) {
    const gate = native.committed(a.hex);
    if (gate === undefined) return settle(a, ev, v, failed, "");
    return gate.then((err) => settle(a, ev, v, failed, err));
  }

  function settle(a, ev, v, failed, err) {
    a.active--;
    armIdle(a);
    if (err) return ev.reject(new Error("Durable Object storage write failed: " + err));
    try {
      if (failed) ev.reject(ev.out ? copyError(v) : v);
      else ev.resolve(ev.out ? ev.out(v) : v);
    } catch (e) {
      ev.reject(e);
    }
  }

  // outputGate resolves when the writes so far are durable.
  function outputGate(a) {
    const p = native.committed(a.hex);
    if (p === undefined) return Promise.resolve();
    return p.then((err) => {
      if (err) throw new Error("Durable Object storage write failed: " + err);
    });
  }

  // Idle eviction: the live object is dropped (its storage kept) after
  // native.idleMs without an event, as workerd frees an idle actor.
  function armIdle(a) {
    a.last = native.monotonic();
    if (a.idleArmed) return;
    a.idleArmed = true;
    native.idle(() => {
      a.idleArmed = false;
      if (live.get(a.hex) !== a) return;
      if (a.active > 0 || a.queue.length > 0 || a.blocked > 0 || native.monotonic() - a.last < native.idleMs - 5) {
        if (a.active === 0) armIdle(a);
        return;
      }
      live.delete(a.hex);
    });
  }

  // ---- RPC: passing values
  const RESERVED = new Set(["fetch", "connect", "alarm", "webSocketMessage", "webSocketClose", "webSocketError", "dup", "constructor"]);
  const stubs = new WeakSet();

  function isBuiltinCloneable(v) {
    return v instanceof Date || v instanceof RegExp || v instanceof Map || v instanceof Set ||
      v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Boolean || v instanceof Number ||
      v instanceof String || (typeof BigInt === "function" && Object.prototype.toString.call(v) === "[object BigInt]");
  }

  // pass makes the copy the other side gets: structured clone for data,
  // a stub for a function or an RpcTarget (by reference), the object
  // itself for a stub, a Request, a Response or a stream.
  function passArgs(args) {
    const out = new Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = pass(args[i]);
    return out;
  }

  function pass(v, seen) {
    if (typeof v === "function") return stubs.has(v) ? v : functionStub(v);
    if (v === null || typeof v !== "object") return v;
    if (stubs.has(v)) return v;
    if (seen === undefined) seen = new Map();
    if (seen.has(v)) return seen.get(v);
    const RpcTarget = cfw().RpcTarget;
    if (v instanceof RpcTarget) {
      const s = targetStub(v);
      seen.set(v, s);
      return s;
    }
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) if (i in v) out[i] = pass(v[i], seen);
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      const out = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = pass(v[k], seen);
      return out;
    }
    if (v instanceof Error) return copyError(v);
    if (v instanceof Request || v instanceof Response || v instanceof ReadableStream || v instanceof WritableStream) return v;
    if (isBuiltinCloneable(v)) return structuredClone(v);
    const name = proto && typeof proto.constructor === "function" ? proto.constructor.name : "Object";
    throw new DOMException(`Could not serialize object of type "${name}". This type does not support serialization.`, "DataCloneError");
  }

  // copyError is an error as the caller gets it: same class (by name),
  // message and own properties; the stack is the caller's.
  function copyError(e) {
    if (!(e instanceof Error)) return pass(e);
    if (e instanceof DOMException) return new DOMException(e.message, e.name);
    const C = globalThis[e.name];
    const out = typeof C === "function" && (C === Error || C.prototype instanceof Error) ? new C(e.message) : new Error(e.message);
    for (const k of Object.keys(e)) {
      if (k !== "message" && k !== "stack") {
        try { out[k] = pass(e[k]); } catch { /* an unserializable property stays behind */ }
      }
    }
    return out;
  }

  // member finds what RPC may reach on a target: prototype members only,
  // not own properties and not Object.prototype's.
  function member(target, name) {
    if (RESERVED.has(name)) throw new TypeError(`'${name}' is a reserved method and cannot be called over RPC.`);
    let p = Object.getPrototypeOf(target);
    while (p !== null && p !== Object.prototype) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d !== undefined) return d;
      p = Object.getPrototypeOf(p);
    }
    throw new TypeError(`The RPC receiver does not implement the method "${name}".`);
  }

  function invoke(target, name, args) {
    const d = member(target, name);
    const f = d.get !== undefined ? d.get.call(target) : d.value;
    if (typeof f !== "function") throw new TypeError(`"${name}" is not a function.`);
    return f.apply(target, args);
  }

  function property(target, name) {
    const d = member(target, name);
    return d.get !== undefined ? d.get.call(target) : d.value;
  }

  function requireRPC(inst) {
    if (!(inst instanceof cfw().DurableObject)) {
      throw new TypeError("The receiving Durable Object does not support RPC, because its class was not declared with `extends DurableObject`.");
    }
  }

  // rpcMember is stub.NAME: a function that calls the method, and a
  // thenable that fetches the property.
  function rpcMember(call, get) {
    const f = function (...args) { return call(args); };
    const prop = () => get();
    Object.defineProperties(f, {
      then: { value: (ok, err) => prop().then(ok, err) },
      catch: { value: (err) => prop().catch(err) },
      finally: { value: (fn) => prop().finally(fn) },
    });
    stubs.add(f);
    return f;
  }

  function functionStub(fn) {
    const s = function (...args) {
      let copied;
      try { copied = passArgs(args); } catch (e) { return Promise.reject(e); }
      return Promise.resolve().then(() => fn(...copied)).then((v) => pass(v), (e) => { throw copyError(e); });
    };
    stubs.add(s);
    return s;
  }

  function targetStub(t) {
    const s = new Proxy(Object.create(null), {
      get(_o, name) {
        if (typeof name === "symbol" || name === "then") return undefined;
        return rpcMember(
          (args) => {
            let copied;
            try { copied = passArgs(args); } catch (e) { return Promise.reject(e); }
            return Promise.resolve().then(() => invoke(t, name, copied)).then((v) => pass(v), (e) => { throw copyError(e); });
          },
          () => Promise.resolve().then(() => property(t, name)).then((v) => pass(v), (e) => { throw copyError(e); }),
        );
      },
    });
    stubs.add(s);
    return s;
  }

  // ---- stubs of objects
  const stubIds = new WeakMap();
  function DurableObject() { throw new TypeError("Illegal constructor"); }
  const StubProto = DurableObject.prototype;
  Object.defineProperties(StubProto, {
    id: { get() { return stubIds.get(this); }, configurable: true },
    name: { get() { const id = stubIds.get(this); return id && id.name; }, configurable: true },
    fetch: {
      value: function fetch(input, init) {
        const id = stubIds.get(this);
        const req = new Request(input, init);
        return deliver(actorOf(id), "fetch " + new URL(req.url).pathname, (inst) => {
          if (typeof inst.fetch !== "function") throw new TypeError("Handler does not export a fetch() function.");
          return inst.fetch(req);
        });
      },
      writable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: "DurableObject", configurable: true },
  });

  function makeStub(id) {
    const target = Object.create(StubProto);
    const members = new Map();
    const stub = new Proxy(target, {
      get(t, name, receiver) {
        if (typeof name === "symbol" || name in t) return Reflect.get(t, name, receiver);
        if (name === "then") return undefined;
        let m = members.get(name);
        if (m === undefined) members.set(name, m = member$(name));
        return m;
      },
    });
    const member$ = (name) =>
        rpcMember(
          (args) => {
            let copied;
            try { copied = passArgs(args); } catch (e) { return Promise.reject(e); }
            return deliver(actorOf(id), name + "()", (inst) => { requireRPC(inst); return invoke(inst, name, copied); }, pass);
          },
          () => deliver(actorOf(id), name, (inst) => { requireRPC(inst); return property(inst, name); }, pass),
        );
    stubIds.set(stub, id);
    stubs.add(stub);
    return stub;
  }

  // ---- state and storage
  class DurableObjectState {
    #a;
    #storage;
    constructor(token, a) {
      if (token !== TOKEN) throw new TypeError("Illegal constructor");
      this.#a = a;
      this.#storage = new DurableObjectStorage(TOKEN, a);
    }
    get id() { return this.#a.id; }
    get storage() { return this.#storage; }
    get props() { return {}; }
    waitUntil(p) { cfw().waitUntil(p); }
    blockConcurrencyWhile(fn) {
      const a = this.#a;
      a.blocked++;
      let p;
      try { p = Promise.resolve(fn()); } catch (e) { p = Promise.reject(e); }
      return p.finally(() => { a.blocked--; pump(a); });
    }
    abort(reason) {
      const a = this.#a;
      if (live.get(a.hex) === a) live.delete(a.hex);
      throw reason !== undefined ? reason : new Error("Application called abort() to reset Durable Object.");
    }
  }
  Object.defineProperty(DurableObjectState.prototype, Symbol.toStringTag, { value: "DurableObjectState" });

  // Values are kept as the text of a tagged tree: what the V8 serializer
  // keeps, for the types a worker stores (primitives with undefined, -0,
  // NaN and BigInt; Date, RegExp, Map, Set, ArrayBuffer and views, Error;
  // arrays and objects, with shared and circular references).
  function encode(v) {
    const seen = new Map();
    function enc(v) {
      switch (typeof v) {
        case "undefined": return { u: 1 };
        case "string": case "boolean": return v;
        case "number": return Number.isFinite(v) && !Object.is(v, -0) ? v : { n: String(Object.is(v, -0) ? "-0" : v) };
        case "bigint": return { b: v.toString() };
        case "function": case "symbol":
          throw new DOMException(`${typeof v === "function" ? String(v) : v.toString()} could not be cloned.`, "DataCloneError");
      }
      if (v === null) return null;
      if (seen.has(v)) return { r: seen.get(v) };
      seen.set(v, seen.size);
      if (Array.isArray(v)) return { a: Array.from(v, enc) };
      if (v instanceof Date) return { d: v.getTime() };
      if (v instanceof RegExp) return { x: [v.source, v.flags] };
      if (v instanceof Map) return { m: Array.from(v, ([k, x]) => [enc(k), enc(x)]) };
      if (v instanceof Set) return { s: Array.from(v, enc) };
      if (v instanceof ArrayBuffer) return { ab: bytesToText(new Uint8Array(v)) };
      if (ArrayBuffer.isView(v)) {
        return { v: [v.constructor.name, bytesToText(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), v instanceof DataView ? v.byteLength : v.length] };
      }
      if (v instanceof Error) return { e: [v.name, v.message, v.stack] };
      if (v instanceof Boolean || v instanceof Number || v instanceof String) return { w: enc(v.valueOf()) };
      const o = {};
      for (const k of Object.keys(v)) o[k] = enc(v[k]);
      return { o };
    }
    return JSON.stringify(enc(v));
  }
  function decode(text) {
    const refs = [];
    function dec(t) {
      if (t === null || typeof t !== "object") return t;
      if ("u" in t) return undefined;
      if ("n" in t) return t.n === "-0" ? -0 : Number(t.n);
      if ("b" in t) return BigInt(t.b);
      if ("r" in t) return refs[t.r];
      let out;
      const i = refs.length;
      refs.push(undefined);
      if ("a" in t) { out = []; refs[i] = out; for (const x of t.a) out.push(dec(x)); }
      else if ("d" in t) out = new Date(t.d);
      else if ("x" in t) out = new RegExp(t.x[0], t.x[1]);
      else if ("m" in t) { out = new Map(); refs[i] = out; for (const [k, x] of t.m) out.set(dec(k), dec(x)); }
      else if ("s" in t) { out = new Set(); refs[i] = out; for (const x of t.s) out.add(dec(x)); }
      else if ("ab" in t) out = textToBytes(t.ab).buffer;
      else if ("v" in t) {
        const b = textToBytes(t.v[1]);
        const C = globalThis[t.v[0]];
        out = t.v[0] === "DataView" ? new DataView(b.buffer) : new C(b.buffer, 0, t.v[2]);
      } else if ("e" in t) {
        const C = globalThis[t.e[0]];
        out = typeof C === "function" && (C === Error || C.prototype instanceof Error) ? new C(t.e[1]) : new Error(t.e[1]);
        if (t.e[2] !== undefined) out.stack = t.e[2];
      } else if ("w" in t) out = Object(dec(t.w));
      else { out = {}; refs[i] = out; for (const k of Object.keys(t.o)) out[k] = dec(t.o[k]); }
      refs[i] = out;
      return out;
    }
    return dec(JSON.parse(text));
  }
  function bytesToText(u8) {
    let s = "";
    for (let i = 0; i < u8.length; i++) s += String.fromCharCode(u8[i]);
    return btoa(s);
  }
  function textToBytes(b64) {
    const s = atob(b64);
    const u8 = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
    return u8;
  }

  const NOT_SQL = "SQL is not enabled for this Durable Object class. To enable it, change `new_classes` to `new_sqlite_classes` within the 'migrations' field in your wrangler.json or wrangler.toml file.";

  class DurableObjectStorage {
    #a;
    #sql;
    #txn = null; // the running transaction()'s state, if any
    constructor(token, a) {
      if (token !== TOKEN) throw new TypeError("Illegal constructor");
      this.#a = a;
    }
    get(keys, _opts) {
      try {
        const hex = this.#a.hex;
        if (Array.isArray(keys)) {
          const flat = native.get(hex, keys.map(String));
          const m = new Map();
          for (let i = 0; i < flat.length; i += 2) m.set(flat[i], decode(flat[i + 1]));
          return Promise.resolve(m);
        }
        const flat = native.get(hex, [String(keys)]);
        return Promise.resolve(flat.length ? decode(flat[1]) : undefined);
      } catch (e) { return Promise.reject(e); }
    }
    put(key, value, opts) {
      try {
        const flat = [];
        if (key !== null && typeof key === "object" && !Array.isArray(key)) {
          for (const k of Object.keys(key)) if (key[k] !== undefined) flat.push(k, encode(key[k]));
        } else {
          if (value === undefined) throw new TypeError("put() called with undefined value.");
          flat.push(String(key), encode(value));
        }
        native.put(this.#a.hex, flat);
        return Promise.resolve();
      } catch (e) { return Promise.reject(e); }
    }
    delete(keys, _opts) {
      try {
        if (Array.isArray(keys)) return Promise.resolve(native.delete(this.#a.hex, keys.map(String)));
        return Promise.resolve(native.delete(this.#a.hex, [String(keys)]) > 0);
      } catch (e) { return Promise.reject(e); }
    }
    deleteAll(_opts) {
      try {
        if (this.#txn !== null) throw new Error("Cannot call deleteAll() within a transaction");
        native.deleteAll(this.#a.hex);
        native.deleteAlarm(this.#a.hex); // delete_all_deletes_alarm (default from 2026-02-24)
        return Promise.resolve();
      } catch (e) { return Promise.reject(e); }
    }
    list(opts) {
      try {
        const o = opts == null ? {} : opts;
        if (o.start !== undefined && o.startAfter !== undefined) throw new TypeError("list() cannot be called with both start and startAfter values.");
        let limit = 0;
        if (o.limit !== undefined) {
          limit = Math.trunc(Number(o.limit));
          if (!(limit > 0)) throw new TypeError("List limit must be positive.");
        }
        const after = o.startAfter !== undefined;
        const start = after ? String(o.startAfter) : o.start !== undefined ? String(o.start) : undefined;
        const end = o.end !== undefined ? String(o.end) : undefined;
        const prefix = o.prefix !== undefined ? String(o.prefix) : undefined;
        const flat = native.list(this.#a.hex, start, after, end, undefined, undefined, prefix, !!o.reverse, limit);
        const m = new Map();
        for (let i = 0; i < flat.length; i += 2) m.set(flat[i], decode(flat[i + 1]));
        return Promise.resolve(m);
      } catch (e) { return Promise.reject(e); }
    }
    transaction(fn) {
      const a = this.#a;
      const self = this;
      return a.state.blockConcurrencyWhile(async () => {
        native.savepoint(a.hex, "begin");
        let rolledBack = false;
        const live = (op, f) => (...args) => rolledBack ? Promise.reject(new Error(`Cannot ${op}() on rolled back transaction`)) : f(...args);
        const txn = {
          get: live("get", (...x) => self.get(...x)),
          put: live("put", (...x) => self.put(...x)),
          delete: live("delete", (...x) => self.delete(...x)),
          list: live("list", (...x) => self.list(...x)),
          deleteAll: () => Promise.reject(new Error("Cannot call deleteAll() within a transaction")),
          rollback() {
            if (!rolledBack) { rolledBack = true; native.savepoint(a.hex, "rollback"); }
          },
        };
        self.#txn = txn;
        try {
          const v = await fn(txn);
          if (!rolledBack) native.savepoint(a.hex, "release");
          return v;
        } catch (e) {
          if (!rolledBack) native.savepoint(a.hex, "rollback");
          throw e;
        } finally {
          self.#txn = null;
        }
      });
    }
    transactionSync(fn) {
      if (!native.sqlite) throw new Error("Durable Object is not backed by SQL.");
      native.savepoint(this.#a.hex, "begin");
      try {
        const v = fn();
        native.savepoint(this.#a.hex, "release");
        return v;
      } catch (e) {
        native.savepoint(this.#a.hex, "rollback");
        throw e;
      }
    }
    sync() { return outputGate(this.#a); }
    getAlarm(_opts) {
      try { return Promise.resolve(native.getAlarm(this.#a.hex)); } catch (e) { return Promise.reject(e); }
    }
    setAlarm(when, _opts) {
      try {
        const ms = when instanceof Date ? when.getTime() : Number(when);
        if (!(ms > 0)) throw new TypeError("setAlarm() cannot be called with an alarm time <= 0");
        const inst = this.#a.inst;
        if (inst !== null && typeof inst.alarm !== "function") {
          throw new TypeError("Your Durable Object class must have an alarm() handler in order to call setAlarm()");
        }
        native.setAlarm(this.#a.hex, Math.trunc(ms));
        return Promise.resolve();
      } catch (e) { return Promise.reject(e); }
    }
    deleteAlarm(_opts) {
      try { native.deleteAlarm(this.#a.hex); return Promise.resolve(); } catch (e) { return Promise.reject(e); }
    }
    get sql() {
      if (!native.sqlite) throw new Error(NOT_SQL);
      if (this.#sql === undefined) this.#sql = new SqlStorage(TOKEN, this.#a);
      return this.#sql;
    }
  }
  Object.defineProperty(DurableObjectStorage.prototype, Symbol.toStringTag, { value: "DurableObjectStorage" });

  class SqlStorage {
    #a;
    constructor(token, a) {
      if (token !== TOKEN) throw new TypeError("Illegal constructor");
      this.#a = a;
    }
    exec(query, ...bindings) {
      const r = native.sql(this.#a.hex, String(query), bindings);
      return new SqlStorageCursor(TOKEN, r[0], r[1], r[2], r[3]);
    }
    get databaseSize() { return native.size(this.#a.hex); }
  }
  Object.defineProperty(SqlStorage.prototype, Symbol.toStringTag, { value: "SqlStorage" });

  class SqlStorageCursor {
    #cols;
    #rows;
    #i = 0;
    #read;
    #written;
    constructor(token, cols, rows, read, written) {
      if (token !== TOKEN) throw new TypeError("Illegal constructor");
      this.#cols = cols;
      this.#rows = rows;
      this.#read = read;
      this.#written = written;
    }
    #object(row) {
      const o = {};
      for (let j = 0; j < this.#cols.length; j++) o[this.#cols[j]] = row[j];
      return o;
    }
    next() {
      if (this.#i < this.#rows.length) return { done: false, value: this.#object(this.#rows[this.#i++]) };
      return { done: true, value: undefined };
    }
    toArray() {
      const out = [];
      while (this.#i < this.#rows.length) out.push(this.#object(this.#rows[this.#i++]));
      return out;
    }
    one() {
      const left = this.#rows.length - this.#i;
      if (left === 0) throw new Error("Expected exactly one result from SQL query, but got no results.");
      if (left > 1) throw new Error("Expected exactly one result from SQL query, but got multiple results.");
      return this.#object(this.#rows[this.#i++]);
    }
    raw() {
      const self = this;
      const rows = this.#rows;
      return {
        next() {
          if (self.#i < rows.length) return { done: false, value: rows[self.#i++].slice() };
          return { done: true, value: undefined };
        },
        toArray() {
          const out = [];
          while (self.#i < rows.length) out.push(rows[self.#i++].slice());
          return out;
        },
        [Symbol.iterator]() { return this; },
      };
    }
    get columnNames() { return this.#cols.slice(); }
    get rowsRead() { return this.#read; }
    get rowsWritten() { return this.#written; }
    [Symbol.iterator]() { return this; }
  }
  Object.defineProperty(SqlStorageCursor.prototype, Symbol.toStringTag, { value: "SqlStorageCursor" });

  const ns = new DurableObjectNamespace(TOKEN);
  // Go takes this hook and removes it: it runs an alarm of object hex and
  // calls done(ok).
  ns._fireAlarm = (hex, retryCount, done) => {
    let a = live.get(hex);
    if (a === undefined) a = actorOf(new DurableObjectId(TOKEN, hex, undefined));
    deliver(a, "alarm", (inst) => {
      if (typeof inst.alarm !== "function") throw new TypeError("Your Durable Object class must have an alarm() handler in order to call setAlarm()");
      return inst.alarm({ retryCount, isRetry: retryCount > 0 });
    }).then(() => done(true), (e) => { native.alarmFailed(e); done(false); });
  };
  return ns;
});
