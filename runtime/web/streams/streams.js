// The WHATWG Streams Standard (https://streams.spec.whatwg.org/), our own
// implementation of its algorithms for goja: ReadableStream with its default
// reader and controller, tee, pipeTo, pipeThrough, async iteration and
// ReadableStream.from; WritableStream with its default writer and
// controller; TransformStream; CountQueuingStrategy and
// ByteLengthQueuingStrategy; TextEncoderStream and TextDecoderStream
// (Encoding Standard §7).
//
// Knowingly missing or simplified:
// - Byte streams (type: "bytes") are a simplification of §4.7: the
//   controller copies enqueued chunks instead of transferring their buffers,
//   byobRequest is always null (no autoAllocateChunkSize), and a BYOB reader
//   fills the caller's view in place instead of transferring it.
// - Transferable streams (postMessage) and workerd's extensions
//   (IdentityTransformStream, FixedLengthStream, readAtLeast).
// - Brand checks use a private symbol, so a Proxy of a stream is not one.
//
// This file is one function expression. Go calls it once per runtime with the
// global object and it defines the globals; it runs strict and touches only
// the intrinsics it captured at the start, so user code that later patches
// Promise.prototype.then or Array methods cannot reach inside a stream.
(function (global) {
  "use strict";

  // ---- intrinsics and promise helpers -------------------------------------

  const uncurry = (f) => Function.prototype.call.bind(f);
  const P = Promise;
  const then = uncurry(P.prototype.then);
  // Web IDL's "a promise resolved with x" is always a new promise, even when
  // x is one (that costs two extra ticks, which the ordering of pull and
  // write calls depends on); P.resolve would return x itself.
  const promiseResolveFast = P.resolve.bind(P);
  const promiseResolve = (x) => (x !== null && (typeof x === "object" || typeof x === "function"))
    ? new P((resolve) => resolve(x))
    : promiseResolveFast(x); // not a thenable: the same, without the closure
  const promiseReject = P.reject.bind(P);
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const defineProperty = Object.defineProperty;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const isView = ArrayBuffer.isView;
  const Uint8ArrayCtor = Uint8Array;
  const arrayBufferByteLength = uncurry(Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get);
  const noop = () => {};
  const SLOTS = Symbol("streams internal slots");

  if (!Symbol.asyncIterator) {
    // goja lacks it; esbuild's helpers fall back to this registered symbol.
    defineProperty(Symbol, "asyncIterator", { value: Symbol.for("Symbol.asyncIterator") });
  }
  const asyncIterator = Symbol.asyncIterator;

  // deferred is a promise with its resolving functions and whether it has
  // settled, which several algorithms need to know.
  class Deferred {
    constructor() {
      this.settled = false;
      this.promise = new P((res, rej) => { this.res = res; this.rej = rej; });
    }
    resolve(v) { this.settled = true; this.res(v); }
    reject(e) { this.settled = true; this.rej(e); }
  }
  function deferred() { return new Deferred(); }
  function settledDeferred(ok, value) {
    const d = deferred();
    if (ok) d.resolve(value); else { d.reject(value); markHandled(d.promise); }
    return d;
  }
  function markHandled(p) { then(p, undefined, noop); }
  // react attaches handlers that never throw; it is the spec's "upon".
  function react(p, onFulfilled, onRejected) { then(p, onFulfilled, onRejected); }
  function queueTask(fn) { then(promiseResolve(), fn); }

  // promiseCall invokes f as a promise-returning callback: a synchronous throw
  // becomes a rejected promise.
  function promiseCall(f, self, a, b) {
    try { return promiseResolve(f.call(self, a, b)); } catch (e) { return promiseReject(e); }
  }

  function typeError(msg) { return new TypeErrorCtor(msg); }
  function slots(o, kind) {
    if (o !== null && (typeof o === "object" || typeof o === "function") && hasOwn(o, SLOTS)) {
      const s = o[SLOTS];
      if (s.kind === kind) return s;
    }
    return undefined;
  }
  function brand(o, kind, what) {
    const s = slots(o, kind);
    if (s === undefined) throw typeError(`Illegal invocation: ${what} called on an object that is not a ${kind}`);
    return s;
  }
  function setSlots(o, s) {
    defineProperty(o, SLOTS, { value: s });
    s.pub = o;
    return s;
  }

  // ---- Web IDL conversions --------------------------------------------------

  function dictionary(v, what) {
    if (v === undefined || v === null) return {};
    if (typeof v !== "object" && typeof v !== "function") throw typeError(`${what} must be an object`);
    return v;
  }
  function callbackMember(dict, name, what) {
    const f = dict[name];
    if (f !== undefined && typeof f !== "function") throw typeError(`${what}.${name} must be a function`);
    return f;
  }
  function extractHighWaterMark(strategy, defaultHWM) {
    if (strategy.highWaterMark === undefined) return defaultHWM;
    const hwm = Number(strategy.highWaterMark);
    if (Number.isNaN(hwm) || hwm < 0) throw new RangeErrorCtor("highWaterMark must be a non-negative number");
    return hwm;
  }
  function extractSizeAlgorithm(strategy) {
    const size = strategy.size;
    if (size === undefined) return () => 1;
    if (typeof size !== "function") throw typeError("strategy.size must be a function");
    return (chunk) => Number(size(chunk));
  }
  function strategyOf(v, what) {
    const s = dictionary(v, what);
    return { highWaterMark: s.highWaterMark, size: callbackMember(s, "size", what) };
  }

  // ---- queue-with-sizes (§8.1) ------------------------------------------------

  // Queue is a FIFO with O(1) shift.
  class Queue {
    constructor() { this.items = []; this.head = 0; }
    get length() { return this.items.length - this.head; }
    push(v) { this.items.push(v); }
    shift() {
      const v = this.items[this.head];
      this.items[this.head++] = undefined;
      if (this.head === this.items.length) { this.items = []; this.head = 0; }
      else if (this.head > 1024 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
      return v;
    }
    peek() { return this.items[this.head]; }
    forEach(f) { for (let i = this.head; i < this.items.length; i++) f(this.items[i]); }
  }

  function resetQueue(c) { c.queue = new Queue(); c.queueTotalSize = 0; }
  function enqueueValueWithSize(c, value, size) {
    if (typeof size !== "number" || Number.isNaN(size) || size < 0 || size === Infinity) {
      throw new RangeErrorCtor("The size of a chunk must be a finite, non-negative number");
    }
    c.queue.push({ value, size });
    c.queueTotalSize += size;
  }
  function dequeueValue(c) {
    const pair = c.queue.shift();
    c.queueTotalSize -= pair.size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0; // rounding errors
    return pair.value;
  }
  function peekQueueValue(c) { return c.queue.peek().value; }

  // ==== ReadableStream (§4) ===================================================

  class ReadableStream {
    constructor(underlyingSource = undefined, strategy = undefined) {
      const src = underlyingSource === undefined ? null : underlyingSource;
      if (src !== null && typeof src !== "object") throw typeError("ReadableStream: underlyingSource must be an object");
      const dict = src === null ? {} : src;
      const source = {
        cancel: callbackMember(dict, "cancel", "underlyingSource"),
        pull: callbackMember(dict, "pull", "underlyingSource"),
        start: callbackMember(dict, "start", "underlyingSource"),
        type: dict.type === undefined ? undefined : String(dict.type),
      };
      const strat = strategyOf(strategy, "ReadableStream: strategy");
      const s = initializeReadableStream(this);
      if (source.type === "bytes") {
        if (strat.size !== undefined) throw new RangeErrorCtor("ReadableStream: a byte stream cannot have a strategy size");
        setUpByteControllerFromSource(s, src, source, extractHighWaterMark(strat, 0));
        return;
      }
      if (source.type !== undefined) throw typeError(`ReadableStream: '${source.type}' is not a valid type (only "bytes")`);
      setUpDefaultControllerFromSource(s, src, source, extractHighWaterMark(strat, 1), extractSizeAlgorithm(strat));
    }
    get locked() { return isLocked(brand(this, "ReadableStream", "ReadableStream.locked")); }
    cancel(reason = undefined) {
      const s = slots(this, "ReadableStream");
      if (s === undefined) return promiseReject(typeError("Illegal invocation: ReadableStream.cancel called on an object that is not a ReadableStream"));
      if (isLocked(s)) return promiseReject(typeError("Cannot cancel a ReadableStream that is locked to a reader"));
      return readableStreamCancel(s, reason);
    }
    getReader(options = undefined) {
      const s = brand(this, "ReadableStream", "ReadableStream.getReader");
      const mode = dictionary(options, "ReadableStream.getReader: options").mode;
      if (mode === undefined) return acquireDefaultReader(s).pub;
      if (String(mode) !== "byob") throw typeError(`ReadableStream.getReader: '${mode}' is not a valid mode (only "byob")`);
      if (s.controller.kind !== "ReadableByteStreamController") throw typeError("ReadableStream.getReader: a BYOB reader needs a byte stream (type: \"bytes\")");
      return acquireBYOBReader(s).pub;
    }
    pipeThrough(transform, options = undefined) {
      const s = brand(this, "ReadableStream", "ReadableStream.pipeThrough");
      if (transform === null || typeof transform !== "object") throw typeError("ReadableStream.pipeThrough: argument 1 must be a {writable, readable} pair");
      const writable = slots(transform.writable, "WritableStream");
      if (writable === undefined) throw typeError("ReadableStream.pipeThrough: transform.writable is not a WritableStream");
      const readable = transform.readable;
      if (slots(readable, "ReadableStream") === undefined) throw typeError("ReadableStream.pipeThrough: transform.readable is not a ReadableStream");
      const opts = pipeOptions(options);
      if (isLocked(s)) throw typeError("ReadableStream.pipeThrough: this stream is locked to a reader");
      if (writable.writer !== undefined) throw typeError("ReadableStream.pipeThrough: transform.writable is locked to a writer");
      markHandled(readableStreamPipeTo(s, writable, opts));
      return readable;
    }
    pipeTo(destination, options = undefined) {
      try {
        const s = brand(this, "ReadableStream", "ReadableStream.pipeTo");
        const dest = slots(destination, "WritableStream");
        if (dest === undefined) throw typeError("ReadableStream.pipeTo: argument 1 must be a WritableStream");
        const opts = pipeOptions(options);
        if (isLocked(s)) throw typeError("ReadableStream.pipeTo: this stream is locked to a reader");
        if (dest.writer !== undefined) throw typeError("ReadableStream.pipeTo: the destination is locked to a writer");
        return readableStreamPipeTo(s, dest, opts);
      } catch (e) {
        return promiseReject(e);
      }
    }
    tee() {
      const s = brand(this, "ReadableStream", "ReadableStream.tee");
      return readableStreamTee(s).map((b) => b.pub);
    }
    values(options = undefined) {
      const s = brand(this, "ReadableStream", "ReadableStream.values");
      const preventCancel = Boolean(dictionary(options, "ReadableStream.values: options").preventCancel);
      const reader = acquireDefaultReader(s);
      const it = Object.create(AsyncIteratorPrototype);
      setSlots(it, { kind: "ReadableStreamAsyncIterator", reader, preventCancel, ongoing: undefined, finished: false });
      return it;
    }
    static from(asyncIterable) {
      return readableStreamFromIterable(asyncIterable).pub;
    }
  }
  defineProperty(ReadableStream.prototype, asyncIterator, {
    value: ReadableStream.prototype.values, writable: true, configurable: true,
  });

  function pipeOptions(options) {
    const o = dictionary(options, "pipe options");
    const signal = o.signal;
    if (signal !== undefined && (signal === null || typeof signal !== "object" || !("aborted" in signal) || typeof signal.addEventListener !== "function")) {
      throw typeError("pipe options: signal must be an AbortSignal");
    }
    return { preventAbort: Boolean(o.preventAbort), preventCancel: Boolean(o.preventCancel), preventClose: Boolean(o.preventClose), signal };
  }

  function initializeReadableStream(pub) {
    return setSlots(pub, { kind: "ReadableStream", state: "readable", reader: undefined, storedError: undefined, disturbed: false, controller: undefined });
  }

  // createReadableStream makes a stream without running the constructor
  // (the spec's CreateReadableStream), for tee, TransformStream and from.
  function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
    const s = initializeReadableStream(Object.create(ReadableStream.prototype));
    const c = newDefaultController();
    setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm);
    return s;
  }

  function isLocked(s) { return s.reader !== undefined; }

  function readableStreamCancel(s, reason) {
    s.disturbed = true;
    if (s.state === "closed") return promiseResolve(undefined);
    if (s.state === "errored") return promiseReject(s.storedError);
    readableStreamClose(s);
    const reader = s.reader;
    if (reader !== undefined && reader.kind === "ReadableStreamBYOBReader") {
      const requests = reader.readIntoRequests;
      reader.readIntoRequests = new Queue();
      requests.forEach((r) => r.close(undefined));
    }
    const sourceCancel = s.controller.cancelSteps(reason);
    return then(sourceCancel, noop);
  }

  function readableStreamClose(s) {
    s.state = "closed";
    const reader = s.reader;
    if (reader === undefined) return;
    reader.closed.resolve(undefined);
    if (reader.kind === "ReadableStreamDefaultReader") {
      const requests = reader.readRequests;
      reader.readRequests = new Queue();
      requests.forEach((r) => r.close());
    }
  }

  function readableStreamError(s, e) {
    s.state = "errored";
    s.storedError = e;
    const reader = s.reader;
    if (reader === undefined) return;
    reader.closed.reject(e);
    markHandled(reader.closed.promise);
    if (reader.kind === "ReadableStreamDefaultReader") defaultReaderErrorReadRequests(reader, e);
    else byobReaderErrorReadIntoRequests(reader, e);
  }

  function readableStreamAddReadRequest(s, request) { s.reader.readRequests.push(request); }
  function readableStreamFulfillReadRequest(s, chunk, done) {
    const request = s.reader.readRequests.shift();
    if (done) request.close(); else request.chunk(chunk);
  }
  function numReadRequests(s) { return s.reader.readRequests.length; }
  function hasDefaultReader(s) { return s.reader !== undefined && s.reader.kind === "ReadableStreamDefaultReader"; }

  // ---- readers (§4.3, §4.4) --------------------------------------------------

  class ReadableStreamDefaultReader {
    constructor(stream) {
      const s = slots(stream, "ReadableStream");
      if (s === undefined) throw typeError("ReadableStreamDefaultReader: argument 1 must be a ReadableStream");
      setUpDefaultReader(this, s);
    }
    get closed() {
      const r = slots(this, "ReadableStreamDefaultReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamDefaultReader.closed"));
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      const r = slots(this, "ReadableStreamDefaultReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamDefaultReader.cancel"));
      if (r.stream === undefined) return promiseReject(typeError("This reader was released and can no longer cancel its stream"));
      return readableStreamCancel(r.stream, reason);
    }
    read() {
      const r = slots(this, "ReadableStreamDefaultReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamDefaultReader.read"));
      if (r.stream === undefined) return promiseReject(typeError("This reader was released and can no longer read from its stream"));
      const req = new ReadRequest();
      defaultReaderRead(r, req);
      return req.promise;
    }
    releaseLock() {
      const r = brand(this, "ReadableStreamDefaultReader", "ReadableStreamDefaultReader.releaseLock");
      if (r.stream === undefined) return;
      defaultReaderRelease(r);
    }
  }

  // ReadRequest is a read request that settles a promise with an iterator
  // result; a class, so a read allocates no closures of its own.
  class ReadRequest {
    constructor() {
      this.promise = new P((resolve, reject) => { this.resolve = resolve; this.reject = reject; });
    }
    chunk(value) { this.resolve({ value, done: false }); }
    close() { this.resolve({ value: undefined, done: true }); }
    error(e) { this.reject(e); }
  }

  function readerGenericInitialize(r, s) {
    r.stream = s;
    s.reader = r;
    if (s.state === "readable") r.closed = deferred();
    else if (s.state === "closed") r.closed = settledDeferred(true, undefined);
    else r.closed = settledDeferred(false, s.storedError);
  }

  function readerGenericRelease(r) {
    const s = r.stream;
    const e = typeError("This reader was released; its stream can be read by a new reader");
    if (s.state === "readable") r.closed.reject(e);
    else r.closed = settledDeferred(false, e);
    markHandled(r.closed.promise);
    s.controller.releaseSteps();
    s.reader = undefined;
    r.stream = undefined;
  }

  function setUpDefaultReader(pub, s) {
    if (isLocked(s)) throw typeError("This ReadableStream is already locked to a reader");
    const r = setSlots(pub, { kind: "ReadableStreamDefaultReader", stream: undefined, closed: undefined, readRequests: new Queue() });
    readerGenericInitialize(r, s);
    return r;
  }
  function acquireDefaultReader(s) { return setUpDefaultReader(Object.create(ReadableStreamDefaultReader.prototype), s); }

  function defaultReaderRead(r, request) {
    const s = r.stream;
    s.disturbed = true;
    if (s.state === "closed") request.close();
    else if (s.state === "errored") request.error(s.storedError);
    else s.controller.pullSteps(request);
  }

  function defaultReaderRelease(r) {
    readerGenericRelease(r);
    defaultReaderErrorReadRequests(r, typeError("This reader was released while a read was pending"));
  }

  function defaultReaderErrorReadRequests(r, e) {
    const requests = r.readRequests;
    r.readRequests = new Queue();
    requests.forEach((q) => q.error(e));
  }

  // ---- default controller (§4.6) ---------------------------------------------

  class ReadableStreamDefaultController {
    constructor() { throw typeError("Illegal constructor"); }
    get desiredSize() { return defaultControllerGetDesiredSize(brand(this, "ReadableStreamDefaultController", "ReadableStreamDefaultController.desiredSize")); }
    close() {
      const c = brand(this, "ReadableStreamDefaultController", "ReadableStreamDefaultController.close");
      if (!defaultControllerCanCloseOrEnqueue(c)) throw typeError("The stream is not in a state that permits close");
      defaultControllerClose(c);
    }
    enqueue(chunk = undefined) {
      const c = brand(this, "ReadableStreamDefaultController", "ReadableStreamDefaultController.enqueue");
      if (!defaultControllerCanCloseOrEnqueue(c)) throw typeError("The stream is not in a state that permits enqueue");
      defaultControllerEnqueue(c, chunk);
    }
    error(e = undefined) {
      defaultControllerError(brand(this, "ReadableStreamDefaultController", "ReadableStreamDefaultController.error"), e);
    }
  }

  function newDefaultController() {
    return setSlots(Object.create(ReadableStreamDefaultController.prototype), {
      kind: "ReadableStreamDefaultController", stream: undefined, queue: undefined, queueTotalSize: 0,
      started: false, closeRequested: false, pullAgain: false, pulling: false, onPulled: undefined, onPullFailed: undefined,
      strategySizeAlgorithm: undefined, strategyHWM: 0, pullAlgorithm: undefined, cancelAlgorithm: undefined,
      cancelSteps(reason) {
        resetQueue(this);
        const result = this.cancelAlgorithm(reason);
        defaultControllerClearAlgorithms(this);
        return result;
      },
      pullSteps(request) {
        const s = this.stream;
        if (this.queue.length > 0) {
          const chunk = dequeueValue(this);
          if (this.closeRequested && this.queue.length === 0) {
            defaultControllerClearAlgorithms(this);
            readableStreamClose(s);
          } else {
            defaultControllerCallPullIfNeeded(this);
          }
          request.chunk(chunk);
        } else {
          readableStreamAddReadRequest(s, request);
          defaultControllerCallPullIfNeeded(this);
        }
      },
      releaseSteps() {},
    });
  }

  function setUpDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
    c.stream = s;
    resetQueue(c);
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = highWaterMark;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    s.controller = c;
    const startResult = startAlgorithm();
    react(promiseResolve(startResult), () => {
      c.started = true;
      defaultControllerCallPullIfNeeded(c);
    }, (r) => defaultControllerError(c, r));
  }

  function setUpDefaultControllerFromSource(s, src, source, highWaterMark, sizeAlgorithm) {
    const c = newDefaultController();
    const start = source.start ? () => source.start.call(src, c.pub) : noop;
    const pull = source.pull ? () => promiseCall(source.pull, src, c.pub) : () => promiseResolve(undefined);
    const cancel = source.cancel ? (reason) => promiseCall(source.cancel, src, reason) : () => promiseResolve(undefined);
    setUpDefaultController(s, c, start, pull, cancel, highWaterMark, sizeAlgorithm);
  }

  function defaultControllerCallPullIfNeeded(c) {
    if (!defaultControllerShouldCallPull(c)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    if (c.onPulled === undefined) {
      // Made once per controller rather than once per pull.
      c.onPulled = () => {
        c.pulling = false;
        if (c.pullAgain) {
          c.pullAgain = false;
          defaultControllerCallPullIfNeeded(c);
        }
      };
      c.onPullFailed = (e) => defaultControllerError(c, e);
    }
    react(c.pullAlgorithm(), c.onPulled, c.onPullFailed);
  }

  function defaultControllerShouldCallPull(c) {
    const s = c.stream;
    if (!defaultControllerCanCloseOrEnqueue(c) || !c.started) return false;
    if (isLocked(s) && hasDefaultReader(s) && numReadRequests(s) > 0) return true;
    return defaultControllerGetDesiredSize(c) > 0;
  }

  function defaultControllerClearAlgorithms(c) {
    c.pullAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
  }

  function defaultControllerClose(c) {
    if (!defaultControllerCanCloseOrEnqueue(c)) return;
    c.closeRequested = true;
    if (c.queue.length === 0) {
      defaultControllerClearAlgorithms(c);
      readableStreamClose(c.stream);
    }
  }

  function defaultControllerEnqueue(c, chunk) {
    if (!defaultControllerCanCloseOrEnqueue(c)) return;
    const s = c.stream;
    if (isLocked(s) && hasDefaultReader(s) && numReadRequests(s) > 0) {
      readableStreamFulfillReadRequest(s, chunk, false);
    } else {
      let size;
      try {
        size = c.strategySizeAlgorithm(chunk);
        enqueueValueWithSize(c, chunk, size);
      } catch (e) {
        defaultControllerError(c, e);
        throw e;
      }
    }
    defaultControllerCallPullIfNeeded(c);
  }

  function defaultControllerError(c, e) {
    const s = c.stream;
    if (s.state !== "readable") return;
    resetQueue(c);
    defaultControllerClearAlgorithms(c);
    readableStreamError(s, e);
  }

  function defaultControllerGetDesiredSize(c) {
    const state = c.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return c.strategyHWM - c.queueTotalSize;
  }

  function defaultControllerHasBackpressure(c) { return !defaultControllerShouldCallPull(c); }
  function defaultControllerCanCloseOrEnqueue(c) { return !c.closeRequested && c.stream.state === "readable"; }

  // ---- byte streams (a simplification of §4.7) -----------------------------

  class ReadableByteStreamController {
    constructor() { throw typeError("Illegal constructor"); }
    get byobRequest() { brand(this, "ReadableByteStreamController", "ReadableByteStreamController.byobRequest"); return null; }
    get desiredSize() { return byteControllerGetDesiredSize(brand(this, "ReadableByteStreamController", "ReadableByteStreamController.desiredSize")); }
    close() {
      const c = brand(this, "ReadableByteStreamController", "ReadableByteStreamController.close");
      if (c.closeRequested) throw typeError("The stream is already closing");
      if (c.stream.state !== "readable") throw typeError("The stream is not in a state that permits close");
      byteControllerClose(c);
    }
    enqueue(chunk) {
      const c = brand(this, "ReadableByteStreamController", "ReadableByteStreamController.enqueue");
      if (!isView(chunk)) throw typeError("ReadableByteStreamController.enqueue: chunk must be an ArrayBufferView");
      if (chunk.byteLength === 0) throw typeError("ReadableByteStreamController.enqueue: chunk must not be empty");
      if (arrayBufferByteLength(chunk.buffer) === 0) throw typeError("ReadableByteStreamController.enqueue: chunk's buffer is detached");
      if (c.closeRequested) throw typeError("The stream is closing; no more chunks can be enqueued");
      if (c.stream.state !== "readable") throw typeError("The stream is not in a state that permits enqueue");
      byteControllerEnqueue(c, chunk);
    }
    error(e = undefined) {
      byteControllerError(brand(this, "ReadableByteStreamController", "ReadableByteStreamController.error"), e);
    }
  }

  function setUpByteControllerFromSource(s, src, source, highWaterMark) {
    const c = setSlots(Object.create(ReadableByteStreamController.prototype), {
      kind: "ReadableByteStreamController", stream: s, queue: undefined, queueTotalSize: 0,
      started: false, closeRequested: false, pullAgain: false, pulling: false, strategyHWM: highWaterMark,
      pullAlgorithm: undefined, cancelAlgorithm: undefined,
      cancelSteps(reason) {
        resetQueue(this);
        const result = this.cancelAlgorithm(reason);
        byteControllerClearAlgorithms(this);
        return result;
      },
      pullSteps(request) {
        if (this.queueTotalSize > 0) {
          const chunk = dequeueValue(this);
          byteControllerHandleQueueDrain(this);
          request.chunk(chunk);
        } else {
          readableStreamAddReadRequest(this.stream, request);
          byteControllerCallPullIfNeeded(this);
        }
      },
      releaseSteps() {},
    });
    resetQueue(c);
    c.pullAlgorithm = source.pull ? () => promiseCall(source.pull, src, c.pub) : () => promiseResolve(undefined);
    c.cancelAlgorithm = source.cancel ? (reason) => promiseCall(source.cancel, src, reason) : () => promiseResolve(undefined);
    s.controller = c;
    const startResult = source.start ? source.start.call(src, c.pub) : undefined;
    react(promiseResolve(startResult), () => {
      c.started = true;
      byteControllerCallPullIfNeeded(c);
    }, (r) => byteControllerError(c, r));
  }

  function byteControllerClearAlgorithms(c) { c.pullAlgorithm = undefined; c.cancelAlgorithm = undefined; }

  function byteControllerGetDesiredSize(c) {
    const state = c.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return c.strategyHWM - c.queueTotalSize;
  }

  function byteControllerShouldCallPull(c) {
    const s = c.stream;
    if (s.state !== "readable" || c.closeRequested || !c.started) return false;
    if (s.reader !== undefined) {
      if (s.reader.kind === "ReadableStreamDefaultReader" ? s.reader.readRequests.length > 0 : s.reader.readIntoRequests.length > 0) return true;
    }
    return byteControllerGetDesiredSize(c) > 0;
  }

  function byteControllerCallPullIfNeeded(c) {
    if (!byteControllerShouldCallPull(c)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    react(c.pullAlgorithm(), () => {
      c.pulling = false;
      if (c.pullAgain) { c.pullAgain = false; byteControllerCallPullIfNeeded(c); }
    }, (e) => byteControllerError(c, e));
  }

  function byteControllerHandleQueueDrain(c) {
    if (c.queueTotalSize === 0 && c.closeRequested) {
      byteControllerClearAlgorithms(c);
      readableStreamClose(c.stream);
    } else {
      byteControllerCallPullIfNeeded(c);
    }
  }

  // Chunks are copied so the source may reuse its buffer; the spec would
  // transfer (detach) it instead.
  function byteControllerEnqueue(c, view) {
    const s = c.stream;
    const copy = new Uint8ArrayCtor(view.byteLength);
    copy.set(new Uint8ArrayCtor(view.buffer, view.byteOffset, view.byteLength));
    const reader = s.reader;
    if (reader !== undefined && reader.kind === "ReadableStreamDefaultReader" && reader.readRequests.length > 0) {
      readableStreamFulfillReadRequest(s, copy, false);
    } else if (reader !== undefined && reader.kind === "ReadableStreamBYOBReader" && reader.readIntoRequests.length > 0) {
      enqueueValueWithSize(c, copy, copy.byteLength);
      byobFillPending(c);
    } else {
      enqueueValueWithSize(c, copy, copy.byteLength);
    }
    byteControllerCallPullIfNeeded(c);
  }

  function byteControllerClose(c) {
    c.closeRequested = true;
    if (c.queueTotalSize === 0) {
      byteControllerClearAlgorithms(c);
      readableStreamClose(c.stream);
    }
  }

  function byteControllerError(c, e) {
    if (c.stream.state !== "readable") return;
    resetQueue(c);
    byteControllerClearAlgorithms(c);
    readableStreamError(c.stream, e);
  }

  class ReadableStreamBYOBReader {
    constructor(stream) {
      const s = slots(stream, "ReadableStream");
      if (s === undefined) throw typeError("ReadableStreamBYOBReader: argument 1 must be a ReadableStream");
      setUpBYOBReader(this, s);
    }
    get closed() {
      const r = slots(this, "ReadableStreamBYOBReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamBYOBReader.closed"));
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      const r = slots(this, "ReadableStreamBYOBReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamBYOBReader.cancel"));
      if (r.stream === undefined) return promiseReject(typeError("This reader was released and can no longer cancel its stream"));
      return readableStreamCancel(r.stream, reason);
    }
    read(view) {
      const r = slots(this, "ReadableStreamBYOBReader");
      if (r === undefined) return promiseReject(typeError("Illegal invocation: ReadableStreamBYOBReader.read"));
      if (!isView(view)) return promiseReject(typeError("ReadableStreamBYOBReader.read: argument 1 must be an ArrayBufferView"));
      if (view.byteLength === 0) return promiseReject(typeError("ReadableStreamBYOBReader.read: view must not be empty"));
      if (r.stream === undefined) return promiseReject(typeError("This reader was released and can no longer read from its stream"));
      const d = deferred();
      const s = r.stream;
      s.disturbed = true;
      const request = {
        view,
        chunk: (v) => d.resolve({ value: v, done: false }),
        close: (v) => d.resolve({ value: v, done: true }),
        error: (e) => d.reject(e),
      };
      if (s.state === "errored") request.error(s.storedError);
      else if (s.state === "closed") request.close(new view.constructor(view.buffer, view.byteOffset, 0));
      else {
        r.readIntoRequests.push(request);
        const c = s.controller;
        byobFillPending(c);
        if (r.readIntoRequests.length > 0) byteControllerCallPullIfNeeded(c);
      }
      return d.promise;
    }
    releaseLock() {
      const r = brand(this, "ReadableStreamBYOBReader", "ReadableStreamBYOBReader.releaseLock");
      if (r.stream === undefined) return;
      readerGenericRelease(r);
      byobReaderErrorReadIntoRequests(r, typeError("This reader was released while a read was pending"));
    }
  }

  function setUpBYOBReader(pub, s) {
    if (isLocked(s)) throw typeError("This ReadableStream is already locked to a reader");
    if (s.controller.kind !== "ReadableByteStreamController") throw typeError("A BYOB reader needs a byte stream (type: \"bytes\")");
    const r = setSlots(pub, { kind: "ReadableStreamBYOBReader", stream: undefined, closed: undefined, readIntoRequests: new Queue() });
    readerGenericInitialize(r, s);
    return r;
  }
  function acquireBYOBReader(s) { return setUpBYOBReader(Object.create(ReadableStreamBYOBReader.prototype), s); }

  function byobReaderErrorReadIntoRequests(r, e) {
    const requests = r.readIntoRequests;
    r.readIntoRequests = new Queue();
    requests.forEach((q) => q.error(e));
  }

  // byobFillPending copies queued bytes into waiting BYOB reads, at least one
  // element of the view's type per read, and closes them out at the end.
  function byobFillPending(c) {
    const s = c.stream;
    const r = s.reader;
    while (r.readIntoRequests.length > 0 && c.queueTotalSize > 0) {
      const req = r.readIntoRequests.peek();
      const view = req.view;
      const elem = view.BYTES_PER_ELEMENT || 1;
      const target = new Uint8ArrayCtor(view.buffer, view.byteOffset, view.byteLength);
      const want = view.byteLength - (view.byteLength % elem);
      if (c.queueTotalSize < elem) break;
      let filled = 0;
      while (filled < want && c.queueTotalSize > 0) {
        const head = c.queue.peek();
        const chunk = head.value;
        const n = Math.min(chunk.byteLength, want - filled);
        target.set(chunk.subarray(0, n), filled);
        filled += n;
        if (n === chunk.byteLength) dequeueValue(c);
        else { head.value = chunk.subarray(n); head.size -= n; c.queueTotalSize -= n; }
        if (filled % elem === 0 && filled >= elem && c.queueTotalSize < elem) break;
      }
      const usable = filled - (filled % elem);
      if (usable !== filled) {
        // Put back bytes that do not fill a whole element.
        const rest = new Uint8ArrayCtor(target.subarray(usable, filled));
        c.queue.items.splice(c.queue.head, 0, { value: rest, size: rest.byteLength });
        c.queueTotalSize += rest.byteLength;
      }
      r.readIntoRequests.shift();
      req.chunk(new view.constructor(view.buffer, view.byteOffset, usable / elem));
    }
    if (c.queueTotalSize === 0 && c.closeRequested && s.state === "readable") {
      byteControllerClearAlgorithms(c);
      readableStreamClose(s);
    }
  }

  // ---- tee (§4.9.1 ReadableStreamDefaultTee) --------------------------------

  function readableStreamTee(s) {
    const reader = acquireDefaultReader(s);
    let reading = false, readAgain = false, canceled1 = false, canceled2 = false;
    let reason1, reason2, branch1, branch2;
    const cancelPromise = deferred();
    const pullAlgorithm = () => {
      if (reading) { readAgain = true; return promiseResolve(undefined); }
      reading = true;
      defaultReaderRead(reader, {
        // The spec queues a microtask here so that errors from the enqueues
        // below cannot interrupt the read that delivered the chunk.
        chunk: (chunk) => queueTask(() => {
          readAgain = false;
          if (!canceled1) defaultControllerEnqueue(branch1.controller, chunk);
          if (!canceled2) defaultControllerEnqueue(branch2.controller, chunk);
          reading = false;
          if (readAgain) pullAlgorithm();
        }),
        close: () => {
          reading = false;
          if (!canceled1) defaultControllerClose(branch1.controller);
          if (!canceled2) defaultControllerClose(branch2.controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        error: () => { reading = false; },
      });
      return promiseResolve(undefined);
    };
    const cancel1 = (reason) => {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    };
    const cancel2 = (reason) => {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    };
    branch1 = createReadableStream(noop, pullAlgorithm, cancel1);
    branch2 = createReadableStream(noop, pullAlgorithm, cancel2);
    react(reader.closed.promise, noop, (r) => {
      defaultControllerError(branch1.controller, r);
      defaultControllerError(branch2.controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    return [branch1, branch2];
  }

  // ---- pipeTo (§4.9.4 ReadableStreamPipeTo) ----------------------------------

  function readableStreamPipeTo(source, dest, { preventClose, preventAbort, preventCancel, signal }) {
    const reader = acquireDefaultReader(source);
    const writer = acquireWriter(dest);
    source.disturbed = true;
    let shuttingDown = false;
    let currentWrite = promiseResolve(undefined);
    const result = deferred();
    let abortAlgorithm;

    if (signal !== undefined) {
      abortAlgorithm = () => {
        const error = signal.reason;
        const actions = [];
        if (!preventAbort) actions.push(() => dest.state === "writable" ? writableStreamAbort(dest, error) : promiseResolve(undefined));
        if (!preventCancel) actions.push(() => source.state === "readable" ? readableStreamCancel(source, error) : promiseResolve(undefined));
        shutdownWithAction(() => P.all(actions.map((a) => a())), true, error);
      };
      if (signal.aborted) {
        abortAlgorithm();
        return result.promise;
      }
      signal.addEventListener("abort", abortAlgorithm);
    }

    // Each step waits for the writer to be ready, reads one chunk and
    // starts writing it; a write's failure surfaces through the writer's
    // closed promise, not here.
    // The read request and the ready handler are made once per pipe.
    const readRequest = {
      chunk: (chunk) => {
        currentWrite = then(writerWrite(writer, chunk), undefined, noop);
        pipeLoop();
      },
      close: noop,
      error: noop,
    };
    const onReady = () => {
      if (!shuttingDown) defaultReaderRead(reader, readRequest);
    };
    function pipeLoop() {
      if (!shuttingDown) react(writer.ready.promise, onReady, noop);
    }

    // Errors must be propagated forward: closing source → close dest, ...
    whenErroredOrNow(source, reader.closed.promise, (storedError) => {
      if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, storedError), true, storedError);
      else shutdown(true, storedError);
    });
    // ... and backward.
    whenErroredOrNow(dest, writer.closed.promise, (storedError) => {
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, storedError), true, storedError);
      else shutdown(true, storedError);
    });
    whenClosedOrNow(source, reader.closed.promise, () => {
      if (!preventClose) shutdownWithAction(() => writerCloseWithErrorPropagation(writer));
      else shutdown();
    });
    if (writableStreamCloseQueuedOrInFlight(dest) || dest.state === "closed") {
      const destClosed = typeError("the destination writable stream closed before all data could be piped to it");
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
      else shutdown(true, destClosed);
    }
    pipeLoop();
    return result.promise;

    function whenErroredOrNow(stream, promise, action) {
      if (stream.state === "errored") action(stream.storedError);
      else react(promise, noop, action);
    }
    function whenClosedOrNow(stream, promise, action) {
      if (stream.state === "closed") action();
      else react(promise, action, noop);
    }
    function waitForWritesToFinish() {
      const old = currentWrite;
      return then(currentWrite, () => (old !== currentWrite ? waitForWritesToFinish() : undefined));
    }
    function shutdownWithAction(action, originalIsError = false, originalError = undefined) {
      if (shuttingDown) return;
      shuttingDown = true;
      const doTheRest = () => {
        react(action(), () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
      };
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) react(waitForWritesToFinish(), doTheRest, noop);
      else doTheRest();
    }
    function shutdown(isError = false, error = undefined) {
      if (shuttingDown) return;
      shuttingDown = true;
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) {
        react(waitForWritesToFinish(), () => finalize(isError, error), noop);
      } else {
        finalize(isError, error);
      }
    }
    function finalize(isError, error) {
      writerRelease(writer);
      defaultReaderRelease(reader);
      if (signal !== undefined) signal.removeEventListener("abort", abortAlgorithm);
      if (isError) result.reject(error); else result.resolve(undefined);
    }
  }

  // ---- async iteration (§4.2.5) ----------------------------------------------

  // The spec's prototype inherits from %AsyncIteratorPrototype%, which goja
  // (no async generators) does not have; its one method is defined here.
  const AsyncIteratorPrototype = {};
  defineProperty(AsyncIteratorPrototype, asyncIterator, { value: function () { return this; }, writable: true, configurable: true });
  defineProperty(AsyncIteratorPrototype, "next", {
    value: function next() {
      const it = slots(this, "ReadableStreamAsyncIterator");
      if (it === undefined) return promiseReject(typeError("Illegal invocation: not a ReadableStream async iterator"));
      const nextSteps = () => {
        if (it.finished) return promiseResolve({ value: undefined, done: true });
        const reader = it.reader;
        if (reader.stream === undefined) return promiseReject(typeError("The iterator's reader was released"));
        const d = deferred();
        defaultReaderRead(reader, {
          chunk: (value) => d.resolve({ value, done: false }),
          close: () => { defaultReaderRelease(reader); d.resolve({ value: undefined, done: true }); },
          error: (e) => { defaultReaderRelease(reader); d.reject(e); },
        });
        return d.promise;
      };
      const step = () => then(nextSteps(), (r) => {
        it.ongoing = undefined;
        if (r.done) it.finished = true;
        return r;
      }, (e) => {
        it.ongoing = undefined;
        it.finished = true;
        throw e;
      });
      it.ongoing = it.ongoing ? then(it.ongoing, step, step) : step();
      return it.ongoing;
    },
    writable: true, configurable: true, enumerable: true,
  });
  defineProperty(AsyncIteratorPrototype, "return", {
    value: function (value = undefined) {
      const it = slots(this, "ReadableStreamAsyncIterator");
      if (it === undefined) return promiseReject(typeError("Illegal invocation: not a ReadableStream async iterator"));
      const returnSteps = () => {
        if (it.finished) return promiseResolve({ value, done: true });
        it.finished = true;
        const reader = it.reader;
        if (reader.stream === undefined) return promiseResolve({ value, done: true });
        if (!it.preventCancel) {
          const cancel = readableStreamCancel(reader.stream, value);
          defaultReaderRelease(reader);
          return then(cancel, () => ({ value, done: true }));
        }
        defaultReaderRelease(reader);
        return promiseResolve({ value, done: true });
      };
      it.ongoing = it.ongoing ? then(it.ongoing, returnSteps, returnSteps) : returnSteps();
      return it.ongoing;
    },
    writable: true, configurable: true, enumerable: true,
  });
  defineProperty(AsyncIteratorPrototype, Symbol.toStringTag, { value: "ReadableStream AsyncIterator", configurable: true });

  // ---- ReadableStream.from (§4.9.2 ReadableStreamFromIterable) ---------------

  function readableStreamFromIterable(iterable) {
    if (iterable === null || iterable === undefined) throw typeError("ReadableStream.from: argument 1 must be an iterable or async iterable");
    let iterator, next, sync = false;
    const asyncMethod = iterable[asyncIterator];
    if (asyncMethod !== undefined && asyncMethod !== null) {
      if (typeof asyncMethod !== "function") throw typeError("ReadableStream.from: Symbol.asyncIterator is not a function");
      iterator = asyncMethod.call(iterable);
    } else {
      const syncMethod = iterable[Symbol.iterator];
      if (typeof syncMethod !== "function") throw typeError("ReadableStream.from: argument 1 must be an iterable or async iterable");
      iterator = syncMethod.call(iterable);
      sync = true;
    }
    if (iterator === null || typeof iterator !== "object") throw typeError("ReadableStream.from: the iterator is not an object");
    next = iterator.next;
    let stream;
    const pullAlgorithm = () => {
      let nextResult;
      try { nextResult = next.call(iterator); } catch (e) { return promiseReject(e); }
      return then(promiseResolve(nextResult), (iterResult) => {
        if (iterResult === null || typeof iterResult !== "object") throw typeError("ReadableStream.from: the iterator's next() result is not an object");
        if (iterResult.done) {
          defaultControllerClose(stream.controller);
          return undefined;
        }
        // A sync iterator's values may be promises; they are awaited, as
        // CreateAsyncFromSyncIterator does.
        const value = iterResult.value;
        if (sync) return then(promiseResolve(value), (v) => { defaultControllerEnqueue(stream.controller, v); });
        defaultControllerEnqueue(stream.controller, value);
        return undefined;
      });
    };
    const cancelAlgorithm = (reason) => {
      let ret;
      try { ret = iterator.return; } catch (e) { return promiseReject(e); }
      if (ret === undefined || ret === null) return promiseResolve(undefined);
      let returnResult;
      try { returnResult = ret.call(iterator, reason); } catch (e) { return promiseReject(e); }
      return then(promiseResolve(returnResult), (r) => {
        if (r === null || typeof r !== "object") throw typeError("ReadableStream.from: the iterator's return() result is not an object");
      });
    };
    stream = createReadableStream(noop, pullAlgorithm, cancelAlgorithm, 0);
    return stream;
  }

  // ==== WritableStream (§5) ===================================================

  class WritableStream {
    constructor(underlyingSink = undefined, strategy = undefined) {
      const sinkObj = underlyingSink === undefined ? null : underlyingSink;
      if (sinkObj !== null && typeof sinkObj !== "object") throw typeError("WritableStream: underlyingSink must be an object");
      const dict = sinkObj === null ? {} : sinkObj;
      const sink = {
        abort: callbackMember(dict, "abort", "underlyingSink"),
        close: callbackMember(dict, "close", "underlyingSink"),
        start: callbackMember(dict, "start", "underlyingSink"),
        write: callbackMember(dict, "write", "underlyingSink"),
      };
      if (dict.type !== undefined) throw new RangeErrorCtor("WritableStream: underlyingSink.type must be undefined");
      const strat = strategyOf(strategy, "WritableStream: strategy");
      const s = initializeWritableStream(this);
      setUpWritableControllerFromSink(s, sinkObj, sink, extractHighWaterMark(strat, 1), extractSizeAlgorithm(strat));
    }
    get locked() { return brand(this, "WritableStream", "WritableStream.locked").writer !== undefined; }
    abort(reason = undefined) {
      const s = slots(this, "WritableStream");
      if (s === undefined) return promiseReject(typeError("Illegal invocation: WritableStream.abort"));
      if (s.writer !== undefined) return promiseReject(typeError("Cannot abort a WritableStream that is locked to a writer"));
      return writableStreamAbort(s, reason);
    }
    close() {
      const s = slots(this, "WritableStream");
      if (s === undefined) return promiseReject(typeError("Illegal invocation: WritableStream.close"));
      if (s.writer !== undefined) return promiseReject(typeError("Cannot close a WritableStream that is locked to a writer"));
      if (writableStreamCloseQueuedOrInFlight(s)) return promiseReject(typeError("The stream is already closing"));
      return writableStreamClose(s);
    }
    getWriter() { return acquireWriter(brand(this, "WritableStream", "WritableStream.getWriter")).pub; }
  }

  function initializeWritableStream(pub) {
    return setSlots(pub, {
      kind: "WritableStream", state: "writable", storedError: undefined, writer: undefined, controller: undefined,
      inFlightWriteRequest: undefined, closeRequest: undefined, inFlightCloseRequest: undefined,
      pendingAbortRequest: undefined, writeRequests: new Queue(), backpressure: false,
    });
  }

  function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
    const s = initializeWritableStream(Object.create(WritableStream.prototype));
    setUpWritableController(s, newWritableController(), startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
    return s;
  }

  function writableStreamAbort(s, reason) {
    if (s.state === "closed" || s.state === "errored") return promiseResolve(undefined);
    s.controller.abortSignal(reason);
    const state = s.state; // abort listeners may have changed it
    if (state === "closed" || state === "errored") return promiseResolve(undefined);
    if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.deferred.promise;
    let wasAlreadyErroring = false;
    if (state === "erroring") {
      wasAlreadyErroring = true;
      reason = undefined;
    }
    const d = deferred();
    s.pendingAbortRequest = { deferred: d, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) writableStreamStartErroring(s, reason);
    return d.promise;
  }

  function writableStreamClose(s) {
    if (s.state === "closed" || s.state === "errored") {
      return promiseReject(typeError(`Cannot close a WritableStream that is ${s.state}`));
    }
    const d = deferred();
    s.closeRequest = d;
    const w = s.writer;
    if (w !== undefined && s.backpressure && s.state === "writable") w.ready.resolve(undefined);
    writableControllerClose(s.controller);
    return d.promise;
  }

  function writableStreamAddWriteRequest(s) {
    const d = deferred();
    s.writeRequests.push(d);
    return d.promise;
  }

  function writableStreamDealWithRejection(s, error) {
    if (s.state === "writable") {
      writableStreamStartErroring(s, error);
      return;
    }
    writableStreamFinishErroring(s);
  }

  function writableStreamStartErroring(s, reason) {
    const c = s.controller;
    s.state = "erroring";
    s.storedError = reason;
    if (s.writer !== undefined) writerEnsureReadyPromiseRejected(s.writer, reason);
    if (!writableStreamHasOperationMarkedInFlight(s) && c.started) writableStreamFinishErroring(s);
  }

  function writableStreamFinishErroring(s) {
    s.state = "errored";
    resetQueue(s.controller); // the controller's [[ErrorSteps]]
    const storedError = s.storedError;
    const requests = s.writeRequests;
    s.writeRequests = new Queue();
    requests.forEach((d) => d.reject(storedError));
    const abortRequest = s.pendingAbortRequest;
    if (abortRequest === undefined) {
      writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
      return;
    }
    s.pendingAbortRequest = undefined;
    if (abortRequest.wasAlreadyErroring) {
      abortRequest.deferred.reject(storedError);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
      return;
    }
    react(s.controller.abortSteps(abortRequest.reason), () => {
      abortRequest.deferred.resolve(undefined);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
    }, (reason) => {
      abortRequest.deferred.reject(reason);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(s);
    });
  }

  function writableStreamFinishInFlightWrite(s) {
    s.inFlightWriteRequest.resolve(undefined);
    s.inFlightWriteRequest = undefined;
  }
  function writableStreamFinishInFlightWriteWithError(s, error) {
    s.inFlightWriteRequest.reject(error);
    s.inFlightWriteRequest = undefined;
    writableStreamDealWithRejection(s, error);
  }
  function writableStreamFinishInFlightClose(s) {
    s.inFlightCloseRequest.resolve(undefined);
    s.inFlightCloseRequest = undefined;
    if (s.state === "erroring") {
      s.storedError = undefined;
      if (s.pendingAbortRequest !== undefined) {
        s.pendingAbortRequest.deferred.resolve(undefined);
        s.pendingAbortRequest = undefined;
      }
    }
    s.state = "closed";
    if (s.writer !== undefined) s.writer.closed.resolve(undefined);
  }
  function writableStreamFinishInFlightCloseWithError(s, error) {
    s.inFlightCloseRequest.reject(error);
    s.inFlightCloseRequest = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.deferred.reject(error);
      s.pendingAbortRequest = undefined;
    }
    writableStreamDealWithRejection(s, error);
  }
  function writableStreamCloseQueuedOrInFlight(s) { return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined; }
  function writableStreamHasOperationMarkedInFlight(s) { return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined; }
  function writableStreamRejectCloseAndClosedPromiseIfNeeded(s) {
    if (s.closeRequest !== undefined) {
      s.closeRequest.reject(s.storedError);
      s.closeRequest = undefined;
    }
    const w = s.writer;
    if (w !== undefined) {
      w.closed.reject(s.storedError);
      markHandled(w.closed.promise);
    }
  }
  function writableStreamUpdateBackpressure(s, backpressure) {
    const w = s.writer;
    if (w !== undefined && backpressure !== s.backpressure) {
      if (backpressure) w.ready = deferred();
      else w.ready.resolve(undefined);
    }
    s.backpressure = backpressure;
  }

  // ---- writer (§5.3) -----------------------------------------------------------

  class WritableStreamDefaultWriter {
    constructor(stream) {
      const s = slots(stream, "WritableStream");
      if (s === undefined) throw typeError("WritableStreamDefaultWriter: argument 1 must be a WritableStream");
      setUpWriter(this, s);
    }
    get closed() {
      const w = slots(this, "WritableStreamDefaultWriter");
      if (w === undefined) return promiseReject(typeError("Illegal invocation: WritableStreamDefaultWriter.closed"));
      return w.closed.promise;
    }
    get desiredSize() {
      const w = brand(this, "WritableStreamDefaultWriter", "WritableStreamDefaultWriter.desiredSize");
      if (w.stream === undefined) throw typeError("This writer was released and has no desired size");
      return writerGetDesiredSize(w);
    }
    get ready() {
      const w = slots(this, "WritableStreamDefaultWriter");
      if (w === undefined) return promiseReject(typeError("Illegal invocation: WritableStreamDefaultWriter.ready"));
      return w.ready.promise;
    }
    abort(reason = undefined) {
      const w = slots(this, "WritableStreamDefaultWriter");
      if (w === undefined) return promiseReject(typeError("Illegal invocation: WritableStreamDefaultWriter.abort"));
      if (w.stream === undefined) return promiseReject(typeError("This writer was released and can no longer abort its stream"));
      return writableStreamAbort(w.stream, reason);
    }
    close() {
      const w = slots(this, "WritableStreamDefaultWriter");
      if (w === undefined) return promiseReject(typeError("Illegal invocation: WritableStreamDefaultWriter.close"));
      const s = w.stream;
      if (s === undefined) return promiseReject(typeError("This writer was released and can no longer close its stream"));
      if (writableStreamCloseQueuedOrInFlight(s)) return promiseReject(typeError("The stream is already closing"));
      return writableStreamClose(s);
    }
    releaseLock() {
      const w = brand(this, "WritableStreamDefaultWriter", "WritableStreamDefaultWriter.releaseLock");
      if (w.stream === undefined) return;
      writerRelease(w);
    }
    write(chunk = undefined) {
      const w = slots(this, "WritableStreamDefaultWriter");
      if (w === undefined) return promiseReject(typeError("Illegal invocation: WritableStreamDefaultWriter.write"));
      if (w.stream === undefined) return promiseReject(typeError("This writer was released and can no longer write to its stream"));
      return writerWrite(w, chunk);
    }
  }

  function setUpWriter(pub, s) {
    if (s.writer !== undefined) throw typeError("This WritableStream is already locked to a writer");
    const w = setSlots(pub, { kind: "WritableStreamDefaultWriter", stream: s, ready: undefined, closed: undefined });
    s.writer = w;
    const state = s.state;
    if (state === "writable") {
      w.ready = !writableStreamCloseQueuedOrInFlight(s) && s.backpressure ? deferred() : settledDeferred(true, undefined);
      w.closed = deferred();
    } else if (state === "erroring") {
      w.ready = settledDeferred(false, s.storedError);
      w.closed = deferred();
    } else if (state === "closed") {
      w.ready = settledDeferred(true, undefined);
      w.closed = settledDeferred(true, undefined);
    } else {
      w.ready = settledDeferred(false, s.storedError);
      w.closed = settledDeferred(false, s.storedError);
    }
    return w;
  }
  function acquireWriter(s) { return setUpWriter(Object.create(WritableStreamDefaultWriter.prototype), s); }

  function writerCloseWithErrorPropagation(w) {
    const s = w.stream;
    if (writableStreamCloseQueuedOrInFlight(s) || s.state === "closed") return promiseResolve(undefined);
    if (s.state === "errored") return promiseReject(s.storedError);
    return writableStreamClose(s);
  }
  function writerEnsureClosedPromiseRejected(w, error) {
    if (!w.closed.settled) w.closed.reject(error);
    else w.closed = settledDeferred(false, error);
    markHandled(w.closed.promise);
  }
  function writerEnsureReadyPromiseRejected(w, error) {
    if (!w.ready.settled) w.ready.reject(error);
    else w.ready = settledDeferred(false, error);
    markHandled(w.ready.promise);
  }
  function writerGetDesiredSize(w) {
    const state = w.stream.state;
    if (state === "errored" || state === "erroring") return null;
    if (state === "closed") return 0;
    return writableControllerGetDesiredSize(w.stream.controller);
  }
  function writerRelease(w) {
    const released = typeError("This writer was released; its stream can be written by a new writer");
    writerEnsureReadyPromiseRejected(w, released);
    writerEnsureClosedPromiseRejected(w, released);
    w.stream.writer = undefined;
    w.stream = undefined;
  }
  function writerWrite(w, chunk) {
    const s = w.stream;
    const c = s.controller;
    const chunkSize = writableControllerGetChunkSize(c, chunk);
    if (s !== w.stream) return promiseReject(typeError("This writer was released while the chunk's size was computed"));
    const state = s.state;
    if (state === "errored") return promiseReject(s.storedError);
    if (writableStreamCloseQueuedOrInFlight(s) || state === "closed") {
      return promiseReject(typeError("The stream is closing or closed and cannot be written to"));
    }
    if (state === "erroring") return promiseReject(s.storedError);
    const p = writableStreamAddWriteRequest(s);
    writableControllerWrite(c, chunk, chunkSize);
    return p;
  }

  // ---- writable controller (§5.4) ---------------------------------------------

  const closeSentinel = {};

  class WritableStreamDefaultController {
    constructor() { throw typeError("Illegal constructor"); }
    get signal() {
      const c = brand(this, "WritableStreamDefaultController", "WritableStreamDefaultController.signal");
      return c.abortController === undefined ? undefined : c.abortController.signal;
    }
    error(e = undefined) {
      const c = brand(this, "WritableStreamDefaultController", "WritableStreamDefaultController.error");
      if (c.stream.state !== "writable") return;
      writableControllerError(c, e);
    }
  }

  function newWritableController() {
    // AbortController comes from another part of the runtime; streams work
    // without it, with controller.signal undefined.
    const AC = global.AbortController;
    return setSlots(Object.create(WritableStreamDefaultController.prototype), {
      kind: "WritableStreamDefaultController", stream: undefined, queue: undefined, queueTotalSize: 0,
      abortController: typeof AC === "function" ? new AC() : undefined,
      started: false, strategySizeAlgorithm: undefined, strategyHWM: 1,
      writeAlgorithm: undefined, closeAlgorithm: undefined, abortAlgorithm: undefined,
      onWritten: undefined, onWriteFailed: undefined,
      abortSignal(reason) { if (this.abortController !== undefined) this.abortController.abort(reason); },
      abortSteps(reason) {
        const result = this.abortAlgorithm(reason);
        writableControllerClearAlgorithms(this);
        return result;
      },
    });
  }

  function setUpWritableController(s, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
    c.stream = s;
    s.controller = c;
    resetQueue(c);
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = highWaterMark;
    c.writeAlgorithm = writeAlgorithm;
    c.closeAlgorithm = closeAlgorithm;
    c.abortAlgorithm = abortAlgorithm;
    writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
    const startResult = startAlgorithm();
    react(promiseResolve(startResult), () => {
      c.started = true;
      writableControllerAdvanceQueueIfNeeded(c);
    }, (r) => {
      c.started = true;
      writableStreamDealWithRejection(s, r);
    });
  }

  function setUpWritableControllerFromSink(s, sinkObj, sink, highWaterMark, sizeAlgorithm) {
    const c = newWritableController();
    const start = sink.start ? () => sink.start.call(sinkObj, c.pub) : noop;
    const write = sink.write ? (chunk) => promiseCall(sink.write, sinkObj, chunk, c.pub) : () => promiseResolve(undefined);
    const close = sink.close ? () => promiseCall(sink.close, sinkObj) : () => promiseResolve(undefined);
    const abort = sink.abort ? (reason) => promiseCall(sink.abort, sinkObj, reason) : () => promiseResolve(undefined);
    setUpWritableController(s, c, start, write, close, abort, highWaterMark, sizeAlgorithm);
  }

  function writableControllerClearAlgorithms(c) {
    c.writeAlgorithm = undefined;
    c.closeAlgorithm = undefined;
    c.abortAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
  }
  function writableControllerClose(c) {
    enqueueValueWithSize(c, closeSentinel, 0);
    writableControllerAdvanceQueueIfNeeded(c);
  }
  function writableControllerGetChunkSize(c, chunk) {
    if (c.strategySizeAlgorithm === undefined) return 1; // already erroring or closed: the write fails later
    try {
      return c.strategySizeAlgorithm(chunk);
    } catch (e) {
      writableControllerErrorIfNeeded(c, e);
      return 1;
    }
  }
  function writableControllerGetDesiredSize(c) { return c.strategyHWM - c.queueTotalSize; }
  function writableControllerWrite(c, chunk, chunkSize) {
    try {
      enqueueValueWithSize(c, chunk, chunkSize);
    } catch (e) {
      writableControllerErrorIfNeeded(c, e);
      return;
    }
    const s = c.stream;
    if (!writableStreamCloseQueuedOrInFlight(s) && s.state === "writable") {
      writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
    }
    writableControllerAdvanceQueueIfNeeded(c);
  }
  function writableControllerAdvanceQueueIfNeeded(c) {
    const s = c.stream;
    if (!c.started || s.inFlightWriteRequest !== undefined) return;
    if (s.state === "erroring") {
      writableStreamFinishErroring(s);
      return;
    }
    if (c.queue.length === 0) return;
    const value = peekQueueValue(c);
    if (value === closeSentinel) writableControllerProcessClose(c);
    else writableControllerProcessWrite(c, value);
  }
  function writableControllerErrorIfNeeded(c, error) {
    if (c.stream.state === "writable") writableControllerError(c, error);
  }
  function writableControllerProcessClose(c) {
    const s = c.stream;
    s.inFlightCloseRequest = s.closeRequest;
    s.closeRequest = undefined;
    dequeueValue(c);
    const sinkClose = c.closeAlgorithm();
    writableControllerClearAlgorithms(c);
    react(sinkClose, () => writableStreamFinishInFlightClose(s), (r) => writableStreamFinishInFlightCloseWithError(s, r));
  }
  function writableControllerProcessWrite(c, chunk) {
    const s = c.stream;
    s.inFlightWriteRequest = s.writeRequests.shift();
    if (c.onWritten === undefined) {
      // Made once per controller rather than once per write.
      c.onWritten = () => {
        writableStreamFinishInFlightWrite(s);
        const state = s.state;
        dequeueValue(c);
        if (!writableStreamCloseQueuedOrInFlight(s) && state === "writable") {
          writableStreamUpdateBackpressure(s, writableControllerGetBackpressure(c));
        }
        writableControllerAdvanceQueueIfNeeded(c);
      };
      c.onWriteFailed = (reason) => {
        if (s.state === "writable") writableControllerClearAlgorithms(c);
        writableStreamFinishInFlightWriteWithError(s, reason);
      };
    }
    react(c.writeAlgorithm(chunk), c.onWritten, c.onWriteFailed);
  }
  function writableControllerGetBackpressure(c) { return writableControllerGetDesiredSize(c) <= 0; }
  function writableControllerError(c, error) {
    writableControllerClearAlgorithms(c);
    writableStreamStartErroring(c.stream, error);
  }

  // ==== TransformStream (§6) ==================================================

  class TransformStream {
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      const tObj = transformer === undefined ? null : transformer;
      if (tObj !== null && typeof tObj !== "object") throw typeError("TransformStream: transformer must be an object");
      const dict = tObj === null ? {} : tObj;
      const t = {
        cancel: callbackMember(dict, "cancel", "transformer"),
        flush: callbackMember(dict, "flush", "transformer"),
        start: callbackMember(dict, "start", "transformer"),
        transform: callbackMember(dict, "transform", "transformer"),
      };
      if (dict.readableType !== undefined) throw new RangeErrorCtor("TransformStream: transformer.readableType must be undefined");
      if (dict.writableType !== undefined) throw new RangeErrorCtor("TransformStream: transformer.writableType must be undefined");
      const ws = strategyOf(writableStrategy, "TransformStream: writableStrategy");
      const rs = strategyOf(readableStrategy, "TransformStream: readableStrategy");
      const readableHWM = extractHighWaterMark(rs, 0);
      const readableSize = extractSizeAlgorithm(rs);
      const writableHWM = extractHighWaterMark(ws, 1);
      const writableSize = extractSizeAlgorithm(ws);
      const startPromise = deferred();
      const s = initializeTransformStream(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
      setUpTransformControllerFromTransformer(s, tObj, t);
      if (t.start) startPromise.resolve(t.start.call(tObj, s.controller.pub));
      else startPromise.resolve(undefined);
    }
    get readable() { return brand(this, "TransformStream", "TransformStream.readable").readable.pub; }
    get writable() { return brand(this, "TransformStream", "TransformStream.writable").writable.pub; }
  }

  function initializeTransformStream(pub, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
    const s = setSlots(pub, {
      kind: "TransformStream", readable: undefined, writable: undefined, backpressure: undefined,
      backpressureChange: undefined, controller: undefined,
    });
    const start = () => startPromise;
    s.writable = createWritableStream(start,
      (chunk) => transformSinkWrite(s, chunk),
      () => transformSinkClose(s),
      (reason) => transformSinkAbort(s, reason),
      writableHWM, writableSize);
    s.readable = createReadableStream(start,
      () => transformSourcePull(s),
      (reason) => transformSourceCancel(s, reason),
      readableHWM, readableSize);
    transformSetBackpressure(s, true);
    return s;
  }

  function transformError(s, e) {
    defaultControllerError(s.readable.controller, e);
    transformErrorWritableAndUnblockWrite(s, e);
  }
  function transformErrorWritableAndUnblockWrite(s, e) {
    transformControllerClearAlgorithms(s.controller);
    writableControllerErrorIfNeeded(s.writable.controller, e);
    transformUnblockWrite(s);
  }
  function transformUnblockWrite(s) {
    if (s.backpressure) transformSetBackpressure(s, false);
  }
  function transformSetBackpressure(s, backpressure) {
    if (s.backpressureChange !== undefined) s.backpressureChange.resolve(undefined);
    s.backpressureChange = deferred();
    s.backpressure = backpressure;
  }

  class TransformStreamDefaultController {
    constructor() { throw typeError("Illegal constructor"); }
    get desiredSize() {
      const c = brand(this, "TransformStreamDefaultController", "TransformStreamDefaultController.desiredSize");
      return defaultControllerGetDesiredSize(c.stream.readable.controller);
    }
    enqueue(chunk = undefined) {
      transformControllerEnqueue(brand(this, "TransformStreamDefaultController", "TransformStreamDefaultController.enqueue"), chunk);
    }
    error(reason = undefined) {
      transformError(brand(this, "TransformStreamDefaultController", "TransformStreamDefaultController.error").stream, reason);
    }
    terminate() {
      transformControllerTerminate(brand(this, "TransformStreamDefaultController", "TransformStreamDefaultController.terminate"));
    }
  }

  function setUpTransformControllerFromTransformer(s, tObj, t) {
    const c = setSlots(Object.create(TransformStreamDefaultController.prototype), {
      kind: "TransformStreamDefaultController", stream: s, transformAlgorithm: undefined,
      flushAlgorithm: undefined, cancelAlgorithm: undefined, finish: undefined, onTransformFailed: undefined,
    });
    s.controller = c;
    c.transformAlgorithm = t.transform
      ? (chunk) => promiseCall(t.transform, tObj, chunk, c.pub)
      : (chunk) => {
        try {
          transformControllerEnqueue(c, chunk);
          return promiseResolve(undefined);
        } catch (e) {
          return promiseReject(e);
        }
      };
    c.flushAlgorithm = t.flush ? () => promiseCall(t.flush, tObj, c.pub) : () => promiseResolve(undefined);
    c.cancelAlgorithm = t.cancel ? (reason) => promiseCall(t.cancel, tObj, reason) : () => promiseResolve(undefined);
  }

  function transformControllerClearAlgorithms(c) {
    c.transformAlgorithm = undefined;
    c.flushAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
  }
  function transformControllerEnqueue(c, chunk) {
    const s = c.stream;
    const rc = s.readable.controller;
    if (!defaultControllerCanCloseOrEnqueue(rc)) throw typeError("The readable side of this TransformStream is not in a state that permits enqueue");
    try {
      defaultControllerEnqueue(rc, chunk);
    } catch (e) {
      transformErrorWritableAndUnblockWrite(s, e);
      throw s.readable.storedError;
    }
    const backpressure = defaultControllerHasBackpressure(rc);
    if (backpressure !== s.backpressure) transformSetBackpressure(s, true);
  }
  function transformControllerPerformTransform(c, chunk) {
    if (c.onTransformFailed === undefined) {
      c.onTransformFailed = (r) => {
        transformError(c.stream, r);
        throw r;
      };
    }
    return then(c.transformAlgorithm(chunk), undefined, c.onTransformFailed);
  }
  function transformControllerTerminate(c) {
    const s = c.stream;
    defaultControllerClose(s.readable.controller);
    transformErrorWritableAndUnblockWrite(s, typeError("The TransformStream was terminated"));
  }

  function transformSinkWrite(s, chunk) {
    const c = s.controller;
    if (s.backpressure) {
      return then(s.backpressureChange.promise, () => {
        const w = s.writable;
        if (w.state === "erroring") throw w.storedError;
        return transformControllerPerformTransform(c, chunk);
      });
    }
    return transformControllerPerformTransform(c, chunk);
  }
  function transformSinkAbort(s, reason) {
    const c = s.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const readable = s.readable;
    c.finish = deferred();
    const cancelPromise = c.cancelAlgorithm(reason);
    transformControllerClearAlgorithms(c);
    react(cancelPromise, () => {
      if (readable.state === "errored") c.finish.reject(readable.storedError);
      else {
        defaultControllerError(readable.controller, reason);
        c.finish.resolve(undefined);
      }
    }, (r) => {
      defaultControllerError(readable.controller, r);
      c.finish.reject(r);
    });
    return c.finish.promise;
  }
  function transformSinkClose(s) {
    const c = s.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const readable = s.readable;
    c.finish = deferred();
    const flushPromise = c.flushAlgorithm();
    transformControllerClearAlgorithms(c);
    react(flushPromise, () => {
      if (readable.state === "errored") c.finish.reject(readable.storedError);
      else {
        defaultControllerClose(readable.controller);
        c.finish.resolve(undefined);
      }
    }, (r) => {
      defaultControllerError(readable.controller, r);
      c.finish.reject(r);
    });
    return c.finish.promise;
  }
  function transformSourcePull(s) {
    transformSetBackpressure(s, false);
    return s.backpressureChange.promise;
  }
  function transformSourceCancel(s, reason) {
    const c = s.controller;
    if (c.finish !== undefined) return c.finish.promise;
    const writable = s.writable;
    c.finish = deferred();
    const cancelPromise = c.cancelAlgorithm(reason);
    transformControllerClearAlgorithms(c);
    react(cancelPromise, () => {
      if (writable.state === "errored") c.finish.reject(writable.storedError);
      else {
        writableControllerErrorIfNeeded(writable.controller, reason);
        transformUnblockWrite(s);
        c.finish.resolve(undefined);
      }
    }, (r) => {
      writableControllerErrorIfNeeded(writable.controller, r);
      transformUnblockWrite(s);
      c.finish.reject(r);
    });
    return c.finish.promise;
  }

  // ==== queuing strategies (§7) ===============================================

  function strategyInit(init, what) {
    if (init === null || typeof init !== "object") throw typeError(`${what}: argument 1 must be an object with highWaterMark`);
    if (init.highWaterMark === undefined) throw typeError(`${what}: highWaterMark is required`);
    return Number(init.highWaterMark);
  }
  // The size functions are one object per realm, as the spec requires.
  const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
  const countSize = { size() { return 1; } }.size;

  class ByteLengthQueuingStrategy {
    constructor(init) { setSlots(this, { kind: "ByteLengthQueuingStrategy", highWaterMark: strategyInit(init, "ByteLengthQueuingStrategy") }); }
    get highWaterMark() { return brand(this, "ByteLengthQueuingStrategy", "ByteLengthQueuingStrategy.highWaterMark").highWaterMark; }
    get size() { brand(this, "ByteLengthQueuingStrategy", "ByteLengthQueuingStrategy.size"); return byteLengthSize; }
  }
  class CountQueuingStrategy {
    constructor(init) { setSlots(this, { kind: "CountQueuingStrategy", highWaterMark: strategyInit(init, "CountQueuingStrategy") }); }
    get highWaterMark() { return brand(this, "CountQueuingStrategy", "CountQueuingStrategy.highWaterMark").highWaterMark; }
    get size() { brand(this, "CountQueuingStrategy", "CountQueuingStrategy.size"); return countSize; }
  }

  // ==== TextEncoderStream and TextDecoderStream (Encoding §7) =================

  // Captured when present at install time, else looked up on first use, so
  // installing the encoders after the streams works too.
  const capturedEncoder = global.TextEncoder, capturedDecoder = global.TextDecoder;

  class TextEncoderStream {
    constructor() {
      const encoder = new (capturedEncoder || global.TextEncoder)();
      let pendingHigh = ""; // a lead surrogate that ended the previous chunk
      const transform = new TransformStream({
        transform(chunk, controller) {
          let s = pendingHigh + String(chunk);
          pendingHigh = "";
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xD800 && last <= 0xDBFF) {
            pendingHigh = s[s.length - 1];
            s = s.slice(0, -1);
          }
          if (s.length > 0) controller.enqueue(encoder.encode(s));
        },
        flush(controller) {
          if (pendingHigh !== "") controller.enqueue(new Uint8ArrayCtor([0xEF, 0xBF, 0xBD]));
        },
      });
      setSlots(this, { kind: "TextEncoderStream", transform });
    }
    get encoding() { brand(this, "TextEncoderStream", "TextEncoderStream.encoding"); return "utf-8"; }
    get readable() { return brand(this, "TextEncoderStream", "TextEncoderStream.readable").transform.readable; }
    get writable() { return brand(this, "TextEncoderStream", "TextEncoderStream.writable").transform.writable; }
  }

  class TextDecoderStream {
    constructor(label = "utf-8", options = undefined) {
      const decoder = new (capturedDecoder || global.TextDecoder)(label, options);
      const transform = new TransformStream({
        transform(chunk, controller) {
          const s = decoder.decode(chunk, { stream: true });
          if (s !== "") controller.enqueue(s);
        },
        flush(controller) {
          const s = decoder.decode();
          if (s !== "") controller.enqueue(s);
        },
      });
      setSlots(this, { kind: "TextDecoderStream", transform, decoder });
    }
    get encoding() { return brand(this, "TextDecoderStream", "TextDecoderStream.encoding").decoder.encoding; }
    get fatal() { return brand(this, "TextDecoderStream", "TextDecoderStream.fatal").decoder.fatal; }
    get ignoreBOM() { return brand(this, "TextDecoderStream", "TextDecoderStream.ignoreBOM").decoder.ignoreBOM; }
    get readable() { return brand(this, "TextDecoderStream", "TextDecoderStream.readable").transform.readable; }
    get writable() { return brand(this, "TextDecoderStream", "TextDecoderStream.writable").transform.writable; }
  }

  // ==== globals ===============================================================

  const classes = {
    ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController,
    ReadableByteStreamController, ReadableStreamBYOBReader,
    WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
    TransformStream, TransformStreamDefaultController,
    ByteLengthQueuingStrategy, CountQueuingStrategy, TextEncoderStream, TextDecoderStream,
  };
  // js/headers_request_response.js (in runtime) asks whether a body stream was ever read (bodyUsed).
  defineProperty(ReadableStream.prototype, Symbol.for("edgedev.disturbed"), {
    get() { const s = slots(this, "ReadableStream"); return s !== undefined && s.disturbed; },
  });
  for (const name of Object.keys(classes)) {
    const C = classes[name];
    defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
    defineProperty(global, name, { value: C, writable: true, configurable: true, enumerable: false });
  }
})
