// Package pages is Cloudflare Pages for edgedev: it compiles a project's
// functions/ directory into a worker and serves its static assets the way
// the platform does (reference/workers-platform.md sections 5 and 7),
// through package assets (the one asset server, shared with Workers
// Static Assets) in its Pages mode.
//
// Where things are:
//
//	routes.go     scan functions/, order routes (Compare), match a request (Table.Match)
//	pattern.go    route paths to regular expressions (path-to-regexp v6 semantics)
//	exports.go    which onRequest* names a file exports (esbuild metafile, no bundling)
//	entry.go      the generated JS entry: imports every function file, runs the chain
//	js/entry.js   the execution model (middleware, next(), context, data, errors)
//	routesjson.go _routes.json: validate, decide whether a path invokes functions
//	project.go    one build of a project: route table, rules, entry text
//	binding.go    the hidden router binding the entry uses (env.ASSETS is bindings/assets)
//	gitinfo.go    CF_PAGES_* values from the project's git checkout
//	warning.go    Warning (assets.Warning): a bad rule-file line or a shadowed function, never fatal
//
// Pages compiles to a worker (DESIGN.md decision 9): Go builds the route
// table and decides, per request, whether a function can run at all
// (_routes.json, then Table.Match); the generated entry asks the same table
// (through the router binding) which middleware and handler to run. Static
// assets are served by Go, both to the client directly and to functions
// through env.ASSETS. Build.Serve is that front: dev calls it per request
// with the worker to fall through to.
//
// Imports: assets (the asset server and the rule files), bindings
// (interfaces) and bindings/assets (env.ASSETS), runtime/module (rejecting
// with a JS value), bundler (export names, in exports.go), weburl, goja (to
// build the router binding's JS value) and the standard library. Never runtime, dev,
// config, persist or cmd.
//
// Concurrency: a Table, a Project and an Assets are immutable once built
// and safe for concurrent use; the asset file cache and the match cache
// lock internally. Binding values are built and used on the owning worker's
// loop goroutine only; asset file I/O for env.ASSETS runs on its own
// goroutine and settles back on the loop.
package pages
