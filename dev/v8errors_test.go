package dev_test

import (
	"html"
	"strings"
	"testing"

	"edgedev/dev"
)

// v8ErrorsTS throws one of issue #13's runtime errors per route, from
// TypeScript that esbuild bundles with a source map, as a user's worker does.
const v8ErrorsTS = `type Env = { DB?: any };
class Foo {}
const cases: Record<string, (env: Env) => unknown> = {
  callDeep: (env) => { const db: any = { DB: {} }; return db.DB.prepare("select 1"); },
  readChain: (env: Env) => env.DB.prepare("select 1"),
  setChain: () => { const o: any = {}; o.a.x = 1; },
  forOfMember: () => { const o: any = {}; for (const x of o.list) {} },
  destructureMember: () => { const o: any = {}; const { a } = o.b; return a; },
  classNoNew: () => (Foo as any)(),
  tdz: () => { const f = () => x; f(); let x = 1; },
  newMember: () => { const o: any = {}; return new o.Y(); },
  callResult: () => { function g(): any { return 1; } return g()(); },
  callbackMap: () => [1].map(5 as any),
};
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const name = new URL(request.url).pathname.slice(1);
    if (name === "waitUntil") {
      ctx.waitUntil((async () => { const o: any = { a: {} }; o.a.b(); })());
      return new Response("ok");
    }
    if (name === "console") {
      try { const o: any = {}; o.y(); } catch (e) { console.error(e); }
      return new Response("logged");
    }
    cases[name](env);
    return new Response("no error");
  },
};
`

// The first line of the 500 page, the request log and console show V8's
// text for an error from a bundled, source-mapped TypeScript worker (texts
// recorded from wrangler 4.86.0).
func TestV8ErrorTexts(t *testing.T) {
	dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.ts": v8ErrorsTS})
	r := start(t, dev.Options{Dir: dir})
	for _, c := range []struct{ name, v8 string }{
		{"callDeep", "TypeError: db.DB.prepare is not a function"},
		{"readChain", "TypeError: Cannot read properties of undefined (reading 'prepare')"},
		{"setChain", "TypeError: Cannot set properties of undefined (setting 'x')"},
		{"forOfMember", "TypeError: o.list is not iterable"},
		{"destructureMember", "TypeError: Cannot destructure property 'a' of 'o.b' as it is undefined."},
		{"classNoNew", "TypeError: Class constructor Foo cannot be invoked without 'new'"},
		{"tdz", "ReferenceError: Cannot access 'x' before initialization"},
		{"newMember", "TypeError: o.Y is not a constructor"},
		{"callResult", "TypeError: g(...) is not a function"},
		{"callbackMap", "TypeError: number 5 is not a function"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := r.do(t, "GET", "/"+c.name, "")
			if first, _, _ := strings.Cut(got.body, "\n"); got.status != 500 || first != c.v8 {
				t.Errorf("got %d %q, want 500 starting %q", got.status, got.body, c.v8)
			}
			if !strings.Contains(got.body, "src/index.ts:") {
				t.Errorf("the page lost the source-mapped stack: %q", got.body)
			}
			page := r.do(t, "GET", "/"+c.name, "", "Accept", "text/html")
			if want := "<h1>" + html.EscapeString(c.v8) + "</h1>"; !strings.Contains(page.body, want) {
				t.Errorf("HTML page has no %s:\n%s", want, page.body)
			}
		})
	}
	log := r.out.String() + r.err.String()
	if !strings.Contains(log, "TypeError: db.DB.prepare is not a function") {
		t.Errorf("request log lacks V8's text:\n%s", log)
	}
	r.do(t, "GET", "/console", "")
	r.do(t, "GET", "/waitUntil", "")
	log = r.out.String() + r.err.String()
	for _, want := range []string{"TypeError: o.y is not a function", "TypeError: o.a.b is not a function"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "has no member") {
		t.Errorf("log still shows goja's text:\n%s", log)
	}
}
