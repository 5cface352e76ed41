package module

import "github.com/dop251/goja"

// Builtin makes the exports of one built-in module (node:buffer, later
// cloudflare:workers) for one instance. The runtime's module loader calls it
// the first time the worker imports the module and keeps what it returns
// for the life of the instance, so it runs at most once per instance. It
// runs on the loop, at the import (usually the script's top level).
type Builtin func(h Host, l Loader) (goja.Value, error)

// Loader is what a built-in module gets from the module loader besides the
// Host.
type Loader interface {
	// Require returns another built-in module's exports by its full
	// specifier ("node:buffer"), loading it first if need be; a module that
	// needs Buffer or EventEmitter gets it this way, never by importing
	// the other module's Go package for its JS values.
	Require(specifier string) (goja.Value, error)
	// ProcessEnv is process.env's initial contents, in binding order: the
	// worker's vars and secrets, when the worker has
	// nodejs_compat_populate_process_env (nil otherwise).
	ProcessEnv() []EnvVar
	// Env is the worker's env object (cloudflare:workers' env import).
	Env() goja.Value
	// WaitUntil extends the running request's lifetime until p settles,
	// as ctx.waitUntil does (cloudflare:workers' waitUntil).
	WaitUntil(p goja.Value)
	// CompatFlag reports whether the worker has a compatibility flag that
	// nodejs_compat implies from a date, by its enable name
	// ("enable_nodejs_process_v2", "enable_nodejs_fs_module"; the list is
	// config's nodeImplied), as config resolved it.
	CompatFlag(name string) bool
}

// EnvVar is one entry of process.env.
type EnvVar struct{ Name, Value string }
