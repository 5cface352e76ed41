// Package urlpattern implements the URL Pattern Standard
// (https://urlpattern.spec.whatwg.org/): the tokenizer and pattern parser,
// conversion of a part list to a regular expression and back to a
// normalized pattern string, the constructor string parser, URLPatternInit
// processing with per-component canonicalization, and matching. The
// runtime's JS URLPattern global is a thin wrapper over it.
//
// Regular expressions: each component compiles to an ECMAScript regular
// expression, run by github.com/dlclark/regexp2 in ECMAScript+Unicode mode
// (the engine goja itself falls back to). The standard asks for the "v"
// flag; regexp2 has no set notation, so a custom regexp group that uses
// v-only syntax ([[a-z]--a], [\d&&[0-1]]) is rejected with an error that
// says so, and everything else behaves as under "u".
//
// URL parsing and host canonicalization go through package weburl, so a
// pattern and the URLs it is matched against are normalized by the same
// code.
//
// Imports: the standard library, edgedev/weburl and regexp2. Never goja or
// another edgedev package: it is a leaf that can be tested without a JS
// engine.
//
// Concurrency: a *Pattern is immutable after New/Parse returns and may be
// matched from several goroutines at once.
package urlpattern
