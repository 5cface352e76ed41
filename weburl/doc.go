// Package weburl implements the WHATWG URL Standard (https://url.spec.whatwg.org/):
// the basic URL parser state machine, the URL serializer, the attribute
// setters with their state-override semantics, origins, and the
// application/x-www-form-urlencoded parser and serializer that back
// URLSearchParams. It is what the runtime's JS URL and URLSearchParams globals
// call into, and it deliberately does not follow net/url: browsers and
// Cloudflare Workers parse "https://EXAMPLE.com:443/a/../b" into
// "https://example.com/b", net/url does not.
//
// Spec snapshot: the behaviour pinned by the WPT data in
// runtime/web/url/testdata/wpt (urltestdata.json and setters_tests.json, all of
// which pass). Two later spec changes are not in it and not implemented:
// "^" in the path percent-encode set, and encoding a space at the end of an
// opaque path as "%20" (instead, as that data expects, trailing spaces are
// stripped when the query and fragment go away).
//
// Scope: UTF-8 only (the query encoding override of the spec exists for HTML
// documents, not for workers); validation errors that do not cause failure are
// not reported; the blob URL store does not exist, so a blob: URL's origin is
// derived from its path. Hosts are run through UTS #46 via golang.org/x/net/idna
// with the options the URL Standard asks for (CheckHyphens off, CheckBidi and
// CheckJoiners on, UseSTD3ASCIIRules and VerifyDnsLength off, non-transitional).
//
// Imports: the standard library and golang.org/x/net/idna only. It must never
// import goja or any edgedev package: it is a leaf that can be tested and
// benchmarked without a JS engine.
//
// Concurrency: a *URL is a plain value with no internal locking; reading it
// from several goroutines is safe, mutating it (the Set* methods) while
// another goroutine reads it is not. Parse, ParseQuery and SerializeQuery are
// safe for concurrent use.
package weburl
