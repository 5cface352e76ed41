// Package assets is the assets binding kind: env.ASSETS (the `binding` of
// the wrangler config's [assets] table, and Pages' env.ASSETS), a Fetcher
// whose fetch(request | url) answers from the asset server in package
// edgedev/assets, never the worker; and Site, a Workers project's assets
// directory as one dev session serves it, shared by the dev server's front
// door and the binding so that both always apply the same rules.
//
// Where things are:
//
//	site.go     Site: open once per session, rules re-read once per burst of changes; the kind's factory
//	fetcher.go  env.ASSETS.fetch: arguments through the Request constructor, redirects followed when asked
//
// Imports: bindings, config, the asset server (edgedev/assets), runtime/module
// (rejecting with a JS value), weburl, goja and the standard library; never
// runtime or dev.
//
// Concurrency: a Site is safe for concurrent use (its current Server is an
// atomic pointer; Changed only sets a flag). fetch runs file I/O on its own
// goroutine and settles on the loop.
package assets
