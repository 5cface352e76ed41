package urlpattern_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

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

// TestURLPattern_WPT runs urlpatterntestdata.json through a worker's
// URLPattern global. Entries in testdata/wpt_urlpattern_expected_failures.txt
// must fail, all others must pass, so new breakage and accidental fixes both
// show up.
func TestURLPattern_WPT(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "wpt", "urlpatterntestdata.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The data travels as a JS string literal and goes through JSON.parse in
	// the worker, as upstream's harness reads it.
	lit, err := json.Marshal(string(data))
	if err != nil {
		t.Fatal(err)
	}
	h := runtimetest.New(t)
	out := h.Run(t, "return "+wptURLPatternHarnessJS+"("+string(lit)+");")
	var results [][2]string
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatal(err)
	}
	expected := filepath.Join("testdata", "wpt_urlpattern_expected_failures.txt")
	pass := runtimetest.Conformance(t, results, expected)
	// The README's count: 353 test objects.
	if len(results) != 353 {
		t.Errorf("ran %d cases, want 353", len(results))
	}
	t.Logf("WPT URLPattern: %d of %d cases pass (%d expected failures)", pass, len(results), len(runtimetest.ExpectedFailures(t, expected)))
}

func TestURLPattern_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"router-style pathname groups", `
			const p = new URLPattern({ pathname: "/users/:id/posts/:post(\\d+)" });
			const r = p.exec("https://example.com/users/ada/posts/42?x=1");
			assertEq(r.pathname.groups.id, "ada"); assertEq(r.pathname.groups.post, "42");
			assertEq(r.pathname.input, "/users/ada/posts/42"); assertEq(r.search.input, "x=1");
			assertEq(r.inputs.length, 1); assertEq(r.inputs[0], "https://example.com/users/ada/posts/42?x=1");
			assertEq(p.test("https://example.com/users/ada/posts/abc"), false);
			assertEq(p.hasRegExpGroups, true);
			assertEq(new URLPattern({ pathname: "/a/:b" }).hasRegExpGroups, false);`},
		{"string with base URL and getters", `
			const p = new URLPattern("../admin/*", "https://discussion.example/forum/?page=2");
			assertEq(p.protocol, "https"); assertEq(p.hostname, "discussion.example"); assertEq(p.port, "");
			assertEq(p.pathname, "/admin/*"); assertEq(p.search, "*"); assertEq(p.hash, "*"); assertEq(p.username, "*");
			assertEq(p.test("https://edd:librarian@discussion.example/admin/update?id=1"), true);
			assertEq(p.test("https://discussion.example/forum/admin/"), false);
			assertEq(Object.prototype.toString.call(p), "[object URLPattern]");`},
		{"ignoreCase applies to pathname", `
			const p = new URLPattern({ pathname: "/Foo" }, { ignoreCase: true });
			assertEq(p.test({ pathname: "/fOO" }), true);
			assertEq(new URLPattern({ pathname: "/Foo" }).test({ pathname: "/fOO" }), false);`},
		{"optional group that did not match is undefined", `
			const r = new URLPattern({ pathname: "/foo/:bar?" }).exec({ pathname: "/foo" });
			assertEq("bar" in r.pathname.groups, true); assertEq(r.pathname.groups.bar, undefined);`},
		{"test with init and base URL", `
			const p = new URLPattern({ pathname: "/a" });
			assertEq(p.test({ pathname: "/a", baseURL: "https://x.test" }), true);
			assertEq(p.test("/a", "https://x.test"), true);
			assertEq(p.test("not a url"), false);
			assertEq(p.exec("/a", "not a base"), null);`},
		{"errors are TypeErrors", `
			assertThrows(() => new URLPattern("/relative"), TypeError, undefined, "relative without base");
			assertThrows(() => new URLPattern({ pathname: "/:id(" }), TypeError, undefined, "unbalanced group");
			assertThrows(() => new URLPattern({ pathname: "/(\\m)" }), TypeError, undefined, "invalid identity escape");
			assertThrows(() => new URLPattern({ pathname: "/:a/:a" }), TypeError, undefined, "duplicate name");
			assertThrows(() => new URLPattern({ hostname: "bad host" }), TypeError, undefined, "bad hostname");
			assertThrows(() => new URLPattern({}, "https://x.test"), TypeError, undefined, "init with base");
			assertThrows(() => new URLPattern({ pathname: "/a" }).test({}, "https://x.test"), TypeError, undefined, "test init with base");
			assertThrows(() => new URLPattern(Symbol("x")), TypeError, undefined, "symbol input");
			assertThrows(() => URLPattern.prototype.test.call({}, "https://x.test/"), TypeError, undefined, "wrong receiver");
			assertThrows(() => URLPattern(), TypeError, undefined, "call without new");
			const e = assertThrows(() => new URLPattern({ pathname: "/([[a-z]--a])" }), TypeError, undefined, "v-flag set");
			if (!/set notation/.test(e.message)) throw new Error("message does not name the gap: " + e.message);`},
		{"default constructor matches everything", `
			assertEq(new URLPattern().test("https://example.com/anything?q#h"), true);
			assertEq(new URLPattern().exec().inputs.length, 1);`},
	}
	h := runtimetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { h.Run(t, tt.src) })
	}
}

func BenchmarkURLPattern_Exec(b *testing.B) {
	h := runtimetest.New(b)
	h.OnLoop(b, func(vm *goja.Runtime) error {
		fv, err := vm.RunString(`(function () {
			const p = new URLPattern({ pathname: "/users/:id/posts/:post" });
			return () => p.exec("https://example.com/users/ada/posts/42");
		})()`)
		if err != nil {
			return err
		}
		fn, _ := goja.AssertFunction(fv)
		b.ResetTimer()
		for b.Loop() {
			if _, err := fn(goja.Undefined()); err != nil {
				return err
			}
		}
		return nil
	})
}
