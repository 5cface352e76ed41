package dev_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"edgedev/dev"
)

// notYet is a project that uses a binding kind edgedev does not emulate
// yet, with the binding and the kind the start-up table names. It was the
// official d1-template until D1 landed (cmd/edgedev's d1_template script
// now runs that template for real); R2 is next, and its official template
// (r2-explorer-template) needs an npm package, so this is an R2 worker of
// the same shape. When R2 lands, move this test to another kind.
var notYet = struct{ dir, binding, kind string }{"testdata/notemulated-r2", "BUCKET", "R2 bucket"}

func TestNotEmulated_OfficialTemplate(t *testing.T) {
	r := start(t, dev.Options{Dir: copyDir(t, notYet.dir)})
	row := regexp.MustCompile(`env\.` + notYet.binding + `\s+` + notYet.kind + `\s+not emulated yet: env\.` + notYet.binding + ` is a stub that throws`)
	if !row.MatchString(r.out.String()) {
		t.Fatalf("the start-up table has no not-emulated row for %s:\n%s", notYet.binding, r.out.String())
	}
	if strings.Contains(r.out.String(), "No bindings.") {
		t.Errorf("start-up says there are no bindings:\n%s", r.out.String())
	}
	// The first request's error names the binding, its kind and what is
	// missing, first on the error page.
	got := r.do(t, "GET", "/", "", "Accept", "text/html")
	want := "env." + notYet.binding + " is a " + notYet.kind + " binding"
	if got.status != 500 {
		t.Fatalf("status %d, body %s", got.status, got.body)
	}
	h1 := regexp.MustCompile(`(?s)<h1>(.*?)</h1>`).FindStringSubmatch(got.body)
	if h1 == nil || !strings.Contains(h1[1], want) || !strings.Contains(h1[1], "which edgedev does not emulate yet") {
		t.Errorf("the error page's message is not the binding's: %v\n%s", h1, got.body)
	}
	if plain := r.do(t, "GET", "/", ""); !strings.HasPrefix(plain.body, "Error: "+want) {
		t.Errorf("plain-text error: %s", plain.body)
	}
}

// TestNotEmulated_EveryKind declares one binding of several kinds edgedev
// does not run and checks the start-up table lists each once, that
// typeof env.X is "object" at module scope, and that any use throws an
// Error naming the binding and its kind.
func TestNotEmulated_EveryKind(t *testing.T) {
	dir := project(t, map[string]string{
		"wrangler.jsonc": `{
  "name": "stubs", "main": "src/index.js", "compatibility_date": "2025-06-01",
  "r2_buckets": [{ "binding": "BUCKET", "bucket_name": "b" }],
  "queues": { "producers": [{ "binding": "JOBS", "queue": "jobs" }], "consumers": [{ "queue": "jobs" }] },
  "services": [{ "binding": "AUTH", "service": "auth" }],
  "ai": { "binding": "AI" },
  "ratelimits": [{ "name": "LIMITER", "namespace_id": "1", "simple": { "limit": 1, "period": 60 } }],
  "version_metadata": { "binding": "VERSION" },
  "kv_namespaces": [{ "binding": "KV" }]
}`,
		"src/index.js": `
const kinds = ["BUCKET", "JOBS", "AUTH", "AI", "LIMITER", "VERSION"];
let atTop = "";
export default {
  async fetch(request, env) {
    if (!atTop) atTop = kinds.map((k) => typeof env[k]).join(",");
    const u = new URL(request.url);
    if (u.pathname === "/top") return new Response(atTop + " jobs:" + ("jobs" in env));
    if (u.pathname === "/log") { console.log("env", env.BUCKET); return new Response(String(Object.keys(env.BUCKET).length)); }
    const name = u.pathname.slice(1);
    try {
      env[name].get("x");
      return new Response("no throw");
    } catch (e) {
      return new Response(e.constructor.name + ": " + e.message);
    }
  },
};
`,
	})
	r := start(t, dev.Options{Dir: dir})
	out := r.out.String()
	for _, row := range []string{
		`env\.BUCKET\s+R2 bucket\s+not emulated yet: env\.BUCKET is a stub that throws`,
		`env\.JOBS\s+Queue producer\s+not emulated yet`,
		`\n  jobs\s+Queue consumer\s+not emulated yet: this worker's queue\(\) handler never runs`,
		`env\.AUTH\s+Service binding\s+not emulated yet`,
		`env\.AI\s+Workers AI\s+not emulated yet`,
		`env\.LIMITER\s+Rate limiter\s+not emulated yet`,
		`env\.VERSION\s+Version metadata\s+not emulated yet`,
		`env\.KV\s+KV namespace\s+KV \(local\)`,
	} {
		if n := len(regexp.MustCompile(row).FindAllString(out, -1)); n != 1 {
			t.Errorf("%d start-up rows match %s:\n%s", n, row, out)
		}
	}
	if got := r.do(t, "GET", "/top", "").body; got != "object,object,object,object,object,object jobs:false" {
		t.Errorf("typeof at first use: %s", got)
	}
	if got := r.do(t, "GET", "/log", ""); got.status != 200 || got.body != "0" {
		t.Errorf("logging a stub: %d %s", got.status, got.body)
	}
	for name, kind := range map[string]string{"BUCKET": "R2 bucket", "AI": "Workers AI", "AUTH": "Service binding"} {
		got := r.do(t, "GET", "/"+name, "").body
		want := "Error: env." + name + " is a " + kind + " binding"
		if !strings.HasPrefix(got, want) || !strings.Contains(got, "does not emulate yet: env."+name+".get cannot be used") {
			t.Errorf("%s: %s", name, got)
		}
	}
	if resp, err := http.Get(r.url + "/KV"); err != nil || resp.StatusCode != 200 {
		t.Errorf("KV still works: %v %v", resp, err)
	}
}
