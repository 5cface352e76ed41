// The global fetch(), after the Fetch Standard's fetch method
// (https://fetch.spec.whatwg.org/#fetch-method) as workerd implements it
// (src/workerd/api/http.c++): the request goes out through Go's net/http
// (fetchclient.go), redirects are followed there with workerd's rules and
// messages, and the response body streams back as a ReadableStream that Go
// fills only as fast as the worker reads it.
//
// Knowingly missing: request.cf options (cacheTtl, resolveOverride, ...),
// WebSocket upgrades through fetch, and the Cache API's influence on
// subrequests.
//
// This file is one function expression. Go calls it once per runtime with
// `native` (fetch, abort, readBody, cancelBody, dataURL, and layout: the
// positions and body kinds of parts.go), `hooks` (from
// headers_request_response.js: requestParts, makeResponse) and `ev` (from events.js: abort
// hooks), and it defines globalThis.fetch.
(function (native, hooks, ev) {
  "use strict";

  const PromiseCtor = Promise;
  const RequestCtor = Request;
  // URL and ReadableStream are looked up on first use: they are installed
  // lazily (globals.go), and a worker that never fetches should not pay.
  let URLCtor;
  const TypeErrorCtor = TypeError;
  const Uint8ArrayCtor = Uint8Array;
  let ReadableStreamCtor;

  // The positions of requestParts' and a fetch result's arrays and the body
  // kinds, named once in parts.go.
  const { NONE, BYTES, STREAM, BLOB } = native.layout.body;
  const { METHOD, URL: P_URL, HEADERS, KIND, BODY, REDIRECT, SIGNAL, LENGTH } = native.layout.request;
  const R = native.layout.result;
  const R_STATUS = R.STATUS, R_STATUS_TEXT = R.STATUS_TEXT, R_HEADERS = R.HEADERS, R_BODY = R.BODY, R_URL = R.URL, R_REDIRECTED = R.REDIRECTED;

  function fetch(input, init = undefined) {
    try {
      if (arguments.length === 0) {
        throw new TypeErrorCtor("Failed to execute 'fetch' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.");
      }
      let parts;
      if (typeof input === "string" && init === undefined) {
        // The common fetch(url): what new Request(url) would check and
        // produce, without building the Request.
        let href;
        try { href = new (URLCtor || (URLCtor = URL))(input).href; } catch (e) { throw new TypeErrorCtor(`Invalid URL: ${input}`); }
        parts = ["GET", href, "", NONE, null, "follow", null, -1]; // requestParts' order
      } else {
        // The standard constructs a Request even from a Request: it
        // validates init and leaves input's body disturbed, as a sent body
        // must be.
        parts = hooks.requestParts(new RequestCtor(input, init));
      }
      const url = parts[P_URL];
      if (url.startsWith("data:")) return dataResponse(parts);
      if (!url.startsWith("http:") && !url.startsWith("https:")) {
        throw new TypeErrorCtor("Fetch API cannot load: " + url);
      }
      const signal = parts[SIGNAL];
      if (signal !== null && ev.aborted(signal)) return PromiseCtor.reject(ev.reason(signal));
      if (parts[KIND] === BLOB) {
        return parts[BODY].arrayBuffer().then((ab) => {
          parts[KIND] = BYTES;
          parts[BODY] = new Uint8ArrayCtor(ab);
          return send(parts);
        });
      }
      if (parts[KIND] === STREAM) parts[BODY] = parts[BODY].getReader();
      return send(parts);
    } catch (e) {
      return PromiseCtor.reject(e);
    }
  }

  // send hands the request to Go, which settles the returned promise with
  // what finish makes of the answer. An abort cancels the Go side, which
  // then rejects with the reason; a response that arrives after the abort
  // is dropped for the same reason.
  function send(parts) {
    // Indexing, not destructuring: goja destructures an array through its
    // iterator, an object per element, on every fetch.
    const signal = parts[SIGNAL];
    if (signal !== null && ev.aborted(signal)) return PromiseCtor.reject(ev.reason(signal));
    let off = null;
    // finish(res) builds the Response from res: [status, statusText,
    // [name, value, ...], body (null, Uint8Array or a Go body), url,
    // redirected]. finish(null) means the fetch failed; Go rejects.
    const finish = (res) => {
      if (res === null) {
        if (off !== null) off();
        return null;
      }
      const b = res[R_BODY];
      const goBody = b !== null && !(b instanceof Uint8ArrayCtor) ? b : null;
      try {
        if (signal !== null && ev.aborted(signal)) throw ev.reason(signal);
        if (goBody === null && off !== null) off(); // nothing left that an abort could stop
        return hooks.makeResponse(res[R_STATUS], res[R_STATUS_TEXT], res[R_HEADERS], goBody === null ? b : bodyStream(goBody), res[R_URL], res[R_REDIRECTED]);
      } catch (e) {
        if (goBody !== null) native.cancelBody(goBody);
        throw e;
      }
    };
    const started = native.fetch(parts[METHOD], parts[P_URL], parts[HEADERS], parts[KIND], parts[BODY], parts[REDIRECT], signal, parts[LENGTH], finish);
    if (signal !== null) {
      const op = started[0];
      off = ev.onAbort(signal, () => native.abort(op, ev.reason(signal)));
    }
    return started[1];
  }

  // bodyStream reads a Go response body chunk by chunk, only when the
  // worker pulls, so a slow reader slows the upstream socket instead of
  // filling memory.
  function bodyStream(b) {
    if (ReadableStreamCtor === undefined) ReadableStreamCtor = ReadableStream;
    return new ReadableStreamCtor({
      type: "bytes",
      pull(c) {
        return native.readBody(b).then((u8) => {
          if (u8 === null) c.close(); else c.enqueue(u8);
        });
      },
      cancel() { native.cancelBody(b); },
    });
  }

  // dataResponse answers a data: URL locally, as workerd does: the decoded
  // body for GET, its MIME type as content-type.
  function dataResponse(parts) {
    const d = native.dataURL(parts[P_URL]); // [mime, bytes] or null
    if (d === null) return PromiseCtor.reject(new TypeErrorCtor("Fetch API cannot load: " + parts[P_URL]));
    const body = parts[METHOD] === "GET" ? d[1] : null;
    return PromiseCtor.resolve(hooks.makeResponse(200, "", ["content-type", d[0]], body, "", false));
  }

  Object.defineProperty(globalThis, "fetch", {
    value: { fetch }.fetch,
    writable: true,
    configurable: true,
    enumerable: true,
  });
});
