// Package json is JSON.parse and JSON.stringify as V8 has them (ECMA-262
// §25.5, with the JSON.parse source text access proposal's reviver context,
// JSON.rawJSON and JSON.isRawJSON), written in Go over goja's exported API
// and installed over goja's own by engine.InstallJSON. Every JSON.parse
// SyntaxError and JSON.stringify's circular-structure and BigInt TypeErrors
// carry V8's exact text (src/common/message-template.h,
// src/json/json-parser.cc, src/json/json-stringifier.cc); json_test.go
// checks them against recordings from wrangler dev.
//
// The host's own JSON (Body.json(), Response.json(), KV's "json" type and
// metadata) reaches the same Codec through webidl.Kit, so a script that
// replaces globalThis.JSON changes only what it calls itself, as in workerd.
//
// Parsing builds goja values directly: objects by [[Set]] onto a
// prototype-less object that gets Object.prototype once its members are in
// (exactly CreateDataProperty, at goja's object-literal cost), arrays from
// their elements in one NewArray, strings as goja strings (UTF-16 where not
// ASCII). Stringify walks ordinary objects with Keys and Get (getters run as
// [[Get]] runs them) and goes through Object.keys and Reflect.get for a
// Proxy, a replacer array and names holding a lone surrogate.
//
// Knowingly different from V8: the constructor name in a circular-structure
// message is read through the object's "constructor" property (V8 reads
// its map first); a gap string is read as a Go string (a lone surrogate in
// it becomes U+FFFD); nesting deeper than maxDepth throws V8's RangeError
// at a fixed depth rather than at the end of the stack; test262's two
// cross-realm tests cannot run, as goja has one realm per runtime.
//
// Imports: goja and the standard library only, so that webidl can use it.
//
// Concurrency: none. A Codec belongs to one runtime and runs on its loop.
package json
