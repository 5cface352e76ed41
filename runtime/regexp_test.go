package runtime

import (
	"testing"

	"github.com/dop251/goja"
)

func newRegExpVM(t testing.TB) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := installRegExp(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

func TestRegExp_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"property escapes match by property, not as literal text", `
			const re = new RegExp("^\\p{L}+$", "u");
			eq(re.test("héllo"), true); eq(re.test("Ωμέγα"), true);
			eq(re.test("p{L}"), false); eq(re.test("abc1"), false);`},
		{"negated and spliced into classes", `
			eq(new RegExp("^[\\p{Lu}\\d]+$", "u").test("AB12"), true);
			eq(new RegExp("^[\\p{Lu}\\d]+$", "u").test("Ab"), false);
			eq(new RegExp("\\P{ASCII}", "u").test("abc"), false);
			eq(new RegExp("\\P{ASCII}", "u").test("abç"), true);`},
		{"scripts, extensions and emoji", `
			eq(new RegExp("^\\p{Script=Greek}+$", "u").test("αβγ"), true);
			eq(new RegExp("^\\p{sc=Cyrl}+$", "u").test("жук"), true);
			eq(new RegExp("\\p{Extended_Pictographic}", "u").test("ok 👍"), true);
			eq(new RegExp("\\p{Extended_Pictographic}", "u").test("ok"), false);
			eq(new RegExp("^\\p{scx=Deva}$", "u").test("\u0964"), true);`},
		{"flags, case folding and the g flag keep working", `
			const re = new RegExp("\\p{Lu}", "gu");
			eq("aBcD".replace(re, "_"), "a_c_");
			eq(new RegExp("^\\p{Lu}$", "ui").test("a"), true);
			eq(re.flags, "gu");`},
		{"unknown properties, set notation and d throw SyntaxError naming the gap", `
			let e = throws(() => new RegExp("\\p{Klingon}", "u"), SyntaxError, "unknown property");
			eq(e.message.includes("\\p{Klingon}"), true, "message names the escape");
			throws(() => new RegExp("[\\p{L}--[a-z]]", "v"), SyntaxError, "set notation");
			e = throws(() => new RegExp("a", "d"), SyntaxError, "d flag");
			eq(e.message.includes("hasIndices"), true, "message names match indices");
			eq(new RegExp("^[a-c]+$", "v").test("abc"), true, "v without set notation");`},
		{"the constructor is still RegExp", `
			eq(/a/ instanceof RegExp, true); eq(new RegExp("a") instanceof RegExp, true);
			eq(/a/.constructor, RegExp); eq(Object.getPrototypeOf(new RegExp("a")), RegExp.prototype);
			const r = /x/g; eq(RegExp(r), r, "RegExp(re) returns re"); eq(new RegExp(r) === r, false);
			eq(new RegExp(/\p{Lu}/u.source, "u").test("A"), true);
			eq(RegExp("a", "g").global, true); eq(RegExp.name, "RegExp"); eq(RegExp.length, 2);
			class R extends RegExp { hi() { return "hi"; } }
			const s = new R("\\p{Lu}", "u"); eq(s.hi(), "hi"); eq(s.test("Q"), true); eq(s instanceof R, true);
			eq("a,b".split(/,/).length, 2);
			eq(new RegExp("\\p{L}").test("p{L}"), true, "without u, \\p is an identity escape as in V8");`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vm := newRegExpVM(t)
			if _, err := vm.RunString(urlAssertJS + tt.src); err != nil {
				t.Fatal(err)
			}
		})
	}
}
