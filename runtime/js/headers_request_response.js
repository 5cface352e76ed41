// Headers, Request, Response and the Body mixin, after the Fetch Standard
// (https://fetch.spec.whatwg.org/#fetch-api) as workerd exposes it.
// Knowingly missing: Request.signal wiring to the client connection,
// Response.webSocket, the "no-cors" modes and guards that only exist in
// browsers, and Request.cache.
//
// This file is one function expression. Go calls it once per worker instance
// with `native` (Go helpers: UTF-8, multipart, incoming bodies, and the
// array layouts of parts.go) and keeps the object it returns: the hooks the
// request path (dispatch.go) and the outbound fetch (fetchclient.js) use.
// The handler side (addEventListener, FetchEvent, ExecutionContext) is
// handlers.js.
(function (native) {
  "use strict";

  const kGuard = Symbol("guard");
  // Body kinds, named once in parts.go.
  const { NONE: B_NONE, TEXT: B_TEXT, BYTES: B_BYTES, GO_BODY: B_GO, STREAM: B_STREAM, BLOB: B_BLOB } = native.layout.body;

  // ---- Headers ----------------------------------------------------------

  const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const trimRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;

  // Header names repeat across requests; validating and lowercasing each
  // one once keeps regular expressions off the per-request path.
  const nameCache = new Map();
  function normName(name) {
    name = String(name);
    let lower = nameCache.get(name);
    if (lower === undefined) {
      if (!tokenRe.test(name)) throw new TypeError("Invalid header name.");
      lower = name.toLowerCase();
      if (nameCache.size < 2048) nameCache.set(name, lower);
    }
    return lower;
  }
  function normValue(value) {
    value = String(value);
    if (value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32)) value = value.replace(trimRe, "");
    if (value.indexOf("\n") !== -1 || value.indexOf("\r") !== -1 || value.indexOf("\0") !== -1) {
      throw new TypeError("Invalid header value.");
    }
    return value;
  }

  class Headers {
    #map = new Map(); // lowercase name -> array of values
    constructor(init) {
      if (init === undefined || init === null) return;
      if (typeof init !== "object" && typeof init !== "function") {
        throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
      }
      if (init instanceof Headers) {
        const m = this.#map;
        init.#map.forEach((vs, k) => { m.set(k, vs.slice()); });
        return;
      }
      if (typeof init[Symbol.iterator] === "function") {
        for (const pair of init) {
          if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
            throw new TypeError("Failed to construct 'Headers': The provided value cannot be converted to a sequence.");
          }
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError("Failed to construct 'Headers': Invalid value");
          this.append(p[0], p[1]);
        }
        return;
      }
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
    #check() {
      if (this[kGuard] === "immutable") throw new TypeError("Can't modify immutable headers.");
    }
    append(name, value) {
      this.#check();
      const k = normName(name), v = normValue(value);
      const vs = this.#map.get(k);
      if (vs) vs.push(v); else this.#map.set(k, [v]);
    }
    set(name, value) {
      this.#check();
      this.#map.set(normName(name), [normValue(value)]);
    }
    delete(name) {
      this.#check();
      this.#map.delete(normName(name));
    }
    get(name) {
      const vs = this.#map.get(normName(name));
      if (vs === undefined) return null;
      return vs.length === 1 ? vs[0] : vs.join(", ");
    }
    has(name) {
      return this.#map.has(normName(name));
    }
    getSetCookie() {
      const vs = this.#map.get("set-cookie");
      return vs ? vs.slice() : [];
    }
    getAll(name) {
      // workerd keeps getAll for Set-Cookie only.
      const k = normName(name);
      if (k !== "set-cookie") throw new TypeError('getAll() can only be used with the header name "Set-Cookie".');
      return this.getSetCookie();
    }
    forEach(cb, thisArg) {
      for (const [k, v] of this) cb.call(thisArg, v, k, this);
    }
    *entries() {
      const names = Array.from(this.#map.keys()).sort();
      for (const k of names) {
        const vs = this.#map.get(k);
        if (vs === undefined) continue;
        if (k === "set-cookie") for (const v of vs) yield [k, v];
        else yield [k, vs.length === 1 ? vs[0] : vs.join(", ")];
      }
    }
    *keys() { for (const [k] of this) yield k; }
    *values() { for (const [, v] of this) yield v; }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return "Headers"; }

    // Flat [name, value, name, value, ...] in insertion order, each value of a
    // repeated header on its own: what the Go side writes to the wire.
    static _flat(h) {
      let out = "";
      h.#map.forEach((vs, k) => {
        for (let i = 0; i < vs.length; i++) out += (out === "" ? "" : "\n") + k + "\n" + vs[i];
      });
      return out;
    }
    // Builds request headers from a flat list without re-validating names
    // (net/http already did).
    static _fromFlat(list, guard) {
      const h = new Headers();
      const m = h.#map;
      for (let i = 0; i < list.length; i += 2) {
        const k = list[i], vs = m.get(k);
        if (vs) vs.push(list[i + 1]); else m.set(k, [list[i + 1]]);
      }
      h[kGuard] = guard;
      return h;
    }
  }
  Object.defineProperty(Headers.prototype, kGuard, { writable: true, value: "none", enumerable: false });

  function toHeaders(init) {
    return init instanceof Headers ? new Headers(init) : new Headers(init);
  }

  // ---- Body -------------------------------------------------------------

  // A body source is one of: null, a string, a Uint8Array, a ReadableStream,
  // or a Go incoming body (native.goBody). Strings stay strings until someone
  // asks for bytes, so text() of a text body costs nothing.
  function extractBody(init, headers) {
    if (init === null || init === undefined) return null;
    let type = null, src;
    if (typeof init === "string") { src = init; type = "text/plain;charset=UTF-8"; }
    else if (init instanceof ArrayBuffer) src = new Uint8Array(init.slice(0));
    else if (ArrayBuffer.isView(init)) src = new Uint8Array(init.buffer.slice(init.byteOffset, init.byteOffset + init.byteLength));
    else if (typeof URLSearchParams === "function" && init instanceof URLSearchParams) { src = init.toString(); type = "application/x-www-form-urlencoded;charset=UTF-8"; }
    else if (typeof FormData === "function" && init instanceof FormData) {
      const boundary = "----edgedev" + native.randomHex(12);
      src = multipartBlob(init, boundary);
      type = "multipart/form-data; boundary=" + boundary;
    }
    else if (typeof Blob === "function" && init instanceof Blob) { src = init; if (init.type) type = init.type; }
    else if (typeof ReadableStream === "function" && init instanceof ReadableStream) {
      if (init.locked) throw new TypeError("This ReadableStream is currently locked to a reader.");
      src = init;
    }
    else { src = String(init); type = "text/plain;charset=UTF-8"; }
    if (type !== null && headers && !headers.has("content-type")) headers.set("content-type", type);
    return src;
  }

  // multipartBlob serialises a FormData as multipart/form-data
  // (https://html.spec.whatwg.org/#multipart-form-data), as one Blob so that
  // file parts are not copied until someone reads the body.
  const escName = (n) => n.replace(/\r\n?|\n/g, "\r\n").replace(/\r\n/g, "%0D%0A").replace(/"/g, "%22");
  function multipartBlob(fd, boundary) {
    const parts = [];
    for (const [name, value] of fd) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escName(name)}"`;
      if (typeof value === "string") {
        parts.push(head + "\r\n\r\n", value.replace(/\r\n?|\n/g, "\r\n"), "\r\n");
      } else {
        head += `; filename="${escName(value.name || "blob")}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`;
        parts.push(head, value, "\r\n");
      }
    }
    parts.push(`--${boundary}--\r\n`);
    return new Blob(parts);
  }

  const kBody = Symbol("body");
  const kUsed = Symbol("bodyUsed");
  const kStream = Symbol("stream");
  const kDisturbed = Symbol.for("edgedev.disturbed"); // set by streams.js once a stream has been read
  const kLength = Symbol.for("edgedev.expectedLength"); // a FixedLengthStream's readable (edgestreams.js)

  function bodyInit(o, src) {
    o[kBody] = src;
    o[kUsed] = false;
    // A stream source is its own stream: reading it goes through it.
    // (Strings and bytes are tested first so that plain bodies never touch
    // the lazily installed streams.)
    o[kStream] = src !== null && typeof src === "object" && !(src instanceof Uint8Array) &&
      typeof ReadableStream === "function" && src instanceof ReadableStream ? src : null;
  }

  function streamFromSource(src) {
    if (src instanceof ReadableStream) return src;
    let chunk;
    if (typeof src === "string") chunk = native.encodeUTF8(src);
    else if (src instanceof Uint8Array) chunk = src;
    else if (typeof Blob === "function" && src instanceof Blob) return src.stream();
    else return goBodyStream(src);
    return new ReadableStream({
      type: "bytes",
      start(c) { if (chunk.byteLength) c.enqueue(chunk); c.close(); },
    });
  }

  // goBodyStream reads an incoming request body from Go chunk by chunk, only
  // as fast as the worker pulls (backpressure reaches the client's socket).
  function goBodyStream(src) {
    return new ReadableStream({
      type: "bytes",
      pull(c) {
        return native.readChunk(src).then((u8) => {
          if (u8 === null) c.close(); else c.enqueue(u8);
        });
      },
      cancel() { native.closeBody(src); },
    });
  }

  function bodyStream(o) {
    const src = o[kBody];
    if (src === null) return null;
    if (o[kStream] === null) o[kStream] = streamFromSource(src);
    return o[kStream];
  }

  // chunkBytes is one chunk of a body stream as bytes: what a body may hold
  // (bytes, any view, an ArrayBuffer; strings, leniently, as UTF-8).
  function chunkBytes(c) {
    if (c instanceof Uint8Array) return c;
    if (typeof c === "string") return native.encodeUTF8(c);
    if (c instanceof ArrayBuffer) return new Uint8Array(c);
    if (ArrayBuffer.isView(c)) return new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
    throw new TypeError("This ReadableStream did not return bytes.");
  }

  async function readAll(stream) {
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const c = chunkBytes(value);
      chunks.push(c);
      total += c.byteLength;
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) { out.set(c, off); off += c.byteLength; }
    return out;
  }

  // read is what every body method does: take the body (once), then
  // convert it with fn. A body held in memory (the common case) converts at
  // once into a promise made in Go, without Promise.resolve(...).then(...);
  // fn throwing rejects as it would in a then.
  function read(o, fn) {
    const s = o[kStream];
    if (o[kUsed] || (s !== null && (s.locked || s[kDisturbed]))) {
      return native.rejected(new TypeError("Body has already been used. It can only be used once. Use tee() first if you need to read it twice."));
    }
    o[kUsed] = true;
    const src = o[kBody];
    if (s !== null) return readAll(s).then(fn);
    if (src === null || typeof src === "string" || src instanceof Uint8Array) {
      try { return native.fulfilled(fn(src === null ? "" : src)); } catch (e) { return native.rejected(e); }
    }
    if (typeof Blob === "function" && src instanceof Blob) return src.arrayBuffer().then((ab) => fn(new Uint8Array(ab)));
    return native.readGoBody(src).then(fn);
  }

  const asText = (v) => (typeof v === "string" ? v : native.decodeUTF8(v));
  const asJSON = (v) => native.parseJSON(v);
  const asBytes = (v) => new Uint8Array(asArrayBuffer(v));
  // asArrayBuffer gives a new ArrayBuffer every time, as the platform does:
  // the bytes a body holds may be shared with a clone or be a chunk the
  // worker enqueued, and must not change under either.
  function asArrayBuffer(v) {
    if (typeof v === "string") return native.encodeUTF8(v).buffer; // fresh and whole
    return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  }

  const BodyMixin = {
    get body() { return bodyStream(this); },
    get bodyUsed() {
      if (this[kUsed]) return true;
      const s = this[kStream];
      return s !== null && (s.locked || s[kDisturbed] === true);
    },
    text() { return read(this, asText); },
    json() { return read(this, asJSON); },
    arrayBuffer() { return read(this, asArrayBuffer); },
    bytes() { return read(this, asBytes); },
    blob() {
      const type = this.headers.get("content-type") || "";
      return read(this, (v) => new Blob([v], { type }));
    },
    formData() {
      const ct = this.headers.get("content-type") || "";
      return read(this, (v) => parseFormData(v, ct));
    },
  };

  function parseFormData(v, ct) {
    const fd = new FormData();
    const lower = ct.toLowerCase();
    if (lower.startsWith("application/x-www-form-urlencoded")) {
      for (const [k, val] of new URLSearchParams(asText(v))) fd.append(k, val);
      return fd;
    }
    if (lower.startsWith("multipart/form-data")) {
      const bytes = typeof v === "string" ? native.encodeUTF8(v) : v;
      const parts = native.parseMultipart(bytes, ct); // [name, value|Uint8Array, filename, type]
      for (const [name, value, filename, type] of parts) {
        if (filename === null) fd.append(name, value);
        else fd.append(name, new File([value], filename, { type }));
      }
      return fd;
    }
    return Promise.reject(new TypeError('Unrecognized Content-Type header value. FormData can only parse the following MIME types: multipart/form-data, application/x-www-form-urlencoded.'));
  }

  function mixBody(cls) {
    for (const k of Object.getOwnPropertyNames(BodyMixin)) {
      Object.defineProperty(cls.prototype, k, Object.getOwnPropertyDescriptor(BodyMixin, k));
    }
  }

  // cloneBody gives the clone a body of its own: strings and bytes are shared
  // (they are immutable here), streams are teed.
  function cloneBody(from, to) {
    if (from[kUsed]) throw new TypeError("Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
    const src = from[kBody];
    if (src === null || typeof src === "string" || src instanceof Uint8Array || (typeof Blob === "function" && src instanceof Blob)) {
      bodyInit(to, src);
      return;
    }
    const [a, b] = bodyStream(from).tee();
    from[kStream] = a;
    from[kBody] = a;
    bodyInit(to, b);
  }

  // ---- Request ----------------------------------------------------------

  // workerd accepts "follow" and "manual" in any case and refuses "error".
  function normRedirect(v) {
    const r = String(v).toLowerCase();
    if (r !== "follow" && r !== "manual") {
      throw new TypeError('Invalid redirect value, must be one of "follow" or "manual" ("error" won\'t be implemented since it does not make sense at the edge; use "manual" and check the response status code).');
    }
    return r;
  }

  const methods = { DELETE: 1, GET: 1, HEAD: 1, OPTIONS: 1, POST: 1, PUT: 1, PATCH: 1 };
  function normMethod(m) {
    m = String(m);
    if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
    const up = m.toUpperCase();
    return methods[up] === 1 ? up : m;
  }

  const kURL = Symbol("url");
  const kHeaders = Symbol("headers");
  const kRaw = Symbol("rawHeaders");
  const kCF = Symbol("cf");

  class Request {
    constructor(input, init) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
      if (init !== undefined && init !== null && typeof init !== "object") throw new TypeError("Failed to construct 'Request': The provided value is not of type 'RequestInit'.");
      init = init || {};
      let src = null;
      if (input instanceof Request) {
        src = input;
        this[kURL] = input[kURL];
      } else {
        let u;
        try { u = new URL(String(input)); } catch (e) { throw new TypeError(`Invalid URL: ${String(input)}`); }
        this[kURL] = u.href;
      }
      this.method = init.method !== undefined ? normMethod(init.method) : src ? src.method : "GET";
      this[kHeaders] = init.headers !== undefined ? toHeaders(init.headers) : src ? new Headers(src.headers) : new Headers();
      this.redirect = init.redirect !== undefined ? normRedirect(init.redirect) : src ? src.redirect : "follow";
      this.signal = init.signal !== undefined ? init.signal : src ? src.signal : null;
      if (this.signal !== null && !(typeof AbortSignal === "function" && this.signal instanceof AbortSignal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      this[kCF] = init.cf !== undefined ? init.cf : src ? src[kCF] : undefined;
      this.integrity = "";
      this.keepalive = false;
      let body = null;
      if (init.body !== undefined && init.body !== null) {
        if (this.method === "GET" || this.method === "HEAD") throw new TypeError("Request with a GET or HEAD method cannot have a body.");
        body = extractBody(init.body, this.headers);
        bodyInit(this, body);
      } else if (src !== null && init.body === undefined) {
        if (src[kUsed]) throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
        bodyInit(this, src[kBody]);
        this[kStream] = src[kStream];
        if (src[kBody] !== null) src[kUsed] = true;
      } else {
        bodyInit(this, null);
      }
    }
    get url() { return this[kURL]; }
    get cf() { return this[kCF]; }
    // Incoming requests build their Headers on first use: many handlers
    // never look at them.
    get headers() {
      let h = this[kHeaders];
      if (h === null) {
        h = this[kHeaders] = Headers._fromFlat(native.headerList(this[kRaw]), "immutable");
        this[kRaw] = null;
      }
      return h;
    }
    get fetcher() { return null; }
    get [Symbol.toStringTag]() { return "Request"; }
    clone() {
      const r = Object.create(Request.prototype);
      r[kURL] = this[kURL];
      r.method = this.method;
      r[kHeaders] = new Headers(this.headers);
      r.redirect = this.redirect;
      r.signal = this.signal;
      r[kCF] = this[kCF];
      r.integrity = "";
      r.keepalive = false;
      cloneBody(this, r);
      return r;
    }
  }
  mixBody(Request);

  // makeRequest builds the incoming request fast: no URL re-parse, no header
  // re-validation. Its headers are immutable, as on the platform.
  function makeRequest(method, url, rawHeaders, body, cf) {
    const r = Object.create(Request.prototype);
    r[kURL] = url;
    r.method = method;
    r[kHeaders] = null;
    r[kRaw] = rawHeaders;
    r.redirect = "manual";
    r.signal = null;
    r[kCF] = cf;
    r.integrity = "";
    r.keepalive = false;
    bodyInit(r, body === undefined ? null : body);
    return r;
  }

  // ---- Response ---------------------------------------------------------

  const nullBodyStatus = { 101: 1, 204: 1, 205: 1, 304: 1 };
  const redirectStatus = { 301: 1, 302: 1, 303: 1, 307: 1, 308: 1 };

  class Response {
    constructor(body, init) {
      if (init !== undefined && init !== null && typeof init !== "object") throw new TypeError("Failed to construct 'Response': The provided value is not of type 'ResponseInit'.");
      init = init || {};
      const status = init.status !== undefined ? Number(init.status) : 200;
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        if (!(status === 101 && init.webSocket)) throw new RangeError("Responses may only be constructed with status codes in the range 200 to 599, inclusive.");
      }
      this.status = status;
      this.statusText = init.statusText !== undefined ? String(init.statusText) : "";
      this.headers = init.headers !== undefined ? toHeaders(init.headers) : new Headers();
      this.type = "default";
      this.url = "";
      this.redirected = false;
      this.webSocket = init.webSocket || null;
      this.cf = init.cf;
      if (body !== undefined && body !== null) {
        if (nullBodyStatus[status] === 1) throw new TypeError("Response with null body status cannot have body");
        bodyInit(this, extractBody(body, this.headers));
      } else {
        bodyInit(this, null);
      }
    }
    get ok() { return this.status >= 200 && this.status <= 299; }
    get [Symbol.toStringTag]() { return "Response"; }
    clone() {
      const r = Object.create(Response.prototype);
      r.status = this.status;
      r.statusText = this.statusText;
      r.headers = new Headers(this.headers);
      r.type = this.type;
      r.url = this.url;
      r.redirected = this.redirected;
      r.webSocket = null;
      r.cf = this.cf;
      cloneBody(this, r);
      return r;
    }
    static json(data, init) {
      // workerd answers "undefined" for data JSON has no text for
      // (recorded under wrangler dev 4.86.0).
      const json = native.stringifyJSON(data);
      const body = json === undefined ? "undefined" : json;
      const headers = init && init.headers !== undefined ? toHeaders(init.headers) : new Headers();
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
      return new Response(body, Object.assign({}, init, { headers }));
    }
    static redirect(url, status) {
      status = status === undefined ? 302 : Number(status);
      if (redirectStatus[status] !== 1) throw new RangeError(`${status} is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.`);
      let href;
      try { href = new URL(String(url)).href; } catch (e) { throw new TypeError(`Unable to parse URL: ${String(url)}`); }
      const r = new Response(null, { status, headers: { location: href } });
      r.headers[kGuard] = "immutable";
      return r;
    }
    static error() {
      const r = new Response(null, { status: 200 });
      r.status = 0;
      r.type = "error";
      r.headers[kGuard] = "immutable";
      return r;
    }
  }
  mixBody(Response);

  // responseParts is what the Go side reads off a handler's result:
  // [status, statusText, headers, kind, body, length] where headers is
  // "name\nvalue\nname\nvalue" (values cannot hold a newline), kind is one
  // of parts.go's body kinds (B_NONE, B_TEXT, B_BYTES, or B_STREAM with a
  // reader as body), and length is a stream's known length (a
  // FixedLengthStream's) or -1. A non-Response gives null.
  function responseParts(r) {
    if (!(r instanceof Response)) return null;
    if (r[kUsed]) throw new TypeError("This response has already been used (its body was read or sent).");
    r[kUsed] = true;
    const flat = Headers._flat(r.headers);
    const s = r[kStream];
    const src = r[kBody];
    // [status, statusText, headers, kind, body, length]: parts.go's resp*
    // order; length only for a stream (a shorter array is a smaller one).
    if (src === null) return [r.status, r.statusText, flat, B_NONE, null];
    if (s === null) {
      if (typeof src === "string") return [r.status, r.statusText, flat, B_TEXT, src];
      if (src instanceof Uint8Array) return [r.status, r.statusText, flat, B_BYTES, src];
    }
    const stream = bodyStream(r);
    return [r.status, r.statusText, flat, B_STREAM, stream.getReader(), knownLength(stream)];
  }

  // ---- Hooks for the outbound fetch (fetchclient.js) ----------------------

  // knownLength is the byte length a stream promises (a FixedLengthStream's
  // readable), or -1.
  function knownLength(stream) {
    const n = stream[kLength];
    return typeof n === "number" ? n : -1;
  }

  // requestParts is what fetch() sends: [method, url, headers ("name\nvalue"
  // flat), body kind, body, redirect, signal, length] (parts.go's req*
  // order and body kinds); length is a stream's known length or -1. The body
  // counts as used from here on.
  function requestParts(r) {
    const src = r[kBody], s = r[kStream];
    let kind = B_NONE, body = null;
    if (src !== null) {
      if (r[kUsed] || (s !== null && (s.locked || s[kDisturbed]))) {
        throw new TypeError("Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
      }
      r[kUsed] = true;
      if (s !== null) { kind = B_STREAM; body = s; }
      else if (typeof src === "string") { kind = B_TEXT; body = src; }
      else if (src instanceof Uint8Array) { kind = B_BYTES; body = src; }
      else if (typeof Blob === "function" && src instanceof Blob) { kind = B_BLOB; body = src; }
      else if (typeof ReadableStream === "function" && src instanceof ReadableStream) { kind = B_STREAM; body = src; }
      else { kind = B_GO; body = src; }
    }
    return [r.method, r[kURL], Headers._flat(r.headers), kind, body, r.redirect, r.signal, kind === B_STREAM ? knownLength(body) : -1];
  }

  // makeResponse builds a fetch() result: immutable headers from a flat
  // [name, value, ...] list with lowercase names; body null, a Uint8Array or
  // a ReadableStream.
  function makeResponse(status, statusText, headerList, body, url, redirected) {
    const r = Object.create(Response.prototype);
    r.status = status;
    r.statusText = statusText;
    r.headers = Headers._fromFlat(headerList, "immutable");
    r.type = "default";
    r.url = url;
    r.redirected = redirected;
    r.webSocket = null;
    r.cf = undefined;
    bodyInit(r, body);
    return r;
  }

  globalThis.Headers = Headers;
  globalThis.Request = Request;
  globalThis.Response = Response;
  for (const c of [Headers, Request, Response]) {
    Object.defineProperty(globalThis, c.name, { enumerable: false });
  }

  // pump copies a response stream to Go. push hands one chunk over and
  // returns a promise that settles once the chunk is written to the client,
  // so a slow client slows the stream down instead of filling memory.
  async function pump(reader, push) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await push(chunkBytes(value));
      }
      push(null);
    } catch (e) {
      try { reader.cancel(e); } catch (_) {}
      push(undefined, e);
    }
  }

  return { pump, makeRequest, responseParts, requestParts, makeResponse };
});
