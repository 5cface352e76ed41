// Brand checks for util.types and inspect: each asks the engine, never
// Symbol.toStringTag or instanceof, as Node's checks (V8's) do.
(function (native) {
  "use strict";
  const uncurry = (f) => Function.prototype.call.bind(f);
  const getter = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
  const brand = (f) => (v) => {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return false;
    try { f(v); return true; } catch { return false; }
  };
  const toString = uncurry(Object.prototype.toString);
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const typedArrayTag = getter(TypedArray.prototype, Symbol.toStringTag);
  const isTypedArray = (v) => v !== null && typeof v === "object" && typedArrayTag(v) !== undefined;
  const tagged = (name) => (v) => isTypedArray(v) && typedArrayTag(v) === name;
  const mapSize = getter(Map.prototype, "size");
  const setSize = getter(Set.prototype, "size");
  const isMap = brand(mapSize);
  const isSet = brand(setSize);
  const mapIterProto = Object.getPrototypeOf(new Map()[Symbol.iterator]());
  const setIterProto = Object.getPrototypeOf(new Set()[Symbol.iterator]());
  const mapIterNext = uncurry(mapIterProto.next);
  const setIterNext = uncurry(setIterProto.next);
  const isMapIterator = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === mapIterProto;
  const isSetIterator = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === setIterProto;
  const abLen = getter(ArrayBuffer.prototype, "byteLength");
  const isArrayBuffer = brand(abLen);
  const isSharedArrayBuffer = typeof SharedArrayBuffer === "function" ? brand(getter(SharedArrayBuffer.prototype, "byteLength")) : () => false;
  const isDataView = brand(getter(DataView.prototype, "byteLength"));
  const isDate = brand(uncurry(Date.prototype.getTime));
  const isRegExp = (v) => native.isRegExp(v);
  const isPromise = (v) => native.isPromise(v);
  const isWeakMap = brand((v) => WeakMap.prototype.has.call(v, {}));
  const isWeakSet = brand((v) => WeakSet.prototype.has.call(v, {}));
  const isNumberObject = (v) => typeof v === "object" && brand(uncurry(Number.prototype.valueOf))(v);
  const isStringObject = (v) => typeof v === "object" && brand(uncurry(String.prototype.valueOf))(v);
  const isBooleanObject = (v) => typeof v === "object" && brand(uncurry(Boolean.prototype.valueOf))(v);
  const isBigIntObject = (v) => typeof v === "object" && brand(uncurry(BigInt.prototype.valueOf))(v);
  const isSymbolObject = (v) => typeof v === "object" && brand(uncurry(Symbol.prototype.valueOf))(v);
  const isBoxedPrimitive = (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isBigIntObject(v) || isSymbolObject(v);
  const isNativeError = (v) => native.isNativeError(v);
  const isAsyncFunction = (v) => typeof v === "function" && toString(v) === "[object AsyncFunction]";
  const isGeneratorFunction = (v) => typeof v === "function" && (toString(v) === "[object GeneratorFunction]" || toString(v) === "[object AsyncGeneratorFunction]");
  const isGeneratorObject = (v) => v !== null && typeof v === "object" && toString(v) === "[object Generator]";
  const isArgumentsObject = (v) => v !== null && typeof v === "object" && toString(v) === "[object Arguments]";
  const isProxy = (v) => native.isProxy(v);
  const types = {
    isAnyArrayBuffer: (v) => isArrayBuffer(v) || isSharedArrayBuffer(v),
    isArrayBuffer, isArrayBufferView: (v) => ArrayBuffer.isView(v), isArgumentsObject, isAsyncFunction,
    isBigInt64Array: tagged("BigInt64Array"), isBigUint64Array: tagged("BigUint64Array"),
    isBooleanObject, isBoxedPrimitive, isBigIntObject, isDataView, isDate,
    isExternal: () => false, isFloat32Array: tagged("Float32Array"), isFloat64Array: tagged("Float64Array"),
    isGeneratorFunction, isGeneratorObject, isInt8Array: tagged("Int8Array"), isInt16Array: tagged("Int16Array"),
    isInt32Array: tagged("Int32Array"), isMap, isMapIterator, isModuleNamespaceObject: () => false,
    isNativeError, isNumberObject, isPromise, isProxy, isRegExp, isSet, isSetIterator,
    isSharedArrayBuffer, isStringObject, isSymbolObject, isTypedArray,
    isUint8Array: tagged("Uint8Array"), isUint8ClampedArray: tagged("Uint8ClampedArray"),
    isUint16Array: tagged("Uint16Array"), isUint32Array: tagged("Uint32Array"),
    isWeakMap, isWeakSet, isKeyObject: () => false, isCryptoKey: (v) => typeof CryptoKey === "function" && v instanceof CryptoKey,
  };
  return { types, typedArrayTag, mapSize, setSize, mapIterNext, setIterNext, uncurry };
})
