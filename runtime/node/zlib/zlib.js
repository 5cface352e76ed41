// node:zlib's API over the Go codecs (zlib.go): the Sync functions, the
// callback forms and the stream classes, which are node:stream Transforms.
(function (native, E, stream, Buffer) {
  "use strict";
  const constants = {
    Z_NO_FLUSH: 0,
    Z_PARTIAL_FLUSH: 1,
    Z_SYNC_FLUSH: 2,
    Z_FULL_FLUSH: 3,
    Z_FINISH: 4,
    Z_BLOCK: 5,
    Z_OK: 0,
    Z_STREAM_END: 1,
    Z_NEED_DICT: 2,
    Z_ERRNO: -1,
    Z_STREAM_ERROR: -2,
    Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4,
    Z_BUF_ERROR: -5,
    Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0,
    Z_BEST_SPEED: 1,
    Z_BEST_COMPRESSION: 9,
    Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1,
    Z_HUFFMAN_ONLY: 2,
    Z_RLE: 3,
    Z_FIXED: 4,
    Z_DEFAULT_STRATEGY: 0,
    ZLIB_VERNUM: 4880,
    DEFLATE: 1,
    INFLATE: 2,
    GZIP: 3,
    GUNZIP: 4,
    DEFLATERAW: 5,
    INFLATERAW: 6,
    UNZIP: 7,
    BROTLI_DECODE: 8,
    BROTLI_ENCODE: 9,
    Z_MIN_WINDOWBITS: 8,
    Z_MAX_WINDOWBITS: 15,
    Z_DEFAULT_WINDOWBITS: 15,
    Z_MIN_CHUNK: 64,
    Z_MAX_CHUNK: Infinity,
    Z_DEFAULT_CHUNK: 16384,
    Z_MIN_MEMLEVEL: 1,
    Z_MAX_MEMLEVEL: 9,
    Z_DEFAULT_MEMLEVEL: 8,
    Z_MIN_LEVEL: -1,
    Z_MAX_LEVEL: 9,
    Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0,
    BROTLI_OPERATION_FLUSH: 1,
    BROTLI_OPERATION_FINISH: 2,
    BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_PARAM_MODE: 0,
    BROTLI_MODE_GENERIC: 0,
    BROTLI_MODE_TEXT: 1,
    BROTLI_MODE_FONT: 2,
    BROTLI_DEFAULT_MODE: 0,
    BROTLI_PARAM_QUALITY: 1,
    BROTLI_MIN_QUALITY: 0,
    BROTLI_MAX_QUALITY: 11,
    BROTLI_DEFAULT_QUALITY: 11,
    BROTLI_PARAM_LGWIN: 2,
    BROTLI_MIN_WINDOW_BITS: 10,
    BROTLI_MAX_WINDOW_BITS: 24,
    BROTLI_LARGE_MAX_WINDOW_BITS: 30,
    BROTLI_DEFAULT_WINDOW: 22,
    BROTLI_PARAM_LGBLOCK: 3,
    BROTLI_MIN_INPUT_BLOCK_BITS: 16,
    BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
    BROTLI_PARAM_SIZE_HINT: 5,
    BROTLI_PARAM_LARGE_WINDOW: 6,
    BROTLI_PARAM_NPOSTFIX: 7,
    BROTLI_PARAM_NDIRECT: 8,
    BROTLI_DECODER_RESULT_ERROR: 0,
    BROTLI_DECODER_RESULT_SUCCESS: 1,
    BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0,
    BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
    BROTLI_DECODER_NO_ERROR: 0,
    BROTLI_DECODER_SUCCESS: 1,
    BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
    BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5,
    BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
    BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
    BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
    BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11,
    BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
    BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15,
    BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
    BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19,
    BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21,
    BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27,
    BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
    BROTLI_DECODER_ERROR_UNREACHABLE: -31,
  };
  const { Transform } = stream;
  const toBuf = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  const codes = { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 };
  for (const k of Object.keys(codes)) codes[codes[k]] = k;

  // input is the bytes of a Sync or callback call, as workerd checks them.
  function input(buffer) {
    if (typeof buffer === "string") return Buffer.from(buffer);
    if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
    throw new TypeError("Failed to execute 'zlibSync' on 'ZlibUtil': parameter 1 is not of type 'string or ArrayBuffer or ArrayBufferView'.");
  }
  function checkRange(o, name, min, max) {
    const v = o[name];
    if (v === undefined) return;
    if (typeof v !== "number") throw E.ERR_INVALID_ARG_TYPE(`options.${name}`, "number", v);
    if (!Number.isFinite(v) || v < min || v > max) {
      throw new RangeError(`The value of "options.${name}" is out of range. It must be >= ${min} and <= ${max}. Received ${v}`);
    }
  }
  function zlibOptions(mode, opts) {
    if (opts === undefined || opts === null) return undefined;
    if (typeof opts !== "object") throw new TypeError("Failed to execute 'zlibSync' on 'ZlibUtil': parameter 2 is not of type 'Options'.");
    const o = {};
    if (mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE) {
      const p = opts.params || {};
      if (p[constants.BROTLI_PARAM_QUALITY] !== undefined) o.level = p[constants.BROTLI_PARAM_QUALITY];
      if (p[constants.BROTLI_PARAM_LGWIN] !== undefined) o.windowBits = p[constants.BROTLI_PARAM_LGWIN];
      return o;
    }
    checkRange(opts, "level", -1, 9);
    checkRange(opts, "windowBits", 8, 15);
    checkRange(opts, "memLevel", 1, 9);
    if (opts.strategy !== undefined && ![0, 1, 2, 3, 4].includes(opts.strategy)) throw new Error("invalid strategy"); // workerd's
    if (opts.level !== undefined) o.level = opts.level;
    if (opts.windowBits !== undefined) o.windowBits = opts.windowBits;
    if (opts.dictionary !== undefined) {
      if (!ArrayBuffer.isView(opts.dictionary) && !(opts.dictionary instanceof ArrayBuffer)) {
        throw E.ERR_INVALID_ARG_TYPE("options.dictionary", ["Buffer", "TypedArray", "DataView", "ArrayBuffer"], opts.dictionary);
      }
      o.dictionary = opts.dictionary;
    }
    return o;
  }
  const maxOut = (opts) => (opts && opts.maxOutputLength) || 0;

  const modes = {
    Deflate: constants.DEFLATE, Inflate: constants.INFLATE, Gzip: constants.GZIP, Gunzip: constants.GUNZIP,
    DeflateRaw: constants.DEFLATERAW, InflateRaw: constants.INFLATERAW, Unzip: constants.UNZIP,
    BrotliCompress: constants.BROTLI_ENCODE, BrotliDecompress: constants.BROTLI_DECODE,
  };
  const exports = {};
  function ZlibBase(mode, opts) {
    const o = zlibOptions(mode, opts);
    Transform.call(this, { ...opts, objectMode: false });
    this._handle = native.streamNew(mode, o);
    this._mode = mode;
    this.bytesWritten = 0;
    this._finishFlushFlag = constants.Z_FINISH;
  }
  Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
  Object.setPrototypeOf(ZlibBase, Transform);
  ZlibBase.prototype._transform = function (chunk, encoding, cb) {
    this.bytesWritten += chunk.length;
    native.streamWrite(this._handle, chunk, false, (err, out) => {
      if (err) return cb(err);
      if (out.length) this.push(toBuf(out));
      cb();
    });
  };
  ZlibBase.prototype._flush = function (cb) {
    native.streamWrite(this._handle, new Uint8Array(0), true, (err, out) => {
      if (err) return cb(err);
      if (out.length) this.push(toBuf(out));
      cb();
    });
  };
  ZlibBase.prototype.close = function (cb) { if (cb) this.once("close", cb); this.destroy(); };
  ZlibBase.prototype.flush = function (kind, cb) {
    if (typeof kind === "function") cb = kind;
    if (typeof cb === "function") queueMicrotask(cb);
  };
  ZlibBase.prototype.params = function (level, strategy, cb) { throw E.ERR_METHOD_NOT_IMPLEMENTED("params"); };
  ZlibBase.prototype.reset = function () { throw E.ERR_METHOD_NOT_IMPLEMENTED("reset"); };
  Object.defineProperty(ZlibBase.prototype, "bytesRead", { get() { return this.bytesWritten; }, configurable: true });

  for (const [name, mode] of Object.entries(modes)) {
    const C = { [name]: function (opts) {
      if (!(this instanceof C)) return new C(opts);
      ZlibBase.call(this, mode, opts);
    } }[name];
    Object.setPrototypeOf(C.prototype, ZlibBase.prototype);
    Object.setPrototypeOf(C, ZlibBase);
    exports[name] = C;
    exports["create" + name] = (opts) => new C(opts);
    const lower = name[0].toLowerCase() + name.slice(1);
    exports[lower + "Sync"] = function (buffer, opts) {
      const o = zlibOptions(mode, opts);
      return toBuf(native.process(mode, input(buffer), o, maxOut(opts)));
    };
    exports[lower] = function (buffer, opts, callback) {
      if (typeof opts === "function") { callback = opts; opts = {}; }
      if (typeof callback !== "function") throw E.ERR_INVALID_ARG_TYPE("callback", "Function", callback);
      const o = zlibOptions(mode, opts);
      native.processAsync(mode, input(buffer), o, maxOut(opts), (err, out) => (err ? callback(err) : callback(null, toBuf(out))));
    };
  }
  const zstd = (name) => function () { throw E.ERR_METHOD_NOT_IMPLEMENTED(`zlib.${name}`); };
  for (const n of ["ZstdCompress", "ZstdDecompress", "createZstdCompress", "createZstdDecompress", "zstdCompress", "zstdCompressSync", "zstdDecompress", "zstdDecompressSync"]) exports[n] = zstd(n);
  exports.crc32 = function (data, value = 0) {
    if (typeof data === "string") data = Buffer.from(data);
    else if (!ArrayBuffer.isView(data)) throw E.ERR_INVALID_ARG_TYPE("data", ["Buffer", "TypedArray", "DataView", "string"], data);
    if (typeof value !== "number") throw E.ERR_INVALID_ARG_TYPE("value", "number", value);
    return native.crc32(data, value);
  };
  exports.constants = constants;
  exports.codes = codes;
  for (const k of Object.keys(constants)) exports[k] = constants[k];
  exports.default = exports;
  return exports;
})
