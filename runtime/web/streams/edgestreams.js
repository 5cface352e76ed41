// workerd's own stream classes (https://developers.cloudflare.com/workers/runtime-apis/streams/):
// IdentityTransformStream (a byte pass-through) and FixedLengthStream (a
// pass-through that insists on an exact byte count). Both build on our
// TransformStream. A FixedLengthStream's readable carries its length, so a
// Response or an outgoing request with it as the body sends a
// Content-Length instead of chunked encoding, as workerd does.
(function () {
  "use strict";
  const kLength = Symbol.for("edgedev.expectedLength"); // read by the runtime's headers_request_response.js

  function bytes(chunk) {
    if (chunk instanceof Uint8Array) return chunk;
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError("This TransformStream is being used as a byte stream, but received an object of non-ArrayBuffer/ArrayBufferView type on its writable side.");
  }

  class IdentityTransformStream extends TransformStream {
    constructor() {
      super({ transform(chunk, controller) { controller.enqueue(bytes(chunk)); } });
    }
  }

  class FixedLengthStream extends TransformStream {
    constructor(expectedLength) {
      const n = typeof expectedLength === "bigint" ? Number(expectedLength) : expectedLength;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
        throw new TypeError("FixedLengthStream requires an integer expected length.");
      }
      let seen = 0;
      super({
        transform(chunk, controller) {
          const b = bytes(chunk);
          seen += b.byteLength;
          if (seen > n) throw new TypeError("Attempt to write too many bytes through a FixedLengthStream.");
          controller.enqueue(b);
        },
        flush() {
          if (seen < n) throw new TypeError("FixedLengthStream did not see all expected bytes before close().");
        },
      });
      Object.defineProperty(this.readable, kLength, { value: n });
    }
  }

  for (const C of [IdentityTransformStream, FixedLengthStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
    Object.defineProperty(globalThis, C.name, { value: C, writable: true, configurable: true, enumerable: false });
  }
});
