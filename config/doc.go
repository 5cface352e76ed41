// Package config finds and reads a worker's wrangler configuration
// (wrangler.json, wrangler.jsonc or wrangler.toml), resolves an [env.NAME]
// section the way wrangler does, and reads the local dev secrets (.dev.vars,
// or .env files as a fallback). It validates everything it reads and reports
// every problem at once, each with file, line, key and what would be valid;
// unknown keys and other doubtful-but-legal things are warnings.
//
// Entry points: Find (upward search for the config file), Load / Loader.Load
// (parse, validate, resolve an environment), LoadDevVars and ParseVarFlag.
// Errors a user should see are *Problems (a list of Diagnostic); warnings are
// returned as []Diagnostic for the CLI to print.
//
// Imports: the standard library and github.com/BurntSushi/toml only. JSONC
// comments and trailing commas are stripped by our own code. It must never
// import another edgedev package (it is a leaf: bindings, dev and cmd import
// it), nor goja, esbuild or net/http; boundary_test.go enforces this.
//
// Concurrency: no package state is mutated after init; every function may be
// called from any goroutine. A Config is a plain value the caller owns.
package config
