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
package runtime

import (
	"github.com/dop251/goja"

	"edgedev/jsregexp"
)

// regexpWrapJS replaces the global RegExp with a function that rewrites its
// arguments when needed and otherwise constructs the native RegExp. The
// native prototype, statics (via the prototype chain) and Symbol.species
// stay, so literals, instanceof and subclasses behave as before.
const regexpWrapJS = `(function (rewrite) {
  "use strict";
  const Native = globalThis.RegExp;
  const isRegExp = (v) => {
    if (v === null || typeof v !== "object") return false;
    const m = v[Symbol.match];
    return m !== undefined ? !!m : v instanceof Native;
  };
  const RegExp = function RegExp(pattern, flags) {
    if (new.target === undefined && isRegExp(pattern) && flags === undefined && pattern.constructor === RegExp) return pattern;
    let p = pattern, f = flags;
    if (pattern instanceof Native) {
      p = pattern.source;
      if (flags === undefined) f = pattern.flags;
    }
    if (f !== undefined || typeof p === "string") {
      const ps = p === undefined ? "" : String(p);
      const fs = f === undefined ? "" : String(f);
      const r = rewrite(ps, fs);
      if (r !== null) { p = r[0]; f = r[1]; }
    }
    return Reflect.construct(Native, [p, f], new.target === undefined || new.target === RegExp ? Native : new.target);
  };
  Object.setPrototypeOf(RegExp, Native);
  Object.defineProperty(RegExp, "prototype", { value: Native.prototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(Native.prototype, "constructor", { value: RegExp, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, "RegExp", { value: RegExp, writable: true, enumerable: false, configurable: true });
})`

// installRegExp wraps the RegExp constructor.
func installRegExp(vm *goja.Runtime) error {
	fv, err := vm.RunString(regexpWrapJS)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fv)
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
