// Package stubs is the Node modules workerd only stubs, through unenv, or
// serves from the platform (fs, child_process, net, dns, os, tls, ...). Each
// module is built from its surface as recorded from wrangler dev 4.86.0
// (surface.json; how it was recorded is in its "recorded" field): the same
// names, types and values, calls failing with the same words.
//
// From the date (or flag) that turns a module's enable_nodejs_*_module on,
// the module is workerd's own and its surface is surface-native.json's
// (Loader.CompatFlag picks).
//
// workerd's own node:fs is a virtual file system: vfs.js keeps it in memory
// (/tmp writable for the life of the instance, /bundle read-only and empty,
// /dev/null) for the common calls (read, write, append, stat, mkdir,
// readdir, unlink, rm, rename, copy, access, realpath; sync, callback and
// promise forms).
//
// Knowingly missing: what workerd's own modules do with arguments beyond
// that: file descriptors and streams of the virtual fs, the worker's
// modules under /bundle, net.connect sockets, dns lookups over DoH,
// punycode, vm: such a call says it is not emulated; the calls recorded
// with no arguments answer as recorded.
package stubs

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/nodeerr"
	"edgedev/runtime/webidl"
)

//go:embed surface.json
var surfaceJSON []byte

//go:embed surface-native.json
var nativeJSON []byte

// nativeFlag is, for a module workerd implements itself from a date on,
// the flag that turns its own module on in place of unenv's
// (config.nodeImplied lists the dates); its surface is then the one in
// surface-native.json.
var nativeFlag = map[string]string{
	"fs": "enable_nodejs_fs_module", "fs/promises": "enable_nodejs_fs_module",
	"os": "enable_nodejs_os_module", "vm": "enable_nodejs_vm_module",
	"child_process": "enable_nodejs_child_process_module", "worker_threads": "enable_nodejs_worker_threads_module",
	"cluster": "enable_nodejs_cluster_module", "dgram": "enable_nodejs_dgram_module",
	"inspector": "enable_nodejs_inspector_module", "inspector/promises": "enable_nodejs_inspector_module",
	"repl": "enable_nodejs_repl_module", "tty": "enable_nodejs_tty_module", "v8": "enable_nodejs_v8_module",
	"perf_hooks": "enable_nodejs_perf_hooks_module", "punycode": "enable_nodejs_punycode_module",
	"trace_events": "enable_nodejs_trace_events_module", "wasi": "enable_nodejs_wasi_module",
	"domain": "enable_nodejs_domain_module", "sqlite": "enable_nodejs_sqlite_module",
}

//go:embed stubs.js
var stubsJS string

//go:embed vfs.js
var vfsJS string

var (
	stubsFile = module.NewJSFile("edgedev:node/stubs.js", stubsJS)
	vfsFile   = module.NewJSFile("edgedev:node/vfs.js", vfsJS)
)

// vfsKey holds an instance's virtual file system on its global object, so
// node:fs and node:fs/promises share one.
var vfsKey = goja.NewSymbol("edgedev.node.vfs")

// virtualFS is the instance's file system: {fs, promises}, made once.
func virtualFS(vm *goja.Runtime, l module.Loader) (*goja.Object, error) {
	g := vm.GlobalObject()
	if v := g.GetSymbol(vfsKey); v != nil && !goja.IsUndefined(v) {
		return v.ToObject(vm), nil
	}
	b, err := l.Require("node:buffer")
	if err != nil {
		return nil, err
	}
	fn, err := vfsFile.Load(vm)
	if err != nil {
		return nil, err
	}
	v, err := fn(goja.Undefined(), b.ToObject(vm).Get("Buffer"))
	if err != nil {
		return nil, err
	}
	o := v.ToObject(vm)
	return o, g.DefineDataPropertySymbol(vfsKey, o, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// surface and native are each module's recorded surface as JSON text,
// split once: unenv's, and workerd's own under its flag.
var (
	surface = sync.OnceValues(func() (map[string]string, error) { return split("surface.json", surfaceJSON) })
	native  = sync.OnceValues(func() (map[string]string, error) { return split("surface-native.json", nativeJSON) })
)

func split(file string, data []byte) (map[string]string, error) {
	var all struct {
		Modules map[string]json.RawMessage `json:"modules"`
	}
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, fmt.Errorf("stubs: %s: %w", file, err)
	}
	out := make(map[string]string, len(all.Modules))
	for name, raw := range all.Modules {
		out[name] = string(raw)
	}
	return out, nil
}

// Names lists the modules this package builds.
func Names() []string {
	s, err := surface()
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(s))
	for n := range s {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// subModules are the values of a module that are another module's exports
// (fs.promises is node:fs/promises).
var subModules = map[string]map[string]string{
	"fs":        {"promises": "node:fs/promises"},
	"dns":       {"promises": "node:dns/promises"},
	"readline":  {"promises": "node:readline/promises"},
	"inspector": {},
}

// Module returns the Builtin for the stub module name ("fs").
func Module(name string) module.Builtin {
	return func(h module.Host, l module.Loader) (goja.Value, error) {
		vm := h.VM()
		pick := surface
		var live goja.Value = goja.Undefined()
		if f, ok := nativeFlag[name]; ok && l.CompatFlag(f) {
			pick = native
			if name == "fs" || name == "fs/promises" {
				v, err := virtualFS(vm, l)
				if err != nil {
					return nil, err
				}
				live = v.Get(map[string]string{"fs": "fs", "fs/promises": "promises"}[name])
			}
		}
		s, err := pick()
		if err != nil {
			return nil, err
		}
		spec, ok := s[name]
		if !ok {
			// workerd has no such module under its flag (node:sqlite from
			// 2026-01-29 does not resolve).
			e, err := vm.New(vm.Get("Error"), vm.ToValue(fmt.Sprintf("No such module %q.", "node:"+name)))
			if err != nil {
				return nil, err
			}
			return nil, module.Reject(e)
		}
		kit, err := webidl.Of(vm)
		if err != nil {
			return nil, err
		}
		specValue, err := kit.ParseJSON(spec)
		if err != nil {
			return nil, err
		}
		sub := vm.NewObject()
		for key, spec := range subModules[name] {
			v, err := l.Require(spec)
			if err != nil {
				return nil, err
			}
			if err := sub.Set(key, v); err != nil {
				return nil, err
			}
		}
		ev, err := l.Require("node:events")
		if err != nil {
			return nil, err
		}
		ee := ev.ToObject(vm)
		if e := ee.Get("EventEmitter"); e != nil && !goja.IsUndefined(e) {
			ee = e.ToObject(vm)
		}
		errs, err := nodeerr.Load(vm)
		if err != nil {
			return nil, err
		}
		build, err := stubsFile.Load(vm)
		if err != nil {
			return nil, err
		}
		buildFn, err := build(goja.Undefined(), goja.Undefined(), errs, ee)
		if err != nil {
			return nil, err
		}
		f, ok := goja.AssertFunction(buildFn)
		if !ok {
			return nil, fmt.Errorf("stubs.js did not give a function")
		}
		return f(goja.Undefined(), vm.ToValue(name), specValue, sub, live)
	}
}
