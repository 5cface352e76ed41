// Package dev is edgedev's front door: it loads a project (config, bundle,
// bindings; a Pages project through package pages), serves the worker over
// HTTP on loopback, with the [assets] table's router in front of it
// (assets.go: static assets first, unless run_worker_first says otherwise;
// asset edits never rebuild the worker), writes the request log and the error page, watches the
// files to rebuild and swap the worker (watch.go), runs the KV consistency
// simulation's session clock and locations (consistency.go), and answers the
// /cdn-cgi/edgedev/ control endpoints (control.go, kvcontrol.go) and the
// dashboard behind the same gate (dashboard.go; its page is the embedded
// dashboard/ folder, one section per binding kind in dashboard/app.js). The
// HTML error page is errorpage.go.
//
// Imports: config, bundler, runtime, pages, assets, bindings, bindings/builtin,
// bindings/kv, bindings/assets, kvcontrol, persist, clock, hint. Never imported by the
// packages below it.
//
// Concurrency: net/http serves each request on its own goroutine. The worker
// in use is an atomic pointer: a request loads it once and finishes on it
// even if a rebuild swaps in another meanwhile. Loading and reloading are
// serialised by Server.mu, which requests never take.
package dev
