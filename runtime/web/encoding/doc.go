// Package encoding is the TextEncoder, TextDecoder, atob and btoa globals of
// a worker, after the Encoding Standard and HTML's base64 utilities, with
// workerd's error messages. Install defines them. Two of its decoders serve
// other families: ForgivingBase64 (fetch's data: URLs) and DecodeUTF8
// (Blob.text(), which must not depend on TextDecoder being installed).
//
// Imports: goja, runtime/module, runtime/webidl and the standard library.
// Never edgedev/runtime: the runtime imports this package and lends it a
// module.Host.
//
// Concurrency: a TextDecoder's streaming state belongs to its runtime and
// is touched only on that runtime's loop goroutine. ForgivingBase64 and
// DecodeUTF8 keep no state and are safe from any goroutine.
package encoding
