package engine_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

func TestRegExp_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"property escapes match by property, not as literal text", `
			const re = new RegExp("^\\p{L}+$", "u");
			assertEq(re.test("héllo"), true); assertEq(re.test("Ωμέγα"), true);
			assertEq(re.test("p{L}"), false); assertEq(re.test("abc1"), false);`},
		{"negated and spliced into classes", `
			assertEq(new RegExp("^[\\p{Lu}\\d]+$", "u").test("AB12"), true);
			assertEq(new RegExp("^[\\p{Lu}\\d]+$", "u").test("Ab"), false);
			assertEq(new RegExp("\\P{ASCII}", "u").test("abc"), false);
			assertEq(new RegExp("\\P{ASCII}", "u").test("abç"), true);`},
		{"scripts, extensions and emoji", `
			assertEq(new RegExp("^\\p{Script=Greek}+$", "u").test("αβγ"), true);
			assertEq(new RegExp("^\\p{sc=Cyrl}+$", "u").test("жук"), true);
			assertEq(new RegExp("\\p{Extended_Pictographic}", "u").test("ok 👍"), true);
			assertEq(new RegExp("\\p{Extended_Pictographic}", "u").test("ok"), false);
			assertEq(new RegExp("^\\p{scx=Deva}$", "u").test("\u0964"), true);`},
		{"flags, case folding and the g flag keep working", `
			const re = new RegExp("\\p{Lu}", "gu");
			assertEq("aBcD".replace(re, "_"), "a_c_");
			assertEq(new RegExp("^\\p{Lu}$", "ui").test("a"), true);
			assertEq(re.flags, "gu");`},
		{"unknown properties, set notation and d throw SyntaxError naming the gap", `
			let e = assertThrows(() => new RegExp("\\p{Klingon}", "u"), SyntaxError, undefined, "unknown property");
			assertEq(e.message.includes("\\p{Klingon}"), true, "message names the escape");
			assertThrows(() => new RegExp("[\\p{L}--[a-z]]", "v"), SyntaxError, undefined, "set notation");
			e = assertThrows(() => new RegExp("a", "d"), SyntaxError, undefined, "d flag");
			assertEq(e.message.includes("hasIndices"), true, "message names match indices");
			assertEq(new RegExp("^[a-c]+$", "v").test("abc"), true, "v without set notation");`},
		{"the constructor is still RegExp", `
			assertEq(/a/ instanceof RegExp, true); assertEq(new RegExp("a") instanceof RegExp, true);
			assertEq(/a/.constructor, RegExp); assertEq(Object.getPrototypeOf(new RegExp("a")), RegExp.prototype);
			const r = /x/g; assertEq(RegExp(r), r, "RegExp(re) returns re"); assertEq(new RegExp(r) === r, false);
			assertEq(new RegExp(/\p{Lu}/u.source, "u").test("A"), true);
			assertEq(RegExp("a", "g").global, true); assertEq(RegExp.name, "RegExp"); assertEq(RegExp.length, 2);
			class R extends RegExp { hi() { return "hi"; } }
			const s = new R("\\p{Lu}", "u"); assertEq(s.hi(), "hi"); assertEq(s.test("Q"), true); assertEq(s instanceof R, true);
			assertEq("a,b".split(/,/).length, 2);
			assertEq(new RegExp("\\p{L}").test("p{L}"), true, "without u, \\p is an identity escape as in V8");`},
	}
	h := runtimetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.Run(t, tt.src)
		})
	}
}
