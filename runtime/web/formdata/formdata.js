// Blob and File after the File API (https://w3c.github.io/FileAPI/#blob-section,
// #file-section) and FormData after the XMLHttpRequest Standard
// (https://xhr.spec.whatwg.org/#interface-formdata), as workerd exposes them.
//
// Knowingly missing: FormData(form) (there is no DOM: any argument throws),
// Blob URLs (URL.createObjectURL), FileReader, and structured cloning of
// blobs. A Blob's bytes are copied once when it is made and then shared by
// its slices (they are immutable); bytes(), arrayBuffer() and text() return
// promises that are already settled, so Go code may read their result
// without running the event loop.
//
// This file is one function expression. Go calls it once per runtime with
// the global object and `native`: utf8Encode(string) -> Uint8Array and
// utf8Decode(Uint8Array) -> string (Go's encoders, so Blob does not depend on
// TextEncoder being installed).
(function (global, native) {
  "use strict";

  const defineProperty = Object.defineProperty;
  const Uint8ArrayCtor = Uint8Array;
  const ArrayBufferCtor = ArrayBuffer;
  const isView = ArrayBuffer.isView;
  const P = Promise;
  const promiseResolve = P.resolve.bind(P);
  const promiseReject = P.reject.bind(P);
  const dateNow = Date.now;
  const iteratorSymbol = Symbol.iterator;
  const surrogate = /[\uD800-\uDFFF]/;

  // usv converts a value to a USVString: lone surrogates become U+FFFD.
  function usv(v) {
    const s = String(v);
    if (!surrogate.test(s)) return s;
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { out += s[i] + s[i + 1]; i++; continue; }
      }
      out += c >= 0xD800 && c <= 0xDFFF ? "\uFFFD" : s[i];
    }
    return out;
  }

  // normalizeType is the File API's type rule: any character outside
  // U+0020..U+007E makes the type empty; the rest is lower-cased.
  function normalizeType(t) {
    const s = String(t);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return "";
    }
    return s.toLowerCase();
  }

  function typeError(msg) { return new TypeError(msg); }

  // ---- Blob -------------------------------------------------------------------

  class Blob {
    #bytes; // Uint8Array, never written after construction
    #type;

    constructor(blobParts = undefined, options = undefined) {
      if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
        throw typeError("Blob: options must be an object");
      }
      const opts = options || {};
      const endings = opts.endings === undefined ? "transparent" : String(opts.endings);
      if (endings !== "transparent" && endings !== "native") {
        throw typeError(`Blob: options.endings must be "transparent" or "native" (got "${endings}")`);
      }
      this.#type = opts.type === undefined ? "" : normalizeType(opts.type);
      this.#bytes = blobParts === undefined ? new Uint8ArrayCtor(0) : processParts(blobParts, endings === "native", "Blob");
    }

    get size() { return bytesOf(this, "size").byteLength; }
    get type() { Blob.#check(this, "type"); return this.#type; }

    slice(start = undefined, end = undefined, contentType = undefined) {
      const bytes = bytesOf(this, "slice");
      const size = bytes.byteLength;
      const rel = (v, dflt) => {
        if (v === undefined) return dflt;
        let n = Math.trunc(Number(v));
        if (Number.isNaN(n)) n = 0;
        return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
      };
      const from = rel(start, 0);
      const to = rel(end, size);
      const b = new Blob();
      Blob.#init(b, bytes.subarray(from, Math.max(to, from)), contentType === undefined ? "" : normalizeType(contentType));
      return b;
    }

    bytes() {
      try { return promiseResolve(new Uint8ArrayCtor(bytesOf(this, "bytes"))); } catch (e) { return promiseReject(e); }
    }
    arrayBuffer() {
      try { return promiseResolve(new Uint8ArrayCtor(bytesOf(this, "arrayBuffer")).buffer); } catch (e) { return promiseReject(e); }
    }
    text() {
      try { return promiseResolve(native.utf8Decode(bytesOf(this, "text"))); } catch (e) { return promiseReject(e); }
    }
    stream() {
      const bytes = bytesOf(this, "stream");
      const RS = global.ReadableStream;
      if (typeof RS !== "function") throw typeError("Blob.stream: ReadableStream is not available");
      let offset = 0;
      const chunk = 65536;
      return new RS({
        pull(c) {
          if (offset >= bytes.byteLength) { c.close(); return; }
          const end = Math.min(offset + chunk, bytes.byteLength);
          c.enqueue(new Uint8ArrayCtor(bytes.subarray(offset, end)));
          offset = end;
          if (offset >= bytes.byteLength) c.close();
        },
      });
    }

    static #check(b, what) {
      if (b === null || typeof b !== "object" || !(#bytes in b)) throw typeError(`Illegal invocation: Blob.${what} called on an object that is not a Blob`);
    }
    static #init(b, bytes, type) {
      b.#bytes = bytes;
      b.#type = type;
    }
    static isBlob(v) { return v !== null && typeof v === "object" && #bytes in v; }
    static bytesOf(b) { return b.#bytes; }
  }
  const isBlob = Blob.isBlob;
  const blobBytes = Blob.bytesOf;
  delete Blob.isBlob;
  delete Blob.bytesOf;

  function bytesOf(b, what) {
    if (!isBlob(b)) throw typeError(`Illegal invocation: Blob.${what} called on an object that is not a Blob`);
    return blobBytes(b);
  }

  // processParts concatenates the bytes of blob parts: buffers and views
  // as they are, blobs by their bytes, anything else as UTF-8 text.
  function processParts(parts, nativeEndings, what) {
    if (parts === null || (typeof parts !== "object" && typeof parts !== "function") || typeof parts[iteratorSymbol] !== "function") {
      throw typeError(`${what}: argument 1 must be a sequence (an array or other iterable) of parts`);
    }
    const chunks = [];
    let total = 0;
    for (const part of parts) {
      let bytes;
      if (isBlob(part)) bytes = blobBytes(part);
      else if (part instanceof ArrayBufferCtor) bytes = new Uint8ArrayCtor(part);
      else if (isView(part)) bytes = new Uint8ArrayCtor(part.buffer, part.byteOffset, part.byteLength);
      else {
        let s = usv(part);
        if (nativeEndings) s = s.replace(/\r\n|\r/g, "\n");
        bytes = native.utf8Encode(s);
      }
      chunks.push(bytes);
      total += bytes.byteLength;
    }
    const out = new Uint8ArrayCtor(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.byteLength;
    }
    return out;
  }

  // ---- File -------------------------------------------------------------------

  class File extends Blob {
    #name;
    #lastModified;

    constructor(fileBits, fileName, options = undefined) {
      if (arguments.length < 2) throw typeError(`File: 2 arguments required, but only ${arguments.length} present`);
      super(fileBits, options);
      this.#name = usv(fileName);
      const lm = options !== undefined && options !== null ? options.lastModified : undefined;
      this.#lastModified = lm === undefined ? dateNow() : Math.trunc(Number(lm)) || 0;
    }
    get name() { return fileOf(this, "name").#name; }
    get lastModified() { return fileOf(this, "lastModified").#lastModified; }
    get webkitRelativePath() { fileOf(this, "webkitRelativePath"); return ""; }

    static isFile(v) { return v !== null && typeof v === "object" && #name in v; }
  }
  const isFile = File.isFile;
  delete File.isFile;
  function fileOf(f, what) {
    if (!isFile(f)) throw typeError(`Illegal invocation: File.${what} called on an object that is not a File`);
    return f;
  }

  // ---- FormData ---------------------------------------------------------------

  // entryValue is the spec's "create an entry" for a value: strings become
  // USVStrings, blobs become Files (named "blob" unless a filename is given).
  function entryValue(value, filename, argc, what) {
    if (!isBlob(value)) {
      if (argc > 2) throw typeError(`FormData.${what}: argument 2 must be a Blob when a filename is given`);
      return usv(value);
    }
    if (isFile(value) && filename === undefined) return value;
    const name = filename !== undefined ? usv(filename) : isFile(value) ? value.name : "blob";
    const opts = { type: value.type };
    if (isFile(value)) opts.lastModified = value.lastModified;
    return new File([value], name, opts);
  }

  class FormData {
    #list = []; // [name, value] pairs, in order

    constructor(form = undefined) {
      if (form !== undefined) throw typeError("FormData: the form argument is not supported (there is no DOM); construct it empty and append entries");
    }
    append(name, value, filename = undefined) {
      const list = listOf(this, "append");
      if (arguments.length < 2) throw typeError(`FormData.append: 2 arguments required, but only ${arguments.length} present`);
      list.push([usv(name), entryValue(value, filename, arguments.length, "append")]);
    }
    delete(name) {
      const list = listOf(this, "delete");
      const n = usv(name);
      for (let i = list.length - 1; i >= 0; i--) if (list[i][0] === n) list.splice(i, 1);
    }
    get(name) {
      const list = listOf(this, "get");
      const n = usv(name);
      for (const e of list) if (e[0] === n) return e[1];
      return null;
    }
    getAll(name) {
      const list = listOf(this, "getAll");
      const n = usv(name);
      const out = [];
      for (const e of list) if (e[0] === n) out.push(e[1]);
      return out;
    }
    has(name) {
      const list = listOf(this, "has");
      const n = usv(name);
      for (const e of list) if (e[0] === n) return true;
      return false;
    }
    set(name, value, filename = undefined) {
      const list = listOf(this, "set");
      if (arguments.length < 2) throw typeError(`FormData.set: 2 arguments required, but only ${arguments.length} present`);
      const n = usv(name);
      const entry = [n, entryValue(value, filename, arguments.length, "set")];
      const first = list.findIndex((e) => e[0] === n);
      if (first < 0) {
        list.push(entry);
        return;
      }
      list[first] = entry;
      for (let i = list.length - 1; i > first; i--) if (list[i][0] === n) list.splice(i, 1);
    }
    entries() { return new FormDataIterator(listOf(this, "entries"), "entries"); }
    keys() { return new FormDataIterator(listOf(this, "keys"), "keys"); }
    values() { return new FormDataIterator(listOf(this, "values"), "values"); }
    forEach(callback, thisArg = undefined) {
      const list = listOf(this, "forEach");
      if (typeof callback !== "function") throw typeError("FormData.forEach: argument 1 must be a function");
      for (let i = 0; i < list.length; i++) callback.call(thisArg, list[i][1], list[i][0], this);
    }

    static listOf(fd, what) {
      if (fd === null || typeof fd !== "object" || !(#list in fd)) throw typeError(`Illegal invocation: FormData.${what} called on an object that is not a FormData`);
      return fd.#list;
    }
  }
  const listOf = FormData.listOf;
  delete FormData.listOf;
  defineProperty(FormData.prototype, iteratorSymbol, {
    value: FormData.prototype.entries, writable: true, configurable: true,
  });

  // FormDataIterator walks the live list, so entries added during iteration
  // are seen, as Web IDL's iterators do.
  class FormDataIterator {
    #list;
    #kind;
    #index = 0;
    constructor(list, kind) {
      this.#list = list;
      this.#kind = kind;
    }
    next() {
      if (this === null || typeof this !== "object" || !(#list in this)) throw typeError("Illegal invocation: not a FormData iterator");
      if (this.#index >= this.#list.length) return { value: undefined, done: true };
      const e = this.#list[this.#index++];
      const value = this.#kind === "keys" ? e[0] : this.#kind === "values" ? e[1] : [e[0], e[1]];
      return { value, done: false };
    }
    [iteratorSymbol]() { return this; }
  }
  defineProperty(FormDataIterator.prototype, Symbol.toStringTag, { value: "FormData Iterator", configurable: true });

  // ---- globals ----------------------------------------------------------------

  for (const [name, C] of [["Blob", Blob], ["File", File], ["FormData", FormData]]) {
    defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
    defineProperty(global, name, { value: C, writable: true, configurable: true, enumerable: false });
  }
})
