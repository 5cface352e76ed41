// Buffer, after Node's lib/buffer.js with workerd's differences
// (src/node/internal/internal_buffer.ts: kMaxLength 2**31-1, its alloc,
// concat and from messages). Strings, compare, indexOf and fill with a
// pattern are native (codec.go); reads and writes are byte arithmetic as
// in Node.
(function (native) {
  "use strict";
  const { types, errors, inspect: I } = native.internal;
  const { codes, validators } = errors;
  const { validateNumber, validateString, validateInteger, validateArray } = validators;
  const inspect = I.inspect;

  const kMaxLength = 2147483647;
  const kStringMaxLength = 536870888;
  const INSPECT_MAX_BYTES = 50;
  const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };

  class FastBuffer extends Uint8Array {
    // eslint-disable-next-line no-useless-constructor
    constructor(bufferOrLength, byteOffset, length) { super(bufferOrLength, byteOffset, length); }
  }

  const UTF8 = 0, UTF16LE = 1, LATIN1 = 2, ASCII = 3, BASE64 = 4, BASE64URL = 5, HEX = 6;
  const encodingNames = ["utf8", "utf16le", "latin1", "ascii", "base64", "base64url", "hex"];
  function normalizeEncoding(enc) {
    if (enc == null || enc === "utf8" || enc === "utf-8") return UTF8;
    const e = String(enc).toLowerCase();
    switch (e) {
      case "utf8": case "utf-8": case "": return UTF8;
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return UTF16LE;
      case "latin1": case "binary": return LATIN1;
      case "ascii": return ASCII;
      case "base64": return BASE64;
      case "base64url": return BASE64URL;
      case "hex": return HEX;
    }
    return undefined;
  }
  function getEncoding(enc) {
    const n = normalizeEncoding(enc);
    if (n === undefined) throw codes.ERR_UNKNOWN_ENCODING(enc);
    return n;
  }
  const isUint8Array = (v) => types.isUint8Array(v);

  function validateOffset(value, name, min = 0, max = kMaxLength) {
    validateInteger(value, name, min, max);
  }

  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === "number") {
      if (typeof encodingOrOffset === "string") throw codes.ERR_INVALID_ARG_TYPE("string", "string", arg);
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.defineProperty(Buffer, Symbol.species, { enumerable: false, configurable: true, get() { return FastBuffer; } });
  FastBuffer.prototype.constructor = Buffer;
  Buffer.prototype = FastBuffer.prototype;
  Object.setPrototypeOf(Buffer, Uint8Array);
  Buffer.poolSize = 0; // workerd never pools (its allocations are distinct)

  function fromString(string, encoding) {
    let enc = UTF8;
    if (typeof encoding === "string" && encoding.length !== 0) {
      enc = normalizeEncoding(encoding);
      if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
    }
    if (string.length === 0) return new FastBuffer();
    return new FastBuffer(native.fromString(string, enc));
  }
  function fromArrayBuffer(obj, byteOffset, length) {
    if (byteOffset === undefined) {
      byteOffset = 0;
    } else {
      byteOffset = +byteOffset;
      if (Number.isNaN(byteOffset)) byteOffset = 0;
    }
    const maxLength = obj.byteLength - byteOffset;
    if (maxLength < 0) throw codes.ERR_BUFFER_OUT_OF_BOUNDS("offset");
    if (length === undefined) {
      length = maxLength;
    } else {
      length = +length;
      if (length > 0) {
        if (length > maxLength) throw codes.ERR_BUFFER_OUT_OF_BOUNDS("length");
      } else {
        length = 0;
      }
    }
    return new FastBuffer(obj, byteOffset, length);
  }
  function fromArrayLike(obj) {
    if (obj.length <= 0) return new FastBuffer();
    const b = new FastBuffer(obj.length);
    if (isUint8Array(obj)) {
      b.set(obj);
    } else {
      for (let i = 0; i < obj.length; i++) b[i] = obj[i];
    }
    return b;
  }
  function fromObject(obj) {
    if (obj.length !== undefined || types.isAnyArrayBuffer(obj.buffer)) {
      if (typeof obj.length !== "number") return new FastBuffer();
      return fromArrayLike(obj);
    }
    if (obj.type === "Buffer" && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  }

  Buffer.from = function from(value, encodingOrOffset, length) {
    if (typeof value === "string") return fromString(value, encodingOrOffset);
    if (typeof value === "object" && value !== null) {
      if (types.isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
      const valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value && (typeof valueOf === "string" || typeof valueOf === "object")) {
        return from(valueOf, encodingOrOffset, length);
      }
      const b = fromObject(value);
      if (b) return b;
      if (typeof value[Symbol.toPrimitive] === "function") {
        const primitive = value[Symbol.toPrimitive]("string");
        if (typeof primitive === "string") return fromString(primitive, encodingOrOffset);
      }
    }
    throw codes.ERR_INVALID_ARG_TYPE("first argument",
      ["string", "Buffer", "TypedArray", "ArrayBuffer", "SharedArrayBuffer", "Array", "Array-like Object"], value);
  };
  Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
    if (!ArrayBuffer.isView(view) || types.isDataView(view)) throw codes.ERR_INVALID_ARG_TYPE("view", ["TypedArray"], view);
    const viewLength = view.length;
    if (viewLength === 0) return Buffer.alloc(0);
    if (offset !== undefined || length !== undefined) {
      if (offset !== undefined) {
        validateInteger(offset, "offset", 0);
        if (offset >= viewLength) return new FastBuffer();
      } else {
        offset = 0;
      }
      let end;
      if (length !== undefined) {
        validateInteger(length, "length", 0);
        end = offset + length;
      } else {
        end = viewLength;
      }
      view = view.subarray(offset, end);
    }
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    return fromArrayLike(bytes);
  };
  Buffer.of = function of(...items) {
    const b = new FastBuffer(items.length);
    for (let k = 0; k < items.length; k++) b[k] = items[k];
    return b;
  };

  // workerd checks the upper bound only; a negative size fails in the
  // Uint8Array constructor.
  function checkSize(size) {
    validateNumber(size, "size");
    if (Number.isNaN(size)) throw codes.ERR_INVALID_ARG_VALUE("size", size);
    if (size >= kMaxLength) throw codes.ERR_OUT_OF_RANGE("size", `0 to ${kMaxLength}`, size);
    if (size < 0) throw new RangeError(`Invalid typed array length: ${size}`);
  }
  Buffer.alloc = function alloc(size, fill, encoding) {
    checkSize(size);
    const buf = new FastBuffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) {
      if (encoding !== undefined) validateString(encoding, "encoding");
      return _fill(buf, fill, 0, buf.length, encoding);
    }
    return buf;
  };
  Buffer.allocUnsafe = function allocUnsafe(size) { checkSize(size); return new FastBuffer(size); };
  Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) { checkSize(size); return new FastBuffer(size); };
  function SlowBuffer(size) { checkSize(size); return new FastBuffer(size); }
  Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(SlowBuffer, Uint8Array);

  Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };
  Buffer.compare = function compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw codes.ERR_INVALID_ARG_TYPE("buf1", ["Buffer", "Uint8Array"], buf1);
    if (!isUint8Array(buf2)) throw codes.ERR_INVALID_ARG_TYPE("buf2", ["Buffer", "Uint8Array"], buf2);
    if (buf1 === buf2) return 0;
    return native.compare(buf1, buf2);
  };
  Buffer.isEncoding = function isEncoding(encoding) {
    return typeof encoding === "string" && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
  };
  Buffer.concat = function concat(list, length) {
    if (!Array.isArray(list)) throw codes.ERR_INVALID_ARG_TYPE("list", ["Array"], list);
    if (list.length === 0) return new FastBuffer();
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i].length) length += list[i].length;
      }
    } else {
      validateOffset(length, "length");
    }
    const buffer = Buffer.allocUnsafe(length);
    let pos = 0;
    for (let i = 0; i < list.length; i++) {
      const buf = list[i];
      if (!isUint8Array(buf)) throw new TypeError(`Incorrect type for array element ${i}: the provided value is not of type 'JsUint8Array'.`);
      pos += _copyActual(buf, buffer, pos, 0, buf.length);
    }
    if (pos < length) buffer.fill(0, pos, length);
    return buffer;
  };
  Buffer.byteLength = function byteLength(string, encoding) {
    if (typeof string !== "string") {
      if (ArrayBuffer.isView(string) || types.isAnyArrayBuffer(string)) return string.byteLength;
      throw codes.ERR_INVALID_ARG_TYPE("string", ["string", "Buffer", "ArrayBuffer"], string);
    }
    if (string.length === 0) return 0;
    const enc = normalizeEncoding(encoding);
    return native.byteLength(string, enc === undefined ? UTF8 : enc);
  };

  const proto = Buffer.prototype;
  Object.defineProperty(proto, "parent", {
    enumerable: true, configurable: true,
    get() { if (!(this instanceof Buffer)) return undefined; return this.buffer; },
  });
  Object.defineProperty(proto, "offset", {
    enumerable: true, configurable: true,
    get() { if (!(this instanceof Buffer)) return undefined; return this.byteOffset; },
  });

  function slice(buf, enc, start, end) { return native.toString(buf, enc, start, end); }
  proto.toString = function toString(encoding, start, end) {
    if (arguments.length === 0) return native.toString(this, UTF8, 0, this.length);
    const len = this.length;
    if (start <= 0) start = 0;
    else if (start >= len) return "";
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return "";
    if (encoding === undefined) return slice(this, UTF8, start, end);
    return slice(this, getEncoding(encoding), start, end);
  };
  proto.toLocaleString = proto.toString;
  proto.equals = function equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) throw codes.ERR_INVALID_ARG_TYPE("b", ["Buffer", "Uint8Array"], typeof otherBuffer);
    if (this === otherBuffer) return true;
    if (this.byteLength !== otherBuffer.byteLength) return false;
    return this.byteLength === 0 || native.compare(this, otherBuffer) === 0;
  };
  proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw codes.ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target);
    if (arguments.length === 1) return native.compare(this, target);
    if (targetStart === undefined) targetStart = 0; else validateOffset(targetStart, "targetStart");
    if (targetEnd === undefined) targetEnd = target.length; else validateOffset(targetEnd, "targetEnd", 0, target.length);
    if (sourceStart === undefined) sourceStart = 0; else validateOffset(sourceStart, "sourceStart");
    if (sourceEnd === undefined) sourceEnd = this.length; else validateOffset(sourceEnd, "sourceEnd", 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return native.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
  };

  function toInteger(n, defaultVal) {
    n = +n;
    if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) return n % 1 === 0 ? n : Math.floor(n);
    return defaultVal;
  }
  function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
    if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
    let nb = sourceEnd - sourceStart;
    const sourceLen = source.length - sourceStart;
    if (nb > sourceLen) nb = sourceLen;
    if (sourceStart !== 0 || sourceEnd < source.length) source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
    target.set(source, targetStart);
    return nb;
  }
  proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
    const source = this;
    if (!isUint8Array(source)) throw codes.ERR_INVALID_ARG_TYPE("source", ["Buffer", "Uint8Array"], source);
    if (!isUint8Array(target)) throw codes.ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target);
    if (targetStart === undefined) {
      targetStart = 0;
    } else {
      targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
      if (targetStart < 0) throw codes.ERR_OUT_OF_RANGE("targetStart", ">= 0", targetStart);
    }
    if (sourceStart === undefined) {
      sourceStart = 0;
    } else {
      sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
      if (sourceStart < 0 || sourceStart > source.length) throw codes.ERR_OUT_OF_RANGE("sourceStart", `>= 0 && <= ${source.length}`, sourceStart);
    }
    if (sourceEnd === undefined) {
      sourceEnd = source.length;
    } else {
      sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
      if (sourceEnd < 0) throw codes.ERR_OUT_OF_RANGE("sourceEnd", ">= 0", sourceEnd);
    }
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
  };

  function adjustOffset(offset, length) {
    offset = Math.trunc(offset);
    if (offset === 0 || Number.isNaN(offset)) return 0;
    if (offset < 0) {
      offset += length;
      return offset > 0 ? offset : 0;
    }
    if (offset < length) return offset;
    return length;
  }
  proto.subarray = function subarray(start, end) {
    const srcLength = this.length;
    start = adjustOffset(start, srcLength);
    end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
    const newLength = end > start ? end - start : 0;
    return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
  };
  proto.slice = function slice(start, end) { return this.subarray(start, end); };

  proto.write = function write(string, offset, length, encoding) {
    string = `${string}`;
    if (offset === undefined) return native.write(this, string, UTF8, 0, this.length);
    if (length === undefined && typeof offset === "string") {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, "offset", 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === "string") {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, "length", 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    return native.write(this, string, getEncoding(encoding), offset, length);
  };
  for (const [name, enc] of [["utf8", UTF8], ["ucs2", UTF16LE], ["utf16le", UTF16LE], ["latin1", LATIN1], ["ascii", ASCII], ["base64", BASE64], ["base64url", BASE64URL], ["hex", HEX]]) {
    proto[name + "Slice"] = function (start = 0, end = this.length) { return native.toString(this, enc, start, Math.min(end, this.length)); };
    proto[name + "Write"] = function (string, offset = 0, length = this.length - offset) {
      return native.write(this, string, enc, offset, Math.min(length, this.length - offset));
    };
  }

  proto.toJSON = function toJSON() {
    if (this.length > 0) {
      const data = new Array(this.length);
      for (let i = 0; i < this.length; ++i) data[i] = this[i];
      return { type: "Buffer", data };
    }
    return { type: "Buffer", data: [] };
  };

  // fill as workerd's (internal_buffer.ts), whose argument checks differ
  // from Node's: "end"/"start" ranges, a number masked to a byte.
  function _fill(buf, val, start, end, encoding) {
    let enc;
    if (typeof val === "string") {
      if (typeof start === "string") {
        encoding = start;
        start = 0;
        end = buf.length;
      } else if (typeof end === "string") {
        encoding = end;
        end = buf.length;
      }
      enc = normalizeEncoding(encoding);
      if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(`${encoding}`);
      if (val.length === 1) {
        const code = val.charCodeAt(0);
        if ((encoding === "utf8" && code < 128) || encoding === "latin1") val = code;
      }
    }
    if (start !== undefined) validateNumber(start, "start");
    if (end !== undefined) validateNumber(end, "end");
    if (end < 0 || end > buf.length) throw codes.ERR_OUT_OF_RANGE("end", `0 to ${buf.length}`, end);
    if (start < 0 || buf.length < start || buf.length < end) throw codes.ERR_OUT_OF_RANGE("start", "0 to end", start);
    if (end <= start) return buf;
    start = start >>> 0;
    end = end === undefined ? buf.length : end >>> 0;
    if (typeof val === "string") {
      const pattern = new Uint8Array(native.fromString(val, enc));
      if (pattern.length === 0) {
        if (enc === HEX && val.length !== 0) throw new TypeError("The text is not valid hex");
        Uint8Array.prototype.fill.call(buf, 0, start, end);
        return buf;
      }
      native.fillBytes(buf, pattern, start, end);
      return buf;
    }
    if (ArrayBuffer.isView(val)) {
      if (val.byteLength === 0) throw codes.ERR_INVALID_ARG_VALUE("value", "zero-length");
      native.fillBytes(buf, new Uint8Array(val.buffer, val.byteOffset, val.byteLength), start, end);
      return buf;
    }
    if (typeof val === "number") val = val & 255;
    else if (typeof val === "boolean") val = Number(val);
    if (val === undefined || val === null) val = 0;
    Uint8Array.prototype.fill.call(buf, val, start, end);
    return buf;
  }
  proto.fill = function fill(value, offset, end, encoding) { return _fill(this, value, offset, end, encoding); };

  function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
    dir = !!dir;
    let needle;
    if (typeof val === "number") {
      needle = new Uint8Array([val >>> 0 & 255]);
    } else if (typeof val === "string") {
      const enc = encoding === undefined ? UTF8 : normalizeEncoding(encoding);
      if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
      needle = new Uint8Array(native.fromString(val, enc));
    } else if (isUint8Array(val)) {
      needle = val;
    } else {
      throw codes.ERR_INVALID_ARG_TYPE("value", ["number", "string", "Buffer", "Uint8Array"], val);
    }
    const len = buffer.length;
    let from = Math.trunc(byteOffset);
    if (from < 0) from += len;
    if (dir) {
      if (from < 0) from = 0;
      if (needle.length === 0) return Math.min(from, len);
      if (from >= len) return -1;
    } else {
      if (from < 0) return -1;
      if (from >= len) from = len - 1;
      if (needle.length === 0) return Math.min(from, len);
    }
    return native.indexOf(buffer, needle, from, dir);
  }
  proto.indexOf = function indexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, true); };
  proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) { return bidirectionalIndexOf(this, val, byteOffset, encoding, false); };
  proto.includes = function includes(val, byteOffset, encoding) { return this.indexOf(val, byteOffset, encoding) !== -1; };

  function swap(b, n, m) { const i = b[n]; b[n] = b[m]; b[m] = i; }
  proto.swap16 = function swap16() {
    const len = this.length;
    if (len % 2 !== 0) throw codes.ERR_INVALID_BUFFER_SIZE("16-bits");
    for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
    return this;
  };
  proto.swap32 = function swap32() {
    const len = this.length;
    if (len % 4 !== 0) throw codes.ERR_INVALID_BUFFER_SIZE("32-bits");
    for (let i = 0; i < len; i += 4) { swap(this, i, i + 3); swap(this, i + 1, i + 2); }
    return this;
  };
  proto.swap64 = function swap64() {
    const len = this.length;
    if (len % 8 !== 0) throw codes.ERR_INVALID_BUFFER_SIZE("64-bits");
    for (let i = 0; i < len; i += 8) { swap(this, i, i + 7); swap(this, i + 1, i + 6); swap(this, i + 2, i + 5); swap(this, i + 3, i + 4); }
    return this;
  };

  // --- reads and writes (Node's lib/internal/buffer.js) ---
  function boundsError(value, length, type) {
    if (Math.floor(value) !== value) {
      validateNumber(value, type || "offset");
      throw codes.ERR_OUT_OF_RANGE(type || "offset", "an integer", value);
    }
    if (length < 0) throw codes.ERR_BUFFER_OUT_OF_BOUNDS();
    throw codes.ERR_OUT_OF_RANGE(type || "offset", `>= ${type ? 1 : 0} and <= ${length}`, value);
  }
  function checkRead(buf, offset, n) {
    validateNumber(offset, "offset");
    if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
  }
  function readU(buf, offset, n, le) {
    checkRead(buf, offset, n);
    let v = 0;
    if (le) for (let i = n - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
    else for (let i = 0; i < n; i++) v = v * 256 + buf[offset + i];
    return v;
  }
  function readS(buf, offset, n, le) {
    const v = readU(buf, offset, n, le);
    const lim = 2 ** (8 * n - 1);
    return v >= lim ? v - 2 * lim : v;
  }
  function checkInt(value, min, max, buf, offset, byteLength) {
    if (value > max || value < min) {
      const n = typeof min === "bigint" ? "n" : "";
      let range;
      if (byteLength > 3) {
        if (min === 0 || min === 0n) range = `>= 0${n} and < 2${n} ** ${(byteLength + 1) * 8}${n}`;
        else range = `>= -(2${n} ** ${(byteLength + 1) * 8 - 1}${n}) and < 2 ** ${(byteLength + 1) * 8 - 1}${n}`;
      } else {
        range = `>= ${min}${n} and <= ${max}${n}`;
      }
      throw codes.ERR_OUT_OF_RANGE("value", range, value);
    }
    validateNumber(offset, "offset");
    if (buf[offset] === undefined || buf[offset + byteLength] === undefined) boundsError(offset, buf.length - (byteLength + 1));
  }
  function writeInt(buf, value, offset, n, le, signed) {
    value = +value;
    const lim = 2 ** (8 * n);
    const min = signed ? -(lim / 2) : 0;
    const max = signed ? lim / 2 - 1 : lim - 1;
    if (n === 1) {
      if (value > max || value < min) throw codes.ERR_OUT_OF_RANGE("value", `>= ${min} and <= ${max}`, value);
      validateNumber(offset, "offset");
      if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
      buf[offset] = value;
      return offset + 1;
    }
    checkInt(value, min, max, buf, offset, n - 1);
    let v = Math.trunc(value);
    if (v < 0) v += lim;
    for (let i = 0; i < n; i++) {
      const byte = v % 256;
      buf[le ? offset + i : offset + n - 1 - i] = byte;
      v = (v - byte) / 256;
    }
    return offset + n;
  }
  const f32 = new Float32Array(1), f32b = new Uint8Array(f32.buffer);
  const f64 = new Float64Array(1), f64b = new Uint8Array(f64.buffer);
  const bigEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
  function readFloat(buf, offset, n, le) {
    checkRead(buf, offset, n);
    const bytes = n === 4 ? f32b : f64b;
    const rev = le === bigEndianHost;
    for (let i = 0; i < n; i++) bytes[rev ? n - 1 - i : i] = buf[offset + i];
    return n === 4 ? f32[0] : f64[0];
  }
  function writeFloat(buf, value, offset, n, le) {
    value = +value;
    validateNumber(offset, "offset");
    if (buf[offset] === undefined || buf[offset + n - 1] === undefined) boundsError(offset, buf.length - n);
    if (n === 4) f32[0] = value; else f64[0] = value;
    const bytes = n === 4 ? f32b : f64b;
    const rev = le === bigEndianHost;
    for (let i = 0; i < n; i++) buf[offset + i] = bytes[rev ? n - 1 - i : i];
    return offset + n;
  }
  function readBig(buf, offset, le, signed) {
    checkRead(buf, offset, 8);
    let v = 0n;
    for (let i = 0; i < 8; i++) v = (v << 8n) + BigInt(buf[offset + (le ? 7 - i : i)]);
    return signed ? BigInt.asIntN(64, v) : v;
  }
  function writeBig(buf, value, offset, le, signed) {
    if (typeof value !== "bigint") throw new TypeError("Cannot mix BigInt and other types, use explicit conversions");
    const min = signed ? -(2n ** 63n) : 0n;
    const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
    checkInt(value, min, max, buf, offset, 7);
    let v = BigInt.asUintN(64, BigInt(value));
    for (let i = 0; i < 8; i++) {
      buf[le ? offset + i : offset + 7 - i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return offset + 8;
  }
  function def(names, fn) {
    for (const name of names) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: true });
  }
  for (const [n, bits] of [[1, 8], [2, 16], [4, 32]]) {
    for (const le of n === 1 ? [true] : [true, false]) {
      const e = n === 1 ? "" : le ? "LE" : "BE";
      def([`readUInt${bits}${e}`, `readUint${bits}${e}`], function (offset = 0) { return readU(this, offset, n, le); });
      def([`readInt${bits}${e}`], function (offset = 0) { return readS(this, offset, n, le); });
      def([`writeUInt${bits}${e}`, `writeUint${bits}${e}`], function (value, offset = 0) { return writeInt(this, value, offset, n, le, false); });
      def([`writeInt${bits}${e}`], function (value, offset = 0) { return writeInt(this, value, offset, n, le, true); });
    }
  }
  for (const le of [true, false]) {
    const e = le ? "LE" : "BE";
    def([`readFloat${e}`], function (offset = 0) { return readFloat(this, offset, 4, le); });
    def([`readDouble${e}`], function (offset = 0) { return readFloat(this, offset, 8, le); });
    def([`writeFloat${e}`], function (value, offset = 0) { return writeFloat(this, value, offset, 4, le); });
    def([`writeDouble${e}`], function (value, offset = 0) { return writeFloat(this, value, offset, 8, le); });
    def([`readBigUInt64${e}`, `readBigUint64${e}`], function (offset = 0) { return readBig(this, offset, le, false); });
    def([`readBigInt64${e}`], function (offset = 0) { return readBig(this, offset, le, true); });
    def([`writeBigUInt64${e}`, `writeBigUint64${e}`], function (value, offset = 0) { return writeBig(this, value, offset, le, false); });
    def([`writeBigInt64${e}`], function (value, offset = 0) { return writeBig(this, value, offset, le, true); });
    const checkByteLength = (byteLength) => {
      if (byteLength === undefined) throw codes.ERR_INVALID_ARG_TYPE("byteLength", "number", byteLength);
      if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) boundsError(byteLength, 6, "byteLength");
    };
    def([`readUInt${e}`, `readUint${e}`], function (offset, byteLength) {
      if (offset === undefined) throw codes.ERR_INVALID_ARG_TYPE("offset", "number", offset);
      checkByteLength(byteLength);
      return readU(this, offset, byteLength, le);
    });
    def([`readInt${e}`], function (offset, byteLength) {
      if (offset === undefined) throw codes.ERR_INVALID_ARG_TYPE("offset", "number", offset);
      checkByteLength(byteLength);
      return readS(this, offset, byteLength, le);
    });
    def([`writeUInt${e}`, `writeUint${e}`], function (value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInt(this, value, offset, byteLength, le, false);
    });
    def([`writeInt${e}`], function (value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInt(this, value, offset, byteLength, le, true);
    });
  }

  proto[Symbol.for("nodejs.util.inspect.custom")] = function inspectBuffer(recurseTimes, ctx) {
    const max = INSPECT_MAX_BYTES;
    const actualMax = Math.min(max, this.length);
    const remaining = this.length - max;
    let str = native.toString(this, HEX, 0, actualMax).replace(/(.{2})/g, "$1 ").trim();
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    if (ctx) {
      let extras = false;
      const obj = { __proto__: null };
      const keys = (ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this)).filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
      for (const key of keys) {
        extras = true;
        obj[key] = this[key];
      }
      if (extras) {
        if (this.length !== 0) str += ", ";
        str += inspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
      }
    }
    return `<${this.constructor.name} ${str}>`;
  };
  proto.inspect = proto[Symbol.for("nodejs.util.inspect.custom")];

  function transcode(source, fromEncoding, toEncoding) {
    if (!ArrayBuffer.isView(source)) throw codes.ERR_INVALID_ARG_TYPE("source", "ArrayBufferView", typeof source);
    const from = normalizeEncoding(fromEncoding);
    if (from === undefined || from > ASCII) throw codes.ERR_UNKNOWN_ENCODING(fromEncoding);
    const to = normalizeEncoding(toEncoding);
    if (to === undefined || to > ASCII) throw codes.ERR_UNKNOWN_ENCODING(toEncoding);
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return fromString(native.toString(bytes, from, 0, bytes.length), encodingNames[to]);
  }
  function isUtf8(input) {
    if (!ArrayBuffer.isView(input) && !types.isAnyArrayBuffer(input)) throw codes.ERR_INVALID_ARG_TYPE("input", ["ArrayBuffer", "Buffer", "TypedArray"], input);
    return native.isUtf8(input);
  }
  function isAscii(input) {
    if (!ArrayBuffer.isView(input) && !types.isAnyArrayBuffer(input)) throw codes.ERR_INVALID_ARG_TYPE("input", ["ArrayBuffer", "Buffer", "TypedArray"], input);
    return native.isAscii(input);
  }
  function resolveObjectURL() { return undefined; }

  const atob = globalThis.atob.bind(globalThis);
  const btoa = globalThis.btoa.bind(globalThis);
  const exports = {
    atob, btoa, constants, kMaxLength, kStringMaxLength, Blob: globalThis.Blob, Buffer, File: globalThis.File,
    SlowBuffer, isAscii, isUtf8, transcode, INSPECT_MAX_BYTES, resolveObjectURL,
  };
  return exports;
})
