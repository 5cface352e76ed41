// structuredClone, after HTML §2.7 "Safe passing of structured data"
// (https://html.spec.whatwg.org/multipage/structured-data.html#structured-cloning),
// serialize and deserialize fused into one pass since both ends are the same
// realm. Messages follow V8's ("X could not be cloned.").
//
// Knowingly missing: Blob, File and other platform objects that are
// serializable in browsers (they throw DataCloneError here, as most of them do
// in workerd); resizable ArrayBuffers and SharedArrayBuffer (goja has
// neither); [[OriginalSource]] is read through RegExp.prototype.source, so a
// RegExp subclass that overrides it clones differently than in V8.

package clone

import (
	_ "embed"
	"fmt"
	"math/big"
	"reflect"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

//go:embed clone.js
var cloneJS string

// cloneFile evaluates to the object of intrinsics a cloner calls.
var cloneFile = module.NewJSFile("edgedev:clone.js", cloneJS)

// cloner holds one runtime's intrinsics for structuredClone.
type cloner struct {
	vm    *goja.Runtime
	dom   *webidl.Kit
	views *webidl.Kit
	ctors *goja.Object
	fn    map[string]goja.Callable
	unbox map[string]goja.Callable
	// uncloneable is Symbol.for(module.UncloneableSymbol): a binding's
	// object carries its refusal message under it.
	uncloneable *goja.Symbol
}

// Install defines globalThis.structuredClone in h's VM. The intrinsics it
// reads built-in objects through are captured on the first call, which keeps
// instance creation cheap.
func Install(h module.Host) error {
	vm := h.VM()
	c, err := newCloner(vm)
	if err != nil {
		return fmt.Errorf("install structuredClone: %w", err)
	}
	f := webidl.Function(vm, "structuredClone", 1, func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			panic(vm.NewTypeError("structuredClone: 1 argument required, but only 0 present."))
		}
		transfer := webidl.Member(vm, call.Argument(1), "transfer", "structuredClone: argument 2")
		return c.clone(call.Argument(0), transfer)
	})
	if err := vm.GlobalObject().DefineDataProperty("structuredClone", f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return fmt.Errorf("install structuredClone: %w", err)
	}
	return nil
}

// newCloner returns a cloner whose intrinsics are captured on the first
// structuredClone call (load).
func newCloner(vm *goja.Runtime) (*cloner, error) {
	dom, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	return &cloner{vm: vm, dom: dom}, nil
}

func (c *cloner) load() {
	if c.fn != nil {
		return
	}
	vm := c.vm
	views, err := webidl.Of(vm)
	if err != nil {
		panic(err)
	}
	kv, err := cloneFile.Run(vm)
	if err != nil {
		panic(err)
	}
	kit := kv.ToObject(vm)
	fn, unbox := map[string]goja.Callable{}, map[string]goja.Callable{}
	for _, name := range []string{"mapEntries", "setValues", "mapSet", "setAdd", "typedArrayParts",
		"dataViewParts", "regExpParts", "time", "isWeak", "ownMessage", "ownCause"} {
		f, ok := goja.AssertFunction(kit.Get(name))
		if !ok {
			panic(fmt.Sprintf("clone kit lacks %s", name))
		}
		fn[name] = f
	}
	ub := kit.Get("unbox").ToObject(vm)
	for _, name := range ub.Keys() {
		unbox[name], _ = goja.AssertFunction(ub.Get(name))
	}
	c.views, c.ctors, c.unbox, c.fn = views, kit.Get("ctors").ToObject(vm), unbox, fn
	if symFor, ok := goja.AssertFunction(vm.Get("Symbol").ToObject(vm).Get("for")); ok {
		if s, err := symFor(goja.Undefined(), vm.ToValue(module.UncloneableSymbol)); err == nil {
			c.uncloneable, _ = s.(*goja.Symbol)
		}
	}
}

// cloneRun is the state of one structuredClone call.
type cloneRun struct {
	*cloner
	memory map[*goja.Object]*goja.Object
}

