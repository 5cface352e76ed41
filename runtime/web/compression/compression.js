// CompressionStream and DecompressionStream, after the Compression Standard
// (https://compression.spec.whatwg.org/): formats "gzip", "deflate" (zlib)
// and "deflate-raw", over Go's compress packages (native, compression.go).
// Knowingly missing: workerd's error for trailing bytes after a gzip member
// (Go reads concatenated members as one stream).
(function (native) {
  "use strict";

  function bytes(chunk) {
    if (chunk instanceof Uint8Array) return chunk;
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError("The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
  }

  function codecStream(self, what, format, open) {
    if (format === undefined) throw new TypeError(`Failed to construct '${what}': 1 argument required, but only 0 present.`);
    format = String(format);
    if (format !== "gzip" && format !== "deflate" && format !== "deflate-raw") {
      throw new TypeError(`Failed to construct '${what}': Unsupported compression format: '${format}'`);
    }
    const codec = open(format);
    return new TransformStream({
      transform(chunk, controller) {
        const out = native.write(codec, bytes(chunk));
        if (out !== null) controller.enqueue(out);
      },
      flush(controller) {
        const out = native.close(codec);
        if (out !== null) controller.enqueue(out);
      },
    });
  }

  const kStream = Symbol("stream");

  class CompressionStream {
    constructor(format) {
      this[kStream] = codecStream(this, "CompressionStream", format, native.compressor);
    }
    get readable() { return this[kStream].readable; }
    get writable() { return this[kStream].writable; }
  }

  class DecompressionStream {
    constructor(format) {
      this[kStream] = codecStream(this, "DecompressionStream", format, native.decompressor);
    }
    get readable() { return this[kStream].readable; }
    get writable() { return this[kStream].writable; }
  }

  for (const C of [CompressionStream, DecompressionStream]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
    Object.defineProperty(globalThis, C.name, { value: C, writable: true, configurable: true, enumerable: false });
  }
});
