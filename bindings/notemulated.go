package bindings

import (
	"fmt"

	"github.com/dop251/goja"
)

// NewNotEmulated is the env value of a binding whose kind edgedev reads in
// the config but does not run yet: an object (typeof "object", so feature
// detection at module scope works) whose every property read, write, `in`
// test or descriptor lookup throws an Error naming the binding, its kind
// and the config table, so the first use says exactly what is missing
// instead of "Cannot read property 'prepare' of undefined". Symbol-keyed
// reads (Symbol.toPrimitive, Symbol.toStringTag, inspection) give
// undefined, so console.log(env) still works.
func NewNotEmulated(name, kind, section string) Binding {
	return &notEmulated{name: name, kind: kind, section: section}
}

type notEmulated struct{ name, kind, section string }

// Message is the error text for a use of property prop.
func (b *notEmulated) message(prop string) string {
	return fmt.Sprintf("env.%s is a %s binding (%s in the wrangler config), which edgedev does not emulate yet: env.%s.%s cannot be used. Run this worker with wrangler dev to use it, or leave the binding out of local runs.",
		b.name, b.kind, b.section, b.name, prop)
}

func (b *notEmulated) Expose(h Host) (goja.Value, error) {
	vm := h.VM()
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	throw := func(prop string) {
		if ctor == nil {
			panic(vm.ToValue(b.message(prop)))
		}
		e, err := ctor(nil, vm.ToValue(b.message(prop)))
		if err != nil {
			panic(err)
		}
		panic(e)
	}
	target := vm.NewObject()
	p := vm.NewProxy(target, &goja.ProxyTrapConfig{
		Get: func(_ *goja.Object, prop string, _ goja.Value) goja.Value {
			throw(prop)
			return nil
		},
		GetIdx: func(_ *goja.Object, i int, _ goja.Value) goja.Value {
			throw(fmt.Sprint(i))
			return nil
		},
		GetSym: func(*goja.Object, *goja.Symbol, goja.Value) goja.Value { return goja.Undefined() },
		Set: func(_ *goja.Object, prop string, _, _ goja.Value) bool {
			throw(prop)
			return false
		},
		Has: func(_ *goja.Object, prop string) bool {
			throw(prop)
			return false
		},
		GetOwnPropertyDescriptor: func(_ *goja.Object, prop string) goja.PropertyDescriptor {
			throw(prop)
			return goja.PropertyDescriptor{}
		},
	})
	return vm.ToValue(p), nil
}

func (b *notEmulated) Close() error { return nil }

var _ Binding = (*notEmulated)(nil)
