package json

import (
	"testing"

	"github.com/dop251/goja"
)

func TestSmoke(t *testing.T) {
	vm := goja.New()
	if err := Install(vm); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		`JSON.stringify(JSON.parse('{"a":[1,2.5,-0,"x\\u00e9\\ud800",true,null],"b":{"c":"d"},"__proto__":1}'))`,
		`JSON.stringify({b:1, 1:2, a:[undefined, function(){}, Symbol()], d: new Date(0)}, null, 2)`,
		`try { JSON.parse("Hello") } catch (e) { e.name + ": " + e.message }`,
		`try { JSON.parse('{"a":1,}') } catch (e) { e.name + ": " + e.message }`,
		`try { JSON.parse('{"abcdefghijklmnop": tru, "x": 1}') } catch (e) { e.name + ": " + e.message }`,
		`try { const a = {}; a.b = {c: a}; JSON.stringify(a) } catch (e) { e.name + ": " + e.message }`,
		`try { const a = [{}]; a[0].x = a; JSON.stringify({root: a}) } catch (e) { e.name + ": " + e.message }`,
		`try { JSON.stringify({a: 1n}) } catch (e) { e.name + ": " + e.message }`,
		`JSON.parse('[1,{"a":2}]', function (k, v, ctx) { return typeof v === "number" ? ctx.source + "!" : v; })[1].a`,
		`JSON.stringify({r: JSON.rawJSON("1e1000")})`,
		`JSON.stringify("\ud800\udc00\udc00")`,
	} {
		v, err := vm.RunString(src)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		t.Logf("%s\n=> %s", src, v)
	}
}
