// node:stream: Readable, Writable, Duplex, Transform, PassThrough,
// pipeline, finished, Readable.from and the web-stream adapters. Our own
// code, written to behave as Node's lib/internal/streams (readable-stream
// v4 publishes the same code): the same state machine, event order and
// error codes, with nextTick standing in as process.nextTick.
(function (native, E, EventEmitter, Buffer, nextTick) {
  "use strict";

  let defaultHWM = 64 * 1024, defaultObjectHWM = 16;
  const getDefaultHighWaterMark = (objectMode) => (objectMode ? defaultObjectHWM : defaultHWM);
  const setDefaultHighWaterMark = (objectMode, value) => {
    if (typeof value !== "number" || value < 0) throw E.ERR_INVALID_ARG_VALUE("value", value);
    if (objectMode) defaultObjectHWM = value; else defaultHWM = value;
  };
  function highWaterMark(options, duplexKey, isDuplex, objectMode) {
    let hwm = options.highWaterMark;
    if (hwm == null && isDuplex) hwm = options[duplexKey];
    if (hwm == null) return getDefaultHighWaterMark(objectMode);
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex && options[duplexKey] != null ? `options.${duplexKey}` : "options.highWaterMark";
      throw E.ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  const isUint8Array = (v) => v instanceof Uint8Array;
  const toBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
  function inherits(ctor, superCtor) {
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
    Object.setPrototypeOf(ctor, superCtor);
  }
  const kDestroyed = Symbol("kDestroyed");

  // --- legacy Stream --------------------------------------------------------
  function Stream(opts) { EventEmitter.call(this, opts); }
  inherits(Stream, EventEmitter);
  Stream.prototype.pipe = function (dest, options) {
    const source = this;
    function ondata(chunk) { if (dest.writable && dest.write(chunk) === false && source.pause) source.pause(); }
    source.on("data", ondata);
    function ondrain() { if (source.readable && source.resume) source.resume(); }
    dest.on("drain", ondrain);
    if (!dest._isStdio && (!options || options.end !== false)) { source.on("end", onend); source.on("close", onclose); }
    let didOnEnd = false;
    function onend() { if (didOnEnd) return; didOnEnd = true; dest.end(); }
    function onclose() { if (didOnEnd) return; didOnEnd = true; if (typeof dest.destroy === "function") dest.destroy(); }
    function onerror(er) { cleanup(); if (EventEmitter.listenerCount(this, "error") === 0) this.emit("error", er); }
    source.prependListener("error", onerror);
    dest.prependListener("error", onerror);
    function cleanup() {
      source.removeListener("data", ondata); dest.removeListener("drain", ondrain);
      source.removeListener("end", onend); source.removeListener("close", onclose);
      source.removeListener("error", onerror); dest.removeListener("error", onerror);
      source.removeListener("end", cleanup); source.removeListener("close", cleanup); dest.removeListener("close", cleanup);
    }
    source.on("end", cleanup); source.on("close", cleanup); dest.on("close", cleanup);
    dest.emit("pipe", source);
    return dest;
  };

  // --- destroy --------------------------------------------------------------
  function destroyImpl(err, cb) {
    const r = this._readableState, w = this._writableState;
    const s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
      if (typeof cb === "function") cb();
      return this;
    }
    checkError(err, w, r);
    if (w) w.destroyed = true;
    if (r) r.destroyed = true;
    if (!s.constructed) {
      this.once(kDestroyed, (er) => _destroy(this, aggregate(er, err), cb));
    } else {
      _destroy(this, err, cb);
    }
    return this;
  }
  function aggregate(a, b) { return a || b; }
  function checkError(err, w, r) {
    if (err) {
      err.stack; // eslint-disable-line no-unused-expressions
      if (w && !w.errored) w.errored = err;
      if (r && !r.errored) r.errored = err;
    }
  }
  function _destroy(self, err, cb) {
    let called = false;
    function onDestroy(err) {
      if (called) return;
      called = true;
      const r = self._readableState, w = self._writableState;
      checkError(err, w, r);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === "function") cb(err);
      if (err) nextTick(emitErrorCloseNT, self, err);
      else nextTick(emitCloseNT, self);
    }
    try { self._destroy(err || null, onDestroy); } catch (e) { onDestroy(e); }
  }
  function emitErrorCloseNT(self, err) { emitErrorNT(self, err); emitCloseNT(self); }
  function emitCloseNT(self) {
    const r = self._readableState, w = self._writableState;
    if (w) w.closeEmitted = true;
    if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) self.emit("close");
  }
  function emitErrorNT(self, err) {
    const r = self._readableState, w = self._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true;
    if (r) r.errorEmitted = true;
    self.emit("error", err);
  }
  function undestroy() {
    const r = this._readableState, w = this._writableState;
    if (r) {
      r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false; r.errored = null;
      r.errorEmitted = false; r.reading = false; r.ended = r.readable === false; r.endEmitted = r.readable === false;
    }
    if (w) {
      w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false; w.errored = null;
      w.errorEmitted = false; w.finalCalled = false; w.prefinished = false; w.ended = w.writable === false;
      w.ending = w.writable === false; w.finished = w.writable === false;
    }
  }
  function errorOrDestroy(stream, err, sync) {
    const r = stream._readableState, w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(err);
    else if (err) {
      checkError(err, w, r);
      if (sync) nextTick(emitErrorNT, stream, err); else emitErrorNT(stream, err);
    }
  }
  function construct(stream, cb) {
    if (typeof stream._construct !== "function") return;
    const r = stream._readableState, w = stream._writableState;
    if (r) r.constructed = false;
    if (w) w.constructed = false;
    stream.once("kConstruct", cb);
    if (stream.listenerCount(kDestroyed) > 1) return;
    nextTick(() => {
      let called = false;
      function onConstruct(err) {
        if (called) { errorOrDestroy(stream, err || E.ERR_MULTIPLE_CALLBACK()); return; }
        called = true;
        if (r) r.constructed = true;
        if (w) w.constructed = true;
        if (err) errorOrDestroy(stream, err, true);
        else nextTick(() => stream.emit("kConstruct"));
        stream.emit(kDestroyed, err);
      }
      try { stream._construct((err) => nextTick(onConstruct, err)); } catch (err) { nextTick(onConstruct, err); }
    });
  }

  // --- Readable -------------------------------------------------------------
  function ReadableState(options, stream, isDuplex) {
    options = options || {};
    if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
    this.objectMode = !!(options.objectMode || (isDuplex && options.readableObjectMode));
    this.highWaterMark = highWaterMark(options, "readableHighWaterMark", isDuplex, this.objectMode);
    this.buffer = [];
    this.bufferIndex = 0;
    this.length = 0;
    this.pipes = [];
    this.flowing = null;
    this.ended = false;
    this.endEmitted = false;
    this.reading = false;
    this.constructed = true;
    this.sync = true;
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this.errorEmitted = false;
    this.emitClose = options.emitClose !== false;
    this.autoDestroy = options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.defaultEncoding = options.defaultEncoding || "utf8";
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.decoder = null;
    this.encoding = null;
    if (options.encoding) { this.decoder = new native.StringDecoder(options.encoding); this.encoding = options.encoding; }
  }

  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    const isDuplex = this instanceof Duplex;
    this._readableState = new ReadableState(options, this, isDuplex);
    if (options) {
      if (typeof options.read === "function") this._read = options.read;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => { if (this._readableState.needReadable) maybeReadMore(this, this._readableState); });
  }
  inherits(Readable, Stream);
  Readable.ReadableState = ReadableState;
  Readable.prototype.destroy = destroyImpl;
  Readable.prototype._undestroy = undestroy;
  Readable.prototype._destroy = function (err, cb) { cb(err); };
  Readable.prototype[EventEmitter.captureRejectionSymbol || Symbol("captureRejection")] = function (err) { this.destroy(err); };
  Readable.prototype.push = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, false); };
  Readable.prototype.unshift = function (chunk, encoding) { return readableAddChunk(this, chunk, encoding, true); };

  function readableAddChunk(stream, chunk, encoding, addToFront) {
    const state = stream._readableState;
    let err;
    if (!state.objectMode) {
      if (typeof chunk === "string") {
        encoding = encoding || state.defaultEncoding;
        if (state.encoding !== encoding) {
          if (addToFront && state.encoding) chunk = Buffer.from(chunk, encoding).toString(state.encoding);
          else { chunk = Buffer.from(chunk, encoding); encoding = ""; }
        }
      } else if (chunk instanceof Buffer) {
        encoding = "";
      } else if (isUint8Array(chunk)) {
        chunk = toBuffer(chunk); encoding = "";
      } else if (chunk != null) {
        err = E.ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "Uint8Array"], chunk);
      }
    }
    if (err) {
      errorOrDestroy(stream, err);
    } else if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
    } else if (state.objectMode || (chunk && chunk.length > 0)) {
      if (addToFront) {
        if (state.endEmitted) errorOrDestroy(stream, E.ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
        else if (state.destroyed || state.errored) return false;
        else addChunk(stream, state, chunk, true);
      } else if (state.ended) {
        errorOrDestroy(stream, E.ERR_STREAM_PUSH_AFTER_EOF());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        state.reading = false;
        if (state.decoder && !encoding) {
          chunk = state.decoder.write(chunk);
          if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
          else maybeReadMore(stream, state);
        } else {
          addChunk(stream, state, chunk, false);
        }
      }
    } else if (!addToFront) {
      state.reading = false;
      maybeReadMore(stream, state);
    }
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }

  function addChunk(stream, state, chunk, addToFront) {
    if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount("data") > 0) {
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear(); else state.awaitDrainWriters = null;
      state.dataEmitted = true;
      stream.emit("data", chunk);
    } else {
      state.length += state.objectMode ? 1 : chunk.length;
      if (addToFront) state.buffer.splice(state.bufferIndex, 0, chunk);
      else state.buffer.push(chunk);
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
  }

  Readable.prototype.isPaused = function () {
    const s = this._readableState;
    return s.paused === true || s.flowing === false;
  };
  Readable.prototype.setEncoding = function (enc) {
    const decoder = new native.StringDecoder(enc);
    const state = this._readableState;
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    let content = "";
    for (let i = state.bufferIndex; i < state.buffer.length; i++) content += decoder.write(state.buffer[i]);
    state.buffer = content !== "" ? [content] : [];
    state.bufferIndex = 0;
    state.length = content.length;
    return this;
  };

  const MAX_HWM = 0x40000000;
  function computeNewHighWaterMark(n) {
    if (n > MAX_HWM) throw E.ERR_OUT_OF_RANGE("size", "<= 1GiB", n);
    n--; n |= n >>> 1; n |= n >>> 2; n |= n >>> 4; n |= n >>> 8; n |= n >>> 16; n++;
    return n;
  }
  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (Number.isNaN(n)) {
      if (state.flowing && state.length) return state.objectMode ? 1 : chunkLen(state.buffer[state.bufferIndex]);
      return state.length;
    }
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }
  const chunkLen = (c) => c.length;

  Readable.prototype.read = function (n) {
    if (n === undefined) n = NaN;
    else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
    const state = this._readableState;
    const nOrig = n;
    if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
    if (n !== 0) state.emittedReadable = false;
    if (n === 0 && state.needReadable &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      if (state.length === 0 && state.ended) endReadable(this); else emitReadable(this);
      return null;
    }
    n = howMuchToRead(n, state);
    if (n === 0 && state.ended) {
      if (state.length === 0) endReadable(this);
      return null;
    }
    let doRead = state.needReadable;
    if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
    if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
      doRead = false;
    } else if (doRead) {
      state.reading = true;
      state.sync = true;
      if (state.length === 0) state.needReadable = true;
      try { this._read(state.highWaterMark); } catch (err) { errorOrDestroy(this, err); }
      state.sync = false;
      if (!state.reading) n = howMuchToRead(nOrig, state);
    }
    let ret;
    if (n > 0) ret = fromList(n, state); else ret = null;
    if (ret === null) {
      state.needReadable = state.length <= state.highWaterMark;
      n = 0;
    } else {
      state.length -= n;
      if (state.multiAwaitDrain) state.awaitDrainWriters.clear(); else state.awaitDrainWriters = null;
    }
    if (state.length === 0) {
      if (!state.ended) state.needReadable = true;
      if (nOrig !== n && state.ended) endReadable(this);
    }
    if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
      state.dataEmitted = true;
      this.emit("data", ret);
    }
    return ret;
  };

  function fromList(n, state) {
    if (state.length === 0) return null;
    const buf = state.buffer;
    let idx = state.bufferIndex;
    let ret;
    if (state.objectMode) {
      ret = buf[idx]; buf[idx++] = null;
    } else if (!n || n >= state.length) {
      if (state.decoder) { ret = ""; while (idx < buf.length) { ret += buf[idx]; buf[idx++] = null; } }
      else if (buf.length - idx === 1) { ret = buf[idx]; buf[idx++] = null; }
      else { ret = Buffer.concat(buf.slice(idx), state.length); idx = buf.length; }
    } else if (n < buf[idx].length) {
      ret = buf[idx].slice(0, n);
      buf[idx] = buf[idx].slice(n);
    } else if (n === buf[idx].length) {
      ret = buf[idx]; buf[idx++] = null;
    } else if (state.decoder) {
      ret = "";
      while (idx < buf.length) {
        const str = buf[idx];
        if (n > str.length) { ret += str; n -= str.length; buf[idx++] = null; }
        else { if (n === str.length) { ret += str; buf[idx++] = null; } else { ret += str.slice(0, n); buf[idx] = str.slice(n); } break; }
      }
    } else {
      ret = Buffer.allocUnsafe(n);
      const retLen = n;
      while (idx < buf.length) {
        const data = buf[idx];
        if (n > data.length) { ret.set(data, retLen - n); n -= data.length; buf[idx++] = null; }
        else {
          if (n === data.length) { ret.set(data, retLen - n); buf[idx++] = null; }
          else { ret.set(new Uint8Array(data.buffer, data.byteOffset, n), retLen - n); buf[idx] = data.slice(n); }
          break;
        }
      }
    }
    if (idx === buf.length) { state.buffer = []; state.bufferIndex = 0; }
    else if (idx > 1024) { state.buffer = buf.slice(idx); state.bufferIndex = 0; }
    else state.bufferIndex = idx;
    return ret;
  }

  function onEofChunk(stream, state) {
    if (state.ended) return;
    if (state.decoder) {
      const chunk = state.decoder.end();
      if (chunk && chunk.length) { state.buffer.push(chunk); state.length += state.objectMode ? 1 : chunk.length; }
    }
    state.ended = true;
    if (state.sync) emitReadable(stream);
    else { state.needReadable = false; state.emittedReadable = true; emitReadable_(stream); }
  }
  function emitReadable(stream) {
    const state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) { state.emittedReadable = true; nextTick(emitReadable_, stream); }
  }
  function emitReadable_(stream) {
    const state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) {
      stream.emit("readable");
      state.emittedReadable = false;
    }
    state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
    flow(stream);
  }
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) { state.readingMore = true; nextTick(maybeReadMore_, stream, state); }
  }
  function maybeReadMore_(stream, state) {
    while (!state.reading && !state.ended &&
      (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
      const len = state.length;
      stream.read(0);
      if (len === state.length) break;
    }
    state.readingMore = false;
  }
  Readable.prototype._read = function (n) { throw E.ERR_METHOD_NOT_IMPLEMENTED("_read()"); };

  Readable.prototype.pipe = function (dest, pipeOpts) {
    const src = this, state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);
    const doEnd = !pipeOpts || pipeOpts.end !== false;
    const endFn = doEnd ? onend : unpipe;
    if (state.endEmitted) nextTick(endFn); else src.once("end", endFn);
    dest.on("unpipe", onunpipe);
    function onunpipe(readable, unpipeInfo) {
      if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) { unpipeInfo.hasUnpiped = true; cleanup(); }
    }
    function onend() { dest.end(); }
    let ondrain, cleanedUp = false;
    function cleanup() {
      dest.removeListener("close", onclose); dest.removeListener("finish", onfinish);
      if (ondrain) dest.removeListener("drain", ondrain);
      dest.removeListener("error", onerror); dest.removeListener("unpipe", onunpipe);
      src.removeListener("end", onend); src.removeListener("end", unpipe); src.removeListener("data", ondata);
      cleanedUp = true;
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }
    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) { state.awaitDrainWriters = dest; state.multiAwaitDrain = false; }
        else if (state.pipes.length > 1 && state.pipes.includes(dest)) state.awaitDrainWriters.add(dest);
        src.pause();
      }
      if (!ondrain) { ondrain = pipeOnDrain(src, dest); dest.on("drain", ondrain); }
    }
    src.on("data", ondata);
    function ondata(chunk) {
      const ret = dest.write(chunk);
      if (ret === false) pause();
    }
    function onerror(er) {
      unpipe();
      dest.removeListener("error", onerror);
      if (dest.listenerCount("error") === 0) {
        const s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) errorOrDestroy(dest, er); else dest.emit("error", er);
      }
    }
    prependListener(dest, "error", onerror);
    function onclose() { dest.removeListener("finish", onfinish); unpipe(); }
    dest.once("close", onclose);
    function onfinish() { dest.removeListener("close", onclose); unpipe(); }
    dest.once("finish", onfinish);
    function unpipe() { src.unpipe(dest); }
    dest.emit("pipe", src);
    if (dest.writableNeedDrain === true) pause();
    else if (!state.flowing) src.resume();
    return dest;
  };
  function prependListener(emitter, event, fn) {
    if (typeof emitter.prependListener === "function") return emitter.prependListener(event, fn);
    emitter.on(event, fn);
  }
  function pipeOnDrain(src, dest) {
    return function () {
      const state = src._readableState;
      if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
      else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
      if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount("data")) src.resume();
    };
  }
  Readable.prototype.unpipe = function (dest) {
    const state = this._readableState;
    const info = { hasUnpiped: false };
    if (state.pipes.length === 0) return this;
    if (!dest) {
      const dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (const d of dests) d.emit("unpipe", this, { hasUnpiped: false });
      return this;
    }
    const index = state.pipes.indexOf(dest);
    if (index === -1) return this;
    state.pipes.splice(index, 1);
    if (state.pipes.length === 0) this.pause();
    dest.emit("unpipe", this, info);
    return this;
  };
  Readable.prototype.on = function (ev, fn) {
    const res = Stream.prototype.on.call(this, ev, fn);
    const state = this._readableState;
    if (ev === "data") {
      state.readableListening = this.listenerCount("readable") > 0;
      if (state.flowing !== false) this.resume();
    } else if (ev === "readable") {
      if (!state.endEmitted && !state.readableListening) {
        state.readableListening = state.needReadable = true;
        state.flowing = false;
        state.emittedReadable = false;
        if (state.length) emitReadable(this);
        else if (!state.reading) nextTick(nReadingNextTick, this);
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;
  Readable.prototype.removeListener = function (ev, fn) {
    const res = Stream.prototype.removeListener.call(this, ev, fn);
    if (ev === "readable") nextTick(updateReadableListening, this);
    return res;
  };
  Readable.prototype.off = Readable.prototype.removeListener;
  Readable.prototype.removeAllListeners = function (ev) {
    const res = Stream.prototype.removeAllListeners.apply(this, arguments);
    if (ev === "readable" || ev === undefined) nextTick(updateReadableListening, this);
    return res;
  };
  function updateReadableListening(self) {
    const state = self._readableState;
    state.readableListening = self.listenerCount("readable") > 0;
    if (state.resumeScheduled && state.paused === false) state.flowing = true;
    else if (self.listenerCount("data") > 0) self.resume();
    else if (!state.readableListening) state.flowing = null;
  }
  function nReadingNextTick(self) { self.read(0); }
  Readable.prototype.resume = function () {
    const state = this._readableState;
    if (!state.flowing) {
      state.flowing = !state.readableListening;
      if (!state.resumeScheduled) { state.resumeScheduled = true; nextTick(resume_, this, state); }
    }
    state.paused = false;
    return this;
  };
  function resume_(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit("resume");
    flow(stream);
    if (state.flowing && !state.reading) stream.read(0);
  }
  Readable.prototype.pause = function () {
    const state = this._readableState;
    if (state.flowing !== false) { state.flowing = false; this.emit("pause"); }
    state.paused = true;
    return this;
  };
  function flow(stream) {
    const state = stream._readableState;
    while (state.flowing && stream.read() !== null);
  }
  Readable.prototype.wrap = function (stream) {
    let paused = false;
    stream.on("data", (chunk) => { if (!this.push(chunk) && stream.pause) { paused = true; stream.pause(); } });
    stream.on("end", () => this.push(null));
    stream.on("error", (err) => errorOrDestroy(this, err));
    stream.on("close", () => this.destroy());
    stream.on("destroy", () => this.destroy());
    this._read = () => { if (paused && stream.resume) { paused = false; stream.resume(); } };
    return this;
  };
  Readable.prototype[Symbol.asyncIterator] = function () { return streamToAsyncIterator(this); };
  Readable.prototype.iterator = function (options) { return streamToAsyncIterator(this, options); };
  function streamToAsyncIterator(stream, options) {
    if (typeof stream.read !== "function") stream = Readable.wrap(stream, { objectMode: true });
    const destroyOnReturn = !options || options.destroyOnReturn !== false;
    let callback = nop;
    let error, done = false;
    function next(resolve) { if (this === stream) { callback(); callback = nop; } else callback = resolve; }
    stream.on("readable", next);
    const cleanup = eos(stream, { writable: false }, (err) => {
      error = err ? aggregate(error, err) : null;
      callback();
      callback = nop;
    });
    const it = {
      async next() {
        for (;;) {
          const chunk = stream.destroyed ? null : stream.read();
          if (chunk !== null) return { value: chunk, done: false };
          if (error) throw error;
          if (error === null || done) return { value: undefined, done: true };
          await new Promise(next);
        }
      },
      async return() {
        done = true;
        if ((error === undefined || stream._readableState.autoDestroy) && destroyOnReturn) {
          if (error === undefined || stream._readableState.autoDestroy) destroyer(stream, null);
        } else {
          stream.off("readable", next);
          cleanup();
        }
        return { value: undefined, done: true };
      },
      async throw(e) { await it.return(); throw e; },
      [Symbol.asyncIterator]() { return this; },
    };
    const origNext = it.next;
    it.next = async function () {
      try {
        const r = await origNext();
        if (r.done) finishIt();
        return r;
      } catch (e) { finishIt(); throw e; }
    };
    function finishIt() {
      if (done) return;
      done = true;
      if ((error === undefined || stream._readableState.autoDestroy) && destroyOnReturn) destroyer(stream, null);
      else { stream.off("readable", next); cleanup(); }
    }
    return it;
  }
  function nop() {}

  function defineGetter(proto, name, get, set) {
    Object.defineProperty(proto, name, { get, set, enumerable: false, configurable: true });
  }
  defineGetter(Readable.prototype, "readable", function () {
    const r = this._readableState;
    return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
  }, function (val) { if (this._readableState) this._readableState.readable = !!val; });
  defineGetter(Readable.prototype, "readableDidRead", function () { return this._readableState.dataEmitted; });
  defineGetter(Readable.prototype, "readableAborted", function () {
    const r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  });
  defineGetter(Readable.prototype, "readableHighWaterMark", function () { return this._readableState.highWaterMark; });
  defineGetter(Readable.prototype, "readableBuffer", function () { const s = this._readableState; return s && s.buffer.slice(s.bufferIndex); });
  defineGetter(Readable.prototype, "readableFlowing", function () { return this._readableState.flowing; }, function (v) { if (this._readableState) this._readableState.flowing = v; });
  defineGetter(Readable.prototype, "readableLength", function () { return this._readableState.length; });
  defineGetter(Readable.prototype, "readableObjectMode", function () { return this._readableState ? this._readableState.objectMode : false; });
  defineGetter(Readable.prototype, "readableEncoding", function () { return this._readableState ? this._readableState.encoding : null; });
  defineGetter(Readable.prototype, "errored", function () { return this._readableState ? this._readableState.errored : null; });
  defineGetter(Readable.prototype, "closed", function () { return this._readableState ? this._readableState.closed : false; });
  defineGetter(Readable.prototype, "destroyed", function () { return this._readableState ? this._readableState.destroyed : false; },
    function (v) { if (this._readableState) this._readableState.destroyed = v; });
  defineGetter(Readable.prototype, "readableEnded", function () { return this._readableState ? this._readableState.endEmitted : false; });

  function endReadable(stream) {
    const state = stream._readableState;
    if (!state.endEmitted) { state.ended = true; nextTick(endReadableNT, state, stream); }
  }
  function endReadableNT(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit("end");
      if (stream.writable && stream.allowHalfOpen === false) nextTick(endWritableNT, stream);
      else if (state.autoDestroy) {
        const w = stream._writableState;
        const autoDestroy = !w || (w.autoDestroy && (w.finished || w.writable === false));
        if (autoDestroy) stream.destroy();
      }
    }
  }
  function endWritableNT(stream) {
    const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
    if (writable) stream.end();
  }

  Readable.from = function (iterable, opts) { return from(Readable, iterable, opts); };
  function from(Readable, iterable, opts) {
    let iterator;
    if (typeof iterable === "string" || iterable instanceof Buffer) {
      return new Readable({ objectMode: true, ...opts, read() { this.push(iterable); this.push(null); } });
    }
    let isAsync;
    if (iterable && iterable[Symbol.asyncIterator]) { isAsync = true; iterator = iterable[Symbol.asyncIterator](); }
    else if (iterable && iterable[Symbol.iterator]) { isAsync = false; iterator = iterable[Symbol.iterator](); }
    else throw E.ERR_INVALID_ARG_TYPE("iterable", ["Iterable"], iterable);
    const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
    let reading = false, isAsyncValues = false;
    readable._read = function () { if (!reading) { reading = true; next(); } };
    readable._destroy = function (error, cb) {
      close(error).then(() => nextTick(cb, error), (e) => nextTick(cb, e || error));
    };
    async function close(error) {
      const hadError = error !== undefined && error !== null;
      const hasThrow = typeof iterator.throw === "function";
      if (hadError && hasThrow) {
        const { value, done } = await iterator.throw(error);
        await value;
        if (done) return;
      }
      if (typeof iterator.return === "function") { const { value } = await iterator.return(); await value; }
    }
    async function next() {
      for (;;) {
        try {
          const { value, done } = isAsync ? await iterator.next() : iterator.next();
          if (done) { readable.push(null); }
          else {
            const res = value && typeof value.then === "function" ? await value : value;
            if (res === null) { reading = false; throw E.ERR_STREAM_NULL_VALUES(); }
            else if (readable.push(res)) continue;
            else reading = false;
          }
        } catch (err) { readable.destroy(err); }
        break;
      }
    }
    return readable;
  }
  Readable.wrap = function (src, options) {
    return new Readable({ objectMode: src.readableObjectMode ?? src.objectMode ?? true, ...options,
      destroy(err, callback) { destroyer(src, err); callback(err); } }).wrap(src);
  };

  // Readable helpers (Node's stream/operators, the common ones). goja has
  // neither for-await nor async generators, so these walk the iterator by
  // hand.
  function getIterator(iterable) {
    if (iterable[Symbol.asyncIterator]) return iterable[Symbol.asyncIterator]();
    const it = iterable[Symbol.iterator]();
    return { next: () => Promise.resolve(it.next()).then(async (r) => ({ value: await r.value, done: r.done })), return: it.return && (() => Promise.resolve(it.return())) };
  }
  // each calls fn(value) for every value until fn returns true (stop).
  async function each(iterable, fn) {
    const it = getIterator(iterable);
    for (;;) {
      const { value, done } = await it.next();
      if (done) return;
      let stop;
      try { stop = await fn(value); } catch (e) { if (it.return) await it.return(); throw e; }
      if (stop === true) { if (it.return) await it.return(); return; }
    }
  }
  // mapped is an async iterable of step(value) results, skipping the
  // value when step returns skip and ending when it returns stop.
  const skip = Symbol("skip"), stop = Symbol("stop");
  function mapped(src, step) {
    return {
      [Symbol.asyncIterator]() {
        const it = getIterator(src);
        let ended = false;
        return {
          async next() {
            while (!ended) {
              const r = await it.next();
              if (r.done) { ended = true; break; }
              const v = await step(r.value);
              if (v === stop) { ended = true; if (it.return) await it.return(); break; }
              if (v !== skip) return { value: v, done: false };
            }
            return { value: undefined, done: true };
          },
          async return() { ended = true; if (it.return) await it.return(); return { value: undefined, done: true }; },
        };
      },
    };
  }
  Readable.prototype.toArray = async function (options) {
    const out = [];
    await each(this, (v) => { if (options && options.signal && options.signal.aborted) throw E.ERR_ABORT(); out.push(v); });
    return out;
  };
  Readable.prototype.forEach = async function (fn, options) {
    await each(this, async (v) => { await fn(v, { signal: options && options.signal }); });
  };
  Readable.prototype.map = function (fn, options) {
    return Readable.from(mapped(this, (v) => fn(v, { signal: options && options.signal })));
  };
  Readable.prototype.filter = function (fn, options) {
    return Readable.from(mapped(this, async (v) => ((await fn(v, { signal: options && options.signal })) ? v : skip)));
  };
  Readable.prototype.take = function (n) {
    let i = 0;
    return Readable.from(mapped(this, (v) => (i++ < n ? v : stop)));
  };
  Readable.prototype.drop = function (n) {
    let i = 0;
    return Readable.from(mapped(this, (v) => (i++ >= n ? v : skip)));
  };
  Readable.prototype.reduce = async function (fn, initial) {
    let acc = initial, first = arguments.length < 2;
    await each(this, async (v) => { if (first) { acc = v; first = false; } else acc = await fn(acc, v); });
    return acc;
  };
  Readable.prototype.some = async function (fn) {
    let found = false;
    await each(this, async (v) => { if (await fn(v)) { found = true; return true; } });
    return found;
  };
  Readable.prototype.every = async function (fn) {
    let all = true;
    await each(this, async (v) => { if (!(await fn(v))) { all = false; return true; } });
    return all;
  };
  Readable.prototype.find = async function (fn) {
    let found;
    await each(this, async (v) => { if (await fn(v)) { found = v; return true; } });
    return found;
  };

  // --- Writable -------------------------------------------------------------
  function WritableState(options, stream, isDuplex) {
    options = options || {};
    if (typeof isDuplex !== "boolean") isDuplex = stream instanceof Duplex;
    this.objectMode = !!(options.objectMode || (isDuplex && options.writableObjectMode));
    this.highWaterMark = highWaterMark(options, "writableHighWaterMark", isDuplex, this.objectMode);
    this.finalCalled = false;
    this.needDrain = false;
    this.ending = false;
    this.ended = false;
    this.finished = false;
    this.destroyed = false;
    this.decodeStrings = options.decodeStrings !== false;
    this.defaultEncoding = options.defaultEncoding || "utf8";
    this.length = 0;
    this.writing = false;
    this.corked = 0;
    this.sync = true;
    this.bufferProcessing = false;
    this.onwrite = onwrite.bind(undefined, stream);
    this.writecb = null;
    this.writelen = 0;
    this.afterWriteTickInfo = null;
    this.buffered = [];
    this.bufferedIndex = 0;
    this.allBuffers = true;
    this.allNoop = true;
    this.pendingcb = 0;
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = options.emitClose !== false;
    this.autoDestroy = options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this[kOnFinished] = [];
  }
  const kOnFinished = Symbol("kOnFinished");
  WritableState.prototype.getBuffer = function () { return this.buffered.slice(this.bufferedIndex); };
  Object.defineProperty(WritableState.prototype, "bufferedRequestCount", { get() { return this.buffered.length - this.bufferedIndex; } });

  function Writable(options) {
    const isDuplex = this instanceof Duplex;
    if (!isDuplex && !(this instanceof Writable)) return new Writable(options);
    this._writableState = new WritableState(options, this, isDuplex);
    if (options) {
      if (typeof options.write === "function") this._write = options.write;
      if (typeof options.writev === "function") this._writev = options.writev;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.final === "function") this._final = options.final;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    }
    Stream.call(this, options);
    construct(this, () => {
      const state = this._writableState;
      if (!state.writing) clearBuffer(this, state);
      finishMaybe(this, state);
    });
  }
  inherits(Writable, Stream);
  Writable.WritableState = WritableState;
  Object.defineProperty(Writable, Symbol.hasInstance, {
    value(object) {
      if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
      if (this !== Writable) return false;
      return !!(object && object._writableState instanceof WritableState);
    },
  });
  Writable.prototype.pipe = function () { errorOrDestroy(this, E.ERR_STREAM_CANNOT_PIPE()); };

  function _write(stream, chunk, encoding, cb) {
    const state = stream._writableState;
    if (typeof encoding === "function") { cb = encoding; encoding = state.defaultEncoding; }
    else {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== "buffer" && !Buffer.isEncoding(encoding)) throw E.ERR_UNKNOWN_ENCODING(encoding);
      if (typeof cb !== "function") cb = nop;
    }
    if (chunk === null) throw E.ERR_STREAM_NULL_VALUES();
    else if (!state.objectMode) {
      if (typeof chunk === "string") {
        if (state.decodeStrings !== false) { chunk = Buffer.from(chunk, encoding); encoding = "buffer"; }
      } else if (chunk instanceof Buffer) encoding = "buffer";
      else if (isUint8Array(chunk)) { chunk = toBuffer(chunk); encoding = "buffer"; }
      else throw E.ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "Uint8Array"], chunk);
    }
    let err;
    if (state.ending) err = E.ERR_STREAM_WRITE_AFTER_END();
    else if (state.destroyed) err = E.ERR_STREAM_DESTROYED("write");
    if (err) { nextTick(cb, err); errorOrDestroy(stream, err, true); return err; }
    state.pendingcb++;
    return writeOrBuffer(stream, state, chunk, encoding, cb);
  }
  Writable.prototype.write = function (chunk, encoding, cb) { return _write(this, chunk, encoding, cb) === true; };
  Writable.prototype.cork = function () { this._writableState.corked++; };
  Writable.prototype.uncork = function () {
    const state = this._writableState;
    if (state.corked) { state.corked--; if (!state.writing) clearBuffer(this, state); }
  };
  Writable.prototype.setDefaultEncoding = function (encoding) {
    if (typeof encoding === "string") encoding = encoding.toLowerCase();
    if (!Buffer.isEncoding(encoding)) throw E.ERR_UNKNOWN_ENCODING(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
  };
  function writeOrBuffer(stream, state, chunk, encoding, callback) {
    const len = state.objectMode ? 1 : chunk.length;
    state.length += len;
    const ret = state.length < state.highWaterMark;
    if (!ret) state.needDrain = true;
    if (state.writing || state.corked || state.errored || !state.constructed) {
      state.buffered.push({ chunk, encoding, callback });
      if (state.allBuffers && encoding !== "buffer") state.allBuffers = false;
      if (state.allNoop && callback !== nop) state.allNoop = false;
    } else {
      state.writelen = len;
      state.writecb = callback;
      state.writing = true;
      state.sync = true;
      stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    return ret && !state.errored && !state.destroyed;
  }
  function doWrite(stream, state, writev, len, chunk, encoding, cb) {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    if (state.destroyed) state.onwrite(E.ERR_STREAM_DESTROYED("write"));
    else if (writev) stream._writev(chunk, state.onwrite);
    else stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }
  function onwriteError(stream, state, er, cb) {
    --state.pendingcb;
    cb(er);
    errorBuffer(state);
    errorOrDestroy(stream, er);
  }
  function onwrite(stream, er) {
    const state = stream._writableState;
    const sync = state.sync;
    const cb = state.writecb;
    if (typeof cb !== "function") { errorOrDestroy(stream, E.ERR_MULTIPLE_CALLBACK()); return; }
    state.writing = false;
    state.writecb = null;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      er.stack; // eslint-disable-line no-unused-expressions
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
    } else {
      if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
      if (sync) {
        if (state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) state.afterWriteTickInfo.count++;
        else { state.afterWriteTickInfo = { count: 1, cb, stream, state }; nextTick(afterWriteTick, state.afterWriteTickInfo); }
      } else afterWrite(stream, state, 1, cb);
    }
  }
  function afterWriteTick({ stream, state, count, cb }) { state.afterWriteTickInfo = null; return afterWrite(stream, state, count, cb); }
  function afterWrite(stream, state, count, cb) {
    const needDrain = !state.ending && !stream.destroyed && state.length === 0 && state.needDrain;
    if (needDrain) { state.needDrain = false; stream.emit("drain"); }
    while (count-- > 0) { state.pendingcb--; cb(null); }
    if (state.destroyed) errorBuffer(state);
    finishMaybe(stream, state);
  }
  function errorBuffer(state) {
    if (state.writing) return;
    for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
      const { chunk, callback } = state.buffered[n];
      const len = state.objectMode ? 1 : chunk.length;
      state.length -= len;
      callback(state.errored || E.ERR_STREAM_DESTROYED("write"));
    }
    const onfinishCallbacks = state[kOnFinished].splice(0);
    for (const f of onfinishCallbacks) f(state.errored || E.ERR_STREAM_DESTROYED("end"));
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  }
  function clearBuffer(stream, state) {
    if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
    const { buffered, bufferedIndex, objectMode } = state;
    const bufferedLength = buffered.length - bufferedIndex;
    if (!bufferedLength) return;
    let i = bufferedIndex;
    state.bufferProcessing = true;
    if (bufferedLength > 1 && stream._writev) {
      state.pendingcb -= bufferedLength - 1;
      const callback = state.allNoop ? nop : (err) => {
        for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
      };
      const chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
      chunks.allBuffers = state.allBuffers;
      doWrite(stream, state, true, state.length, chunks, "", callback);
      state.buffered = [];
      state.bufferedIndex = 0;
      state.allBuffers = true;
      state.allNoop = true;
    } else {
      do {
        const { chunk, encoding, callback } = buffered[i];
        buffered[i++] = null;
        const len = objectMode ? 1 : chunk.length;
        doWrite(stream, state, false, len, chunk, encoding, callback);
      } while (i < buffered.length && !state.writing);
      if (i === buffered.length) { state.buffered = []; state.bufferedIndex = 0; state.allBuffers = true; state.allNoop = true; }
      else if (i > 256) { buffered.splice(0, i); state.bufferedIndex = 0; }
      else state.bufferedIndex = i;
    }
    state.bufferProcessing = false;
  }
  Writable.prototype._write = function (chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk, encoding }], cb);
    else throw E.ERR_METHOD_NOT_IMPLEMENTED("_write()");
  };
  Writable.prototype._writev = null;
  Writable.prototype.end = function (chunk, encoding, cb) {
    const state = this._writableState;
    if (typeof chunk === "function") { cb = chunk; chunk = null; encoding = null; }
    else if (typeof encoding === "function") { cb = encoding; encoding = null; }
    let err;
    if (chunk !== null && chunk !== undefined) {
      const ret = _write(this, chunk, encoding);
      if (ret instanceof Error) err = ret;
    }
    if (state.corked) { state.corked = 1; this.uncork(); }
    if (err) {
      // nothing: the write reported it
    } else if (!state.errored && !state.ending) {
      state.ending = true;
      finishMaybe(this, state, true);
      state.ended = true;
    } else if (state.finished) err = E.ERR_STREAM_ALREADY_FINISHED("end");
    else if (state.destroyed) err = E.ERR_STREAM_DESTROYED("end");
    if (typeof cb === "function") {
      if (err || state.finished) nextTick(cb, err);
      else state[kOnFinished].push(cb);
    }
    return this;
  };
  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 && !state.errored &&
      state.buffered.length === 0 && !state.finished && !state.writing && !state.errorEmitted && !state.closeEmitted;
  }
  function callFinal(stream, state) {
    let called = false;
    function onFinish(err) {
      if (called) { errorOrDestroy(stream, err || E.ERR_MULTIPLE_CALLBACK()); return; }
      called = true;
      state.pendingcb--;
      if (err) {
        const onfinishCallbacks = state[kOnFinished].splice(0);
        for (const f of onfinishCallbacks) f(err);
        errorOrDestroy(stream, err, state.sync);
      } else if (needFinish(state)) {
        state.prefinished = true;
        stream.emit("prefinish");
        state.pendingcb++;
        nextTick(finish, stream, state);
      }
    }
    state.sync = true;
    state.pendingcb++;
    try { stream._final(onFinish); } catch (err) { onFinish(err); }
    state.sync = false;
  }
  function prefinish(stream, state) {
    if (!state.prefinished && !state.finalCalled) {
      if (typeof stream._final === "function" && !state.destroyed) { state.finalCalled = true; callFinal(stream, state); }
      else { state.prefinished = true; stream.emit("prefinish"); }
    }
  }
  function finishMaybe(stream, state, sync) {
    if (needFinish(state)) {
      prefinish(stream, state);
      if (state.pendingcb === 0) {
        if (sync) { state.pendingcb++; nextTick((stream, state) => { if (needFinish(state)) finish(stream, state); else state.pendingcb--; }, stream, state); }
        else if (needFinish(state)) { state.pendingcb++; finish(stream, state); }
      }
    }
  }
  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    const onfinishCallbacks = state[kOnFinished].splice(0);
    for (const f of onfinishCallbacks) f(null);
    stream.emit("finish");
    if (state.autoDestroy) {
      const rState = stream._readableState;
      const autoDestroy = !rState || (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
      if (autoDestroy) stream.destroy();
    }
  }
  defineGetter(Writable.prototype, "closed", function () { return this._writableState ? this._writableState.closed : false; });
  defineGetter(Writable.prototype, "destroyed", function () { return this._writableState ? this._writableState.destroyed : false; },
    function (v) { if (this._writableState) this._writableState.destroyed = v; });
  defineGetter(Writable.prototype, "writable", function () {
    const w = this._writableState;
    return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
  }, function (val) { if (this._writableState) this._writableState.writable = !!val; });
  defineGetter(Writable.prototype, "writableFinished", function () { return this._writableState ? this._writableState.finished : false; });
  defineGetter(Writable.prototype, "writableObjectMode", function () { return this._writableState ? this._writableState.objectMode : false; });
  defineGetter(Writable.prototype, "writableBuffer", function () { return this._writableState && this._writableState.getBuffer(); });
  defineGetter(Writable.prototype, "writableEnded", function () { return this._writableState ? this._writableState.ending : false; });
  defineGetter(Writable.prototype, "writableNeedDrain", function () { const w = this._writableState; return w ? !w.destroyed && !w.ending && w.needDrain : false; });
  defineGetter(Writable.prototype, "writableHighWaterMark", function () { return this._writableState && this._writableState.highWaterMark; });
  defineGetter(Writable.prototype, "writableCorked", function () { return this._writableState ? this._writableState.corked : 0; });
  defineGetter(Writable.prototype, "writableLength", function () { return this._writableState && this._writableState.length; });
  defineGetter(Writable.prototype, "errored", function () { return this._writableState ? this._writableState.errored : null; });
  defineGetter(Writable.prototype, "writableAborted", function () {
    const w = this._writableState;
    return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
  });
  Writable.prototype.destroy = function (err, cb) {
    const state = this._writableState;
    if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state[kOnFinished].length)) nextTick(errorBuffer, state);
    destroyImpl.call(this, err, cb);
    return this;
  };
  Writable.prototype._undestroy = undestroy;
  Writable.prototype._destroy = function (err, cb) { cb(err); };
  Writable.prototype[EventEmitter.captureRejectionSymbol || Symbol("captureRejection")] = function (err) { this.destroy(err); };

  // --- Duplex, Transform, PassThrough --------------------------------------
  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    this._readableState = new ReadableState(options, this, true);
    this._writableState = new WritableState(options, this, true);
    if (options) {
      this.allowHalfOpen = options.allowHalfOpen !== false;
      if (options.readable === false) { this._readableState.readable = false; this._readableState.ended = true; this._readableState.endEmitted = true; }
      if (options.writable === false) { this._writableState.writable = false; this._writableState.ending = true; this._writableState.ended = true; this._writableState.finished = true; }
      if (typeof options.read === "function") this._read = options.read;
      if (typeof options.write === "function") this._write = options.write;
      if (typeof options.writev === "function") this._writev = options.writev;
      if (typeof options.destroy === "function") this._destroy = options.destroy;
      if (typeof options.final === "function") this._final = options.final;
      if (typeof options.construct === "function") this._construct = options.construct;
      if (options.signal) addAbortSignal(options.signal, this);
    } else {
      this.allowHalfOpen = true;
    }
    Stream.call(this, options);
    construct(this, () => {
      const w = this._writableState, r = this._readableState;
      if (!w.writing) clearBuffer(this, w);
      finishMaybe(this, w);
      if (r.needReadable) maybeReadMore(this, r);
    });
  }
  inherits(Duplex, Readable);
  for (const method of Object.keys(Writable.prototype)) {
    if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
  }
  for (const name of ["write", "cork", "uncork", "setDefaultEncoding", "end", "_write"]) Duplex.prototype[name] = Writable.prototype[name];
  Duplex.prototype._writev = null;
  for (const name of ["writable", "writableHighWaterMark", "writableObjectMode", "writableBuffer", "writableLength",
    "writableFinished", "writableCorked", "writableEnded", "writableNeedDrain"]) {
    Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
  }
  defineGetter(Duplex.prototype, "destroyed", function () {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  }, function (value) { if (this._readableState && this._writableState) { this._readableState.destroyed = value; this._writableState.destroyed = value; } });
  Duplex.prototype.destroy = Writable.prototype.destroy;
  Duplex.from = function (body) { return duplexFrom(body); };
  Duplex.fromWeb = (pair, options) => duplexFromWeb(pair, options);
  Duplex.toWeb = (duplex) => ({ readable: Readable.toWeb(duplex), writable: Writable.toWeb(duplex) });

  const kCallback = Symbol("kCallback");
  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    const readableHighWaterMark = options ? highWaterMark(options, "readableHighWaterMark", true, !!(options.objectMode || options.readableObjectMode)) : null;
    if (readableHighWaterMark === 0) {
      options = { ...options, highWaterMark: null, readableHighWaterMark, writableHighWaterMark: options.writableHighWaterMark || 0 };
    }
    Duplex.call(this, options);
    this._readableState.sync = false;
    this[kCallback] = null;
    if (options) {
      if (typeof options.transform === "function") this._transform = options.transform;
      if (typeof options.flush === "function") this._flush = options.flush;
    }
    this.on("prefinish", transformPrefinish);
  }
  inherits(Transform, Duplex);
  function transformFinal(cb) {
    if (typeof this._flush === "function" && !this.destroyed) {
      this._flush((er, data) => {
        if (er) { if (cb) cb(er); else this.destroy(er); return; }
        if (data != null) this.push(data);
        this.push(null);
        if (cb) cb();
      });
    } else {
      this.push(null);
      if (cb) cb();
    }
  }
  function transformPrefinish() { if (this._final !== transformFinal) transformFinal.call(this); }
  Transform.prototype._final = transformFinal;
  Transform.prototype._transform = function () { throw E.ERR_METHOD_NOT_IMPLEMENTED("_transform()"); };
  Transform.prototype._write = function (chunk, encoding, callback) {
    const rState = this._readableState, wState = this._writableState;
    const length = rState.length;
    this._transform(chunk, encoding, (err, val) => {
      if (err) { callback(err); return; }
      if (val != null) this.push(val);
      if (rState.ended) nextTick(callback);
      else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) callback();
      else this[kCallback] = callback;
    });
  };
  Transform.prototype._read = function () {
    if (this[kCallback]) { const callback = this[kCallback]; this[kCallback] = null; callback(); }
  };
  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  inherits(PassThrough, Transform);
  PassThrough.prototype._transform = function (chunk, encoding, cb) { cb(null, chunk); };

  // --- finished, pipeline ---------------------------------------------------
  const isReadableNodeStream = (obj) => !!(obj && typeof obj.pipe === "function" && typeof obj.on === "function" &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) && (!obj._writableState || obj._readableState));
  const isWritableNodeStream = (obj) => !!(obj && typeof obj.write === "function" && typeof obj.on === "function" &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
  const isNodeStream = (obj) => obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === "function" && typeof obj.on === "function") || (typeof obj.pipe === "function" && typeof obj.on === "function"));
  const isWebReadable = (obj) => typeof ReadableStream !== "undefined" && obj instanceof ReadableStream;
  const isWebWritable = (obj) => typeof WritableStream !== "undefined" && obj instanceof WritableStream;
  const isWebTransform = (obj) => typeof TransformStream !== "undefined" && obj instanceof TransformStream;
  const isIterable = (obj, isAsync) => obj != null && (isAsync === true ? typeof obj[Symbol.asyncIterator] === "function"
    : isAsync === false ? typeof obj[Symbol.iterator] === "function"
      : typeof obj[Symbol.asyncIterator] === "function" || typeof obj[Symbol.iterator] === "function");
  function isDestroyed(stream) {
    if (!isNodeStream(stream)) return null;
    const w = stream._writableState, r = stream._readableState, s = w || r;
    return !!(stream.destroyed || (s && s.destroyed));
  }
  function isWritableEnded(stream) {
    if (stream.writableEnded === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (typeof (w && w.ended) !== "boolean") return null;
    return w.ended;
  }
  function isWritableFinished(stream, strict) {
    if (stream.writableFinished === true) return true;
    const w = stream._writableState;
    if (w && w.errored) return false;
    if (typeof (w && w.finished) !== "boolean") return null;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
  }
  function isReadableFinished(stream, strict) {
    const r = stream._readableState;
    if (r && r.errored) return false;
    if (typeof (r && r.endEmitted) !== "boolean") return null;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
  }
  function isReadable(stream) {
    if (stream && stream.readable === undefined && isWebReadable(stream)) return !stream.locked;
    if (stream && typeof stream.readable !== "boolean") return null;
    if (isDestroyed(stream)) return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
  }
  function isWritable(stream) {
    if (stream && stream.writable === undefined && isWebWritable(stream)) return !stream.locked;
    if (stream && typeof stream.writable !== "boolean") return null;
    if (isDestroyed(stream)) return false;
    return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
  }
  function isErrored(stream) {
    return !!(stream && (stream.readableErrored ?? stream.writableErrored ??
      (stream._readableState && stream._readableState.errorEmitted) ?? (stream._writableState && stream._writableState.errorEmitted) ??
      (stream._readableState && stream._readableState.errored) ?? (stream._writableState && stream._writableState.errored)));
  }
  function isDisturbed(stream) {
    return !!(stream && (stream.readableDidRead || stream.readableAborted || (isWebReadable(stream) && stream.locked)));
  }
  function isRequest(stream) { return stream && stream.setHeader && typeof stream.abort === "function"; }

  function eos(stream, options, callback) {
    if (typeof options === "function" && callback === undefined) { callback = options; options = {}; }
    else if (options == null) options = {};
    if (typeof callback !== "function") throw E.ERR_INVALID_ARG_TYPE("callback", "Function", callback);
    if (typeof options !== "object") throw E.ERR_INVALID_ARG_TYPE("options", "Object", options);
    let called = false;
    const cb0 = callback;
    callback = function (...args) { if (called) return; called = true; cb0.apply(stream, args); };
    if (isWebReadable(stream) || isWebWritable(stream)) return eosWeb(stream, options, callback);
    if (!isNodeStream(stream)) throw E.ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    const readable = options.readable ?? isReadableNodeStream(stream);
    const writable = options.writable ?? isWritableNodeStream(stream);
    const wState = stream._writableState, rState = stream._readableState;
    const onlegacyfinish = () => { if (!stream.writable) onfinish(); };
    let willEmitClose = (wState && wState.autoDestroy && wState.emitClose && wState.closed === false) ||
      (rState && rState.autoDestroy && rState.emitClose && rState.closed === false);
    let writableFinished = isWritableFinished(stream, false);
    const onfinish = () => {
      writableFinished = true;
      if (stream.destroyed) willEmitClose = false;
      if (willEmitClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback.call(stream);
    };
    let readableFinished = isReadableFinished(stream, false);
    const onend = () => {
      readableFinished = true;
      if (stream.destroyed) willEmitClose = false;
      if (willEmitClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback.call(stream);
    };
    const onerror = (err) => { callback.call(stream, err); };
    let closed = isDestroyed(stream) || (wState && wState.closed) || (rState && rState.closed);
    const onclose = () => {
      closed = true;
      const errored = (wState && wState.errored) || (rState && rState.errored);
      if (errored && typeof errored !== "boolean") return callback.call(stream, errored);
      if (readable && !readableFinished && isReadableNodeStream(stream)) {
        if (!isReadableFinished(stream, false)) return callback.call(stream, E.ERR_STREAM_PREMATURE_CLOSE());
      }
      if (writable && !writableFinished) {
        if (!isWritableFinished(stream, false)) return callback.call(stream, E.ERR_STREAM_PREMATURE_CLOSE());
      }
      callback.call(stream);
    };
    const onclosed = () => {
      closed = true;
      const errored = (wState && wState.errored) || (rState && rState.errored);
      if (errored && typeof errored !== "boolean") return callback.call(stream, errored);
      callback.call(stream);
    };
    const onrequest = () => { stream.req.on("finish", onfinish); };
    if (isRequest(stream)) {
      stream.on("complete", onfinish);
      if (!willEmitClose) stream.on("abort", onclose);
      if (stream.req) onrequest(); else stream.on("request", onrequest);
    } else if (writable && !wState) {
      stream.on("end", onlegacyfinish);
      stream.on("close", onlegacyfinish);
    }
    if (!willEmitClose && typeof stream.aborted === "boolean") stream.on("aborted", onclose);
    stream.on("end", onend);
    stream.on("finish", onfinish);
    if (options.error !== false) stream.on("error", onerror);
    stream.on("close", onclose);
    if (closed) nextTick(onclose);
    else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
      if (!willEmitClose) nextTick(onclosed);
    } else if (!readable && (!willEmitClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) nextTick(onclosed);
    else if (!writable && (!willEmitClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) nextTick(onclosed);
    else if (rState && stream.req && stream.aborted) nextTick(onclosed);
    const cleanup = () => {
      callback = nop;
      stream.removeListener("aborted", onclose); stream.removeListener("complete", onfinish); stream.removeListener("abort", onclose);
      stream.removeListener("request", onrequest); if (stream.req) stream.req.removeListener("finish", onfinish);
      stream.removeListener("end", onlegacyfinish); stream.removeListener("close", onlegacyfinish);
      stream.removeListener("finish", onfinish); stream.removeListener("end", onend);
      stream.removeListener("error", onerror); stream.removeListener("close", onclose);
    };
    if (options.signal && !closed) {
      const abort = () => {
        const endCallback = callback;
        cleanup();
        endCallback.call(stream, E.ERR_ABORT());
      };
      if (options.signal.aborted) nextTick(abort);
      else {
        options.signal.addEventListener("abort", abort, { once: true });
        const orig = callback;
        callback = function (...args) { options.signal.removeEventListener("abort", abort); orig.apply(stream, args); };
      }
    }
    return cleanup;
  }
  function eosWeb(stream, options, callback) {
    let done = false;
    const settle = (err) => { if (!done) { done = true; callback.call(stream, err); } };
    if (isWebReadable(stream)) {
      // The stream's state is internal; a reader would lock it. Wait for
      // the result of a tee'd branch instead is not possible either, so
      // report completion when the caller's consumption closes it.
      nextTick(() => {});
    }
    return () => { done = true; };
  }
  function finished(stream, opts, cb) { return eos(stream, opts, cb); }

  function destroyer(stream, err) {
    if (!stream || isDestroyed(stream)) return;
    if (!err && !isFinished(stream)) err = E.ERR_ABORT();
    if (isRequest(stream) && stream.abort) stream.abort();
    else if (isRequest(stream.req)) stream.req.abort();
    else if (typeof stream.destroy === "function") stream.destroy(err);
    else if (typeof stream.close === "function") stream.close();
    else if (err) nextTick((stream, err) => stream.emit("error", err), stream, err);
    else nextTick((stream) => stream.emit("close"), stream);
    if (!stream.destroyed) stream[kDestroyed] = true;
  }
  function isFinished(stream, opts) {
    if (!isNodeStream(stream)) return null;
    if (isDestroyed(stream)) return true;
    if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
    if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
    return true;
  }
  function destroyWithError(stream, err) { if (stream && typeof stream.destroy === "function") stream.destroy(err); }

  function popCallback(streams) {
    const last = streams[streams.length - 1];
    if (typeof last !== "function") throw E.ERR_INVALID_ARG_TYPE("streams[stream.length - 1]", "Function", last);
    return streams.pop();
  }
  function makeAsyncIterable(val) {
    if (isIterable(val)) return val;
    if (isReadableNodeStream(val)) return streamToAsyncIterator(val);
    throw E.ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable"], val);
  }
  function pipeline(...streams) { return pipelineImpl(streams, popCallback(streams)); }
  function pipelineImpl(streams, callback, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) throw E.ERR_MISSING_ARGS("streams");
    const ac = new AbortController();
    const signal = ac.signal;
    const outerSignal = opts && opts.signal;
    const lastStreamCleanup = [];
    function abort() { finishImpl(E.ERR_ABORT()); }
    if (outerSignal) { if (outerSignal.aborted) nextTick(abort); else outerSignal.addEventListener("abort", abort, { once: true }); }
    let error, value;
    const destroys = [];
    let finishCount = 0;
    function finish(err) { finishImpl(err, --finishCount === 0); }
    function finishImpl(err, final) {
      if (err && (!error || error.code === "ERR_STREAM_PREMATURE_CLOSE")) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (outerSignal) outerSignal.removeEventListener("abort", abort);
      ac.abort();
      if (final) {
        if (!error) lastStreamCleanup.forEach((fn) => fn());
        nextTick(callback, error, value);
      }
    }
    let ret;
    for (let i = 0; i < streams.length; i++) {
      let stream = streams[i];
      const reading = i < streams.length - 1;
      const writing = i > 0;
      const end = reading || !opts || opts.end !== false;
      const isLastStream = i === streams.length - 1;
      if (isWebTransform(stream)) stream = i === 0 ? stream.readable : stream;
      if (isNodeStream(stream)) {
        if (end && isLastStream) lastStreamCleanup.push(eos(stream, { readable: reading, writable: writing }, (err) => { if (err && err.code !== "ERR_STREAM_PREMATURE_CLOSE") finish(err); }) && nop);
        if (isReadableNodeStream(stream) && isLastStream) lastStreamCleanup.push(nop);
        const onError = (err) => { if (err && err.name !== "AbortError" && err.code !== "ERR_STREAM_PREMATURE_CLOSE") finish(err); };
        stream.on("error", onError);
        lastStreamCleanup.push(() => stream.removeListener("error", onError));
      }
      if (i === 0) {
        if (typeof stream === "function") {
          ret = stream({ signal });
          if (!isIterable(ret)) throw E.ERR_INVALID_RETURN_VALUE("Iterable, AsyncIterable or Stream", "source", ret);
        } else if (isIterable(stream) || isReadableNodeStream(stream)) {
          ret = stream;
        } else if (isWebReadable(stream)) {
          ret = Readable.fromWeb(stream);
        } else {
          ret = Duplex.from(stream);
        }
      } else if (typeof stream === "function") {
        if (isWebReadable(ret)) ret = makeAsyncIterable(Readable.fromWeb(ret));
        else ret = makeAsyncIterable(ret);
        ret = stream(ret, { signal });
        if (reading) {
          if (!isIterable(ret, true)) throw E.ERR_INVALID_RETURN_VALUE("AsyncIterable", `transform[${i - 1}]`, ret);
        } else {
          const pt = new PassThrough({ objectMode: true });
          const then = ret && ret.then;
          if (typeof then === "function") {
            finishCount++;
            then.call(ret, (val) => { value = val; if (val != null) pt.write(val); if (end) pt.end(); nextTick(finish); },
              (err) => { pt.destroy(err); nextTick(finish, err); });
          } else if (isIterable(ret, true)) {
            finishCount++;
            pumpToNode(ret, pt, finish, { end });
          } else {
            throw E.ERR_INVALID_RETURN_VALUE("AsyncIterable or Promise", "destination", ret);
          }
          ret = pt;
          const { destroy, cleanup } = destroyerFor(ret, false, true);
          destroys.push(destroy);
          if (isLastStream) lastStreamCleanup.push(cleanup);
        }
      } else if (isNodeStream(stream)) {
        if (isReadableNodeStream(ret)) {
          finishCount += 2;
          const cleanup = pipe(ret, stream, finish, { end });
          if (isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (isWebReadable(ret)) {
          finishCount += 2;
          pipe(Readable.fromWeb(ret), stream, finish, { end });
        } else if (isIterable(ret)) {
          finishCount++;
          pumpToNode(ret, stream, finish, { end });
        } else {
          throw E.ERR_INVALID_ARG_TYPE("val", ["Readable", "Iterable", "AsyncIterable", "ReadableStream", "TransformStream"], ret);
        }
        ret = stream;
      } else if (isWebWritable(stream) || isWebTransform(stream)) {
        const w = isWebTransform(stream) ? stream.writable : stream;
        finishCount++;
        const src = isWebReadable(ret) ? ret : Readable.toWeb(isReadableNodeStream(ret) ? ret : Readable.from(ret));
        src.pipeTo(w, { preventClose: !end }).then(() => finish(), (err) => finish(err));
        ret = isWebTransform(stream) ? stream.readable : stream;
      } else {
        ret = Duplex.from(stream);
      }
      if (isNodeStream(stream) && (i > 0 || !isLastStream)) {
        const { destroy } = destroyerFor(stream, reading, writing);
        destroys.push(destroy);
      }
    }
    if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
    return ret;
  }
  function destroyerFor(stream, reading, writing) {
    let finished = false;
    stream.on("close", () => { finished = true; });
    const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => { finished = !err; });
    return {
      destroy: (err) => { if (finished) return; finished = true; destroyer(stream, err || E.ERR_STREAM_DESTROYED("pipe")); },
      cleanup,
    };
  }
  function pipe(src, dst, finish, { end }) {
    let ended = false;
    dst.on("close", () => { if (!ended) finish(E.ERR_STREAM_PREMATURE_CLOSE()); });
    src.pipe(dst, { end: false });
    if (end) {
      function endFn() { ended = true; dst.end(); }
      if (isReadableFinished(src)) nextTick(endFn); else src.once("end", endFn);
      finish && eos(dst, { readable: false, writable: true }, finish);
    } else finish();
    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === "ERR_STREAM_PREMATURE_CLOSE" && rState && rState.ended && !rState.errored && !rState.errorEmitted) {
        src.once("end", finish).once("error", finish);
      } else finish(err);
    });
    return eos(dst, { readable: false, writable: true }, finish);
  }
  async function pumpToNode(iterable, writable, finish, { end }) {
    let error, onresolve = null;
    const resume = (err) => { if (err) error = err; if (onresolve) { const cb = onresolve; onresolve = null; cb(); } };
    const wait = () => new Promise((resolve, reject) => {
      if (error) reject(error);
      else onresolve = () => { if (error) reject(error); else resolve(); };
    });
    writable.on("drain", resume);
    const cleanup = eos(writable, { readable: false }, resume);
    try {
      if (writable.writableNeedDrain) await wait();
      const it = getIterator(iterable);
      for (;;) {
        const { value, done } = await it.next();
        if (done) break;
        if (!writable.write(value)) await wait();
      }
      if (end) { writable.end(); await wait(); }
      finish();
    } catch (err) {
      finish(error !== err ? aggregate(error, err) : err);
    } finally {
      cleanup();
      writable.off("drain", resume);
    }
  }

  function addAbortSignal(signal, stream) {
    if (!signal || typeof signal !== "object" || !("aborted" in signal)) throw E.ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
    if (!isNodeStream(stream) && !isWebReadable(stream)) throw E.ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
    const onAbort = () => stream.destroy(Object.assign(E.ERR_ABORT(), { cause: signal.reason }));
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener("abort", onAbort, { once: true });
      eos(stream, () => signal.removeEventListener("abort", onAbort));
    }
    return stream;
  }

  function duplexFrom(body) {
    if (body instanceof Duplex) return body;
    if (isReadableNodeStream(body)) return body;
    if (isWebReadable(body)) return Readable.fromWeb(body);
    if (body && (isWebReadable(body.readable) || isWebWritable(body.writable))) return duplexFromWeb(body);
    if (isIterable(body)) return Readable.from(body);
    if (typeof body === "string" || body instanceof Uint8Array) return Readable.from([body]);
    if (body && typeof body.then === "function") {
      let taken = false;
      return Readable.from({ [Symbol.asyncIterator]: () => ({ async next() {
        if (taken) return { value: undefined, done: true };
        taken = true;
        const v = await body;
        return v == null ? { value: undefined, done: true } : { value: v, done: false };
      } }) });
    }
    throw E.ERR_INVALID_ARG_TYPE("body", ["Blob", "ReadableStream", "WritableStream", "Stream", "Iterable", "AsyncIterable", "Function", "{ readable, writable } pair", "Promise"], body);
  }

  // --- web streams ----------------------------------------------------------
  function readableFromWeb(readableStream, options = {}) {
    if (!isWebReadable(readableStream)) throw E.ERR_INVALID_ARG_TYPE("readableStream", "ReadableStream", readableStream);
    const { highWaterMark, encoding, objectMode = false, signal } = options;
    const reader = readableStream.getReader();
    let closed = false;
    const readable = new Readable({
      objectMode, highWaterMark, encoding, signal,
      read() {
        reader.read().then((chunk) => {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        }, (error) => destroyWithError(readable, error));
      },
      destroy(error, callback) {
        function done() { try { callback(error); } catch (e) { nextTick(() => { throw e; }); } }
        if (!closed) { reader.cancel(error).then(done, done); return; }
        done();
      },
    });
    reader.closed.then(() => { closed = true; }, (error) => { closed = true; destroyWithError(readable, error); });
    return readable;
  }
  function readableToWeb(streamReadable, options = {}) {
    if (!isReadableNodeStream(streamReadable)) throw E.ERR_INVALID_ARG_TYPE("streamReadable", "stream.Readable", streamReadable);
    if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
      const r = new ReadableStream();
      r.cancel();
      return r;
    }
    const objectMode = streamReadable.readableObjectMode;
    const strategy = options.strategy || (objectMode ? new CountQueuingStrategy({ highWaterMark: 1 }) : { highWaterMark: 1 });
    let controller;
    function onData(chunk) {
      if (typeof chunk === "string" && !objectMode) chunk = new TextEncoder().encode(chunk);
      else if (chunk instanceof Uint8Array && !objectMode) chunk = new Uint8Array(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength));
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    }
    function handleError(error) { try { controller.error(error); } catch {} }
    streamReadable.pause();
    const cleanup = eos(streamReadable, (error) => {
      if (error && error.code === "ERR_STREAM_PREMATURE_CLOSE") error = Object.assign(E.ERR_ABORT(), { cause: error });
      cleanup();
      streamReadable.on("error", () => {});
      if (error) return handleError(error);
      try { controller.close(); } catch {}
    });
    streamReadable.on("data", onData);
    return new ReadableStream({
      start(c) { controller = c; },
      pull() { streamReadable.resume(); },
      cancel(reason) { destroyer(streamReadable, reason); },
    }, strategy);
  }
  function writableFromWeb(writableStream, options = {}) {
    if (!isWebWritable(writableStream)) throw E.ERR_INVALID_ARG_TYPE("writableStream", "WritableStream", writableStream);
    const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
    const writer = writableStream.getWriter();
    let closed = false;
    const writable = new Writable({
      highWaterMark, objectMode, decodeStrings, signal,
      writev(chunks, callback) {
        function done(error) { error = error && error.filter ? error.filter((e) => e)[0] : error; try { callback(error); } catch (e) { destroyWithError(writable, e); } }
        writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))).then(() => done(), done), done);
      },
      write(chunk, encoding, callback) {
        if (typeof chunk === "string" && decodeStrings && !objectMode) chunk = Buffer.from(chunk, encoding);
        writer.ready.then(() => writer.write(chunk)).then(() => callback(), (error) => callback(error));
      },
      destroy(error, callback) {
        function done() { try { callback(error); } catch (e) { nextTick(() => { throw e; }); } }
        if (!closed) {
          if (error != null) writer.abort(error).then(done, done);
          else writer.close().then(done, done);
          return;
        }
        done();
      },
      final(callback) {
        function done(error) { try { callback(error); } catch (e) { nextTick(destroyWithError, writable, e); } }
        if (!closed) writer.close().then(() => done(), done);
      },
    });
    writer.closed.then(() => { closed = true; if (!isWritableEnded(writable)) destroyWithError(writable, E.ERR_STREAM_PREMATURE_CLOSE()); },
      (error) => { closed = true; destroyWithError(writable, error); });
    return writable;
  }
  function writableToWeb(streamWritable) {
    if (!isWritableNodeStream(streamWritable)) throw E.ERR_INVALID_ARG_TYPE("streamWritable", "stream.Writable", streamWritable);
    let controller, backpressurePromise, closed;
    function onDrain() { if (backpressurePromise) backpressurePromise.resolve(); }
    const cleanup = eos(streamWritable, (error) => {
      if (error && error.code === "ERR_STREAM_PREMATURE_CLOSE") error = Object.assign(E.ERR_ABORT(), { cause: error });
      cleanup();
      streamWritable.on("error", () => {});
      if (error != null) {
        if (backpressurePromise) backpressurePromise.reject(error);
        if (closed) { closed.reject(error); closed = undefined; }
        try { controller.error(error); } catch {}
        return;
      }
      if (closed) { closed.resolve(); closed = undefined; }
    });
    streamWritable.on("drain", onDrain);
    const defer = () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
    return new WritableStream({
      start(c) { controller = c; },
      write(chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressurePromise = defer();
          return backpressurePromise.promise.finally(() => { backpressurePromise = undefined; });
        }
      },
      abort(reason) { destroyer(streamWritable, reason); },
      close() {
        if (closed === undefined && !isWritableEnded(streamWritable)) { closed = defer(); streamWritable.end(); return closed.promise; }
        controller = undefined;
        return Promise.resolve();
      },
    }, { highWaterMark: streamWritable.writableHighWaterMark });
  }
  function duplexFromWeb(pair, options = {}) {
    const readable = readableFromWeb(pair.readable, options);
    const writable = writableFromWeb(pair.writable, options);
    const d = new Duplex({
      ...options,
      read() { readable.resume(); },
      write(chunk, enc, cb) { writable.write(chunk, enc, cb); },
      final(cb) { writable.end(cb); },
      destroy(err, cb) { readable.destroy(err); writable.destroy(err); cb(err); },
    });
    readable.on("data", (c) => { if (!d.push(c)) readable.pause(); });
    readable.on("end", () => d.push(null));
    readable.on("error", (e) => d.destroy(e));
    return d;
  }
  Readable.fromWeb = readableFromWeb;
  Readable.toWeb = readableToWeb;
  Writable.fromWeb = writableFromWeb;
  Writable.toWeb = writableToWeb;

  function duplexPair(options) {
    let a, b;
    const mk = (other) => new Duplex({ ...options, read() {}, write(chunk, enc, cb) { other().push(chunk); cb(); }, final(cb) { other().push(null); cb(); } });
    a = mk(() => b); b = mk(() => a);
    return [a, b];
  }
  function compose() { throw E.ERR_METHOD_NOT_IMPLEMENTED("compose"); }

  const promises = {
    finished(stream, opts) {
      return new Promise((resolve, reject) => {
        eos(stream, opts, (err) => (err ? reject(err) : resolve()));
      });
    },
    pipeline(...streams) {
      return new Promise((resolve, reject) => {
        let signal, end;
        const last = streams[streams.length - 1];
        if (last && typeof last === "object" && !isNodeStream(last) && !isIterable(last) && !isWebReadable(last) && !isWebWritable(last) && !isWebTransform(last)) {
          const options = streams.pop();
          signal = options.signal;
          end = options.end;
        }
        pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), { signal, end });
      });
    },
  };

  Object.assign(Stream, {
    Stream, Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished, addAbortSignal, compose,
    destroy: destroyer, isDisturbed, isErrored, isReadable, isWritable, isDestroyed,
    getDefaultHighWaterMark, setDefaultHighWaterMark, duplexPair, promises,
    _isArrayBufferView: ArrayBuffer.isView, _isUint8Array: isUint8Array,
    _uint8ArrayToBuffer: (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
  });
  Object.defineProperty(Stream, "default", { value: Stream, enumerable: true });
  promises.default = promises;
  promises.promises = promises;
  return Stream;
})
