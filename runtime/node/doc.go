// Package node is the registry of the Node.js built-in modules a worker
// with nodejs_compat imports (node:buffer, node:events, ...): one table,
// modules in registry.go, from the name after "node:" to the module's
// module.Builtin. The runtime's module loader (runtime/loader.go) serves
// them to the bundle: the bundler turns every import or require() of a
// built-in into a call of the loader (bundler/node.go), and the loader
// makes a module's exports the first time an instance asks and keeps them.
// Which modules a worker may import (none, node:async_hooks alone, node:
// names only, or bare names too) is decided once, by config.Node, from the
// compatibility date and flags.
//
// Adding a module (say node:os) is a folder and one line:
//
//  1. runtime/node/os/os.go, package os, with
//
//     // Exports returns what require("node:os") gives.
//     func Exports(h module.Host, l module.Loader) (goja.Value, error)
//
//     h is all a module gets of the runtime (the VM, the loop slots, the
//     log, the clock, the context, AsyncLocalStorage's frame); l gives
//     other built-ins by specifier, l.Require("node:buffer"), process.env's
//     contents, and the date-implied flags the worker has,
//     l.CompatFlag("enable_nodejs_fs_module") (workerd turns on fs, http,
//     os, ... from dates; config/compat.go's nodeImplied is the table). Never import
//     runtime; take another module's JS values through l.Require, not
//     through its Go package (a Go helper of another module may be
//     imported: boundary_test.go allows runtime/node/... to import itself).
//
//  2. The line in registry.go's modules table:
//
//     "os": os.Exports,
//
//     (a sub-path module is its own line: "fs/promises": fs.PromisesExports).
//
//  3. Where JS is clearly simpler (most of events and stream), a .js file
//     next to the Go file, //go:embed-ed and declared once per process with
//     module.NewJSFile("edgedev:node/os.js", src); Exports loads it with
//     .Load(vm) and calls the function it evaluates to with a
//     module.NewNatives object holding the Go helpers and the other
//     modules it needs. The file is one function expression,
//     (function (native) { "use strict"; ...; return exports; }), whose
//     result Exports returns; its frames stay out of the user's stacks
//     (the "edgedev:" name). What Exports returns is module.exports:
//     `import x from "node:os"` gets that object, named imports its
//     properties.
//
//  4. Errors as Node throws them, from runtime/node/internal: in JS,
//     native.internal.errors.codes.ERR_INVALID_ARG_TYPE(name, expected,
//     actual) (and ERR_OUT_OF_RANGE, ERR_INVALID_ARG_VALUE, ... in
//     errors.js) returns the error with err.code, Node's message with its
//     "Received ..." wording and Node's "TypeError [ERR_...]: ..."
//     toString; the validators (validateString, validateFunction, ...)
//     throw them. In Go, internal.Of(vm).Throw(vm, "ERR_...", args...).
//     Pass internal.Of(vm).Object to the JS file as native.internal: it
//     also holds util.inspect (inspect), util.types (types) and deep
//     equality (compare). Where workerd's words differ from Node's, take
//     workerd's (record them with wrangler dev).
//
//  5. Tests on the harness, external package (package os_test), with
//     runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}} and
//     __edgedev_import("node:os") as the bundle would call it; record the
//     expected values with the installed node (node -e) or wrangler dev.
//
// A module workerd only stubs (node:fs before its virtual fs, node:net)
// is a line too: its Exports builds the object whose functions throw as
// under wrangler.
//
// The modules so far: assert (+ strict), async_hooks, buffer, events,
// path (+ posix, win32), process, querystring, string_decoder, timers
// (+ promises), url, util (+ types). Each folder's tests compare with
// Node v20.20.2 or with workerd under wrangler 4.86.0, recorded into
// testdata by a committed script or named in the test.
//
// Imports: runtime/module, runtime/webidl, runtime/web/... (a family's Go
// helpers), runtime/node/... and goja; never runtime, bindings or config.
//
// Concurrency: Exports and every function JS calls run on the instance's
// loop goroutine; Go work elsewhere comes back through Host.Async or
// Host.Callback.
package node
