package url_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
	"edgedev/runtime/web/url"
)

// wptHarnessJS runs the WPT URL data through the global URL, the way the
// upstream url-constructor.any.js and url-setters.any.js do (rules in
// testdata/wpt/README.md), and returns one result per case:
// [id, failure message or ""].
const wptHarnessJS = `(function (urlTestData, settersData) {
  "use strict";
  const results = [];
  const fields = ["href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash", "origin"];
  let n = 0;
  for (const c of JSON.parse(urlTestData)) {
    if (typeof c === "string") continue;
    const id = "urltestdata#" + (n++);
    try {
      const base = c.base === null ? undefined : new URL(c.base);
      if (c.failure) {
        let got;
        try { got = new URL(c.input, base).href; } catch (e) {
          if (!(e instanceof TypeError)) { results.push([id, "threw " + e + ", want TypeError"]); continue; }
          if (URL.canParse(c.input, base)) { results.push([id, "canParse is true for an input the constructor rejects"]); continue; }
          if (URL.parse(c.input, base) !== null) { results.push([id, "URL.parse did not return null"]); continue; }
          results.push([id, ""]);
          continue;
        }
        results.push([id, "parsed to " + JSON.stringify(got) + ", want failure"]);
        continue;
      }
      const u = new URL(c.input, base);
      const bad = [];
      for (const f of fields) {
        if (f in c && u[f] !== c[f]) bad.push(f + " = " + JSON.stringify(u[f]) + ", want " + JSON.stringify(c[f]));
      }
      if ("searchParams" in c && u.searchParams.toString() !== c.searchParams) {
        bad.push("searchParams = " + JSON.stringify(u.searchParams.toString()) + ", want " + JSON.stringify(c.searchParams));
      }
      if (!URL.canParse(c.input, base)) bad.push("canParse is false");
      if (String(u) !== u.href || u.toJSON() !== u.href) bad.push("toString/toJSON differ from href");
      results.push([id, bad.join("; ")]);
    } catch (e) {
      results.push([id, "threw " + e]);
    }
  }
  const setters = JSON.parse(settersData);
  for (const attr of Object.keys(setters)) {
    if (attr === "comment") continue;
    setters[attr].forEach((c, i) => {
      const id = "setters/" + attr + "#" + i;
      try {
        const u = new URL(c.href);
        u[attr] = c.new_value;
        const bad = [];
        for (const f of Object.keys(c.expected)) {
          if (u[f] !== c.expected[f]) bad.push(f + " = " + JSON.stringify(u[f]) + ", want " + JSON.stringify(c.expected[f]));
        }
        results.push([id, bad.join("; ")]);
      } catch (e) {
        results.push([id, "threw " + e]);
      }
    });
  }
  return results;
})`

// TestURL_WPT runs urltestdata.json (URL parsing) and setters_tests.json
// through a worker's URL global. Cases listed in
// testdata/wpt_url_expected_failures.txt must fail and all others must pass,
// so a regression and an accidental fix both show up here.
func TestURL_WPT(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "wpt", name))
		if err != nil {
			t.Fatal(err)
		}
		// The data travels as a JS string literal and goes through
		// JSON.parse in the worker, as upstream's harness reads it.
		lit, err := json.Marshal(string(b))
		if err != nil {
			t.Fatal(err)
		}
		return string(lit)
	}
	h := runtimetest.New(t)
	out := h.Run(t, "return "+wptHarnessJS+"("+read("urltestdata.json")+", "+read("setters_tests.json")+");")
	var results [][2]string
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatal(err)
	}
	parsing, setters := 0, 0
	for _, r := range results {
		if strings.HasPrefix(r[0], "urltestdata#") {
			parsing++
		} else {
			setters++
		}
	}
	expected := filepath.Join("testdata", "wpt_url_expected_failures.txt")
	pass := runtimetest.Conformance(t, results, expected)
	// The README's counts: 601 parsing cases and 185 setter cases.
	if parsing != 601 || setters != 185 {
		t.Errorf("ran %d parsing and %d setter cases, want 601 and 185", parsing, setters)
	}
	t.Logf("WPT URL: %d of %d cases pass (%d parsing, %d setters; %d expected failures)",
		pass, len(results), parsing, setters, len(runtimetest.ExpectedFailures(t, expected)))
}

