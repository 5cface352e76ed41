// Helpers of the KV binding that are simplest in JS: stream plumbing, done
// with the runtime's own body reading (Response) rather than a copy. The
// value of this script is an object of functions; js.go runs it once per
// worker instance.
(function () {
  "use strict";

  return {
    isStream(v) {
      return typeof ReadableStream === "function" && v instanceof ReadableStream;
    },
    // putStream reads the stream, then hands the bytes to finish, whose
    // promise (the write) it returns.
    async putStream(stream, finish) {
      return finish(await new Response(stream).bytes());
    },
    // stream wraps an ArrayBuffer in a ReadableStream of bytes.
    stream(buffer) {
      return new Response(buffer).body;
    },
    // newMap builds a Map from parallel arrays of keys and values.
    newMap(keys, values) {
      const m = new Map();
      for (let i = 0; i < keys.length; i++) m.set(keys[i], values[i]);
      return m;
    },
  };
})()
