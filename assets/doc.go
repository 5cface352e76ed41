// Package assets is edgedev's one static asset server, for both of the
// platform's: Workers Static Assets (the asset worker and the router in
// front of it, reference/platform-assets-do-queues.md section 1) and Pages
// (the asset server, reference/workers-platform.md sections 5.4 and 5.6).
// A fix to file lookup, ETags, _headers or _redirects lands once for both.
//
// Where things are:
//
//	server.go     Files (the opened directory and its cache), Server, Serve, Write, ETags
//	workers.go    the asset worker: html_handling, not_found_handling, canonical 307s
//	router.go     the router: run_worker_first, and which misses reach the worker
//	pages.go      the Pages asset server: canonical 308s, 404.html, SPA fallback
//	redirects.go  _redirects: parse with the platform's limits and messages, match
//	headers.go    _headers: parse, match, apply
//	rules.go      the splat/placeholder matcher both files share
//	ignore.go     .assetsignore (gitignore syntax)
//	mime.go       content types: mime v3 for Pages, v4 for Workers
//	warning.go    Warning: a bad rule-file line, never fatal
//
// Imports: weburl and the standard library only; no goja, no edgedev
// package above it. env.ASSETS (the JS side) is bindings/assets.
//
// Concurrency: a Server and the rule types are immutable once built and
// safe for concurrent use; Files locks its cache internally.
package assets
