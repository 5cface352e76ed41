// Package crypto is the Web Cryptography API as Cloudflare Workers expose it:
// the crypto global (getRandomValues, randomUUID), crypto.subtle with digest,
// workerd's timingSafeEqual and every key operation, CryptoKey, and workerd's
// crypto.DigestStream. Install defines them all; runtime/globals.go calls it
// from the lazy "crypto" step, so a worker that never touches crypto never
// pays for it. Go's crypto packages do the math (imported with an alias,
// stdcrypto, where the name clashes with this package's).
//
// Imports: goja, the standard library, runtime/module (the host),
// runtime/webidl (classes, BufferSource bytes, DOMException) and the leaf
// edgedev/jspromise (settled promises without a job).
//
// Never edgedev/runtime (which imports this package) or anything else of the
// host: what the package needs from its instance comes through module.Host
// (boundary_test.go checks it).
//
// Concurrency: every operation runs on the instance's loop goroutine, as in
// workerd, synchronously inside the JS call, and returns an already settled
// promise. The one exception is RSA key generation (100+ ms for 2048 bits):
// it runs on a goroutine of its own and settles through module.Host.Async,
// whose settle function builds the CryptoKey objects back on the loop. The
// Go-side state of a runtime (webCrypto, captured at install) is only ever
// touched on that loop.
package crypto