// clone returns a deep copy of v, first moving the ArrayBuffers listed in
// transfer (an iterable, or undefined) to the copy.
func (c *cloner) clone(v, transfer goja.Value) goja.Value {
	c.load()
	r := &cloneRun{cloner: c, memory: map[*goja.Object]*goja.Object{}}
	var moved []goja.ArrayBuffer
	if !goja.IsUndefined(transfer) {
		i := 0
		c.vm.ForOf(transfer, func(item goja.Value) bool {
			o, ok := item.(*goja.Object)
			if !ok || o.ExportType() != webidl.TypeArrayBuffer {
				c.dom.ThrowDOMException("DataCloneError", fmt.Sprintf("Value at index %d does not have a transferable type.", i))
			}
			if _, dup := r.memory[o]; dup {
				c.dom.ThrowDOMException("DataCloneError", fmt.Sprintf("ArrayBuffer at index %d is a duplicate of an earlier ArrayBuffer. Duplicates are not allowed.", i))
			}
			ab := o.Export().(goja.ArrayBuffer)
			if ab.Detached() {
				c.dom.ThrowDOMException("DataCloneError", fmt.Sprintf("ArrayBuffer at index %d is already detached.", i))
			}
			// The copy takes over the bytes themselves; the original is
			// detached once the whole clone succeeded.
			r.memory[o] = c.vm.ToValue(c.vm.NewArrayBuffer(ab.Bytes())).(*goja.Object)
			moved = append(moved, ab)
			i++
			return true
		})
	}
	out := r.value(v)
	for _, ab := range moved {
		ab.Detach()
		webidl.NoteDetach()
	}
	return out
}

func (r *cloneRun) call(name string, args ...goja.Value) goja.Value {
	v, err := r.fn[name](goja.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

func (r *cloneRun) ctor(name string) *goja.Object {
	return r.ctors.Get(name).ToObject(r.vm)
}

func (r *cloneRun) construct(name string, args ...goja.Value) *goja.Object {
	o, err := r.vm.New(r.ctor(name), args...)
	if err != nil {
		panic(err)
	}
	return o
}

func (r *cloneRun) fail(what string) {
	r.dom.ThrowDOMException("DataCloneError", what+" could not be cloned.")
}

// The reflect types goja reports (Object.ExportType) for the built-ins that
// have no brand check in its Go API; clone and console's inspector tell
// objects apart by them, together with Object.ClassName.
var (
	// TypeMapEntries is a Map's.
	TypeMapEntries = reflect.TypeOf([][2]any(nil))
	// TypeAnySlice is a Set's (class "Object") and an Array's (class "Array").
	TypeAnySlice = reflect.TypeOf([]any(nil))
	// TypeBigInt is a BigInt wrapper object's (class "Object").
	TypeBigInt = reflect.TypeOf((*big.Int)(nil))
	// TypeString is a Symbol wrapper object's when its class is "Object"
	// (a String wrapper has class "String").
	TypeString = reflect.TypeOf("")
	// TypePromise is a Promise's.
	TypePromise = reflect.TypeOf((*goja.Promise)(nil))
	// TypeProxy is a Proxy's.
	TypeProxy = reflect.TypeOf(goja.Proxy{})
)

func (r *cloneRun) value(v goja.Value) goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		if sym, ok := v.(*goja.Symbol); ok {
			r.fail("Symbol(" + sym.String() + ")")
		}
		return v // undefined, null, booleans, numbers, strings, bigints
	}
	if done, ok := r.memory[o]; ok {
		return done
	}
	if _, ok := goja.AssertFunction(o); ok {
		r.fail(o.String())
	}
	vm := r.vm
	class, typ := o.ClassName(), o.ExportType()
	switch {
	case typ == TypeProxy || typ == TypePromise:
		r.fail(describeObject(vm, o))
	case r.uncloneable != nil && o.GetSymbol(r.uncloneable) != nil:
		r.dom.ThrowDOMException("DataCloneError", o.GetSymbol(r.uncloneable).String()) // a binding (env.KV)
	case o.GetSymbol(webidl.StateKey) != nil:
		r.fail(describeObject(vm, o)) // a platform object (TextDecoder, crypto, ...)
	case r.dom.IsDOMException(o):
		e := r.dom.DOMException(o.Get("name").String(), o.Get("message").String())
		copyStack(o, e)
		r.memory[o] = e
		return e
	case class == "Boolean" || class == "Number" || class == "String" || (class == "Object" && typ == TypeBigInt):
		kind := class
		if typ == TypeBigInt {
			kind = "BigInt"
		}
		prim, err := r.unbox[kind](goja.Undefined(), o)
		if err != nil {
			panic(err)
		}
		return r.remember(o, prim.ToObject(vm))
	case class == "Object" && typ == TypeString:
		r.fail("Symbol()") // a Symbol wrapper object
	case class == "Date":
		return r.remember(o, r.construct("Date", r.call("time", o)))
	case class == "RegExp":
		parts := r.call("regExpParts", o).ToObject(vm)
		return r.remember(o, r.construct("RegExp", parts.Get("0"), parts.Get("1")))
	case typ == webidl.TypeArrayBuffer:
		ab := o.Export().(goja.ArrayBuffer)
		if ab.Detached() {
			r.dom.ThrowDOMException("DataCloneError", "An ArrayBuffer is detached and could not be cloned.")
		}
		cp := append([]byte{}, ab.Bytes()...)
		return r.remember(o, vm.ToValue(vm.NewArrayBuffer(cp)).(*goja.Object))
	case (typ == webidl.TypeByteSlice || webidl.IsTypedArrayType(typ)) && r.views.TypedArrayName(o) != "":
		name := r.views.TypedArrayName(o)
		parts := r.call("typedArrayParts", o).ToObject(vm)
		buf := r.value(parts.Get("0"))
		return r.remember(o, r.construct(name, buf, parts.Get("1"), parts.Get("2")))
	case typ == TypeMapEntries:
		m := r.remember(o, r.construct("Map"))
		entries := r.call("mapEntries", o).ToObject(vm)
		n := int(entries.Get("length").ToInteger())
		for i := 0; i < n; i += 2 {
			k := r.value(entries.Get(fmt.Sprint(i)))
			val := r.value(entries.Get(fmt.Sprint(i + 1)))
			r.call("mapSet", m, k, val)
		}
		return m
	case typ == TypeAnySlice && class == "Object": // a Set (arrays have class Array)
		s := r.remember(o, r.construct("Set"))
		values := r.call("setValues", o).ToObject(vm)
		n := int(values.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			r.call("setAdd", s, r.value(values.Get(fmt.Sprint(i))))
		}
		return s
	case class == "Error":
		return r.cloneError(o)
	case class == "Array":
		a := r.remember(o, vm.NewArray())
		if err := a.Set("length", o.Get("length")); err != nil {
			panic(err)
		}
		r.copyProperties(o, a)
		return a
	}
	if r.isView(o) {
		parts := r.call("dataViewParts", o).ToObject(vm)
		buf := r.value(parts.Get("0"))
		return r.remember(o, r.construct("DataView", buf, parts.Get("1"), parts.Get("2")))
	}
	if r.call("isWeak", o).ToBoolean() {
		r.fail(describeObject(vm, o))
	}
	out := r.remember(o, vm.NewObject())
	r.copyProperties(o, out)
	return out
}

