package runtime

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// jsFile is one of edgedev's own JS files (js/*.js): embedded, compiled once
// per process, and evaluating to a function that sets up its API when an
// instance calls it. Its name starts with "edgedev:", which keeps its frames
// out of the stacks users see.
type jsFile struct {
	name    string
	program func() (*goja.Program, error)
}

func newJSFile(name, src string) *jsFile {
	return &jsFile{name: name, program: sync.OnceValues(func() (*goja.Program, error) {
		return goja.Compile(name, src, true)
	})}
}

// load runs the file in vm and returns the function it evaluates to.
func (f *jsFile) load(vm *goja.Runtime) (goja.Callable, error) {
	prg, err := f.program()
	if err != nil {
		return nil, err
	}
	v, err := vm.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("%s did not evaluate to a function", f.name)
	}
	return fn, nil
}
