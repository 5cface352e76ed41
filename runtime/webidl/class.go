package webidl

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
)

// StateKey keys the Go state of an instance of a class implemented in Go.
// The property is a non-enumerable, non-writable symbol property, so the
// instance stays an ordinary object (subclass fields and expandos work). It
// is not secret: Object.getOwnPropertySymbols shows it, and a script can copy
// it onto another object. Code that must know an object is the very instance
// it made keeps that object (see the crypto family's cryptoKey.obj).
var StateKey = goja.NewSymbol("edgedev.state")

// Class is a JS class whose instances carry Go state.
type Class struct {
	vm    *goja.Runtime
	name  string
	Ctor  *goja.Object
	Proto *goja.Object
}

//go:embed nativeclass.js
var nativeClassJS string

var nativeClassFile = module.NewJSFile("edgedev:nativeclass.js", nativeClassJS)

// NewClass makes a class called name. construct returns the Go state of a
// new instance; call.This is the instance and call.Arguments the
// constructor's arguments. A nil construct makes `new` throw "Illegal
// constructor", as for interfaces only the platform creates.
func NewClass(vm *goja.Runtime, name string, length int, construct func(call goja.FunctionCall) any) *Class {
	c := &Class{vm: vm, name: name}
	init := Function(vm, name, length, func(call goja.FunctionCall) goja.Value {
		if construct == nil {
			panic(vm.NewTypeError("Illegal constructor"))
		}
		this := call.Argument(0).(*goja.Object)
		st := construct(goja.FunctionCall{This: this, Arguments: call.Arguments[1:]})
		if err := this.DefineDataPropertySymbol(StateKey, vm.ToValue(st), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
	factory := nativeClassFile.MustLoad(vm)
	cv, err := factory(goja.Undefined(), vm.ToValue(name), vm.ToValue(length), init)
	if err != nil {
		panic(err)
	}
	c.Ctor = cv.(*goja.Object)
	c.Proto = c.Ctor.Get("prototype").(*goja.Object)
	_ = c.Proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return c
}

// Instance makes a new instance with state st without running the
// constructor, for objects the platform hands out.
func (c *Class) Instance(st any) *goja.Object {
	o := c.vm.CreateObject(c.Proto)
	_ = o.DefineDataPropertySymbol(StateKey, c.vm.ToValue(st), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}

// Method defines an operation on the prototype (Web IDL: enumerable,
// writable, configurable).
func (c *Class) Method(name string, length int, fn func(goja.FunctionCall) goja.Value) {
	_ = c.Proto.DefineDataProperty(name, Function(c.vm, name, length, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// Getter defines a read-only attribute on the prototype.
func (c *Class) Getter(name string, fn func(goja.FunctionCall) goja.Value) {
	_ = c.Proto.DefineAccessorProperty(name, Function(c.vm, "get "+name, 0, fn), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// This returns the Go state of call.This, or throws the TypeError a browser
// throws for a method called on the wrong kind of object.
func This[T any](vm *goja.Runtime, call goja.FunctionCall, class, member string) T {
	if st, ok := StateOf[T](call.This); ok {
		return st
	}
	panic(vm.NewTypeError("%s", fmt.Sprintf("Illegal invocation: %s.%s called on an object that is not a %s", class, member, class)))
}

// StateOf returns the Go state of v when v is an instance of a Class whose
// state has type T.
func StateOf[T any](v goja.Value) (T, bool) {
	var zero T
	o, ok := v.(*goja.Object)
	if !ok {
		return zero, false
	}
	s := o.GetSymbol(StateKey)
	if s == nil {
		return zero, false
	}
	st, ok := s.Export().(T)
	return st, ok
}

// Function wraps fn as a JS function with a proper name and length (goja
// would otherwise name it after the Go closure).
func Function(vm *goja.Runtime, name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := vm.ToValue(fn).(*goja.Object)
	SetName(vm, f, name, length)
	return f
}

// SetName sets a function's name and length as a built-in's are set
// (non-writable, configurable).
func SetName(vm *goja.Runtime, f *goja.Object, name string, length int) {
	_ = f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = f.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
