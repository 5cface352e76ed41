package runtime

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/engine"
	"edgedev/runtime/web/clone"
	"edgedev/runtime/web/compression"
	"edgedev/runtime/web/console"
	"edgedev/runtime/web/crypto"
	"edgedev/runtime/web/encoding"
	"edgedev/runtime/web/events"
	"edgedev/runtime/web/formdata"
	"edgedev/runtime/web/intl"
	"edgedev/runtime/web/navigator"
	"edgedev/runtime/web/performance"
	"edgedev/runtime/web/streams"
	"edgedev/runtime/web/timers"
	"edgedev/runtime/web/url"
	"edgedev/runtime/web/urlpattern"
	"edgedev/runtime/webidl"
)

// installGlobals is the one list of what a worker's global scope holds
// beyond ECMAScript. Order matters only where a later API uses an earlier
// one at install time.
func installGlobals(inst *instance) error {
	vm := inst.vm
	// lazy lists the globals a step defines when the step may wait until the
	// worker first touches one of them: most workers never use Intl,
	// URLPattern or streams, and a reload should not pay for them. A lazy
	// step must only add those globals (lazy_test.go checks the lists).
	// node marks the globals only a worker with nodejs_compat v2 has;
	// flag, those it has only with that date-implied Node flag too.
	steps := []struct {
		name    string
		install func() error
		lazy    []string
		node    bool
		flag    string
	}{
		{"globalThis aliases", func() error { return engine.InstallSelf(inst) }, nil, false, ""},
		{"RegExp (property escapes)", func() error { return engine.InstallRegExp(inst) }, []string{"RegExp"}, false, ""},
		{"ES shims (Object.groupBy, WeakRef, ...)", func() error { return engine.InstallESShims(inst) }, nil, false, ""},
		{"JSON (parse and stringify as V8's)", func() error { return engine.InstallJSON(inst) }, nil, false, ""},
		{"Intl", func() error { return intl.Install(inst) }, []string{"Intl"}, false, ""},
		{"timers", func() error { return timers.Install(inst) }, nil, false, ""},
		{"performance", func() error { return performance.Install(inst) }, nil, false, ""},
		{"navigator", func() error { return navigator.Install(inst) }, nil, false, ""},
		// The Web IDL kit: DOMException, and the intrinsics every family's
		// bytes and errors go through (inst.idl for the host's own use).
		{"DOMException", func() (err error) { inst.idl, err = webidl.Of(vm); return err }, nil, false, ""},
		{"Event, EventTarget, AbortController, AbortSignal, scheduler, reportError", func() error {
			var err error
			inst.abortHooks, err = events.Install(inst)
			return err
		}, nil, false, ""},
		{"TextEncoder, TextDecoder, atob, btoa", func() error { return encoding.Install(inst) }, []string{"TextEncoder", "TextDecoder", "atob", "btoa"}, false, ""},
		{"console", func() error { return console.Install(inst) }, []string{"console"}, false, ""},
		{"URL, URLSearchParams", func() error { return url.Install(inst) }, []string{"URL", "URLSearchParams"}, false, ""},
		{"ReadableStream, WritableStream, TransformStream", func() error { return streams.Install(inst) }, streamGlobals, false, ""},
		{"IdentityTransformStream, FixedLengthStream", func() error { return streams.InstallEdge(inst) }, []string{"IdentityTransformStream", "FixedLengthStream"}, false, ""},
		{"CompressionStream, DecompressionStream", func() error { return compression.Install(inst) }, []string{"CompressionStream", "DecompressionStream"}, false, ""},
		{"Blob, File, FormData", func() error { return formdata.Install(inst) }, []string{"Blob", "File", "FormData"}, false, ""},
		{"URLPattern", func() error { return urlpattern.Install(inst) }, []string{"URLPattern"}, false, ""},
		{"structuredClone", func() error { return clone.Install(inst) }, nil, false, ""},
		{"crypto", func() error { return crypto.Install(inst) }, []string{"crypto", "Crypto", "SubtleCrypto", "CryptoKey"}, false, ""},
		{"Request, Response, Headers, fetch", func() error { return installFetchAPI(inst) }, nil, false, ""},
		// The module loader the bundle imports built-in modules through.
		{"the built-in module loader", inst.installLoader, nil, false, ""},
		{"global", func() error { return vm.Set("global", vm.GlobalObject()) }, nil, true, ""},
		{"process", func() error { return inst.nodeGlobal("node:process", "") }, []string{"process"}, true, ""},
		{"Buffer", func() error { return inst.nodeGlobal("node:buffer", "Buffer") }, []string{"Buffer"}, true, ""},
		// node:timers' Timeout objects from the global timers, as workerd
		// does from 2026-02-10: node:timers replaces them as it loads. Lazy:
		// a first touch puts the Web timers back and loads node:timers
		// (unless that is what touched them: it then replaces them itself).
		{"setTimeout, setInterval as node:timers'", func() error {
			if inst.modules.loading["node:timers"] {
				return nil
			}
			_, err := inst.modules.Require("node:timers")
			return err
		}, []string{"setTimeout", "setInterval", "clearTimeout", "clearInterval"}, true, "enable_nodejs_global_timers"},
		// setImmediate and clearImmediate are globals with or without
		// the flag, as in workerd (runtime/web/timers).
	}
	nodeGlobals := inst.w.opts.Node.Mode == "v2"
	for _, s := range steps {
		if s.node && !nodeGlobals || s.flag != "" && !slices.Contains(inst.w.opts.Node.Flags, s.flag) {
			continue
		}
		if s.lazy != nil {
			// A lazy step runs when a script first touches its globals,
			// maybe inside a request: it runs outside it, so an Install
			// sees the instance's Context, as the eager ones do.
			install := s.install
			outside := func() (err error) {
				inst.withOwner(nil, func() { err = install() })
				return err
			}
			if err := lazyGlobals(vm, s.name, s.lazy, outside); err != nil {
				return fmt.Errorf("install %s: %w", s.name, err)
			}
			continue
		}
		if err := s.install(); err != nil {
			return fmt.Errorf("install %s: %w", s.name, err)
		}
	}
	// Intl replaces String.prototype.localeCompare; until Intl is set up, a
	// call to it sets Intl up first.
	return intl.InstallLocaleCompareStub(inst)
}

