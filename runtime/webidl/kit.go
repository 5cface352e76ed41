package webidl

import (
	_ "embed"
	"fmt"
	"reflect"
	"sync/atomic"
	"unicode/utf8"

	"github.com/dop251/goja"

	"edgedev/runtime/engine/json"
	"edgedev/runtime/module"
)

// Kit is one runtime's handles for the chores of this package: its
// DOMException class and its typed-array intrinsics.
type Kit struct {
	vm *goja.Runtime

	domCtor *goja.Object
	isDOM   goja.Callable

	u8        *goja.Object // Uint8Array
	u8proto   *goja.Object
	isView    goja.Callable // ArrayBuffer.isView
	typedTag  goja.Callable // get %TypedArray%.prototype[@@toStringTag]
	byteLenTA goja.Callable // get %TypedArray%.prototype.byteLength
	arrayFrom goja.Callable // Array.from
	json      *json.Codec   // JSON.parse and JSON.stringify as V8's (package runtime/engine/json)
}

//go:embed domexception.js
var domExceptionJS string

//go:embed intrinsics.js
var intrinsicsJS string

var (
	domExceptionFile = module.NewJSFile("edgedev:domexception.js", domExceptionJS)
	intrinsicsFile   = module.NewJSFile("edgedev:intrinsics.js", intrinsicsJS)
)

// kitKey keys the per-runtime Kit on the global object, under a symbol no
// script can name. goja symbols are runtime-independent values, so one
// serves every runtime.
var kitKey = goja.NewSymbol("edgedev.webidl")

// Of returns vm's Kit, making it on first use, which also defines
// globalThis.DOMException. Every family calls it at install time, so the
// order in which globals are installed does not matter.
func Of(vm *goja.Runtime) (*Kit, error) {
	g := vm.GlobalObject()
	if v := g.GetSymbol(kitKey); v != nil {
		if k, ok := v.Export().(*Kit); ok && k.vm == vm {
			return k, nil
		}
	}
	k := &Kit{vm: vm}
	v, err := domExceptionFile.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("DOMException: %w", err)
	}
	pair := v.ToObject(vm)
	k.domCtor = pair.Get("0").ToObject(vm)
	var ok bool
	if k.isDOM, ok = goja.AssertFunction(pair.Get("1")); !ok {
		return nil, fmt.Errorf("domexception.js returned no brand check")
	}
	if v, err = intrinsicsFile.Run(vm); err != nil {
		return nil, fmt.Errorf("typed array intrinsics: %w", err)
	}
	arr := v.ToObject(vm)
	k.u8 = arr.Get("0").ToObject(vm)
	k.u8proto = k.u8.Get("prototype").ToObject(vm)
	var ok1, ok2, ok3, ok4 bool
	k.isView, ok1 = goja.AssertFunction(arr.Get("1"))
	k.typedTag, ok2 = goja.AssertFunction(arr.Get("2"))
	k.byteLenTA, ok3 = goja.AssertFunction(arr.Get("3"))
	k.arrayFrom, ok4 = goja.AssertFunction(arr.Get("4"))
	if k.json, err = json.Of(vm); err != nil {
		return nil, err
	}
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return nil, fmt.Errorf("typed array intrinsics missing")
	}
	if err := g.DefineDataProperty("DOMException", k.domCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	if err := g.DefineDataPropertySymbol(kitKey, vm.ToValue(k), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return k, nil
}

// MustOf is Of for code running after install, where the Kit exists.
func MustOf(vm *goja.Runtime) *Kit {
	k, err := Of(vm)
	if err != nil {
		panic(err)
	}
	return k
}

// DOMException returns a new DOMException with the given name and message.
func (k *Kit) DOMException(name, message string) *goja.Object {
	o, err := k.vm.New(k.domCtor, k.vm.ToValue(message), k.vm.ToValue(name))
	if err != nil {
		panic(err) // the constructor only throws if String(message) does
	}
	return o
}

// ThrowDOMException raises a DOMException in the JS code that called the
// current Go function. Only call it from inside a function JS called.
func (k *Kit) ThrowDOMException(name, message string) {
	panic(k.DOMException(name, message))
}

// IsDOMException reports whether v is a DOMException made by this runtime's
// class.
func (k *Kit) IsDOMException(v goja.Value) bool {
	r, err := k.isDOM(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// The reflect types goja exports buffers and views as.
var (
	TypeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})
	TypeByteSlice   = reflect.TypeOf([]byte(nil))
	typedArrayTypes = map[reflect.Type]bool{
		reflect.TypeOf([]int8(nil)): true, reflect.TypeOf([]uint16(nil)): true,
		reflect.TypeOf([]int16(nil)): true, reflect.TypeOf([]uint32(nil)): true,
		reflect.TypeOf([]int32(nil)): true, reflect.TypeOf([]float32(nil)): true,
		reflect.TypeOf([]float64(nil)): true, reflect.TypeOf([]int64(nil)): true,
		reflect.TypeOf([]uint64(nil)): true,
	}
)

// IsTypedArrayType reports whether t is what a typed array other than
// Uint8Array or Uint8ClampedArray exports as.
func IsTypedArrayType(t reflect.Type) bool { return typedArrayTypes[t] }

// Bytes returns the bytes v (an ArrayBuffer or an ArrayBufferView) covers,
// sharing memory with it: valid until JS runs again. A detached buffer gives
// an empty slice, never a read of freed memory.
func (k *Kit) Bytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch t := o.ExportType(); {
	case t == TypeArrayBuffer:
		return o.Export().(goja.ArrayBuffer).Bytes(), true
	case t == TypeByteSlice || typedArrayTypes[t]:
		if k.viewDetached(o) {
			return nil, true
		}
		if b, ok := o.Export().([]byte); ok { // Uint8Array: no reflection
			return b, true
		}
		var b []byte
		if err := k.vm.ExportTo(o, &b); err != nil {
			return nil, false
		}
		return b, true
	}
	// A DataView exports like a plain object; ask the intrinsic.
	if !k.IsView(o) {
		return nil, false
	}
	if buf, ok := o.Get("buffer").Export().(goja.ArrayBuffer); !ok || buf.Detached() {
		return nil, true
	}
	var b []byte
	if err := k.vm.ExportTo(o, &b); err != nil {
		return nil, false
	}
	return b, true
}

