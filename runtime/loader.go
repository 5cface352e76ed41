package runtime

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/cloudflare"
	"edgedev/runtime/module"
	"edgedev/runtime/node"
	"edgedev/runtime/webidl"
)

// BuiltinLoader is the global the bundle calls to import a built-in module
// (bundler.BuiltinLoader; a dev test checks the two names agree). It is
// not enumerable, so a worker that walks globalThis does not see it.
const BuiltinLoader = "__edgedev_import"

// NodeCompat is a worker's Node.js compatibility, as config.Node resolves
// it from the compatibility date and flags.
type NodeCompat struct {
	// Mode is "" (off), "als" (node:async_hooks only), "v1" (node:
	// modules) or "v2" (with or without the prefix, and the globals
	// Buffer, process and global).
	Mode string
	// PopulateProcessEnv fills process.env with the vars (a JSON var as its
	// JSON text) and secrets.
	PopulateProcessEnv bool
	// Flags are the date-implied Node flags the worker has
	// (config.NodeCompat.Flags), for module.Loader.CompatFlag.
	Flags []string
}

// families is the one table of built-in module families: a specifier
// prefix, which of its modules the worker may import, and the family's
// registry. cloudflare:workers (Durable Objects) is one more line.
var families = []struct {
	prefix  string
	allowed func(o *Options, spec string) bool
	lookup  func(spec string) (b module.Builtin, canonical string, ok bool)
}{
	{"node:", func(o *Options, spec string) bool {
		m := o.Node.Mode
		return m == "v1" || m == "v2" || (m == "als" && spec == "node:async_hooks")
	}, node.Lookup},
	{"cloudflare:node", func(o *Options, spec string) bool {
		return o.Node.Mode == "v1" || o.Node.Mode == "v2"
	}, node.LookupCloudflare},
	{"cloudflare:", func(*Options, string) bool { return true }, cloudflare.Lookup},
}

// loader is an instance's module loader: each built-in's exports are made
// once, on first import, and kept. Loop only.
type loader struct {
	inst    *instance
	loaded  map[string]goja.Value
	loading map[string]bool
}

func (inst *instance) installLoader() error {
	l := &loader{inst: inst, loaded: map[string]goja.Value{}, loading: map[string]bool{}}
	inst.modules = l
	vm := inst.vm
	f := webidl.Function(vm, BuiltinLoader, 1, func(c goja.FunctionCall) goja.Value {
		v, err := l.Require(c.Argument(0).String())
		if err != nil {
			panic(inst.errorValue(err))
		}
		return v
	})
	return vm.GlobalObject().DefineDataProperty(BuiltinLoader, f, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// Require implements module.Loader.
func (l *loader) Require(spec string) (goja.Value, error) {
	if v, ok := l.loaded[spec]; ok {
		return v, nil
	}
	for _, f := range families {
		if !strings.HasPrefix(spec, f.prefix) {
			continue
		}
		b, canonical, ok := f.lookup(spec)
		if !ok || !f.allowed(&l.inst.w.opts, canonical) {
			break
		}
		if canonical != spec {
			return l.Require(canonical)
		}
		if l.loading[spec] {
			return nil, fmt.Errorf("edgedev: built-in module %s requires itself while loading (a bug in edgedev)", spec)
		}
		l.loading[spec] = true
		defer delete(l.loading, spec)
		// Made outside any request, as an eager global is, so what the
		// module starts watches the instance's Context, not a request's.
		var v goja.Value
		var err error
		l.inst.withOwner(nil, func() { v, err = b(l.inst, l) })
		if err != nil {
			if _, isJS := err.(*goja.Exception); isJS {
				return nil, err
			}
			return nil, fmt.Errorf("edgedev could not set up %s: %w", spec, err)
		}
		l.loaded[spec] = v
		return v, nil
	}
	// workerd's words for a module it does not have.
	vm := l.inst.vm
	e, err := vm.New(vm.Get("Error"), vm.ToValue(fmt.Sprintf("No such module %q.", spec)))
	if err != nil {
		return nil, err
	}
	return nil, module.Reject(e)
}

// Env implements module.Loader.
func (l *loader) Env() goja.Value { return l.inst.env }

// WaitUntil implements module.Loader.
func (l *loader) WaitUntil(p goja.Value) { l.inst.waitUntil(p) }

// ProcessEnv implements module.Loader: the vars and secrets, when the
// worker populates process.env. As in workerd, a JSON var is there as its
// JSON text (wrangler 4.86.0: CONF = { a = 1 } gives process.env.CONF
// '{"a":1}').
func (l *loader) ProcessEnv() []module.EnvVar {
	inst := l.inst
	if !inst.w.opts.Node.PopulateProcessEnv {
		return nil
	}
	var env []module.EnvVar
	for i, b := range inst.w.opts.Bindings {
		if i >= len(inst.envValues) || (b.Kind != "var" && b.Kind != "secret") {
			continue
		}
		v := inst.envValues[i]
		if s, ok := v.Export().(string); ok {
			env = append(env, module.EnvVar{Name: b.Name, Value: s})
		} else if j, err := json.Marshal(v.Export()); err == nil {
			env = append(env, module.EnvVar{Name: b.Name, Value: string(j)})
		}
	}
	return env
}

// CompatFlag implements module.Loader.
func (l *loader) CompatFlag(name string) bool {
	return slices.Contains(l.inst.w.opts.Node.Flags, name)
}