func (r *cloneRun) remember(from, to *goja.Object) *goja.Object {
	r.memory[from] = to
	return to
}

func (r *cloneRun) isView(o *goja.Object) bool {
	return r.views.IsView(o)
}

// copyProperties clones the own enumerable string-keyed properties of from
// onto to, as data properties (so "__proto__" stays an ordinary key).
func (r *cloneRun) copyProperties(from, to *goja.Object) {
	for _, k := range from.Keys() {
		v := r.value(from.Get(k))
		if err := to.DefineDataProperty(k, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
}

// errorNames are the Error constructors a clone keeps; any other name
// (AggregateError, a user subclass's) comes back as a plain Error.
var errorNames = map[string]bool{
	"Error": true, "EvalError": true, "RangeError": true, "ReferenceError": true,
	"SyntaxError": true, "TypeError": true, "URIError": true,
}

func (r *cloneRun) cloneError(o *goja.Object) goja.Value {
	name := "Error"
	if n := o.Get("name"); n != nil && errorNames[n.String()] {
		name = n.String()
	}
	e := r.remember(o, r.construct(name))
	if m := r.call("ownMessage", o).ToObject(r.vm); m.Get("length").ToInteger() == 1 {
		_ = e.DefineDataProperty("message", m.Get("0"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	copyStack(o, e)
	if c := r.call("ownCause", o).ToObject(r.vm); c.Get("length").ToInteger() == 1 {
		_ = e.DefineDataProperty("cause", r.value(c.Get("0")), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	return e
}

// copyStack gives the copy the original's stack, as V8 does: the copy was
// made here, but the interesting frames are where the original was thrown.
func copyStack(from, to *goja.Object) {
	if s := from.Get("stack"); s != nil && !goja.IsUndefined(s) {
		_ = to.DefineDataProperty("stack", s, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
}

// describeObject names an object the way V8's messages do: #<WeakMap>.
func describeObject(vm *goja.Runtime, o *goja.Object) string {
	name := "Object"
	if tag := o.GetSymbol(goja.SymToStringTag); tag != nil && !goja.IsUndefined(tag) {
		name = tag.String()
	} else if c, ok := o.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			name = n.String()
		}
	}
	return "#<" + name + ">"
}
