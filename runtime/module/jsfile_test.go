package module

import (
	"testing"

	"github.com/dop251/goja"
)

// A JSFile is compiled once per process, however many runtimes run it (the
// check streams' tests made of streams.js, made here for every file), and
// each runtime gets its own objects from it.
func TestJSFile_CompilesOnce(t *testing.T) {
	f := NewJSFile("edgedev:test.js", `(function () { return class Thing {}; })`)
	a, err := f.program()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := f.program(); a != b {
		t.Fatal("the file was compiled twice")
	}
	classIn := func() goja.Value {
		vm := goja.New()
		v, err := f.MustLoad(vm)(goja.Undefined())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if classIn().SameAs(classIn()) {
		t.Fatal("two runtimes share a class object")
	}
	if b, _ := f.program(); a != b {
		t.Fatal("running the file compiled it again")
	}
}
