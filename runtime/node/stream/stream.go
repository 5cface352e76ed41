// node:stream and its sub-paths (stream/promises, stream/web,
// stream/consumers). The whole module is JS (stream.js): stream plumbing
// is simpler there, and Node's behaviour is defined by its JS. What it
// needs of other modules (EventEmitter, Buffer, StringDecoder) comes
// through the loader.
//
// Knowingly missing: compose(), the rarer Readable operators (flatMap,
// asIndexedPairs), and finished() on a web stream (it never calls back).
package stream

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/nodeerr"
)

//go:embed stream.js
var streamJS string

var streamFile = module.NewJSFile("edgedev:node/stream.js", streamJS)

// Exports returns what require("node:stream") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	events, err := l.Require("node:events")
	if err != nil {
		return nil, err
	}
	buffer, err := l.Require("node:buffer")
	if err != nil {
		return nil, err
	}
	errs, err := nodeerr.Load(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	// StringDecoder is read when a stream first decodes (setEncoding), so
	// node:string_decoder loads only for streams that use it.
	var sd goja.Value
	decoder := func(call goja.ConstructorCall) *goja.Object {
		if sd == nil {
			m, err := l.Require("node:string_decoder")
			if err != nil {
				panic(vm.NewGoError(err))
			}
			sd = m.ToObject(vm).Get("StringDecoder")
		}
		c, _ := goja.AssertConstructor(sd)
		o, err := c(nil, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return o
	}
	n.Value("StringDecoder", vm.ToValue(decoder))
	fn, err := streamFile.Load(vm)
	if err != nil {
		return nil, err
	}
	ee := events.ToObject(vm)
	if e := ee.Get("EventEmitter"); e != nil && !goja.IsUndefined(e) {
		ee = e.ToObject(vm)
	}
	nextTick, err := tick(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object(), errs, ee, buffer.ToObject(vm).Get("Buffer"), nextTick)
}

// tick is process.nextTick when the instance has one, else a microtask.
func tick(vm *goja.Runtime) (goja.Value, error) {
	return tickFile.Run(vm)
}

var tickFile = module.NewJSFile("edgedev:node/tick.js", tickJS)

const tickJS = `(function () {
  const p = globalThis.process;
  if (p && typeof p.nextTick === "function") return p.nextTick;
  return (fn, ...args) => queueMicrotask(() => fn(...args));
})()`

// PromisesExports returns what require("node:stream/promises") gives.
func PromisesExports(h module.Host, l module.Loader) (goja.Value, error) {
	s, err := l.Require("node:stream")
	if err != nil {
		return nil, err
	}
	return s.ToObject(h.VM()).Get("promises"), nil
}

// WebExports returns what require("node:stream/web") gives: the global
// web stream classes.
func WebExports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	o := vm.NewObject()
	for _, name := range []string{"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader",
		"ReadableStreamBYOBRequest", "ReadableByteStreamController", "ReadableStreamDefaultController",
		"TransformStream", "TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
		"WritableStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy",
		"TextEncoderStream", "TextDecoderStream", "CompressionStream", "DecompressionStream"} {
		if err := o.Set(name, vm.Get(name)); err != nil {
			return nil, err
		}
	}
	return o, o.Set("default", o)
}
