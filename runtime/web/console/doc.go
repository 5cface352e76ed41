// Package console is the console global (the Console Standard) and the
// inspector behind it, which formats values the way Node's util.inspect
// does, so a worker's log reads as it does under `wrangler dev`. Install
// defines console on a worker's global scope and sends each printed line to
// module.Host.Log with its level.
//
// Imports: goja, runtime/module (the host it installs into and logs to),
// runtime/webidl (named functions, typed-array and DataView checks),
// runtime/web/clone (the reflect types goja exports Map, Set, Promise and
// Proxy as) and the standard library.
//
// Never: edgedev/runtime (the host reaches console through module.Host
// only), bindings, or anything that does I/O of its own: printing is the
// host's business.
//
// Concurrency: console's methods, its count/time/group state and the
// inspector's intrinsics (inspect.js, run once per VM when the first object
// is formatted) belong to the VM's loop goroutine. Host.Log is called there,
// once per printed line.
package console