// IsView is ArrayBuffer.isView.
func (k *Kit) IsView(o goja.Value) bool {
	r, err := k.isView(goja.Undefined(), o)
	return err == nil && r.ToBoolean()
}

// transfersSeen counts ArrayBuffers detached in this process (only
// structuredClone's transfer option detaches). While it is zero no view can
// be detached and the check below is skipped.
var transfersSeen atomic.Int64

// NoteDetach records that an ArrayBuffer is about to be detached; call it
// before detaching one, or Bytes may read a detached view.
func NoteDetach() { transfersSeen.Add(1) }

// viewDetached reports whether typed array o views a detached buffer. goja
// keeps the view's length after a detach, so exporting it then would read
// freed memory; the byteLength intrinsic reports 0 instead.
func (k *Kit) viewDetached(o *goja.Object) bool {
	if transfersSeen.Load() == 0 {
		return false // nothing in this process ever detached a buffer
	}
	n, err := k.byteLenTA(o)
	return err != nil || n.ToInteger() == 0
}

// Uint8ArrayBytes returns the bytes of v if v is a Uint8Array.
func (k *Kit) Uint8ArrayBytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok || o.ExportType() != TypeByteSlice {
		return nil, false
	}
	if o.Prototype() != k.u8proto {
		// Uint8ClampedArray exports the same way; only the tag tells.
		if tag, err := k.typedTag(o); err != nil || tag.String() != "Uint8Array" {
			return nil, false
		}
	}
	if k.viewDetached(o) {
		return nil, true
	}
	return o.Export().([]byte), true
}

// TypedArrayName returns "Int16Array" etc. for a typed array, "" otherwise.
func (k *Kit) TypedArrayName(o *goja.Object) string {
	tag, err := k.typedTag(o)
	if err != nil || goja.IsUndefined(tag) {
		return ""
	}
	return tag.String()
}

// Uint8Array wraps b, without copying, in a new Uint8Array.
func (k *Kit) Uint8Array(b []byte) goja.Value {
	if b == nil {
		b = []byte{}
	}
	o, err := k.vm.New(k.u8, k.vm.ToValue(k.vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return o
}

// ParseJSON is JSON.parse(text) as the platform's own (V8's parser and
// messages, which a script's replacement of JSON.parse does not reach).
// text is valid UTF-8; a syntax error comes back as the goja exception.
func (k *Kit) ParseJSON(text string) (goja.Value, error) {
	return k.json.Parse(text)
}

// ParseJSONBytes is ParseJSON for bytes, decoded as UTF-8 is decoded for
// text() (invalid sequences become U+FFFD, a leading BOM is dropped), as
// Body.json() and KV's "json" type read them.
func (k *Kit) ParseJSONBytes(b []byte, decode func([]byte) string) (goja.Value, error) {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF || !utf8.Valid(b) {
		return k.json.Parse(decode(b))
	}
	return k.json.Parse(string(b))
}

// StringifyJSON is JSON.stringify(v) as the platform's own: a JS string, or
// undefined when v has no JSON form. A JS error (a cycle, a BigInt, a
// throwing getter) comes back as the goja exception.
func (k *Kit) StringifyJSON(v goja.Value) (out goja.Value, err error) {
	if ex := k.vm.Try(func() { out = k.json.Stringify(v) }); ex != nil {
		return nil, ex
	}
	return out, nil
}

// JSON is the runtime's JSON codec, for a native function that throws.
func (k *Kit) JSON() *json.Codec { return k.json }
