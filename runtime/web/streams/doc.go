// Package streams is the WHATWG Streams Standard for workers (ReadableStream,
// WritableStream, TransformStream, their readers, writers and controllers,
// the queuing strategies, TextEncoderStream and TextDecoderStream) and
// workerd's IdentityTransformStream and FixedLengthStream. All of it is JS
// (streams.js, edgestreams.js), compiled once per process; the Go side only
// runs it. The runtime's headers_request_response.js reads two registered symbols these classes
// define (see Install and InstallEdge); nothing else ties them together.
//
// Imports: goja, runtime/module and the standard library. Never
// edgedev/runtime (the boundary test in the repository root checks it).
//
// Concurrency: none of its own. Install runs on the loop goroutine, and so
// does all stream JS: a stream reaches Go work (a request body, a socket)
// only through the runtime's fetch code, which owns that concurrency.
package streams
