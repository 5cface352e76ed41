package node

import (
	"strings"

	"edgedev/runtime/module"
	"edgedev/runtime/node/assert"
	"edgedev/runtime/node/asynchooks"
	"edgedev/runtime/node/buffer"
	"edgedev/runtime/node/events"
	"edgedev/runtime/node/path"
	"edgedev/runtime/node/process"
	"edgedev/runtime/node/querystring"
	"edgedev/runtime/node/stringdecoder"
	"edgedev/runtime/node/timers"
	"edgedev/runtime/node/url"
	"edgedev/runtime/node/util"
)

// modules is the one table of Node.js built-in modules: the name after
// "node:" and the function that makes its exports (a module.Builtin). A
// name missing here is "No such module" at run time, as in workerd for a
// module it lacks. Aliases ("sys") are resolved in Lookup, not listed.
var modules = map[string]module.Builtin{
	"assert":          assert.Exports,
	"assert/strict":   assert.StrictExports,
	"async_hooks":     asynchooks.Exports,
	"buffer":          buffer.Exports,
	"events":          events.Exports,
	"path":            path.Exports,
	"path/posix":      path.PosixExports,
	"path/win32":      path.Win32Exports,
	"process":         process.Exports,
	"querystring":     querystring.Exports,
	"string_decoder":  stringdecoder.Exports,
	"timers":          timers.Exports,
	"timers/promises": timers.PromisesExports,
	"url":             url.Exports,
	"util":            util.Exports,
	"util/types":      util.TypesExports,
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

// Names lists the modules the registry holds, without the prefix.
func Names() []string {
	out := make([]string, 0, len(modules))
	for n := range modules {
		out = append(out, n)
	}
	return out
}
