package node

import (
	"strings"

	"edgedev/runtime/module"
	"edgedev/runtime/node/crypto"
	"edgedev/runtime/node/internal/interim"
	"edgedev/runtime/node/process"
	"edgedev/runtime/node/stream"
	"edgedev/runtime/node/timers"
	"edgedev/runtime/node/zlib"
)

// modules is the one table of Node.js built-in modules: the name after
// "node:" and the function that makes its exports (a module.Builtin). A
// name missing here is "No such module" at run time, as in workerd for a
// module it lacks. Aliases ("sys") are resolved in Lookup, not listed.
var modules = map[string]module.Builtin{
	"crypto":          crypto.Exports,
	"stream":          stream.Exports,
	"stream/promises": stream.PromisesExports,
	"stream/web":      stream.WebExports,
	"zlib":            zlib.Exports,
	// Stand-ins until the nodecore branch's modules land (runtime/node/internal/interim).
	"events":          interim.Events,
	"buffer":          interim.Buffer,
	"string_decoder":  interim.StringDecoder,
	"util":            interim.Util,
	"async_hooks":     interim.AsyncHooks,
	"timers/promises": interim.TimersPromises,
	"process":         process.Exports,
	"timers":          timers.Exports,
}

// Lookup returns the module for a specifier ("node:buffer"; "node:sys"
// is node:util, as in workerd).
func Lookup(specifier string) (module.Builtin, bool) {
	name, ok := strings.CutPrefix(specifier, "node:")
	if !ok {
		return nil, false
	}
	if name == "sys" {
		name = "util"
	}
	b, ok := modules[name]
	return b, ok
}

// Names lists the modules the registry holds, without the prefix.
func Names() []string {
	out := make([]string, 0, len(modules))
	for n := range modules {
		out = append(out, n)
	}
	return out
}
