// crypto.DigestStream, workerd's WritableStream that hashes what is written
// to it (https://developers.cloudflare.com/workers/runtime-apis/web-crypto/#digeststream):
// `digest` resolves to an ArrayBuffer once the stream closes. Algorithms:
// SHA-1, SHA-256, SHA-384, SHA-512 and MD5, by name or {name}.
(function (native) {
  "use strict";

  function bytes(chunk) {
    if (typeof chunk === "string") return native.utf8(chunk);
    if (chunk instanceof Uint8Array) return chunk;
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError("DigestStream accepts only strings, ArrayBuffers and ArrayBufferViews.");
  }

  const kDigest = Symbol("digest");

  class DigestStream extends WritableStream {
    constructor(algorithm) {
      const name = typeof algorithm === "object" && algorithm !== null ? algorithm.name : algorithm;
      const hash = native.newHash(String(name));
      if (hash === null) throw new DOMException("Unrecognized name.", "NotSupportedError");
      let resolve, reject;
      const digest = new Promise((res, rej) => { resolve = res; reject = rej; });
      super({
        write(chunk) { native.update(hash, bytes(chunk)); },
        close() { resolve(native.sum(hash)); },
        abort(reason) { reject(reason); },
      });
      this[kDigest] = digest;
    }
    get digest() { return this[kDigest]; }
  }
  Object.defineProperty(DigestStream.prototype, Symbol.toStringTag, { value: "DigestStream", configurable: true });
  Object.defineProperty(crypto, "DigestStream", { value: DigestStream, writable: true, configurable: true, enumerable: false });
});
