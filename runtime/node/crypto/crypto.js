// node:crypto's classes and argument checks over the Go engines
// (crypto.go). Messages follow workerd's node:crypto.
(function (native, errors, requireBuffer, stream) {
  "use strict";
  // Buffer comes from node:buffer the first time crypto needs it; its Go
  // codecs do every string encoding here.
  let Buffer;
  const B = () => Buffer || (Buffer = requireBuffer().Buffer);
  const bytesFrom = (s, enc) => B().from(s, enc || "utf8");
  const strOf = (u8, enc) => toBuf(u8).toString(enc);
  const isUTF8 = (enc) => { const e = String(enc).toLowerCase(); return e === "utf8" || e === "utf-8"; };
  const E = errors;
  const kHandle = Symbol("kHandle");
  const kKey = Symbol("kKeyObject");

  const toBuf = (u8) => B().from(u8.buffer, u8.byteOffset, u8.byteLength);
  const concat = (list) => {
    let n = 0;
    for (const c of list) n += c.byteLength;
    const o = new Uint8Array(n);
    n = 0;
    for (const c of list) { o.set(c, n); n += c.byteLength; }
    return o;
  };
  const isView = ArrayBuffer.isView;
  const isAB = (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer);

  function out(u8, enc) {
    if (enc === undefined || enc === "buffer") return toBuf(u8);
    if (!B().isEncoding(enc)) throw E.ERR_UNKNOWN_ENCODING(enc);
    return strOf(u8, enc);
  }
  function checkEncoding(enc) {
    if (enc === undefined || enc === null || enc === "buffer") return enc;
    if (!B().isEncoding(enc)) throw E.ERR_UNKNOWN_ENCODING(enc);
    return enc;
  }
  function validateData(data, name = "data") {
    if (typeof data !== "string" && !isView(data)) throw E.ERR_INVALID_ARG_TYPE(name, ["string", "Buffer", "TypedArray", "DataView"], data);
  }
  function validateString(v, name) {
    if (typeof v !== "string") throw E.ERR_INVALID_ARG_TYPE(name, "string", v);
  }
  function validateFunction(v, name) {
    if (typeof v !== "function") throw E.ERR_INVALID_ARG_TYPE(name, "Function", v);
  }
  function validateInt32(v, name, min = -2147483648, max = 2147483647) {
    if (typeof v !== "number") throw E.ERR_INVALID_ARG_TYPE(name, "number", v);
    if (!Number.isInteger(v)) throw E.ERR_OUT_OF_RANGE(name, "an integer", v);
    if (v < min || v > max) throw E.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, v);
  }
  function validateObject(v, name) {
    if (v === null || typeof v !== "object") throw E.ERR_INVALID_ARG_TYPE(name, "Object", v);
  }
  // bytesOf is a BinaryLike (string, ArrayBuffer, view) as a Uint8Array view.
  function bytesOf(v, name, enc) {
    if (typeof v === "string") return bytesFrom(v, enc);
    if (isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    if (isAB(v)) return new Uint8Array(v);
    throw E.ERR_INVALID_ARG_TYPE(name, ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"], v);
  }
  const nextTick = (fn, ...args) => queueMicrotask(() => fn(...args));

  // LazyTransform is Node's (lib/internal/streams/lazy_transform.js): Hash,
  // Hmac, Cipheriv and friends are Transform streams whose stream state is
  // made the first time something uses them as a stream.
  function LazyTransform(options) { this._options = options; }
  Object.setPrototypeOf(LazyTransform.prototype, stream.Transform.prototype);
  Object.setPrototypeOf(LazyTransform, stream.Transform);
  for (const name of ["_readableState", "_writableState", "_transformState"]) {
    Object.defineProperty(LazyTransform.prototype, name, {
      get() {
        stream.Transform.call(this, this._options);
        this._writableState.decodeStrings = false;
        return this[name];
      },
      set(val) { Object.defineProperty(this, name, { value: val, enumerable: true, configurable: true, writable: true }); },
      configurable: true, enumerable: true,
    });
  }

  // --- Hash and Hmac ----------------------------------------------------
  function Hash(algorithm, options) {
    if (!(this instanceof Hash)) return new Hash(algorithm, options);
    if (algorithm instanceof Hash) { this[kHandle] = native.hashCopy(algorithm[kHandle]); this._finalized = false; return; }
    validateString(algorithm, "algorithm");
    if (options === null) throw new TypeError("Cannot read properties of null (reading 'outputLength')"); // workerd's
    if (options !== undefined && options.outputLength !== undefined) {
      validateInt32(options.outputLength, "options.outputLength", 0);
    }
    const h = native.hashNew(algorithm, options && options.outputLength);
    if (h === null) throw new Error("Digest method not supported");
    this[kHandle] = h;
    this._finalized = false;
  }
  Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
  Hash.prototype._transform = function (chunk, encoding, callback) {
    native.hashUpdate(this[kHandle], typeof chunk === "string" ? bytesFrom(chunk, encoding) : chunk);
    callback();
  };
  Hash.prototype._flush = function (callback) {
    this.push(this.digest());
    callback();
  };
  Hash.prototype.update = function update(data, encoding) {
    if (this._finalized) throw E.ERR_CRYPTO_HASH_FINALIZED();
    validateData(data);
    native.hashUpdate(this[kHandle], typeof data === "string" ? bytesFrom(data, encoding) : data);
    return this;
  };
  Hash.prototype.digest = function digest(outputEncoding) {
    if (this._finalized) throw E.ERR_CRYPTO_HASH_FINALIZED();
    checkEncoding(outputEncoding);
    this._finalized = true;
    return out(native.hashDigest(this[kHandle]), outputEncoding);
  };
  Hash.prototype.copy = function copy(options) {
    if (this._finalized) throw E.ERR_CRYPTO_HASH_FINALIZED();
    return new Hash(this, options);
  };

  function keyBytes(key, name, allowCryptoKey) {
    if (key instanceof KeyObject) {
      if (key.type !== "secret") throw E.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, "secret");
      return key[kHandle];
    }
    if (allowCryptoKey && typeof CryptoKey !== "undefined" && key instanceof CryptoKey) {
      throw new TypeError("CryptoKey keys are not supported here; use KeyObject.from(cryptoKey) after exporting it");
    }
    if (typeof key === "string" || isView(key) || isAB(key)) return bytesOf(key, name);
    throw E.ERR_INVALID_ARG_TYPE(name, ["string", "ArrayBuffer", "Buffer", "ArrayBufferView", "KeyObject", "CryptoKey"], key);
  }

  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    validateString(hmac, "hmac");
    const k = keyBytes(key, "key", true);
    const h = native.hmacNew(hmac, k);
    if (h === null) throw new Error("Digest method not supported");
    this[kHandle] = h;
    this._finalized = false;
  }
  Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
  Hmac.prototype._transform = Hash.prototype._transform;
  Hmac.prototype._flush = Hash.prototype._flush;
  Hmac.prototype.update = Hash.prototype.update;
  Hmac.prototype.digest = function digest(outputEncoding) {
    checkEncoding(outputEncoding);
    if (this._finalized) return out(new Uint8Array(0), outputEncoding);
    this._finalized = true;
    return out(native.hashDigest(this[kHandle]), outputEncoding);
  };

  function createHash(algorithm, options) { return new Hash(algorithm, options); }
  function createHmac(hmac, key, options) { return new Hmac(hmac, key, options); }
  function hash(algorithm, data, outputEncoding = "hex") {
    validateString(algorithm, "algorithm");
    if (typeof data !== "string" && !isView(data)) throw E.ERR_INVALID_ARG_TYPE("data", ["Buffer", "TypedArray", "DataView", "string"], data);
    return new Hash(algorithm).update(data).digest(outputEncoding);
  }

  // --- key derivation ---------------------------------------------------
  function pbkdf2Args(password, salt, iterations, keylen, digest) {
    const pw = bytesOf(password, "password"), s = bytesOf(salt, "salt");
    validateInt32(iterations, "iterations", 1);
    validateInt32(keylen, "keylen", 0);
    validateString(digest, "digest");
    return [pw, s, iterations, keylen, digest];
  }
  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    return toBuf(native.pbkdf2(...pbkdf2Args(password, salt, iterations, keylen, digest)));
  }
  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === "function") { callback = digest; digest = undefined; }
    const args = pbkdf2Args(password, salt, iterations, keylen, digest);
    validateFunction(callback, "callback");
    native.pbkdf2(...args, (err, k) => (err ? callback(err) : callback(null, toBuf(k))));
  }

  const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
  function scryptArgs(password, salt, keylen, options) {
    const pw = bytesOf(password, "password"), s = bytesOf(salt, "salt");
    validateInt32(keylen, "keylen", 0);
    const o = { ...scryptDefaults };
    if (options !== undefined && options !== null) {
      for (const [long, short] of [["cost", "N"], ["blockSize", "r"], ["parallelization", "p"]]) {
        if (options[long] !== undefined) o[short] = options[long];
        if (options[short] !== undefined) o[short] = options[short];
      }
      if (options.maxmem !== undefined) o.maxmem = options.maxmem;
    }
    return [pw, s, o.N, o.r, o.p, keylen, o.maxmem];
  }
  function scryptSync(password, salt, keylen, options) {
    return toBuf(native.scrypt(...scryptArgs(password, salt, keylen, options)));
  }
  function scrypt(password, salt, keylen, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    const args = scryptArgs(password, salt, keylen, options);
    validateFunction(callback, "callback");
    native.scrypt(...args, (err, k) => (err ? callback(err) : callback(null, toBuf(k))));
  }

  function hkdfArgs(digest, ikm, salt, info, keylen) {
    validateString(digest, "digest");
    const k = ikm instanceof KeyObject ? keyBytes(ikm, "ikm") : bytesOf(ikm, "ikm");
    const s = bytesOf(salt, "salt"), i = bytesOf(info, "info");
    validateInt32(keylen, "length", 0);
    if (i.byteLength > 1024) throw E.ERR_OUT_OF_RANGE("info", "must not contain more than 1024 bytes", i.byteLength);
    return [digest, k, s, i, keylen];
  }
  function hkdfSync(digest, ikm, salt, info, keylen) { return native.hkdf(...hkdfArgs(digest, ikm, salt, info, keylen)); }
  function hkdf(digest, ikm, salt, info, keylen, callback) {
    const args = hkdfArgs(digest, ikm, salt, info, keylen);
    validateFunction(callback, "callback");
    let r;
    try { r = native.hkdf(...args); } catch (e) { nextTick(callback, e); return; }
    nextTick(callback, null, r);
  }

  // --- random -----------------------------------------------------------
  const kMaxLength = 2147483647;
  function validateSize(size, name = "size") {
    if (typeof size !== "number") throw E.ERR_INVALID_ARG_TYPE(name, "number", size);
    if (!(size >= 0 && size <= kMaxLength)) throw E.ERR_OUT_OF_RANGE(name, `>= 0 && <= ${kMaxLength}`, size);
  }
  function randomBytes(size, callback) {
    validateSize(size);
    if (callback !== undefined) validateFunction(callback, "callback");
    const buf = toBuf(new Uint8Array(Math.floor(size)));
    native.randomFill(buf, 0, buf.length);
    if (callback === undefined) return buf;
    nextTick(callback, null, buf);
  }
  function randomFillSync(buf, offset = 0, size) {
    if (!isView(buf) && !isAB(buf)) throw E.ERR_INVALID_ARG_TYPE("buf", ["ArrayBuffer", "ArrayBufferView"], buf);
    const u8 = isAB(buf) ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const elt = isView(buf) && buf.BYTES_PER_ELEMENT ? buf.BYTES_PER_ELEMENT : 1;
    validateSize(offset, "offset");
    offset *= elt;
    if (offset > u8.length) throw E.ERR_OUT_OF_RANGE("offset", `<= ${u8.length}`, offset);
    if (size === undefined) size = u8.length - offset;
    else {
      validateSize(size);
      size *= elt;
      if (size > u8.length - offset) throw E.ERR_OUT_OF_RANGE("size", `>= 0 && <= ${u8.length - offset}`, size);
    }
    native.randomFill(u8, offset, size);
    return buf;
  }
  function randomFill(buf, offset, size, callback) {
    if (typeof offset === "function") { callback = offset; offset = 0; size = undefined; }
    else if (typeof size === "function") { callback = size; size = undefined; }
    validateFunction(callback, "callback");
    randomFillSync(buf, offset, size);
    nextTick(callback, null, buf);
  }
  const RAND_MAX = 0xffffffffffff;
  function randomInt(min, max, callback) {
    const minNotSpecified = typeof max === "undefined" || typeof max === "function";
    if (minNotSpecified) { callback = max; max = min; min = 0; }
    const isSync = typeof callback === "undefined";
    if (!isSync) validateFunction(callback, "callback");
    if (!Number.isSafeInteger(min)) throw E.ERR_INVALID_ARG_TYPE("min", "a safe integer", min);
    if (!Number.isSafeInteger(max)) {
      if (typeof max === "number" && !Number.isInteger(max)) throw E.ERR_OUT_OF_RANGE("max", "an integer", max);
      throw E.ERR_INVALID_ARG_TYPE("max", "a safe integer", max);
    }
    if (max <= min) throw E.ERR_OUT_OF_RANGE("min", "min < max", min); // workerd's words
    const range = max - min;
    if (!(range <= RAND_MAX)) throw E.ERR_OUT_OF_RANGE(`max${minNotSpecified ? "" : " - min"}`, `<= ${RAND_MAX}`, range);
    const randLimit = RAND_MAX - (RAND_MAX % range);
    const six = new Uint8Array(6);
    for (;;) {
      native.randomFill(six, 0, 6);
      const x = six.reduce((a, b) => a * 256 + b, 0);
      if (x < randLimit) {
        const n = (x % range) + min;
        if (isSync) return n;
        nextTick(callback, null, n);
        return;
      }
    }
  }
  function randomUUID(options) {
    if (options !== undefined) validateObject(options, "options");
    return globalThis.crypto.randomUUID();
  }
  function getRandomValues(data) { return globalThis.crypto.getRandomValues(data); }

  function timingSafeEqual(a, b) {
    const isBS = (v) => isView(v) || isAB(v);
    if (!isBS(a)) throw new TypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 1 is not of type 'JsBufferSource'.");
    if (!isBS(b)) throw new TypeError("Failed to execute 'timingSafeEqual' on 'SubtleCrypto': parameter 2 is not of type 'JsBufferSource'.");
    const av = isAB(a) ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const bv = isAB(b) ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (av.byteLength !== bv.byteLength) throw new TypeError("Input buffers must have the same byte length.");
    return native.timingSafeEqual(av, bv);
  }

  // --- ciphers ----------------------------------------------------------
  function cipherBase(self, decrypt, cipher, key, iv, options) {
    validateString(cipher, "cipher");
    const k = keyBytes(key, "key");
    if (iv !== null && typeof iv !== "string" && !isView(iv)) throw E.ERR_INVALID_ARG_TYPE("iv", ["string", "Buffer", "TypedArray", "DataView"], iv);
    if (iv === null) throw E.ERR_INVALID_ARG_TYPE("iv", ["string", "Buffer", "TypedArray", "DataView", "null"], iv);
    self[kHandle] = native.cipherNew(cipher, k, bytesOf(iv, "iv"), decrypt);
    self._decoder = null;
  }
  function update(data, inputEncoding, outputEncoding) {
    if (typeof data === "string") {
      // workerd, unlike Node, wants the encoding of a string named.
      if (inputEncoding === undefined || inputEncoding === null) {
        throw E.ERR_INVALID_ARG_VALUE("inputEncoding", inputEncoding, "If inputEncoding is not provided then the data must be a Buffer");
      }
      if (inputEncoding !== "buffer") checkEncoding(inputEncoding);
    } else if (!isView(data)) {
      throw E.ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
    }
    const r = native.cipherUpdate(this[kHandle], typeof data === "string" ? bytesFrom(data, inputEncoding === "buffer" ? undefined : inputEncoding) : data);
    return cipherOut(this, r, outputEncoding);
  }
  function cipherOut(self, u8, enc) {
    if (enc === undefined || enc === null || enc === "buffer") return toBuf(u8);
    checkEncoding(enc);
    // utf8 output keeps a partial character for the next call, as Node's
    // StringDecoder does.
    if (isUTF8(enc)) {
      const buf = self._pending ? concat([self._pending, u8]) : u8;
      let end = buf.length, i = end - 1, need = 0;
      while (i >= 0 && i >= end - 4 && (buf[i] & 0xc0) === 0x80) i--;
      if (i >= 0) {
        const b = buf[i];
        need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (end - i < need) end = i;
      }
      self._pending = end < buf.length ? buf.subarray(end) : null;
      return strOf(buf.subarray(0, end), "utf8");
    }
    return strOf(u8, enc);
  }
  function final(outputEncoding) {
    const r = native.cipherFinal(this[kHandle]);
    const s = cipherOut(this, r, outputEncoding);
    if (this._pending && typeof s === "string") { const p = this._pending; this._pending = null; return s + strOf(p, "utf8"); }
    return s;
  }
  function setAutoPadding(ap = true) { native.cipherSetPadding(this[kHandle], !!ap); return this; }
  function setAAD(buffer, options) {
    if (!isView(buffer)) throw E.ERR_INVALID_ARG_TYPE("buffer", ["Buffer", "TypedArray", "DataView"], buffer);
    native.cipherSetAAD(this[kHandle], buffer);
    return this;
  }
  function cipherTransform(chunk, encoding, callback) { this.push(this.update(chunk, encoding)); callback(); }
  function cipherFlush(callback) {
    try { this.push(this.final()); } catch (e) { callback(e); return; }
    callback();
  }
  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    cipherBase(this, false, cipher, key, iv, options);
  }
  Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
  Object.assign(Cipheriv.prototype, { _transform: cipherTransform, _flush: cipherFlush, update, final, setAutoPadding, setAAD,
    getAuthTag() { return toBuf(native.cipherGetAuthTag(this[kHandle])); } });
  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    cipherBase(this, true, cipher, key, iv, options);
  }
  Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
  Object.assign(Decipheriv.prototype, { _transform: cipherTransform, _flush: cipherFlush, update, final, setAutoPadding, setAAD,
    setAuthTag(tag, encoding) {
      if (typeof tag === "string") tag = bytesOf(tag, "buffer", encoding);
      if (!isView(tag)) throw E.ERR_INVALID_ARG_TYPE("buffer", ["string", "Buffer", "TypedArray", "DataView"], tag);
      native.cipherSetAuthTag(this[kHandle], tag);
      return this;
    } });
  function createCipheriv(cipher, key, iv, options) { return new Cipheriv(cipher, key, iv, options); }
  function createDecipheriv(cipher, key, iv, options) { return new Decipheriv(cipher, key, iv, options); }
  function getCipherInfo(nameOrNid, options) {
    if (typeof nameOrNid !== "string" && typeof nameOrNid !== "number") throw E.ERR_INVALID_ARG_TYPE("nameOrNid", ["string", "number"], nameOrNid);
    const info = native.cipherInfo(String(nameOrNid));
    if (info && options !== undefined && options !== null) {
      if (options.keyLength !== undefined && options.keyLength !== info.keyLength) return undefined;
      if (options.ivLength !== undefined && options.ivLength !== info.ivLength && info.mode !== "gcm") return undefined;
    }
    return info;
  }

  // --- keys -------------------------------------------------------------
  class KeyObject {
    constructor(type, handle) {
      if (type !== "secret" && type !== "public" && type !== "private") throw E.ERR_INVALID_ARG_VALUE("type", type);
      this[kKey] = type;
      this[kHandle] = handle;
    }
    get type() { return this[kKey]; }
    static from(key) {
      if (typeof CryptoKey === "undefined" || !(key instanceof CryptoKey)) throw E.ERR_INVALID_ARG_TYPE("key", "CryptoKey", key);
      throw E.ERR_METHOD_NOT_IMPLEMENTED("KeyObject.from");
    }
    equals(other) {
      if (!(other instanceof KeyObject)) throw E.ERR_INVALID_ARG_TYPE("otherKeyObject", "KeyObject", other);
      if (other.type !== this.type) return false;
      if (this.type === "secret") {
        const a = this[kHandle], b = other[kHandle];
        return a.length === b.length && native.timingSafeEqual(a, b);
      }
      return native.keyEquals(this[kHandle], other[kHandle]);
    }
  }
  class SecretKeyObject extends KeyObject {
    constructor(handle) { super("secret", handle); }
    get symmetricKeySize() { return this[kHandle].byteLength; }
    export(options) {
      if (options !== undefined) {
        validateObject(options, "options");
        if (options.format === "jwk") return { kty: "oct", ext: true, k: strOf(this[kHandle], "base64url") };
        if (options.format !== undefined && options.format !== "buffer") throw E.ERR_INVALID_ARG_VALUE("options.format", options.format);
      }
      return toBuf(this[kHandle].slice());
    }
  }
  class AsymmetricKeyObject extends KeyObject {
    get asymmetricKeyType() { return native.keyInfo(this[kHandle]).asymmetricKeyType; }
    get asymmetricKeyDetails() { return { ...native.keyInfo(this[kHandle]).details }; }
    export(options) {
      if (options === undefined) options = {};
      validateObject(options, "options");
      const { format = "pem", type } = options;
      if (format === "jwk") return native.keyExportJWK(this[kHandle]);
      if (format !== "pem" && format !== "der") throw E.ERR_INVALID_ARG_VALUE("options.format", format);
      if (type === undefined) throw new TypeError("Missing type option"); // workerd's
      if (options.cipher !== undefined) throw E.ERR_METHOD_NOT_IMPLEMENTED("export with a cipher (encrypted keys)");
      const r = native.keyExport(this[kHandle], type, format === "pem");
      return format === "pem" ? r : toBuf(r);
    }
  }
  class PublicKeyObject extends AsymmetricKeyObject { constructor(h) { super("public", h); } }
  class PrivateKeyObject extends AsymmetricKeyObject { constructor(h) { super("private", h); } }

  function createSecretKey(key, encoding) {
    if (typeof key === "string") key = bytesFrom(key, encoding);
    else if (isView(key) || isAB(key)) key = new Uint8Array(bytesOf(key, "key"));
    else throw E.ERR_INVALID_ARG_TYPE("key", ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"], key);
    return new SecretKeyObject(Uint8Array.from(key));
  }
  // parseKeyInput reads the key of createPublicKey/createPrivateKey and of
  // sign/verify: a PEM string, a Buffer, a KeyObject or { key, format, type,
  // passphrase, encoding }.
  function parseKeyInput(key, priv, name = "key") {
    if (key instanceof KeyObject) {
      if (key.type === "secret") throw E.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, priv ? "private" : "private or public");
      if (priv && key.type !== "private") throw E.ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, "private");
      return key.type === "private" && !priv ? new PublicKeyObject(native.keyPublic(key[kHandle])) : key;
    }
    let data = key, format = "pem", type, encoding;
    if (typeof key === "object" && key !== null && !isView(key) && !isAB(key)) {
      if (key.key instanceof KeyObject) return parseKeyInput(key.key, priv, name);
      ({ key: data, format = "pem", type, encoding } = key);
      if (key.passphrase !== undefined) throw new Error("Encrypted private keys are not supported");
      if (format === "jwk") {
        validateObject(data, "key.key");
        const h = native.keyJWK(data, priv || data.d !== undefined);
        return wrapAsym(h, priv);
      }
    }
    if (typeof data !== "string" && !isView(data) && !isAB(data)) {
      throw E.ERR_INVALID_ARG_TYPE(name, ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"], data);
    }
    if (format !== "pem" && format !== "der") throw E.ERR_INVALID_ARG_VALUE("key.format", format);
    const bytes = typeof data === "string" ? bytesFrom(data, encoding) : bytesOf(data, name);
    if (format === "der" && type === undefined) throw E.ERR_INVALID_ARG_VALUE("key.type", type);
    return wrapAsym(native.keyParse(bytes, format === "pem", type || "", priv), priv);
  }
  function wrapAsym(h, priv) {
    const info = native.keyInfo(h);
    if (info.type === "private" && !priv) return new PublicKeyObject(native.keyPublic(h));
    return info.type === "private" ? new PrivateKeyObject(h) : new PublicKeyObject(h);
  }
  function createPublicKey(key) { return parseKeyInput(key, false); }
  function createPrivateKey(key) { return parseKeyInput(key, true); }

  function encodeKey(keyObj, enc) {
    if (enc === undefined) return keyObj;
    validateObject(enc, "options");
    if (enc.format === "jwk") return keyObj.export({ format: "jwk" });
    return keyObj.export(enc);
  }
  function keyPairArgs(type, options) {
    validateString(type, "type");
    const o = options || {};
    switch (type) {
      case "rsa":
        validateObject(options, "options");
        validateInt32(o.modulusLength, "options.modulusLength", 0);
        return [type, o.modulusLength, o.publicExponent === undefined ? 65537 : o.publicExponent, ""];
      case "ec":
        validateObject(options, "options");
        validateString(o.namedCurve, "options.namedCurve");
        return [type, 0, 0, o.namedCurve];
      case "ed25519": case "x25519":
        return [type, 0, 0, ""];
    }
    throw E.ERR_INVALID_ARG_VALUE("type", type, "must be one of: 'rsa', 'ec', 'ed25519', 'x25519', 'dh'");
  }
  function keyPairResult(pair, options) {
    const o = options || {};
    const pub = new PublicKeyObject(pair[0]), priv = new PrivateKeyObject(pair[1]);
    return { publicKey: encodeKey(pub, o.publicKeyEncoding), privateKey: encodeKey(priv, o.privateKeyEncoding) };
  }
  function generateKeyPairSync(type, options) {
    return keyPairResult(native.keyGenerate(...keyPairArgs(type, options)), options);
  }
  function generateKeyPair(type, options, callback) {
    if (typeof options === "function") { callback = options; options = undefined; }
    validateFunction(callback, "callback");
    const args = keyPairArgs(type, options);
    native.keyGenerate(...args, (err, pair) => {
      if (err) return callback(err);
      let r;
      try { r = keyPairResult(pair, options); } catch (e) { return callback(e); }
      callback(null, r.publicKey, r.privateKey);
    });
  }
  function generateKeySync(type, options) {
    validateString(type, "type");
    validateObject(options, "options");
    const { length } = options;
    if (type === "hmac") validateInt32(length, "options.length", 8, 2147483647);
    else if (type === "aes") {
      if (![128, 192, 256].includes(length)) throw E.ERR_INVALID_ARG_VALUE("options.length", length, "must be one of: 128, 192, 256");
    } else throw E.ERR_INVALID_ARG_VALUE("type", type, "must be a supported key type");
    return new SecretKeyObject(Uint8Array.from(randomBytes(Math.floor(length / 8))));
  }
  function generateKey(type, options, callback) {
    validateFunction(callback, "callback");
    const k = generateKeySync(type, options);
    nextTick(callback, null, k);
  }

  // --- sign and verify --------------------------------------------------
  function signOptions(key) {
    const o = typeof key === "object" && key !== null && !isView(key) && !(key instanceof KeyObject) ? key : {};
    let dsa = false;
    if (o.dsaEncoding !== undefined) {
      if (o.dsaEncoding !== "der" && o.dsaEncoding !== "ieee-p1363") throw E.ERR_INVALID_ARG_VALUE("options.dsaEncoding", o.dsaEncoding);
      dsa = o.dsaEncoding === "ieee-p1363";
    }
    return [o.padding === undefined ? 0 : o.padding, o.saltLength, dsa];
  }
  function initSign(self, algorithm) {
    validateString(algorithm, "algorithm");
    if (native.hashNew(algorithm) === null) throw new Error(`Unknown digest: ${algorithm}`); // workerd's
    self._algorithm = algorithm;
    self._chunks = [];
  }
  function Sign(algorithm, options) {
    if (!(this instanceof Sign)) return new Sign(algorithm, options);
    initSign(this, algorithm);
  }
  Sign.prototype.update = function update(data, encoding) {
    validateData(data);
    this._chunks.push(typeof data === "string" ? bytesFrom(data, encoding) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
    return this;
  };
  function joined(chunks) {
    if (chunks.length === 1) return chunks[0];
    return concat(chunks);
  }
  Sign.prototype.sign = function sign(privateKey, outputEncoding) {
    if (privateKey === undefined || privateKey === null) throw new Error("No key provided to sign");
    const k = parseKeyInput(privateKey, true, "key");
    const sig = native.sign(k[kHandle], joined(this._chunks), this._algorithm, ...signOptions(privateKey));
    return out(sig, outputEncoding);
  };
  function Verify(algorithm, options) {
    if (!(this instanceof Verify)) return new Verify(algorithm, options);
    initSign(this, algorithm);
  }
  Verify.prototype.update = Sign.prototype.update;
  Verify.prototype.verify = function verify(object, signature, sigEncoding) {
    const k = parseKeyInput(object, false, "key");
    const sig = typeof signature === "string" ? bytesFrom(signature, sigEncoding) : bytesOf(signature, "signature");
    return native.verify(k[kHandle], joined(this._chunks), sig, this._algorithm, ...signOptions(object));
  };
  function createSign(algorithm, options) { return new Sign(algorithm, options); }
  function createVerify(algorithm, options) { return new Verify(algorithm, options); }
  function oneShotData(data) {
    if (!isView(data)) throw E.ERR_INVALID_ARG_TYPE("data", ["Buffer", "TypedArray", "DataView"], data);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  function checkDigest(algorithm) {
    if (algorithm === undefined || algorithm === null) return;
    validateString(algorithm, "algorithm");
    if (native.hashNew(algorithm) === null) throw new Error(`Unknown digest: ${algorithm}`);
  }
  function sign(algorithm, data, key, callback) {
    checkDigest(algorithm);
    const d = oneShotData(data);
    const k = parseKeyInput(key, true, "key");
    const sig = toBuf(native.sign(k[kHandle], d, algorithm, ...signOptions(key)));
    if (typeof callback === "function") { nextTick(callback, null, sig); return; }
    return sig;
  }
  function verify(algorithm, data, key, signature, callback) {
    checkDigest(algorithm);
    const d = oneShotData(data);
    const k = parseKeyInput(key, false, "key");
    if (!isView(signature)) throw E.ERR_INVALID_ARG_TYPE("signature", ["ArrayBuffer", "Buffer", "TypedArray", "DataView"], signature);
    const ok = native.verify(k[kHandle], d, new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength), algorithm, ...signOptions(key));
    if (typeof callback === "function") { nextTick(callback, null, ok); return; }
    return ok;
  }
  function rsaCrypt(encrypt, priv) {
    return function (key, buffer) {
      const k = parseKeyInput(key, priv, "key");
      const o = typeof key === "object" && key !== null && !isView(key) && !(key instanceof KeyObject) ? key : {};
      const data = bytesOf(buffer, "buffer");
      return toBuf(native.rsaCrypt(k[kHandle], data, encrypt, o.padding === undefined ? 0 : o.padding, o.oaepHash, o.oaepLabel));
    };
  }

  const constants = {
    OPENSSL_VERSION_NUMBER: 0, SSL_OP_ALL: 0, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 0, SSL_OP_NO_TLSv1: 0,
    RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6,
    RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2,
    POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
  };
  const notImplemented = (name) => {
    const f = function () { throw E.ERR_METHOD_NOT_IMPLEMENTED(`crypto.${name}`); };
    Object.defineProperty(f, "name", { value: name });
    return f;
  };

  const exports = {
    Hash, Hmac, Cipheriv, Decipheriv, Sign, Verify, KeyObject, SecretKeyObject, PublicKeyObject, PrivateKeyObject,
    createHash, createHmac, hash, getHashes: () => native.hashes.slice(), getCiphers: () => native.ciphers.slice(),
    getCurves: () => ["secp224r1", "prime256v1", "secp384r1", "secp521r1"],
    pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync,
    randomBytes, pseudoRandomBytes: randomBytes, randomFill, randomFillSync, randomInt, randomUUID, getRandomValues,
    timingSafeEqual, createCipheriv, createDecipheriv, getCipherInfo,
    createSecretKey, createPublicKey, createPrivateKey, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
    createSign, createVerify, sign, verify,
    publicEncrypt: rsaCrypt(true, false), privateDecrypt: rsaCrypt(false, true),
    privateEncrypt: notImplemented("privateEncrypt"), publicDecrypt: notImplemented("publicDecrypt"),
    constants, fips: false, getFips: () => 0,
    setFips(v) { if (v) throw new Error("Cannot enable FIPS mode"); },
    setEngine: notImplemented("setEngine"), secureHeapUsed: () => ({ total: 0, min: 0, used: 0, utilization: 0 }),
  };
  for (const name of ["Certificate", "X509Certificate", "DiffieHellman", "DiffieHellmanGroup", "ECDH", "Cipher", "Decipher",
    "checkPrime", "checkPrimeSync", "createCipher", "createDecipher", "createDiffieHellman", "createDiffieHellmanGroup",
    "createECDH", "diffieHellman", "generatePrime", "generatePrimeSync", "getDiffieHellman"]) {
    exports[name] = notImplemented(name);
  }
  Object.defineProperty(exports, "webcrypto", { enumerable: true, get: () => globalThis.crypto });
  Object.defineProperty(exports, "subtle", { enumerable: true, get: () => globalThis.crypto.subtle });
  Object.defineProperty(exports, "CryptoKey", { enumerable: true, get: () => globalThis.CryptoKey });
  exports.default = exports;
  return exports;
})
