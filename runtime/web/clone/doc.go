// Package clone is the structuredClone global (HTML's structured clone,
// serialize and deserialize in one pass): Install defines it on a worker's
// global scope. It also names the reflect types goja exports Map, Set,
// Promise, Proxy and the wrapper objects as (TypeMapEntries, ...), which
// console's inspector uses to tell objects apart the same way.
//
// Imports: goja, runtime/module (the host it installs into, and the name of
// the symbol a binding marks its uncloneable objects with), runtime/webidl
// (DOMException, BufferSource views, dictionary members) and the standard
// library.
//
// Never: edgedev/runtime (the host reaches clone through module.Host only),
// a concrete binding, or another Web API family's internals.
//
// Concurrency: structuredClone and the intrinsics it captures (clone.js, run
// once per VM on the first call) belong to the VM's loop goroutine, like
// everything JS calls.
package clone
