package webidl_test

import (
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
	"edgedev/runtime/webidl"
)

func TestStringSequence(t *testing.T) {
	h := runtimetest.New(t)
	h.OnLoop(t, func(vm *goja.Runtime) error {
		k := webidl.MustOf(vm)
		return vm.Set("seq", func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(k.StringSequence(c.Argument(0), "seq: argument 1"))
		})
	})
	h.RunCases(t, []runtimetest.Case{
		{Name: "an array, each element by String()", Src: `return seq(["a", 1, null]);`, Want: `["a","1","null"]`},
		{Name: "any iterable", Src: `return seq(new Set(["x", "y"]));`, Want: `["x","y"]`},
		{Name: "a replaced Array.from is not used", Src: `const f = Array.from; Array.from = () => ["no"]; try { return seq(new Set(["z"])); } finally { Array.from = f; }`, Want: `["z"]`},
		{Name: "a non-iterable object is a TypeError", Src: `assertThrows(() => seq({length: 1, 0: "a"}), "TypeError", "seq: argument 1 must be a sequence of strings"); return 1;`, Want: `1`},
		{Name: "a string is not a sequence here", Src: `assertThrows(() => seq("ab"), "TypeError", "must be a sequence of strings"); return 1;`, Want: `1`},
	})
}

func TestParseJSON(t *testing.T) {
	h := runtimetest.New(t)
	h.OnLoop(t, func(vm *goja.Runtime) error {
		k := webidl.MustOf(vm)
		return vm.Set("parse", func(c goja.FunctionCall) goja.Value {
			v, err := k.ParseJSON(c.Argument(0).String())
			if err != nil {
				panic(err)
			}
			return v
		})
	})
	h.RunCases(t, []runtimetest.Case{
		{Name: "parses", Src: `return parse('{"a":[1,2]}');`, Want: `{"a":[1,2]}`},
		{Name: "a replaced JSON.parse is not used", Src: `const p = JSON.parse; JSON.parse = () => "no"; try { return parse('{"k":"v"}'); } finally { JSON.parse = p; }`, Want: `{"k":"v"}`},
		{Name: "a syntax error is a SyntaxError", Src: `assertThrows(() => parse("{"), "SyntaxError"); return 1;`, Want: `1`},
	})
}
