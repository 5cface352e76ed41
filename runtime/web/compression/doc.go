// Package compression is CompressionStream and DecompressionStream for
// workers ("gzip", "deflate", "deflate-raw"): a TransformStream in JS
// (compression.js) over Go's compress/gzip, compress/zlib and compress/flate.
//
// Imports: goja, runtime/module, runtime/webidl (bytes in and Uint8Arrays
// out) and the standard library. Never edgedev/runtime (the boundary test in
// the repository root checks it).
//
// Concurrency: every call from JS runs on the loop goroutine. A
// decompression runs the Go reader on a goroutine of its own behind an
// io.Pipe; that goroutine touches only the decompressor's output buffer and
// error, under its mutex, and never the VM. It ends when the stream is
// closed or the instance's context ends, so an abandoned stream does not
// leak it.
package compression
