package runtime

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/dop251/goja"

	"edgedev/jspromise"
	"edgedev/runtime/engine"
	"edgedev/runtime/web/compression"
	"edgedev/runtime/web/events"
	"edgedev/runtime/web/streams"
	"edgedev/runtime/web/timers"
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
	steps := []struct {
		name    string
		install func() error
		lazy    []string
	}{
		{"globalThis aliases", func() error { return engine.InstallSelf(inst) }, nil},
		{"RegExp (property escapes)", func() error { return engine.InstallRegExp(inst) }, []string{"RegExp"}},
		{"ES shims (Object.groupBy, WeakRef, ...)", func() error { return engine.InstallESShims(inst) }, nil},
		{"Intl", func() error { return installIntl(vm) }, []string{"Intl"}},
		{"timers", func() error { return timers.Install(inst) }, nil},
		{"performance", func() error { return installPerformance(inst) }, nil},
		{"navigator", func() error { return installNavigator(vm) }, nil},
		{"DOMException", func() error { _, err := webidl.Of(vm); return err }, nil},
		{"Event, EventTarget, AbortController, AbortSignal, scheduler, reportError", func() error {
			var err error
			inst.abortHooks, err = events.Install(inst)
			return err
		}, nil},
		{"TextEncoder, TextDecoder, atob, btoa", func() error { return installEncoding(vm) }, []string{"TextEncoder", "TextDecoder", "atob", "btoa"}},
		{"console", func() error { return installConsole(vm, inst.w.opts.Log) }, []string{"console"}},
		{"URL, URLSearchParams", func() error { return installURL(vm) }, []string{"URL", "URLSearchParams"}},
		{"ReadableStream, WritableStream, TransformStream", func() error { return streams.Install(inst) }, streamGlobals},
		{"IdentityTransformStream, FixedLengthStream", func() error { return streams.InstallEdge(inst) }, []string{"IdentityTransformStream", "FixedLengthStream"}},
		{"CompressionStream, DecompressionStream", func() error { return compression.Install(inst) }, []string{"CompressionStream", "DecompressionStream"}},
		{"Blob, File, FormData", func() error { return installFormData(vm) }, []string{"Blob", "File", "FormData"}},
		{"URLPattern", func() error { return installURLPattern(vm) }, []string{"URLPattern"}},
		{"structuredClone", func() error { return installStructuredClone(vm) }, nil},
		{"crypto", func() error {
			if err := installCrypto(vm); err != nil {
				return err
			}
			if err := installWebCrypto(vm, inst.Async); err != nil {
				return err
			}
			return installDigestStream(inst)
		}, []string{"crypto", "Crypto", "SubtleCrypto", "CryptoKey"}},
		{"Request, Response, Headers, fetch", func() error { return installFetchAPI(inst) }, nil},
	}
	for _, s := range steps {
		if s.lazy != nil {
			if err := lazyGlobals(vm, s.name, s.lazy, s.install); err != nil {
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
	_, err := vm.RunString(`(() => {
  const g = globalThis;
  const stub = function localeCompare(...args) { void g.Intl; return String.prototype.localeCompare.apply(this, args); };
  Object.defineProperty(String.prototype, "localeCompare", { value: stub, writable: true, configurable: true });
})()`)
	return err
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

func installPerformance(inst *instance) error {
	vm := inst.vm
	perf := vm.NewObject()
	born := inst.born
	if err := perf.Set("now", func() float64 {
		return float64(time.Since(born).Nanoseconds()) / 1e6
	}); err != nil {
		return err
	}
	if err := perf.Set("timeOrigin", float64(born.UnixNano())/1e6); err != nil {
		return err
	}
	return vm.GlobalObject().Set("performance", perf)
}

func installNavigator(vm *goja.Runtime) error {
	nav := vm.NewObject()
	if err := nav.Set("userAgent", "Cloudflare-Workers"); err != nil {
		return err
	}
	if err := nav.Set("hardwareConcurrency", 1); err != nil {
		return err
	}
	return vm.GlobalObject().Set("navigator", nav)
}

//go:embed js/fetch.js
var fetchJS string

var fetchFile = newJSFile("edgedev:fetch.js", fetchJS)

// installFetchAPI runs js/fetch.js with the Go helpers it needs and keeps
// the hooks it returns.
func installFetchAPI(inst *instance) error {
	vm := inst.vm
	fn, err := fetchFile.load(vm)
	if err != nil {
		return err
	}
	hooksV, err := fn(goja.Undefined(), inst.natives())
	if err != nil {
		return err
	}
	hooks := hooksV.ToObject(vm)
	for name, dst := range map[string]*goja.Callable{
		"makeRequest": &inst.makeRequest, "responseParts": &inst.responseParts,
		"dispatchFetch": &inst.dispatchFetch, "pump": &inst.pump,
		"newContext": &inst.newContext, "passThrough": &inst.passThrough,
		"hasFetchListener": &inst.hasFetchListener,
	} {
		f, ok := goja.AssertFunction(hooks.Get(name))
		if !ok {
			return fmt.Errorf("fetch.js hook %s missing", name)
		}
		*dst = f
	}
	return installFetchClient(inst, hooks)
}

// natives is the `native` object js/fetch.js closes over.
func (inst *instance) natives() *goja.Object {
	vm := inst.vm
	n := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err := n.Set(name, fn); err != nil {
			panic(err)
		}
	}
	set("encodeUTF8", func(c goja.FunctionCall) goja.Value {
		return inst.idl.Uint8Array([]byte(c.Argument(0).String()))
	})
	set("decodeUTF8", func(c goja.FunctionCall) goja.Value {
		b, ok := inst.idl.Bytes(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("expected bytes"))
		}
		return vm.ToValue(webidl.UTF8Decode(b))
	})
	// fulfilled and rejected make settled promises without the cost of
	// Promise.resolve(...).then(...) (see package jspromise).
	set("fulfilled", func(c goja.FunctionCall) goja.Value { return jspromise.Fulfilled(vm, c.Argument(0)) })
	set("rejected", func(c goja.FunctionCall) goja.Value { return jspromise.Rejected(vm, c.Argument(0)) })
	set("randomHex", func(c goja.FunctionCall) goja.Value {
		b := make([]byte, c.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		return vm.ToValue(hex.EncodeToString(b))
	})
	set("waitUntil", func(c goja.FunctionCall) goja.Value {
		inst.waitUntil(c.Argument(0))
		return goja.Undefined()
	})
	set("reportError", func(c goja.FunctionCall) goja.Value {
		inst.logError("Uncaught", c.Argument(0))
		return goja.Undefined()
	})
	set("headerList", func(c goja.FunctionCall) goja.Value { return inst.headerList(c.Argument(0)) })
	set("readChunk", func(c goja.FunctionCall) goja.Value { return inst.readBody(c.Argument(0), false) })
	set("readGoBody", func(c goja.FunctionCall) goja.Value { return inst.readBody(c.Argument(0), true) })
	set("closeBody", func(c goja.FunctionCall) goja.Value {
		if b, ok := c.Argument(0).Export().(*incomingBody); ok {
			b.close()
		}
		return goja.Undefined()
	})
	set("parseMultipart", func(c goja.FunctionCall) goja.Value {
		b, ok := inst.idl.Bytes(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("expected bytes"))
		}
		parts, err := parseMultipart(b, c.Argument(1).String())
		if err != nil {
			panic(vm.NewTypeError(err.Error()))
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			if p.filename == nil {
				out[i] = []any{p.name, p.text, nil, nil}
			} else {
				out[i] = []any{p.name, inst.idl.Uint8Array(p.data), *p.filename, p.contentType}
			}
		}
		return vm.ToValue(out)
	})
	return n
}

// waitUntil keeps the instance busy until p settles and logs a rejection,
// as ctx.waitUntil does on the platform.
func (inst *instance) waitUntil(v goja.Value) {
	p := asPromise(v)
	if p == nil {
		return
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return
	case goja.PromiseStateRejected:
		delete(inst.rejections, p)
		inst.logError("Uncaught (in waitUntil)", p.Result())
		return
	}
	inst.loop.hold()
	err := inst.then(v, func(goja.Value) { inst.loop.release() }, func(e goja.Value) {
		inst.loop.release()
		inst.logError("Uncaught (in waitUntil)", e)
	})
	if err != nil {
		inst.loop.release()
	}
}