func TestURL_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"constructor with base, string or URL", `
			assertEq(new URL("../c?d#e", "https://h/a/b").href, "https://h/c?d#e");
			const base = new URL("https://h/dir/");
			assertEq(new URL("x", base).href, "https://h/dir/x");
			assertEq(new URL(new URL("http://h/p")).href, "http://h/p", "URL object as input");
			assertEq(new URL("http://h/", undefined).href, "http://h/", "undefined base");
			assertEq(new URL({ toString() { return "ws://h:80/x"; } }).href, "ws://h/x", "object input uses toString");
			// goja's JSON.parse turns lone surrogate escapes into U+FFFD, so the
			// WPT data cannot exercise the USVString conversion; literals can.
			assertEq(new URL("http://h/\uD800x\uDC00?\uDBFF#\uDFFF").href, "http://h/%EF%BF%BDx%EF%BF%BD?%EF%BF%BD#%EF%BF%BD", "lone surrogates");
		`},
		{"invalid URLs throw TypeError with the input", `
			let e = assertThrows(() => new URL("nope"), TypeError, undefined, "relative without base");
			assertEq(e.message, "Invalid URL string."); // workerd 2026-04-26 (wrangler 4.86.0)
			e = assertThrows(() => new URL("/x", "also nope"), TypeError, undefined, "bad base");
			assertEq(e.message, "Invalid URL string.");
			assertThrows(() => new URL("http://h:99999/"), TypeError, undefined, "port range");
			assertThrows(() => new URL(), TypeError, undefined, "no argument");
			assertThrows(() => URL("http://h/"), TypeError, undefined, "call without new");
			assertThrows(() => new URL(Symbol("s")), TypeError, undefined, "symbol");
		`},
		{"static canParse and parse", `
			assertEq(URL.canParse("http://h/"), true);
			assertEq(URL.canParse("x"), false);
			assertEq(URL.canParse("x", "http://h/"), true);
			assertEq(URL.parse("x"), null);
			const u = URL.parse("x", "http://h/");
			assertEq(u instanceof URL, true);
			assertEq(u.href, "http://h/x");
			assertThrows(() => URL.canParse(), TypeError, undefined, "canParse()");
			assertThrows(() => URL.parse(), TypeError, undefined, "parse()");
		`},
		{"accessors and setters", `
			const u = new URL("https://user:pw@example.com:8080/p/a?q=1#h");
			assertEq(u.origin, "https://example.com:8080");
			assertEq(u.protocol, "https:"); assertEq(u.username, "user"); assertEq(u.password, "pw");
			assertEq(u.host, "example.com:8080"); assertEq(u.hostname, "example.com"); assertEq(u.port, "8080");
			assertEq(u.pathname, "/p/a"); assertEq(u.search, "?q=1"); assertEq(u.hash, "#h");
			u.port = 443;
			assertEq(u.host, "example.com", "default port dropped");
			u.pathname = "/x y";
			u.hash = "";
			u.username = "";
			u.password = "";
			assertEq(u.href, "https://example.com/x%20y?q=1");
			u.href = "http://other/";
			assertEq(u.href, "http://other/");
			assertThrows(() => { u.href = "bad"; }, TypeError, undefined, "href setter");
			assertEq(u.href, "http://other/", "unchanged after failed href");
			assertEq(JSON.stringify({ u }), '{"u":"http://other/"}');
			assertEq(Object.prototype.toString.call(u), "[object URL]");
		`},
		{"prototype shape", `
			const d = Object.getOwnPropertyDescriptor(URL.prototype, "href");
			assertEq(typeof d.get, "function"); assertEq(typeof d.set, "function"); assertEq(d.enumerable, true);
			assertEq(Object.getOwnPropertyDescriptor(URL.prototype, "origin").set, undefined);
			assertEq(URL.name, "URL"); assertEq(URL.length, 1); assertEq(URLSearchParams.length, 0);
			assertEq(Object.keys(new URL("http://h/")).length, 0, "no own enumerable keys");
			assertThrows(() => URL.prototype.href, TypeError, undefined, "getter on the prototype");
			assertThrows(() => Object.getOwnPropertyDescriptor(URL.prototype, "pathname").get.call({}), TypeError, undefined, "getter on a plain object");
			const u = new URL("http://h/");
			assertEq(u.constructor, URL); assertEq(Object.getPrototypeOf(u), URL.prototype);
			u.tag = 1; u.a = 2;
			assertEq(u.tag, 1, "expando property");
			assertEq(Object.keys(u).join(), "tag,a", "expandos in insertion order");
			delete u.tag;
			assertEq(Object.keys(u).join(), "a");
			assertEq("href" in u && !u.hasOwnProperty("href"), true, "attributes live on the prototype");
			class MyURL extends URL { get extra() { return this.pathname + "!"; } }
			const m = new MyURL("http://h/p");
			assertEq(m instanceof MyURL && m instanceof URL, true, "subclass instanceof");
			assertEq(m.extra, "/p!");
		`},
		{"searchParams is live both ways", `
			const u = new URL("https://h/?a=1&b=2");
			const sp = u.searchParams;
			assertEq(u.searchParams, sp, "same object every time");
			sp.append("c", "x y");
			assertEq(u.search, "?a=1&b=2&c=x+y");
			u.search = "?z=9";
			assertEq(sp.get("z"), "9"); assertEq(sp.get("a"), null);
			sp.delete("z");
			assertEq(u.href, "https://h/", "empty list removes the query");
			u.href = "https://h/?k=v";
			assertEq(sp.get("k"), "v");
			sp.sort();
			assertEq(u.search, "?k=v");
			const op = new URL("data:space   ?q=1");
			op.searchParams.delete("q");
			assertEq(op.href, "data:space", "opaque path trailing spaces stripped");
		`},
		{"URLSearchParams init forms", `
			assertEq(new URLSearchParams("?a=1&a=2&b").toString(), "a=1&a=2&b=");
			assertEq(new URLSearchParams("??a").toString(), "%3Fa=", "only one ? is stripped");
			assertEq(new URLSearchParams([["a", "1"], ["b", "2"]]).toString(), "a=1&b=2");
			assertEq(new URLSearchParams({ x: "1", y: 2 }).toString(), "x=1&y=2");
			assertEq(new URLSearchParams(new Map([["m", "v"]])).toString(), "m=v");
			const src = new URLSearchParams("a=1");
			const copy = new URLSearchParams(src);
			copy.append("b", "2");
			assertEq(src.toString(), "a=1", "copy is independent");
			assertEq(new URLSearchParams(null).toString(), "null=");
			assertEq(new URLSearchParams().toString(), "");
			assertEq(new URLSearchParams(undefined).size, 0);
			assertThrows(() => new URLSearchParams([["a"]]), TypeError, undefined, "pair too short");
			assertThrows(() => new URLSearchParams([["a", "b", "c"]]), TypeError, undefined, "pair too long");
			assertThrows(() => new URLSearchParams(["ab"]), TypeError, undefined, "string is not a pair");
			assertThrows(() => URLSearchParams(), TypeError, undefined, "call without new");
			assertEq(new URLSearchParams("a=%F0%9F%98%80&b=%zz&c=%FF").get("a"), "\u{1F600}");
			assertEq(new URLSearchParams("b=%zz").get("b"), "%zz");
			assertEq(new URLSearchParams("c=%FF").get("c"), "\uFFFD");
			assertEq(new URLSearchParams([["\uD800", "x"]]).toString(), "%EF%BF%BD=x", "lone surrogate");
		`},
		{"URLSearchParams methods", `
			const p = new URLSearchParams("a=1&b=2&a=3");
			assertEq(p.size, 3);
			assertEq(p.get("a"), "1"); assertEq(p.get("zz"), null);
			assertEq(p.getAll("a").join(), "1,3"); assertEq(p.getAll("zz").length, 0);
			assertEq(p.has("a"), true); assertEq(p.has("a", "3"), true); assertEq(p.has("a", "4"), false); assertEq(p.has("a", undefined), true);
			p.set("a", "x");
			assertEq(p.toString(), "a=x&b=2");
			p.set("c", "y");
			assertEq(p.toString(), "a=x&b=2&c=y");
			p.append("b", "3");
			p.delete("b", "2");
			assertEq(p.toString(), "a=x&c=y&b=3");
			p.delete("b", undefined);
			assertEq(p.toString(), "a=x&c=y");
			p.append("\uFFFD", "1"); p.append("\u{1F600}", "2"); p.append("A", "3"); p.append("a", "4");
			p.sort();
			assertEq([...p.keys()].join(","), "A,a,a,c,\u{1F600},\uFFFD", "stable UTF-16 order");
			assertEq(p.toString().includes("%F0%9F%98%80=2"), true);
			assertThrows(() => p.append("only one"), TypeError, undefined, "append arity");
			assertThrows(() => p.get(), TypeError, undefined, "get arity");
			assertThrows(() => URLSearchParams.prototype.get.call({}, "a"), TypeError, undefined, "wrong this");
			assertEq(Object.prototype.toString.call(p), "[object URLSearchParams]");
		`},
		{"URLSearchParams iteration", `
			const p = new URLSearchParams("a=1&b=2");
			assertEq(JSON.stringify([...p]), '[["a","1"],["b","2"]]');
			assertEq(JSON.stringify(Array.from(p.entries())), '[["a","1"],["b","2"]]');
			assertEq([...p.keys()].join(), "a,b"); assertEq([...p.values()].join(), "1,2");
			assertEq(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);
			const it = p.keys();
			assertEq(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
			assertEq(it[Symbol.iterator](), it, "iterators are iterable");
			assertEq(it.next().value, "a");
			p.append("c", "3");
			assertEq(it.next().value, "b"); assertEq(it.next().value, "c", "live: sees appended pairs");
			const end = it.next();
			assertEq(end.done, true); assertEq(end.value, undefined);
			const seen = [];
			p.forEach(function (v, k, obj) { seen.push(k + v); assertEq(obj, p); assertEq(this.t, 1); if (k === "a") p.append("d", "4"); }, { t: 1 });
			assertEq(seen.join(), "a1,b2,c3,d4", "forEach sees pairs appended by the callback");
			assertThrows(() => p.forEach(1), TypeError, undefined, "forEach needs a function");
			assertEq(Object.fromEntries(new URLSearchParams("x=1&y=2")).y, "2");
		`},
	}
	h := runtimetest.New(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { h.Run(t, tc.src) })
	}
}

