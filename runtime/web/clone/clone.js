// The intrinsics structuredClone needs to look inside built-in objects,
// captured when the first clone runs, so later changes to prototypes by user
// code cannot redirect them. clone.go calls the functions this object holds.
(function () {
  "use strict";
  const uncurry = (f) => Function.prototype.call.bind(f);
  const get = (o, k) => uncurry(Object.getOwnPropertyDescriptor(o, k).get);
  const TA = Object.getPrototypeOf(Uint8Array.prototype);
  const taBuffer = get(TA, "buffer"), taOffset = get(TA, "byteOffset"), taLength = get(TA, "length");
  const dvBuffer = get(DataView.prototype, "buffer"), dvOffset = get(DataView.prototype, "byteOffset"),
    dvLength = get(DataView.prototype, "byteLength");
  const reSource = get(RegExp.prototype, "source"), reFlags = get(RegExp.prototype, "flags");
  const mapForEach = uncurry(Map.prototype.forEach), setForEach = uncurry(Set.prototype.forEach);
  const mapSet = uncurry(Map.prototype.set), setAdd = uncurry(Set.prototype.add);
  const WeakMapProto = WeakMap.prototype, WeakSetProto = WeakSet.prototype;
  const isProtoOf = uncurry(Object.prototype.isPrototypeOf);
  const ctors = { Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView, Map, Set, Date, RegExp,
    Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  return {
    ctors,
    mapEntries(m) { const out = []; mapForEach(m, (v, k) => { out.push(k, v); }); return out; },
    setValues(s) { const out = []; setForEach(s, (v) => { out.push(v); }); return out; },
    mapSet, setAdd,
    typedArrayParts: (v) => [taBuffer(v), taOffset(v), taLength(v)],
    dataViewParts: (v) => [dvBuffer(v), dvOffset(v), dvLength(v)],
    regExpParts: (r) => [reSource(r), reFlags(r)],
    time: uncurry(Date.prototype.getTime),
    unbox: { Boolean: uncurry(Boolean.prototype.valueOf), Number: uncurry(Number.prototype.valueOf),
      String: uncurry(String.prototype.valueOf), BigInt: uncurry(BigInt.prototype.valueOf) },
    isWeak: (o) => isProtoOf(WeakMapProto, o) || isProtoOf(WeakSetProto, o),
    ownMessage(e) {
      const d = Object.getOwnPropertyDescriptor(e, "message");
      return d && "value" in d ? [String(d.value)] : [];
    },
    ownCause(e) {
      const d = Object.getOwnPropertyDescriptor(e, "cause");
      return d && "value" in d ? [d.value] : [];
    },
  };
})()