var streamGlobals = []string{
	"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamDefaultController", "ReadableByteStreamController",
	"ReadableStreamBYOBReader", "WritableStream", "WritableStreamDefaultWriter", "WritableStreamDefaultController",
	"TransformStream", "TransformStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy",
	"TextEncoderStream", "TextDecoderStream",
}

// lazyGlobals defines names as accessors that run install the first time
// any of them is read (or first written: a script that assigns its own
// polyfill simply replaces ours). Before install runs, every accessor of
// the group is removed and any original value (RegExp) put back.
func lazyGlobals(vm *goja.Runtime, what string, names []string, install func() error) error {
	g := vm.GlobalObject()
	originals := make([]goja.Value, len(names))
	for i, n := range names {
		if v := g.Get(n); v != nil {
			originals[i] = v
		}
	}
	done := false
	force := func() {
		if done {
			return
		}
		done = true
		for i, n := range names {
			_ = g.Delete(n)
			if originals[i] != nil {
				_ = g.DefineDataProperty(n, originals[i], goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
			}
		}
		if err := install(); err != nil {
			panic(vm.NewGoError(fmt.Errorf("edgedev could not set up %s: %w", what, err)))
		}
	}
	for _, n := range names {
		name := n
		get := vm.ToValue(func(goja.FunctionCall) goja.Value {
			force()
			return g.Get(name)
		})
		set := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			force()
			_ = g.Set(name, c.Argument(0))
			return goja.Undefined()
		})
		if err := g.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return nil
}

// nodeGlobal defines globals from a built-in module's exports: each name
// as the export of that name, or, for the one name "", the global named
// after the module as its whole exports (process).
func (inst *instance) nodeGlobal(spec string, names ...string) error {
	v, err := inst.modules.Require(spec)
	if err != nil {
		return err
	}
	g := inst.vm.GlobalObject()
	if len(names) == 1 && names[0] == "" {
		return g.Set(strings.TrimPrefix(spec, "node:"), v)
	}
	o := v.ToObject(inst.vm)
	for _, n := range names {
		if err := g.Set(n, o.Get(n)); err != nil {
			return err
		}
	}
	return nil
}
