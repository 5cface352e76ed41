package runtime

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"
)

// newURLPatternVM is a bare runtime with URL and URLPattern installed.
func newURLPatternVM(t testing.TB) *goja.Runtime {
	t.Helper()
	vm := newURLVM(t)
	if err := installURLPattern(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

// wptURLPatternHarnessJS follows upstream urlpattern/resources/
// urlpatterntests.js (rules in testdata/wpt/README.md) and returns one
// [id, failure message or ""] per entry.
const wptURLPatternHarnessJS = `(function (data) {
  "use strict";
  const kComponents = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
  const EARLIER = {
    protocol: [], hostname: ["protocol"], port: ["protocol", "hostname"], username: [], password: [],
    pathname: ["protocol", "hostname", "port"], search: ["protocol", "hostname", "port", "pathname"],
    hash: ["protocol", "hostname", "port", "pathname", "search"],
  };
  const show = (v) => v === undefined ? "undefined" : JSON.stringify(v);
  function sameGroups(got, want) {
    const gk = Object.keys(got), wk = Object.keys(want);
    if (gk.length !== wk.length) return false;
    for (const k of wk) {
      if (!(k in got) || got[k] !== want[k]) return false;
    }
    return true;
  }
  const results = [];
  JSON.parse(data).forEach((entry, n) => {
    const id = "urlpatterntestdata#" + n;
    try {
      if (entry.expected_obj === "error") {
        try { new URLPattern(...entry.pattern); } catch (e) {
          results.push([id, e instanceof TypeError ? "" : "constructor threw " + e + ", want TypeError"]);
          return;
        }
        results.push([id, "constructor did not throw"]);
        return;
      }
      const pattern = new URLPattern(...entry.pattern);
      const expectedObj = entry.expected_obj || {};
      const bad = [];
      for (const component of kComponents) {
        let expected = expectedObj[component];
        if (expected == undefined) {
          let baseURL = null;
          if (entry.pattern.length > 0 && entry.pattern[0].baseURL) baseURL = new URL(entry.pattern[0].baseURL);
          else if (entry.pattern.length > 1 && typeof entry.pattern[1] === "string") baseURL = new URL(entry.pattern[1]);
          if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) expected = "";
          else if (typeof entry.pattern[0] === "object" && entry.pattern[0][component]) expected = entry.pattern[0][component];
          else if (typeof entry.pattern[0] === "object" && EARLIER[component].some((c) => c in entry.pattern[0])) expected = "*";
          else if (baseURL && component !== "username" && component !== "password") {
            let v = baseURL[component];
            if (component === "protocol") v = v.substring(0, v.length - 1);
            else if (component === "search" || component === "hash") v = v.substring(1, v.length);
            expected = v;
          } else expected = "*";
        }
        if (pattern[component] !== expected) bad.push("pattern." + component + " = " + show(pattern[component]) + ", want " + show(expected));
      }
      if (bad.length) { results.push([id, bad.join("; ")]); return; }

      if (entry.expected_match === "error") {
        let n = 0;
        try { pattern.test(...entry.inputs); } catch (e) { if (e instanceof TypeError) n++; }
        try { pattern.exec(...entry.inputs); } catch (e) { if (e instanceof TypeError) n++; }
        results.push([id, n === 2 ? "" : "test/exec did not both throw a TypeError"]);
        return;
      }
      const tested = pattern.test(...entry.inputs);
      if (tested !== !!entry.expected_match) {
        results.push([id, "test() = " + tested + ", want " + !!entry.expected_match]);
        return;
      }
      const r = pattern.exec(...entry.inputs);
      if (!entry.expected_match || typeof entry.expected_match !== "object") {
        results.push([id, r === entry.expected_match ? "" : "exec() = " + show(r) + ", want " + show(entry.expected_match)]);
        return;
      }
      const wantInputs = entry.expected_match.inputs || entry.inputs;
      if (r.inputs.length !== wantInputs.length) bad.push("inputs.length = " + r.inputs.length + ", want " + wantInputs.length);
      else {
        r.inputs.forEach((input, i) => {
          if (typeof input === "string") {
            if (input !== wantInputs[i]) bad.push("inputs[" + i + "] = " + show(input) + ", want " + show(wantInputs[i]));
            return;
          }
          for (const c of kComponents) {
            if (input[c] !== wantInputs[i][c]) bad.push("inputs[" + i + "]." + c + " = " + show(input[c]) + ", want " + show(wantInputs[i][c]));
          }
        });
      }
      for (const component of kComponents) {
        let want = entry.expected_match[component];
        if (!want) {
          want = { input: "", groups: {} };
          if (!entry.exactly_empty_components || !entry.exactly_empty_components.includes(component)) want.groups["0"] = "";
        }
        const wantGroups = {};
        for (const k in want.groups) wantGroups[k] = want.groups[k] === null ? undefined : want.groups[k];
        const got = r[component];
        if (!got || got.input !== want.input || !sameGroups(got.groups, wantGroups)) {
          bad.push("exec()." + component + " = " + show(got) + ", want " + show({ input: want.input, groups: want.groups }));
        }
      }
      results.push([id, bad.join("; ")]);
    } catch (e) {
      results.push([id, "threw " + e]);
    }
  });
  return results;
})`

// TestURLPattern_WPT runs urlpatterntestdata.json inside goja. Entries in
// testdata/wpt_urlpattern_expected_failures.txt must fail, all others must
// pass, so new breakage and accidental fixes both show up.
func TestURLPattern_WPT(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "wpt", "urlpatterntestdata.json"))
	if err != nil {
		t.Fatal(err)
	}
	vm := newURLPatternVM(t)
	fv, err := vm.RunString(wptURLPatternHarnessJS)
	if err != nil {
		t.Fatal(err)
	}
	run, _ := goja.AssertFunction(fv)
	rv, err := run(goja.Undefined(), vm.ToValue(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var results [][2]string
	if err := vm.ExportTo(rv, &results); err != nil {
		t.Fatal(err)
	}
	expected := readExpectedFailures(t, filepath.Join("testdata", "wpt_urlpattern_expected_failures.txt"))
	pass := 0
	seen := make(map[string]bool)
	for _, r := range results {
		id, msg := r[0], r[1]
		seen[id] = true
		_, known := expected[id]
		switch {
		case msg == "" && known:
			t.Errorf("%s passes now: remove it from wpt_urlpattern_expected_failures.txt", id)
		case msg == "":
			pass++
		case !known:
			t.Errorf("%s: %s", id, msg)
		}
	}
	for id := range expected {
		if !seen[id] {
			t.Errorf("wpt_urlpattern_expected_failures.txt lists %s, which is not a case", id)
		}
	}
	// The README's count: 353 test objects.
	if len(results) != 353 {
		t.Errorf("ran %d cases, want 353", len(results))
	}
	t.Logf("WPT URLPattern: %d of %d cases pass (%d expected failures)", pass, len(results), len(expected))
}

func TestURLPattern_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"router-style pathname groups", `
			const p = new URLPattern({ pathname: "/users/:id/posts/:post(\\d+)" });
			const r = p.exec("https://example.com/users/ada/posts/42?x=1");
			eq(r.pathname.groups.id, "ada"); eq(r.pathname.groups.post, "42");
			eq(r.pathname.input, "/users/ada/posts/42"); eq(r.search.input, "x=1");
			eq(r.inputs.length, 1); eq(r.inputs[0], "https://example.com/users/ada/posts/42?x=1");
			eq(p.test("https://example.com/users/ada/posts/abc"), false);
			eq(p.hasRegExpGroups, true);
			eq(new URLPattern({ pathname: "/a/:b" }).hasRegExpGroups, false);`},
		{"string with base URL and getters", `
			const p = new URLPattern("../admin/*", "https://discussion.example/forum/?page=2");
			eq(p.protocol, "https"); eq(p.hostname, "discussion.example"); eq(p.port, "");
			eq(p.pathname, "/admin/*"); eq(p.search, "*"); eq(p.hash, "*"); eq(p.username, "*");
			eq(p.test("https://edd:librarian@discussion.example/admin/update?id=1"), true);
			eq(p.test("https://discussion.example/forum/admin/"), false);
			eq(Object.prototype.toString.call(p), "[object URLPattern]");`},
		{"ignoreCase applies to pathname", `
			const p = new URLPattern({ pathname: "/Foo" }, { ignoreCase: true });
			eq(p.test({ pathname: "/fOO" }), true);
			eq(new URLPattern({ pathname: "/Foo" }).test({ pathname: "/fOO" }), false);`},
		{"optional group that did not match is undefined", `
			const r = new URLPattern({ pathname: "/foo/:bar?" }).exec({ pathname: "/foo" });
			eq("bar" in r.pathname.groups, true); eq(r.pathname.groups.bar, undefined);`},
		{"test with init and base URL", `
			const p = new URLPattern({ pathname: "/a" });
			eq(p.test({ pathname: "/a", baseURL: "https://x.test" }), true);
			eq(p.test("/a", "https://x.test"), true);
			eq(p.test("not a url"), false);
			eq(p.exec("/a", "not a base"), null);`},
		{"errors are TypeErrors", `
			throws(() => new URLPattern("/relative"), TypeError, "relative without base");
			throws(() => new URLPattern({ pathname: "/:id(" }), TypeError, "unbalanced group");
			throws(() => new URLPattern({ pathname: "/(\\m)" }), TypeError, "invalid identity escape");
			throws(() => new URLPattern({ pathname: "/:a/:a" }), TypeError, "duplicate name");
			throws(() => new URLPattern({ hostname: "bad host" }), TypeError, "bad hostname");
			throws(() => new URLPattern({}, "https://x.test"), TypeError, "init with base");
			throws(() => new URLPattern({ pathname: "/a" }).test({}, "https://x.test"), TypeError, "test init with base");
			throws(() => new URLPattern(Symbol("x")), TypeError, "symbol input");
			throws(() => URLPattern.prototype.test.call({}, "https://x.test/"), TypeError, "wrong receiver");
			throws(() => URLPattern(), TypeError, "call without new");
			const e = throws(() => new URLPattern({ pathname: "/([[a-z]--a])" }), TypeError, "v-flag set");
			if (!/set notation/.test(e.message)) throw new Error("message does not name the gap: " + e.message);`},
		{"default constructor matches everything", `
			eq(new URLPattern().test("https://example.com/anything?q#h"), true);
			eq(new URLPattern().exec().inputs.length, 1);`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vm := newURLPatternVM(t)
			if _, err := vm.RunString(urlAssertJS + tt.src); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func BenchmarkURLPattern_Exec(b *testing.B) {
	vm := newURLPatternVM(b)
	fv, err := vm.RunString(`(function () {
		const p = new URLPattern({ pathname: "/users/:id/posts/:post" });
		return () => p.exec("https://example.com/users/ada/posts/42");
	})()`)
	if err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(fv)
	b.ResetTimer()
	for b.Loop() {
		if _, err := fn(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}
