// The built-ins webidl.Kit keeps, captured before user code runs:
// [Uint8Array, ArrayBuffer.isView, get %TypedArray%.prototype[@@toStringTag],
// get %TypedArray%.prototype.byteLength, Array.from].
(function () {
  const ta = Object.getPrototypeOf(Uint8Array.prototype);
  const get = (o, k) => Object.getOwnPropertyDescriptor(o, k).get;
  return [Uint8Array, ArrayBuffer.isView, get(ta, Symbol.toStringTag), get(ta, "byteLength"), Array.from];
})()
