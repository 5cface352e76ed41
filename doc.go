// Package edgedev is the module root: it holds no code, only this map and
// boundary_test.go, the one table of which package may import which
// (docs/architecture.md walks through the packages; STYLE.md §1 says why).
//
//	cmd/edgedev        flags and subcommands; wires the others together
//	dev                HTTP front door, hot reload, request log, error page, control endpoints
//	kvcontrol          the loopback protocol `edgedev kv` uses to reach a running dev server
//	config             wrangler.toml/json(c), [env.NAME], .dev.vars -> typed Config + diagnostics
//	bundler            esbuild in, one script + source map + inputs out
//	runtime            the JS host: worker, instance, loop, errors, cf, dispatch, fetch, globals table
//	runtime/module     what a Web API or Node module gets from the host (Host, JSFile)
//	runtime/webidl     the Web IDL chores: classes, BufferSource bytes, DOMException, argument errors
//	runtime/engine     engine gaps: RegExp property escapes, ES shims
//	runtime/web/...    one folder per Web API family (url, streams, crypto, console, ...)
//	runtime/runtimetest the one harness for testing a module on a real loop
//	bindings           the Binding interface and vars; bindings/<kind> one folder per kind
//	bindings/builtin   the one table from wrangler config section to binding factory
//	persist            bbolt storage for KV; no JS, no HTTP
//	pages              Pages Functions routes and the Pages asset server
//	clock              the one injectable clock
//	hint               a what-to-do hint carried by an error, printed on its own line
//	weburl, urlpattern, jsregexp, jspromise  small leaves the runtime builds on
package edgedev
