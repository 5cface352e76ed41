// The Node modules workerd only stubs (through unenv) or implements over
// platform services edgedev does not emulate: each is built from its
// recorded surface (surface.json, from wrangler dev), so the names, types
// and values are workerd's, a call workerd answers with "[unenv] x is not
// implemented yet!" throws exactly that, and a call recorded with no
// arguments answers as it did. Calls with arguments that workerd serves
// from the network or a real implementation (dns lookups, sockets) throw
// an edgedev error that says so.
(function (native, E, EventEmitter) {
  "use strict";
  const notImplemented = /not implemented/i;

  function notEmulated(mod, name) {
    return E.make(Error, "ERR_METHOD_NOT_IMPLEMENTED", `[edgedev] ${mod}.${name} is not emulated by edgedev (workerd serves it from the platform)`);
  }
  function replayError(r) {
    const C = { TypeError, RangeError, SyntaxError }[r.threw] || Error;
    const e = new C(r.message);
    if (r.code !== undefined) e.code = r.code;
    return e;
  }
  function fromJSON(v) {
    if (Array.isArray(v)) return v.map(fromJSON);
    if (v && typeof v === "object") {
      const o = {};
      for (const k of Object.keys(v)) o[k] = fromJSON(v[k]);
      return o;
    }
    if (v === "[function]") return function () {};
    return v;
  }
  // instanceFor is what a recorded "new X()" or call returned: an object
  // with the recorded own keys, an EventEmitter when it had _events.
  function instanceFor(desc, self) {
    const [, keys] = desc.split(":");
    const names = keys ? keys.split(",") : [];
    const o = self || (names.includes("_events") ? new EventEmitter() : {});
    for (const k of names) if (!(k in o)) o[k] = undefined;
    return o;
  }
  function makeFunction(modName, name, e, overrides) {
    if (overrides && typeof overrides[name] === "function") return overrides[name];
    const r = e.call || {};
    const isClass = /^[A-Z]/.test(name);
    let f;
    if (r.threw !== undefined) {
      const always = notImplemented.test(r.message);
      f = function (...args) {
        if (always || args.length === 0) throw replayError(r);
        throw notEmulated(modName, name);
      };
    } else if (isClass) {
      f = function (...args) {
        const self = new.target ? this : Object.create(f.prototype);
        if (typeof r.returned === "string" && r.returned.includes(":")) instanceFor(r.returned, self);
        if (self instanceof EventEmitter) EventEmitter.call(self);
        return self;
      };
      if (typeof r.returned === "string" && r.returned.includes("_events")) {
        Object.setPrototypeOf(f.prototype, EventEmitter.prototype);
      }
    } else {
      f = function (...args) {
        if (r.pending) return new Promise(() => {});
        if (r.rejected !== undefined) return Promise.reject(replayError({ threw: r.rejected, code: r.code, message: r.message }));
        if (r.resolved !== undefined || "resolved" in r) return Promise.resolve(fromJSON(r.resolved));
        if (typeof r.returned === "string" && /^[A-Za-z_$][\w$]*:/.test(r.returned)) return instanceFor(r.returned);
        return fromJSON(r.returned);
      };
    }
    Object.defineProperty(f, "name", { value: name, configurable: true });
    Object.defineProperty(f, "length", { value: e.fn || 0, configurable: true });
    return f;
  }

  // overrides are the functions whose answer depends on their arguments.
  const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  function isIPv6(s) {
    if (typeof s !== "string" || s.length > 45) return false;
    try { new URL(`http://[${s}]/`); return /:/.test(s); } catch { return false; }
  }
  const overrides = {
    net: {
      isIPv4: (s) => typeof s === "string" && ipv4.test(s),
      isIPv6,
      isIP: (s) => (typeof s === "string" && ipv4.test(s) ? 4 : isIPv6(s) ? 6 : 0),
    },
    os: {
      endianness: () => "LE",
    },
  };

  // liveValues are exports that are the instance's own objects rather than
  // unenv's inert copies: perf_hooks.performance is the global performance
  // (workerd hands out unenv's, whose timeOrigin is 0).
  const liveValues = {
    perf_hooks: { performance: () => globalThis.performance },
  };

  function build(modName, spec, sub, live) {
    const o = {};
    for (const name of Object.keys(spec)) {
      const e = spec[name];
      if (name === "default" || name === "default===namespace") continue;
      if (e && "symbol" in e) o[name] = Symbol.for(e.symbol);
      else if (e && "value" in e) {
        const live = liveValues[modName] && liveValues[modName][name];
        o[name] = live ? live() : sub[name] !== undefined ? sub[name] : fromJSON(e.value);
      }
      else if (e && "fn" in e) o[name] = makeFunction(modName, name, e, overrides[modName]);
    }
    // live are the functions edgedev implements for this module (the
    // virtual file system's): they replace the recorded answers.
    if (live) {
      for (const k of Object.keys(live)) {
        if (!(k in o) || !spec[k]) continue;
        const impl = live[k], r = (spec[k] && spec[k].call) || {};
        const f = function (...args) {
          // A call without arguments fails as recorded; a path that is no
          // path fails as Node's validator says.
          const p = args[0];
          const noPath = typeof p !== "string" && !(p instanceof URL) && !ArrayBuffer.isView(p);
          if (r.rejected !== undefined) { // a promise function
            if (args.length === 0) return Promise.reject(replayError({ threw: r.rejected, code: r.code, message: r.message }));
            if (noPath) return Promise.reject(E.ERR_INVALID_ARG_TYPE("path", ["string", "Buffer", "URL"], p));
          } else if (r.threw !== undefined) {
            if (args.length === 0) throw replayError(r);
            if (noPath) throw E.ERR_INVALID_ARG_TYPE("path", ["string", "Buffer", "URL"], p);
          }
          return impl.apply(this, args);
        };
        Object.defineProperty(f, "name", { value: k, configurable: true });
        Object.defineProperty(f, "length", { value: spec[k].fn || 0, configurable: true });
        o[k] = f;
      }
    }
    if (spec.default === "function" && typeof o.Module === "function") {
      Object.assign(o.Module, o);
      o.default = o.Module;
    } else {
      o.default = o;
    }
    return o;
  }
  return build;
})
