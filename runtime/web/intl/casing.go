package intl

import (
	"github.com/dop251/goja"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"edgedev/runtime/module"
)

// installCaseNatives adds caseMap(s, lang, upper) to n: Unicode's
// language-sensitive case mapping for tr, az, lt and el
// (golang.org/x/text/cases, Unicode 15 tables).
func installCaseNatives(vm *goja.Runtime, n *module.Natives) {
	n.Func("caseMap", func(c goja.FunctionCall) goja.Value {
		s := c.Argument(0).String()
		tag := language.Make(c.Argument(1).String())
		if c.Argument(2).ToBoolean() {
			return vm.ToValue(cases.Upper(tag).String(s))
		}
		return vm.ToValue(cases.Lower(tag).String(s))
	})
}
