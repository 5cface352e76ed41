// URLPattern: the URL Pattern Standard's URLPattern class,
// https://urlpattern.spec.whatwg.org/#urlpattern-class. urlpattern.js
// does the Web IDL conversions; package edgedev/urlpattern parses, compiles
// and matches. Knowingly missing: "v"-flag set notation inside custom regexp
// groups (a TypeError says so).
package urlpattern

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	pattern "edgedev/urlpattern"
)

//go:embed urlpattern.js
var urlPatternJS string

var urlPatternFile = module.NewJSFile("edgedev:urlpattern.js", urlPatternJS)

// Install defines the global URLPattern in h's runtime. It only needs
// h.VM: matching is synchronous.
func Install(h module.Host) error {
	vm := h.VM()
	fn, err := urlPatternFile.Load(vm)
	if err != nil {
		return err
	}
	class, err := fn(goja.Undefined(), urlPatternNatives(vm))
	if err != nil {
		return err
	}
	return vm.GlobalObject().DefineDataProperty("URLPattern", class, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

func urlPatternNatives(vm *goja.Runtime) *goja.Object {
	n := module.NewNatives(vm)
	set := n.Func
	compiled := func(v goja.Value) *pattern.Pattern {
		p, ok := v.Export().(*pattern.Pattern)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		return p
	}
	optString := func(v goja.Value) *string {
		if goja.IsUndefined(v) {
			return nil
		}
		s := v.String()
		return &s
	}
	fail := func(what string, err error) {
		panic(vm.NewTypeError("%s", fmt.Sprintf("%s: %v", what, err)))
	}
	set("usv", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(strings.ToValidUTF8(c.Argument(0).String(), "\uFFFD"))
	})
	set("compileString", func(c goja.FunctionCall) goja.Value {
		p, err := pattern.Parse(c.Argument(0).String(), optString(c.Argument(1)),
			pattern.Options{IgnoreCase: c.Argument(2).ToBoolean()})
		if err != nil {
			fail("Failed to construct 'URLPattern'", err)
		}
		return vm.ToValue(p)
	})
	set("compileInit", func(c goja.FunctionCall) goja.Value {
		p, err := pattern.New(initOf(c.Argument(0).ToObject(vm)), pattern.Options{IgnoreCase: c.Argument(1).ToBoolean()})
		if err != nil {
			fail("Failed to construct 'URLPattern'", err)
		}
		return vm.ToValue(p)
	})
	set("component", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(compiled(c.Argument(0)).Pattern(pattern.Component(c.Argument(1).ToInteger())))
	})
	set("hasRegExpGroups", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(compiled(c.Argument(0)).HasRegExpGroups())
	})
	// result builds the URLPatternResult object (the JS side adds inputs);
	// for test() only whether it matched matters.
	result := func(r *pattern.Result, err error, testOnly bool) goja.Value {
		if err != nil {
			fail("URLPattern", err)
		}
		if r == nil {
			return goja.Null()
		}
		if testOnly {
			return vm.ToValue(true)
		}
		out := vm.NewObject()
		for i, cr := range r.Components {
			groups := vm.NewObject()
			for _, g := range cr.Groups {
				v := goja.Undefined()
				if g.Matched {
					v = vm.ToValue(g.Value)
				}
				_ = groups.Set(g.Name, v)
			}
			comp := vm.NewObject()
			_ = comp.Set("input", cr.Input)
			_ = comp.Set("groups", groups)
			_ = out.Set(pattern.Components[i].String(), comp)
		}
		return out
	}
	set("matchURL", func(c goja.FunctionCall) goja.Value {
		r, err := compiled(c.Argument(0)).MatchURL(c.Argument(1).String(), optString(c.Argument(2)))
		return result(r, err, c.Argument(3).ToBoolean())
	})
	set("matchInit", func(c goja.FunctionCall) goja.Value {
		r, err := compiled(c.Argument(0)).MatchInit(initOf(c.Argument(1).ToObject(vm)))
		return result(r, err, c.Argument(2).ToBoolean())
	})
	return n.Object()
}

// initOf reads the init object urlpattern.js built (only present
// members, all strings).
func initOf(o *goja.Object) pattern.Init {
	var in pattern.Init
	get := func(name string) *string {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return nil
		}
		s := v.String()
		return &s
	}
	in.Protocol = get("protocol")
	in.Username = get("username")
	in.Password = get("password")
	in.Hostname = get("hostname")
	in.Port = get("port")
	in.Pathname = get("pathname")
	in.Search = get("search")
	in.Hash = get("hash")
	in.BaseURL = get("baseURL")
	return in
}
