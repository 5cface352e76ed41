// RegExp: goja's RegExp with the two gaps that would otherwise change
// behaviour silently closed or made loud. goja reads \p{...} under the "u"
// flag as literal text; the wrapped constructor rewrites property escapes
// into explicit classes (package jsregexp) and throws a SyntaxError naming
// the property when there is no table for it. The "v" flag works when the
// pattern uses no set notation; the "d" flag throws. Regex literals reach
// the constructor too: the bundler has esbuild turn literals that use these
// features into new RegExp(...) calls.
//
// Knowingly different from V8: a rewritten RegExp's source and toString()
// show the expanded class, and \p{Cs} cannot match lone surrogates.

package engine

import (
	_ "embed"

	"github.com/dop251/goja"

	"edgedev/jsregexp"
	"edgedev/runtime/module"
)

//go:embed regexp.js
var regexpJS string

var regexpFile = module.NewJSFile("edgedev:regexp.js", regexpJS)

// InstallRegExp replaces the global RegExp with the wrapper of regexp.js:
// property escapes are rewritten, and the gaps described at the top of this
// file throw a SyntaxError.
func InstallRegExp(h module.Host) error {
	vm := h.VM()
	fn, err := regexpFile.Load(vm)
	if err != nil {
		return err
	}
	rewrite := func(c goja.FunctionCall) goja.Value {
		pattern, flags := c.Argument(0).String(), c.Argument(1).String()
		if !jsregexp.NeedsRewrite(pattern, flags) {
			return goja.Null()
		}
		p, f, err := jsregexp.Rewrite(pattern, flags)
		if err != nil {
			panic(syntaxError(vm, "Invalid regular expression: /"+pattern+"/"+flags+": "+err.Error()))
		}
		return vm.NewArray(p, f)
	}
	_, err = fn(goja.Undefined(), vm.ToValue(rewrite))
	return err
}

// syntaxError makes a JS SyntaxError, what engines throw for a pattern
// they cannot compile.
func syntaxError(vm *goja.Runtime, msg string) *goja.Object {
	ctor := vm.Get("SyntaxError").ToObject(vm)
	obj, err := vm.New(ctor, vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return obj
}
