package pages

import (
	"github.com/dop251/goja"

	"edgedev/bindings"
)

// AssetsBindingName is the env name functions and _worker.js see the static
// assets under.
const AssetsBindingName = "ASSETS"

// NewRouterBinding is the hidden env entry through which the generated entry
// matches a request against t: match(method, url) returns
// [route, isMiddleware, params, functionPath, ...] (see js/entry.js).
func NewRouterBinding(t *Table) bindings.Binding { return &routerBinding{t: t} }

type routerBinding struct{ t *Table }

func (b *routerBinding) Expose(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	obj := vm.NewObject()
	// A FunctionCall signature: goja calls it without reflection.
	match := func(call goja.FunctionCall) goja.Value {
		steps, ok := b.t.MatchURL(call.Argument(0).String(), call.Argument(1).String())
		if !ok || len(steps) == 0 {
			return vm.NewArray()
		}
		out := make([]any, 0, 4*len(steps))
		for _, s := range steps {
			params := vm.NewObject()
			for _, p := range s.Params {
				switch {
				case !p.List:
					_ = params.Set(p.Name, p.Value)
				case p.Segments != nil:
					segs := make([]any, len(p.Segments))
					for i, s := range p.Segments {
						segs[i] = s
					}
					_ = params.Set(p.Name, vm.NewArray(segs...))
				}
			}
			out = append(out, s.Route, s.Middleware, params, s.Path)
		}
		return vm.NewArray(out...)
	}
	if err := obj.Set("match", match); err != nil {
		return nil, err
	}
	return obj, nil
}

func (b *routerBinding) Close() error { return nil }

var _ bindings.Binding = (*routerBinding)(nil)
