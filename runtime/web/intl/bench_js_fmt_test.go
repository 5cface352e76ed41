package intl_test

import (
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

// BenchmarkJSFormat formats in a worker's runtime, one call per op: a date
// with a kept Intl.DateTimeFormat, a EUR amount with a kept
// Intl.NumberFormat, and both through toLocaleString (a new formatter per
// call, as most code does it).
func BenchmarkJSFormat(b *testing.B) {
	for _, c := range []struct{ name, call string }{
		{"DateTimeFormat.format", `dtf.format(d)`},
		{"NumberFormat.format-EUR", `nf.format(1234.5)`},
		{"Date.toLocaleString-de", `d.toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" })`},
		{"Number.toLocaleString-EUR", `(1234.5).toLocaleString("de-DE", { style: "currency", currency: "EUR" })`},
	} {
		b.Run(c.name, func(b *testing.B) {
			h := runtimetest.New(b)
			h.OnLoop(b, func(vm *goja.Runtime) error {
				_, err := vm.RunString(`
					var d = new Date(Date.UTC(2024, 0, 5, 15, 4, 9));
					var dtf = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short" });
					var nf = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });
					var run = () => ` + c.call + `;`)
				if err != nil {
					return err
				}
				run, _ := goja.AssertFunction(vm.Get("run"))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := run(goja.Undefined()); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
}
