package runtime

import (
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/webidl"
)

func installDOMException(vm *goja.Runtime) error { _, err := webidl.Of(vm); return err }

// BenchmarkInstallWebAPIs is the per-runtime cost of every API in this
// group (the compiled programs are shared, as in a server).
func BenchmarkInstallWebAPIs(b *testing.B) {
	installs := []func(*goja.Runtime) error{
		installDOMException, installEncoding, installCrypto, installStructuredClone,
		installFormData,
		func(vm *goja.Runtime) error { return installConsole(vm, nil) },
	}
	b.ReportAllocs()
	for b.Loop() {
		vm := goja.New()
		for _, in := range installs {
			if err := in(vm); err != nil {
				b.Fatal(err)
			}
		}
	}
}
