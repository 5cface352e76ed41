// Helpers of the KV binding that are simplest in JS: stream plumbing. The
// value of this script is an object of functions; js.go runs it once per
// worker instance.
(function () {
  "use strict";

  const NOT_BYTES = "This ReadableStream did not return bytes.";

  // readAll reads a ReadableStream to its end and returns the bytes as one
  // Uint8Array.
  async function readAll(stream) {
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let c = value;
      if (c instanceof ArrayBuffer) c = new Uint8Array(c);
      else if (ArrayBuffer.isView(c)) c = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
      else throw new TypeError(NOT_BYTES);
      chunks.push(c);
      total += c.byteLength;
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.byteLength;
    }
    return out;
  }

  return {
    isStream(v) {
      return typeof ReadableStream === "function" && v instanceof ReadableStream;
    },
    // putStream reads the stream, then hands the bytes to finish, whose
    // promise (the write) it returns.
    async putStream(stream, finish) {
      return finish(await readAll(stream));
    },
    // stream wraps an ArrayBuffer in a ReadableStream of bytes.
    stream(buffer) {
      if (typeof ReadableStream !== "function") {
        throw new TypeError('get(key, "stream") needs ReadableStream, which this runtime does not provide.');
      }
      const chunk = new Uint8Array(buffer);
      return new ReadableStream({
        type: "bytes",
        start(c) {
          if (chunk.byteLength) c.enqueue(chunk);
          c.close();
        },
      });
    },
    // newMap builds a Map from parallel arrays of keys and values.
    newMap(keys, values) {
      const m = new Map();
      for (let i = 0; i < keys.length; i++) m.set(keys[i], values[i]);
      return m;
    },
  };
})()
