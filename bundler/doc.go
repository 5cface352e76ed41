// Package bundler turns a worker's entry file (TypeScript or JavaScript, with
// relative imports, JSON and text imports, and npm packages from node_modules)
// into one classic script that goja can compile, using esbuild's Go API.
// As in wrangler's default module rules, .txt, .html and .sql imports are
// strings.
//
// The output is an IIFE that assigns the entry's exports to the global
// GlobalName ("__edgedev_worker"): a module-format worker's handlers are on
// __edgedev_worker.default; a service-worker script exports nothing and only
// registers listeners. The script carries an inline source map whose paths are
// relative to Options.Dir, so compiling it under Result.Filename ("worker.js",
// relative, as if it sat in Dir) makes goja's stack traces name the original
// files, e.g. "src/index.ts:12:9".
//
// Output is ES2022 with the features goja cannot run lowered by esbuild
// (async generators, for await, class fields, non-literal dynamic import).
// What cannot be lowered is reported as a build error with file:line:col:
// top-level await in particular, since goja runs scripts, not ES modules.
// Uses of import.meta compile (to an empty object) and come back as warnings.
//
// A Bundler keeps one esbuild build context for its whole life, so each Build
// after the first is an incremental rebuild: the hot-reload loop calls Build
// again after a file in Result.Inputs changes.
//
// Each build also runs the bundle lint (lint.go): code that bundles but
// would behave differently under goja (unsupported regular-expression
// features, Intl members edgedev lacks, WeakRef, ...) comes back as warnings
// at the original source position.
//
// Imports: the standard library, github.com/evanw/esbuild/pkg/api and
// edgedev/jsregexp (a standard-library-only leaf) only. Never esbuild's
// internal packages, never goja, never another edgedev package: bundler is
// a leaf (deps_test.go checks this).
//
// Concurrency: a Bundler may be used from several goroutines; Build calls are
// serialised, and Close waits for a running Build to finish after asking it
// to stop. Results and errors are plain values owned by the caller.
package bundler
