// isDeepStrictEqual / assert.deepEqual, after Node's
// lib/internal/util/comparisons.js: strict mode compares with Object.is,
// prototypes and [[Class]]; loose mode with ==, ignoring prototypes.
(function (T) {
  "use strict";
  const { types, typedArrayTag, uncurry } = T;
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const propertyIsEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
  const objectToString = uncurry(Object.prototype.toString);
  const kStrict = true, kLoose = false;

  function isNonIndex(key) {
    if (typeof key !== "string") return true;
    if (key.length === 0 || key.length > 10) return true;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return true;
    }
    return key.length === 10 && key >= 2 ** 32 - 1;
  }
  function ownKeys(v, strict) {
    const keys = Object.keys(v).filter(isNonIndex);
    if (strict) for (const s of Object.getOwnPropertySymbols(v)) if (propertyIsEnumerable(v, s)) keys.push(s);
    return keys;
  }

  function areSimilarRegExps(a, b) {
    return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
  }
  function bytesOf(v) {
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  }
  function areSimilarFloatArrays(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function areEqualBytes(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function isEqualBoxedPrimitive(a, b) {
    if (types.isNumberObject(a)) return types.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
    if (types.isStringObject(a)) return types.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
    if (types.isBooleanObject(a)) return types.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
    if (types.isBigIntObject(a)) return types.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
    if (types.isSymbolObject(a)) return types.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
    return false;
  }

  function innerDeepEqual(val1, val2, strict, memos) {
    if (val1 === val2) {
      if (val1 !== 0) return true;
      return strict ? Object.is(val1, val2) : true;
    }
    if (strict) {
      if (typeof val1 !== "object") return typeof val1 === "number" && Number.isNaN(val1) && Number.isNaN(val2);
      if (typeof val2 !== "object" || val1 === null || val2 === null) return false;
      if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
    } else {
      if (val1 === null || typeof val1 !== "object") {
        if (val2 === null || typeof val2 !== "object") {
          // eslint-disable-next-line eqeqeq
          return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
        }
        return false;
      }
      if (val2 === null || typeof val2 !== "object") return false;
    }
    const val1Tag = objectToString(val1);
    const val2Tag = objectToString(val2);
    if (val1Tag !== val2Tag) return false;

    if (Array.isArray(val1)) {
      if (!Array.isArray(val2) || val1.length !== val2.length) return false;
      const keys1 = ownKeys(val1, strict);
      const keys2 = ownKeys(val2, strict);
      if (keys1.length !== keys2.length) return false;
      return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
    } else if (val1Tag === "[object Object]" && !types.isBoxedPrimitive(val1) && !types.isPromise(val1)) {
      if (types.isMap(val1) || types.isSet(val1) || types.isDate(val1) || types.isRegExp(val1)) {
        // fall through to the specific checks below
      } else {
        return keyCheck(val1, val2, strict, memos, kNoIterator);
      }
    }
    if (types.isDate(val1)) {
      if (!types.isDate(val2) || Date.prototype.getTime.call(val1) !== Date.prototype.getTime.call(val2)) return false;
    } else if (types.isRegExp(val1)) {
      if (!types.isRegExp(val2) || !areSimilarRegExps(val1, val2)) return false;
    } else if (types.isNativeError(val1) || val1 instanceof Error) {
      if ((!types.isNativeError(val2) && !(val2 instanceof Error)) || val1.message !== val2.message || val1.name !== val2.name) return false;
      if (hasOwn(val1, "cause") !== hasOwn(val2, "cause") || (hasOwn(val1, "cause") && !innerDeepEqual(val1.cause, val2.cause, strict, memos))) return false;
    } else if (ArrayBuffer.isView(val1)) {
      if (!ArrayBuffer.isView(val2)) return false;
      if (types.isTypedArray(val1) && typedArrayTag(val1) !== typedArrayTag(val2)) return false;
      if (!strict && (types.isFloat32Array(val1) || types.isFloat64Array(val1))) {
        if (!areSimilarFloatArrays(val1, val2)) return false;
      } else if (!areEqualBytes(bytesOf(val1), bytesOf(val2))) {
        return false;
      }
      const keys1 = ownKeys(val1, strict);
      const keys2 = ownKeys(val2, strict);
      if (keys1.length !== keys2.length) return false;
      return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
    } else if (types.isSet(val1)) {
      if (!types.isSet(val2) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsSet);
    } else if (types.isMap(val1)) {
      if (!types.isMap(val2) || val1.size !== val2.size) return false;
      return keyCheck(val1, val2, strict, memos, kIsMap);
    } else if (types.isAnyArrayBuffer(val1)) {
      if (!types.isAnyArrayBuffer(val2) || !areEqualBytes(new Uint8Array(val1), new Uint8Array(val2))) return false;
    } else if (types.isBoxedPrimitive(val1)) {
      if (!isEqualBoxedPrimitive(val1, val2)) return false;
    } else if (Array.isArray(val2) || ArrayBuffer.isView(val2) || types.isSet(val2) || types.isMap(val2) ||
               types.isDate(val2) || types.isRegExp(val2) || types.isAnyArrayBuffer(val2) || types.isBoxedPrimitive(val2) ||
               types.isNativeError(val2) || val2 instanceof Error) {
      return false;
    } else if (types.isWeakMap(val1) || types.isWeakSet(val1) || types.isPromise(val1)) {
      return false;
    }
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  }

  const kNoIterator = 0, kIsArray = 1, kIsSet = 2, kIsMap = 3;

  function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
    if (arguments.length === 5) {
      aKeys = Object.keys(val1);
      const bKeys = Object.keys(val2);
      if (aKeys.length !== bKeys.length) return false;
    }
    for (let i = 0; i < aKeys.length; i++) {
      if (!propertyIsEnumerable(val2, aKeys[i])) return false;
    }
    if (strict && arguments.length === 5) {
      const symbolKeysA = Object.getOwnPropertySymbols(val1);
      if (symbolKeysA.length !== 0) {
        let count = 0;
        for (const key of symbolKeysA) {
          if (propertyIsEnumerable(val1, key)) {
            if (!propertyIsEnumerable(val2, key)) return false;
            aKeys.push(key);
            count++;
          } else if (propertyIsEnumerable(val2, key)) {
            return false;
          }
        }
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysA.length !== symbolKeysB.length && symbolKeysB.filter((k) => propertyIsEnumerable(val2, k)).length !== count) return false;
      } else {
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysB.length !== 0 && symbolKeysB.some((k) => propertyIsEnumerable(val2, k))) return false;
      }
    }
    if (aKeys.length === 0 && (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) || val1.size === 0)) {
      return true;
    }
    if (memos === undefined) {
      memos = { val1: new Map(), val2: new Map(), position: 0 };
    } else {
      const val2MemoA = memos.val1.get(val1);
      if (val2MemoA !== undefined) {
        const val2MemoB = memos.val2.get(val2);
        if (val2MemoB !== undefined) return val2MemoA === val2MemoB;
      }
      memos.position++;
    }
    memos.val1.set(val1, memos.position);
    memos.val2.set(val2, memos.position);
    const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
    memos.val1.delete(val1);
    memos.val2.delete(val2);
    return areEq;
  }

  function setHasEqualElement(set, val1, strict, memo) {
    for (const val2 of set) {
      if (innerDeepEqual(val1, val2, strict, memo)) {
        set.delete(val2);
        return true;
      }
    }
    return false;
  }
  function findLooseMatchingPrimitives(prim) {
    switch (typeof prim) {
      case "undefined": return null;
      case "object": return undefined;
      case "symbol": return false;
      case "string": prim = +prim; // fallthrough
      case "number": if (Number.isNaN(prim)) return false;
    }
    return true;
  }
  function setMightHaveLoosePrim(a, b, prim) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    return b.has(altValue) && !a.has(altValue);
  }
  function mapMightHaveLoosePrim(a, b, prim, item, memo) {
    const altValue = findLooseMatchingPrimitives(prim);
    if (altValue != null) return altValue;
    const curB = b.get(altValue);
    if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
    return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
  }
  function setEquiv(a, b, strict, memo) {
    let set = null;
    for (const val of a) {
      if (typeof val === "object" && val !== null) {
        if (set === null) set = new Set();
        set.add(val);
      } else if (!b.has(val)) {
        if (strict) return false;
        if (!setMightHaveLoosePrim(a, b, val)) return false;
        if (set === null) set = new Set();
        set.add(val);
      }
    }
    if (set !== null) {
      for (const val of b) {
        if (typeof val === "object" && val !== null) {
          if (!setHasEqualElement(set, val, strict, memo)) return false;
        } else if (!strict && !a.has(val) && !setHasEqualElement(set, val, strict, memo)) {
          return false;
        }
      }
      return set.size === 0;
    }
    return true;
  }
  function mapHasEqualEntry(set, map, key1, item1, strict, memo) {
    for (const key2 of set) {
      if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(item1, map.get(key2), strict, memo)) {
        set.delete(key2);
        return true;
      }
    }
    return false;
  }
  function mapEquiv(a, b, strict, memo) {
    let set = null;
    for (const { 0: key, 1: item1 } of a) {
      if (typeof key === "object" && key !== null) {
        if (set === null) set = new Set();
        set.add(key);
      } else {
        const item2 = b.get(key);
        if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
          if (strict) return false;
          if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
          if (set === null) set = new Set();
          set.add(key);
        }
      }
    }
    if (set !== null) {
      for (const { 0: key, 1: item } of b) {
        if (typeof key === "object" && key !== null) {
          if (!mapHasEqualEntry(set, a, key, item, strict, memo)) return false;
        } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, false, memo)) &&
                   !mapHasEqualEntry(set, a, key, item, false, memo)) {
          return false;
        }
      }
      return set.size === 0;
    }
    return true;
  }
  function objEquiv(a, b, strict, keys, memos, iterationType) {
    let i = 0;
    if (iterationType === kIsSet) {
      if (!setEquiv(a, b, strict, memos)) return false;
    } else if (iterationType === kIsMap) {
      if (!mapEquiv(a, b, strict, memos)) return false;
    } else if (iterationType === kIsArray) {
      for (; i < a.length; i++) {
        if (hasOwn(a, i)) {
          if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
        } else if (hasOwn(b, i)) {
          return false;
        } else {
          const keysA = Object.keys(a);
          for (; i < keysA.length; i++) {
            const key = keysA[i];
            if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
          }
          if (keysA.length !== Object.keys(b).length) return false;
          return true;
        }
      }
    }
    for (i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
    }
    return true;
  }

  return {
    isDeepEqual: (a, b) => innerDeepEqual(a, b, kLoose),
    isDeepStrictEqual: (a, b) => innerDeepEqual(a, b, kStrict),
  };
})
