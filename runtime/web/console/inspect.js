// What the Go inspector (inspect.go) needs that goja's Go API does not give:
// property descriptors (getters must not run), constructor names, hole-aware
// array reads and brand checks, all bound to the intrinsics when the first
// object is formatted.
(function () {
  "use strict";
  const uncurry = (f) => Function.prototype.call.bind(f);
  const getOwnDesc = Object.getOwnPropertyDescriptor, getProto = Object.getPrototypeOf, ownKeys = Reflect.ownKeys;
  const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable), hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const isProtoOf = uncurry(Object.prototype.isPrototypeOf), fnToString = uncurry(Function.prototype.toString);
  const mapForEach = uncurry(Map.prototype.forEach), setForEach = uncurry(Set.prototype.forEach);
  const toISO = uncurry(Date.prototype.toISOString), getTime = uncurry(Date.prototype.getTime);
  const reToString = uncurry(RegExp.prototype.toString);
  const AsyncFunctionProto = getProto(async function () {}), GeneratorFunctionProto = getProto(function* () {});
  const WeakMapProto = WeakMap.prototype, WeakSetProto = WeakSet.prototype;
  const custom = Symbol.for("nodejs.util.inspect.custom");
  const indexRe = /^(0|[1-9][0-9]*)$/;
  const isIndex = (k) => typeof k === "string" && indexRe.test(k) && Number(k) < 4294967295;
  const HOLE = {};
  const builtins = new Set(["Object", "Array", "Function", "Error", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "AggregateError", "Date", "RegExp", "Number", "Boolean", "String",
    "Symbol", "BigInt", "Map", "Set", "WeakMap", "WeakSet", "Promise", "ArrayBuffer", "DataView",
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]);

  // Own properties as flat [key, kind, value] triples; kind 0 data, 1 getter,
  // 2 setter, 3 both, plus 4 when the property is not enumerable.
  // errorExtras shows an error's cause and errors even though they are not
  // enumerable, as Node does.
  function props(o, hidden, skipIndices, errorExtras) {
    const out = [];
    const keys = ownKeys(o);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (skipIndices && isIndex(k)) continue;
      const d = getOwnDesc(o, k);
      if (d === undefined) continue;
      const enumerable = d.enumerable;
      if (!enumerable && !hidden && !(errorExtras && (k === "cause" || k === "errors"))) continue;
      const kind = d.get && d.set ? 3 : d.get ? 1 : d.set ? 2 : 0;
      out.push(k, kind | (enumerable ? 0 : 4), kind === 0 ? d.value : undefined);
    }
    return out;
  }

  // Node's constructor name (first named constructor on the prototype chain
  // the object is an instance of, null for none) and Symbol.toStringTag.
  function ctorInfo(o) {
    let name = null;
    for (let p = o; p !== null; p = getProto(p)) {
      const d = getOwnDesc(p, "constructor");
      if (d !== undefined && typeof d.value === "function" && typeof d.value.name === "string" && d.value.name !== "") {
        let inst = false;
        try { inst = o instanceof d.value; } catch {}
        if (inst) { name = d.value.name; break; }
      }
    }
    let tag = "";
    try {
      const t = o[Symbol.toStringTag];
      if (typeof t === "string" && !(hasOwn(o, Symbol.toStringTag) && isEnumerable(o, Symbol.toStringTag))) tag = t;
    } catch {}
    return [name, tag];
  }

  return {
    HOLE,
    props,
    // One call per object: [customResult] when a nodejs.util.inspect.custom
    // method answered, else [undefined, constructorName, tag, props].
    // knownCtor skips the constructor lookup when Go already knows it.
    describe(o, hidden, skipIndices, errorExtras, depth, knownCtor) {
      let f;
      try { f = o[custom]; } catch {}
      if (typeof f === "function") {
        const r = f.call(o, depth, { depth });
        if (r !== o) return [r];
      }
      const info = knownCtor ? [null, ""] : ctorInfo(o);
      return [undefined, info[0], info[1], props(o, hidden, skipIndices, errorExtras)];
    },
    protos: [Object, Array, Map, Set, Date, RegExp, Promise, ArrayBuffer, DataView, Error, TypeError, RangeError,
      SyntaxError, ReferenceError, EvalError, URIError, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array,
      Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array]
      .map((c) => [c.prototype, c.name]).flat(),
    items(a, limit) {
      const n = Math.min(a.length, limit), out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = hasOwn(a, i) ? a[i] : HOLE;
      return out;
    },
    fnInfo(f) {
      let src = "";
      try { src = fnToString(f); } catch {}
      const isClass = /^class\b/.test(src);
      const type = isProtoOf(AsyncFunctionProto, f) ? "AsyncFunction" : isProtoOf(GeneratorFunctionProto, f) ? "GeneratorFunction" : "Function";
      const d = getOwnDesc(f, "name");
      const name = d && typeof d.value === "string" ? d.value : "";
      let ext = "";
      if (isClass) {
        const p = getProto(f);
        if (p !== null && p !== Function.prototype) ext = typeof p.name === "string" ? p.name : "";
      }
      return [type, name, isClass, ext];
    },
    mapEntries(m) { const out = []; mapForEach(m, (v, k) => { out.push(k, v); }); return out; },
    setValues(s) { const out = []; setForEach(s, (v) => { out.push(v); }); return out; },
    date(d) { return Number.isNaN(getTime(d)) ? "Invalid Date" : toISO(d); },
    regexp: reToString,
    isWeakMap: (o) => isProtoOf(WeakMapProto, o),
    isWeakSet: (o) => isProtoOf(WeakSetProto, o),
    json(v) {
      try { return JSON.stringify(v); } catch (e) {
        if (e instanceof TypeError && /circular/i.test(e.message)) return "[Circular]";
        throw e;
      }
    },
    parseInt: (v) => parseInt(v), parseFloat: (v) => parseFloat(v), toNumber: (v) => Number(v), toString: (v) => String(v),
    unbox: { Boolean: uncurry(Boolean.prototype.valueOf), Number: uncurry(Number.prototype.valueOf),
      String: uncurry(String.prototype.valueOf), BigInt: uncurry(BigInt.prototype.valueOf), Symbol: uncurry(Symbol.prototype.valueOf) },
    // Node's %s rule: objects whose toString is the one a built-in prototype
    // provides are inspected, others are converted with String().
    builtinToString(o) {
      if (typeof o.toString !== "function") return true;
      if (hasOwn(o, "toString")) return false;
      let p = o;
      do { p = getProto(p); } while (p !== null && !hasOwn(p, "toString"));
      if (p === null) return true;
      const d = getOwnDesc(p, "constructor");
      return d !== undefined && typeof d.value === "function" && builtins.has(d.value.name);
    },
  };
})()
