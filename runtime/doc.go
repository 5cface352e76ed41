// Package runtime is the JS host: one goja runtime per worker instance,
// owned by one event-loop goroutine; the module and service-worker handler
// formats; the bridge between net/http and the JS fetch handler; the
// outbound fetch; CPU limits and source-mapped errors; and the one table of
// globals, and the loader of built-in modules (node:*). The Web APIs themselves live one family per folder under
// runtime/web (url, streams, crypto, console, ...), the engine gaps under
// runtime/engine, and all of them see the host only through runtime/module's
// Host, which *instance implements (docs/architecture.md walks through it).
//
// Where things are:
//
//	worker.go      Worker: compile once, start instances, replace a broken one, Close, RunOnLoop
//	instance.go    instance: one VM and its loop; the watchdog, retiring after an uncatchable
//	               error, rejection tracking; the module.Host methods
//	loop.go        the event loop and its one rule (only the loop goroutine touches the VM)
//	globals.go     the one table of globals: every Web API family's Install, in order, lazy or not,
//	               and the Node globals nodejs_compat v2 adds
//	owner.go       which request running JS works for, and AsyncLocalStorage's frame beside it
//	loader.go      the built-in module loader the bundle imports through (__edgedev_import): the
//	               table of module families ("node:" -> runtime/node's registry), one instance each
//	errors.go      ScriptError and its Kinds; stacks as users read them; the worker log's error lines
//	v8text.go      V8Error: V8's text on an error goja threw, at the points the host sees it first
//	               (the table is module.V8Message's); the script's source at a stack position
//	cf.go          request.cf and the per-location env of the consistency simulation
//	dispatch.go    Serve: an HTTP request into a Request, the handler's Response out to the client
//	request_response.go  Headers, Request, Response (js/headers_request_response.js) and their Go helpers
//	handlers.go    the handler side (js/handlers.js): addEventListener("fetch"), FetchEvent,
//	               ExecutionContext and waitUntil, queueMicrotask
//	parts.go       the positions and body kinds of the arrays Go and the request path's JS pass
//	fetchclient.go the global fetch() (js/fetchclient.js) on net/http: redirects, streaming, abort
//
// Imports: goja, the standard library, bindings (interfaces only),
// runtime/module, runtime/webidl, runtime/engine, runtime/web/..., runtime/node (the registry) and small
// leaf packages such as weburl and jspromise. Never dev, bundler, config,
// persist or a concrete binding kind (boundary_test.go at the repo root).
//
// Concurrency: a Worker's goja.Runtime is touched only by its loop goroutine.
// Every other goroutine talks to the worker by posting a job to the loop;
// Go work started from JS (a KV write, an outbound fetch) runs on its own
// goroutine and settles its promise by posting back (module.Host's Async and
// Callback). No JS ever runs off the loop.
package runtime
