// Package stubs is the Node modules workerd only stubs, through unenv, or
// serves from the platform (fs, child_process, net, dns, os, tls, ...). Each
// module is built from its surface as recorded from wrangler dev 4.86.0
// (surface.json; how it was recorded is in its "recorded" field): the same
// names, types and values, calls failing with the same words.
//
// Knowingly missing: workerd's virtual node:fs (compatibility dates from
// 2025-09-15 turn it on: /bundle, /tmp and /dev) answers here as the unenv
// stub does; net.connect sockets, dns lookups over DoH and punycode are not
// emulated and say so when called with arguments.
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

//go:embed stubs.js
var stubsJS string

var stubsFile = module.NewJSFile("edgedev:node/stubs.js", stubsJS)

// surface is each module's recorded surface as JSON text, split once.
var surface = sync.OnceValues(func() (map[string]string, error) {
	var all struct {
		Modules map[string]json.RawMessage `json:"modules"`
	}
	if err := json.Unmarshal(surfaceJSON, &all); err != nil {
		return nil, fmt.Errorf("stubs: surface.json: %w", err)
	}
	out := make(map[string]string, len(all.Modules))
	for name, raw := range all.Modules {
		out[name] = string(raw)
	}
	return out, nil
})

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
		s, err := surface()
		if err != nil {
			return nil, err
		}
		spec, ok := s[name]
		if !ok {
			return nil, fmt.Errorf("stubs: no recorded surface for node:%s", name)
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
		return f(goja.Undefined(), vm.ToValue(name), specValue, sub)
	}
}
