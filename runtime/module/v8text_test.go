package module

import (
	"strings"
	"testing"
)

// The reading of the source at a throw, on lines as goja and esbuild leave
// them; runtime/v8text_test.go triggers every row from real JS.
func TestV8Message(t *testing.T) {
	// at is the text goja's column points at: the first occurrence in line.
	site := func(line, at string) Site { return Site{Line: line, Col: strings.Index(line, at) + 1} }
	for _, c := range []struct {
		name, errName, msg string
		site               Site
		want               string
	}{
		{"a call after return", "TypeError", "Object has no member 'get'",
			site("  return env.KV.get(key);", "("), "env.KV.get is not a function"},
		{"an awaited call", "TypeError", "Object has no member 'json'",
			site("  const body = await request.json();", "("), "request.json is not a function"},
		{"a call with arguments that call", "TypeError", "Object has no member 'run'",
			site("  db.prepare(sql).bind(a, f(b)).run();", "();"), "db.prepare(...).bind(...).run is not a function"},
		{"a computed key", "TypeError", "Object has no member 'x'",
			site("  handlers[name](req);", "(req"), "handlers[name] is not a function"},
		{"a string key", "TypeError", "Object has no member 'x-y'",
			site(`  o["x-y"]();`, "()"), "o.x-y is not a function"},
		{"a parenthesized callee", "TypeError", "Value is not an object: 1",
			site("  (a || b)();", ")("[1:]), "(intermediate value) is not a function"},
		{"goja points at the callee's last name", "TypeError", "Object has no member 'y'",
			site("  o.y();", "y"), "o.y is not a function"},
		{"no source: goja's text stays", "TypeError", "Object has no member 'y'",
			Site{}, "Object has no member 'y'"},
		{"a read needs no source", "TypeError", "Cannot read property 'id' of undefined",
			Site{}, "Cannot read properties of undefined (reading 'id')"},
		{"a set through a computed key", "TypeError", "Cannot convert undefined or null to object",
			site("  cache[key].hits = 1;", "."), "Cannot set properties of undefined (setting 'hits')"},
		{"a comparison is no set", "TypeError", "Cannot convert undefined or null to object",
			site("  if (o.x == 1) {}", ".x"), "Cannot convert undefined or null to object"},
		{"a built-in's own text stays", "TypeError", "Cannot convert undefined or null to object",
			Site{Native: true}, "Cannot convert undefined or null to object"},
		{"a string callback: unsure, goja's text stays", "TypeError", "Value is not an object: s",
			Site{Native: true}, "Value is not an object: s"},
		{"for-of over a call's result", "TypeError", "object is not iterable",
			site("  for (const [k, v] of map.entries2()) {}", "map"), "map.entries2(...) is not iterable"},
		{"a destructured parameter", "TypeError", "Value is not object coercible",
			site("function handle({ request, env }) {", "function"), "Cannot destructure property 'request' of 'undefined' as it is undefined."},
		{"another error's name", "RangeError", "Object has no member 'y'",
			site("  o.y();", "("), "Object has no member 'y'"},
		{"a user's own message", "Error", "Cannot read the config",
			Site{}, "Cannot read the config"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, changed := V8Message(c.errName, c.msg, c.site)
			if got != c.want || changed != (c.want != c.msg) {
				t.Errorf("got %q (changed %v), want %q", got, changed, c.want)
			}
		})
	}
}
