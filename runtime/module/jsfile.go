package module

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// JSFile is one of edgedev's own JS files: embedded with go:embed, compiled
// once per process on first use (so a command that never starts a worker,
// such as `edgedev kv`, never pays for it), and run in each instance that
// needs it. Its name starts with "edgedev:", which keeps its frames out of
// the stacks users see.
type JSFile struct {
	name    string
	program func() (*goja.Program, error)
}

// NewJSFile declares the file; name is what stacks show, "edgedev:" and the
// file's own name (NewJSFile("edgedev:url.js", urlJS)).
func NewJSFile(name, src string) *JSFile {
	return &JSFile{name: name, program: sync.OnceValues(func() (*goja.Program, error) {
		return goja.Compile(name, src, true)
	})}
}

// Name is the name the file compiles under.
func (f *JSFile) Name() string { return f.name }

// Run runs the file in vm and returns what it evaluates to.
func (f *JSFile) Run(vm *goja.Runtime) (goja.Value, error) {
	prg, err := f.program()
	if err != nil {
		return nil, err
	}
	return vm.RunProgram(prg)
}

// Load runs the file in vm and returns the function it evaluates to (the
// usual shape: one function expression that sets its API up when called).
func (f *JSFile) Load(vm *goja.Runtime) (goja.Callable, error) {
	v, err := f.Run(vm)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("%s did not evaluate to a function", f.name)
	}
	return fn, nil
}

// MustLoad is Load for a constant file whose failure is a bug in edgedev.
func (f *JSFile) MustLoad(vm *goja.Runtime) goja.Callable {
	fn, err := f.Load(vm)
	if err != nil {
		panic(fmt.Errorf("edgedev's own %s failed: %w", f.name, err))
	}
	return fn
}

// Natives is the `native` object a JS file's function is called with: the
// Go functions and values it may use, by name. Defining a property on a
// fresh ordinary object cannot fail, so Func and Value return nothing.
type Natives struct {
	vm  *goja.Runtime
	obj *goja.Object
}

// NewNatives returns an empty native object.
func NewNatives(vm *goja.Runtime) *Natives { return &Natives{vm: vm, obj: vm.NewObject()} }

// Func adds a Go function under name.
func (n *Natives) Func(name string, fn func(goja.FunctionCall) goja.Value) {
	if err := n.obj.Set(name, fn); err != nil {
		panic(err)
	}
}

// Value adds v (converted with ToValue) under name.
func (n *Natives) Value(name string, v any) {
	if err := n.obj.Set(name, v); err != nil {
		panic(err)
	}
}

// Object is the object to pass to the file's function.
func (n *Natives) Object() *goja.Object { return n.obj }