// TestURL_FromValue checks the Go accessor other Web APIs use.
func TestURL_FromValue(t *testing.T) {
	h := runtimetest.New(t)
	h.OnLoop(t, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`new URL("https://h/p?q")`)
		if err != nil {
			return err
		}
		u, ok := url.FromValue(v)
		if !ok || u.Href() != "https://h/p?q" {
			t.Errorf("FromValue = %v, %v", u, ok)
		}
		for _, src := range []string{`"https://h/"`, `({})`, `new URLSearchParams("a=1")`} {
			v, err := vm.RunString(src)
			if err != nil {
				return err
			}
			if _, ok := url.FromValue(v); ok {
				t.Errorf("FromValue(%s) = ok", src)
			}
		}
		return nil
	})
}

// BenchmarkURL_New is the per-request cost of new URL(...) from JS: the
// loop runs inside one JS call, so Go-to-JS call overhead is not counted.
func BenchmarkURL_New(b *testing.B) {
	for _, bc := range []struct{ name, body string }{
		{"construct", `new URL("https://example.com/a/b?c=d")`},
		{"construct+pathname+searchParams.get", `{ const u = new URL("https://example.com/a/b?c=d"); u.pathname; u.searchParams.get("c"); }`},
		{"construct relative to URL base", `new URL("/x?y=1", base)`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := runtimetest.New(b)
			h.OnLoop(b, func(vm *goja.Runtime) error {
				// void URL sets the lazy global up before the clock starts.
				fv, err := vm.RunString(`void URL; (function (n) { const base = new URL("https://example.com/"); for (let i = 0; i < n; i++) ` + bc.body + ` })`)
				if err != nil {
					return err
				}
				fn, _ := goja.AssertFunction(fv)
				b.ReportAllocs()
				b.ResetTimer()
				_, err = fn(goja.Undefined(), vm.ToValue(b.N))
				return err
			})
		})
	}
}

// TestURLErrorTexts pins workerd's messages (recorded under wrangler 4.86.0,
// workerd 2026-04-26): they name no input, unlike fetch()'s "Invalid URL: x".
func TestURLErrorTexts(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "bad input", Src: `try { new URL("not a url"); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Invalid URL string."`},
		{Name: "bad base", Src: `try { new URL("/x", "bad base"); } catch (e) { return e.name + ": " + e.message; }`, Want: `"TypeError: Invalid URL string."`},
		{Name: "bad href", Src: `try { new URL("http://a/").href = "bad"; } catch (e) { return e.name + ": " + e.message; }`,
			Want: `"TypeError: Failed to set the 'href' property on 'URL': the provided value is not of type 'valid URL string'."`},
	})
}
