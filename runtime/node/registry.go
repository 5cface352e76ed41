package node

import (
	"strings"

	"edgedev/runtime/module"
	"edgedev/runtime/node/assert"
	"edgedev/runtime/node/asynchooks"
	"edgedev/runtime/node/buffer"
	"edgedev/runtime/node/crypto"
	"edgedev/runtime/node/diagnosticschannel"
	"edgedev/runtime/node/events"
	"edgedev/runtime/node/http"
	"edgedev/runtime/node/path"
	"edgedev/runtime/node/process"
	"edgedev/runtime/node/querystring"
	"edgedev/runtime/node/stream"
	"edgedev/runtime/node/stringdecoder"
	"edgedev/runtime/node/stubs"
	"edgedev/runtime/node/timers"
	"edgedev/runtime/node/url"
	"edgedev/runtime/node/util"
	"edgedev/runtime/node/zlib"
)

// modules is the one table of Node.js built-in modules: the name after
// "node:" and the function that makes its exports (a module.Builtin). A
// name missing here is "No such module" at run time, as in workerd for a
// module it lacks. Aliases ("sys") are resolved in Lookup, not listed.
var modules = map[string]module.Builtin{
	"assert":              assert.Exports,
	"assert/strict":       assert.StrictExports,
	"async_hooks":         asynchooks.Exports,
	"buffer":              buffer.Exports,
	"events":              events.Exports,
	"path":                path.Exports,
	"path/posix":          path.PosixExports,
	"path/win32":          path.Win32Exports,
	"process":             process.Exports,
	"querystring":         querystring.Exports,
	"string_decoder":      stringdecoder.Exports,
	"timers":              timers.Exports,
	"timers/promises":     timers.PromisesExports,
	"url":                 url.Exports,
	"util":                util.Exports,
	"util/types":          util.TypesExports,
	"crypto":              crypto.Exports,
	"stream":              stream.Exports,
	"stream/promises":     stream.PromisesExports,
	"stream/web":          stream.WebExports,
	"zlib":                zlib.Exports,
	"diagnostics_channel": diagnosticschannel.Exports,
	"perf_hooks":          stubs.Module("perf_hooks"),
	"http":                http.Exports,
	"https":               http.HTTPSExports,
	// The modules workerd only stubs or serves from the platform, built
	// from their recorded surface (runtime/node/stubs).
	"child_process":      stubs.Module("child_process"),
	"cluster":            stubs.Module("cluster"),
	"constants":          stubs.Module("constants"),
	"dgram":              stubs.Module("dgram"),
	"dns":                stubs.Module("dns"),
	"dns/promises":       stubs.Module("dns/promises"),
	"domain":             stubs.Module("domain"),
	"fs":                 stubs.Module("fs"),
	"fs/promises":        stubs.Module("fs/promises"),
	"http2":              stubs.Module("http2"),
	"inspector":          stubs.Module("inspector"),
	"inspector/promises": stubs.Module("inspector/promises"),
	"module":             stubs.Module("module"),
	"net":                stubs.Module("net"),
	"os":                 stubs.Module("os"),
	"punycode":           stubs.Module("punycode"),
	"readline":           stubs.Module("readline"),
	"readline/promises":  stubs.Module("readline/promises"),
	"repl":               stubs.Module("repl"),
	"sqlite":             stubs.Module("sqlite"),
	"tls":                stubs.Module("tls"),
	"trace_events":       stubs.Module("trace_events"),
	"tty":                stubs.Module("tty"),
	"v8":                 stubs.Module("v8"),
	"vm":                 stubs.Module("vm"),
	"wasi":               stubs.Module("wasi"),
	"worker_threads":     stubs.Module("worker_threads"),
}

// Lookup returns the module for a specifier ("node:buffer") and the
// specifier it is known by ("node:sys" is node:util, as in workerd), so an
// alias and its module are one module.
func Lookup(specifier string) (module.Builtin, string, bool) {
	name, ok := strings.CutPrefix(specifier, "node:")
	if !ok {
		return nil, "", false
	}
	if name == "sys" {
		name = "util"
	}
	b, ok := modules[name]
	return b, "node:" + name, ok
}

// LookupCloudflare returns a cloudflare: module that belongs with the Node
// modules (cloudflare:node, whose httpServerHandler serves a node:http
// server).
func LookupCloudflare(specifier string) (module.Builtin, string, bool) {
	if specifier == "cloudflare:node" {
		return http.CloudflareNodeExports, specifier, true
	}
	return nil, "", false
}

// Names lists the modules the registry holds, without the prefix.
func Names() []string {
	out := make([]string, 0, len(modules))
	for n := range modules {
		out = append(out, n)
	}
	return out
}
