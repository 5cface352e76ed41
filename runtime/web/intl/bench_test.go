package intl_test

import (
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

// BenchmarkLocaleCompare sorts 200 German words with a.localeCompare(b,
// "de"), the way most code sorts (one localeCompare call per comparison,
// each naming the locale), and with one Intl.Collator's compare.
func BenchmarkLocaleCompare(b *testing.B) {
	for _, c := range []struct{ name, sort string }{
		{"localeCompare-de", `words.slice().sort((a, b) => a.localeCompare(b, "de"))`},
		{"localeCompare-default", `words.slice().sort((a, b) => a.localeCompare(b))`},
		{"Collator-de", `words.slice().sort(coll.compare)`},
	} {
		b.Run(c.name, func(b *testing.B) {
			h := runtimetest.New(b)
			h.OnLoop(b, func(vm *goja.Runtime) error {
				_, err := vm.RunString(`
					var words = [];
					for (let i = 0; i < 200; i++) words.push(["Äpfel", "apfel", "Zebra", "Müller", "mueller", "straße", "Strasse", "Öl", "oel"][i % 9] + (i * 7919 % 1000));
					var coll = new Intl.Collator("de");
					var run = () => ` + c.sort + `;`)
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
