package runtime

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// newURLVM is a bare runtime with only URL and URLSearchParams installed.
func newURLVM(t testing.TB) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := installURL(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

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
// inside goja. Cases listed in testdata/wpt_url_expected_failures.txt must
// fail and all others must pass, so a regression and an accidental fix both
// show up here.
func TestURL_WPT(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "wpt", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	vm := newURLVM(t)
	fv, err := vm.RunString(wptHarnessJS)
	if err != nil {
		t.Fatal(err)
	}
	run, _ := goja.AssertFunction(fv)
	rv, err := run(goja.Undefined(), vm.ToValue(read("urltestdata.json")), vm.ToValue(read("setters_tests.json")))
	if err != nil {
		t.Fatal(err)
	}
	var results [][2]string
	if err := vm.ExportTo(rv, &results); err != nil {
		t.Fatal(err)
	}
	expected := readExpectedFailures(t, filepath.Join("testdata", "wpt_url_expected_failures.txt"))

	pass, parsing, setters := 0, 0, 0
	seen := make(map[string]bool)
	for _, r := range results {
		id, msg := r[0], r[1]
		seen[id] = true
		if strings.HasPrefix(id, "urltestdata#") {
			parsing++
		} else {
			setters++
		}
		_, known := expected[id]
		switch {
		case msg == "" && known:
			t.Errorf("%s passes now: remove it from wpt_url_expected_failures.txt", id)
		case msg == "":
			pass++
		case !known:
			t.Errorf("%s: %s", id, msg)
		}
	}
	for id := range expected {
		if !seen[id] {
			t.Errorf("wpt_url_expected_failures.txt lists %s, which is not a case", id)
		}
	}
	// The README's counts: 601 parsing cases and 185 setter cases.
	if parsing != 601 || setters != 185 {
		t.Errorf("ran %d parsing and %d setter cases, want 601 and 185", parsing, setters)
	}
	t.Logf("WPT URL: %d of %d cases pass (%d parsing, %d setters; %d expected failures)",
		pass, len(results), parsing, setters, len(expected))
}

// readExpectedFailures reads "<case id> <reason>" lines; "#" starts a
// comment line. Every entry needs a reason.
func readExpectedFailures(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string]string)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		id, reason, _ := strings.Cut(text, " ")
		if strings.TrimSpace(reason) == "" {
			t.Errorf("%s:%d: %s has no reason", path, line, id)
		}
		out[id] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// urlAssertJS is a small assert helper for the JS-level tests; a failed
// assertion throws with the message, and the Go side reports the stack.
const urlAssertJS = `
function eq(got, want, what) {
  if (got !== want) throw new Error((what || "value") + ": got " + JSON.stringify(got) + ", want " + JSON.stringify(want));
}
function throws(fn, ctor, what) {
  try { fn(); } catch (e) {
    if (!(e instanceof ctor)) throw new Error(what + ": threw " + e + ", want " + ctor.name);
    return e;
  }
  throw new Error(what + ": did not throw");
}
`

func runURLJS(t *testing.T, src string) {
	t.Helper()
	vm := newURLVM(t)
	if _, err := vm.RunString(urlAssertJS + src); err != nil {
		t.Fatal(err)
	}
}

func TestURL_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"constructor with base, string or URL", `
			eq(new URL("../c?d#e", "https://h/a/b").href, "https://h/c?d#e");
			const base = new URL("https://h/dir/");
			eq(new URL("x", base).href, "https://h/dir/x");
			eq(new URL(new URL("http://h/p")).href, "http://h/p", "URL object as input");
			eq(new URL("http://h/", undefined).href, "http://h/", "undefined base");
			eq(new URL({ toString() { return "ws://h:80/x"; } }).href, "ws://h/x", "object input uses toString");
			// goja's JSON.parse turns lone surrogate escapes into U+FFFD, so the
			// WPT data cannot exercise the USVString conversion; literals can.
			eq(new URL("http://h/\uD800x\uDC00?\uDBFF#\uDFFF").href, "http://h/%EF%BF%BDx%EF%BF%BD?%EF%BF%BD#%EF%BF%BD", "lone surrogates");
		`},
		{"invalid URLs throw TypeError with the input", `
			let e = throws(() => new URL("nope"), TypeError, "relative without base");
			eq(e.message, "Invalid URL: nope");
			e = throws(() => new URL("/x", "also nope"), TypeError, "bad base");
			eq(e.message, "Invalid base URL: also nope");
			throws(() => new URL("http://h:99999/"), TypeError, "port range");
			throws(() => new URL(), TypeError, "no argument");
			throws(() => URL("http://h/"), TypeError, "call without new");
			throws(() => new URL(Symbol("s")), TypeError, "symbol");
		`},
		{"static canParse and parse", `
			eq(URL.canParse("http://h/"), true);
			eq(URL.canParse("x"), false);
			eq(URL.canParse("x", "http://h/"), true);
			eq(URL.parse("x"), null);
			const u = URL.parse("x", "http://h/");
			eq(u instanceof URL, true);
			eq(u.href, "http://h/x");
			throws(() => URL.canParse(), TypeError, "canParse()");
			throws(() => URL.parse(), TypeError, "parse()");
		`},
		{"accessors and setters", `
			const u = new URL("https://user:pw@example.com:8080/p/a?q=1#h");
			eq(u.origin, "https://example.com:8080");
			eq(u.protocol, "https:"); eq(u.username, "user"); eq(u.password, "pw");
			eq(u.host, "example.com:8080"); eq(u.hostname, "example.com"); eq(u.port, "8080");
			eq(u.pathname, "/p/a"); eq(u.search, "?q=1"); eq(u.hash, "#h");
			u.port = 443;
			eq(u.host, "example.com", "default port dropped");
			u.pathname = "/x y";
			u.hash = "";
			u.username = "";
			u.password = "";
			eq(u.href, "https://example.com/x%20y?q=1");
			u.href = "http://other/";
			eq(u.href, "http://other/");
			throws(() => { u.href = "bad"; }, TypeError, "href setter");
			eq(u.href, "http://other/", "unchanged after failed href");
			eq(JSON.stringify({ u }), '{"u":"http://other/"}');
			eq(Object.prototype.toString.call(u), "[object URL]");
		`},
		{"prototype shape", `
			const d = Object.getOwnPropertyDescriptor(URL.prototype, "href");
			eq(typeof d.get, "function"); eq(typeof d.set, "function"); eq(d.enumerable, true);
			eq(Object.getOwnPropertyDescriptor(URL.prototype, "origin").set, undefined);
			eq(URL.name, "URL"); eq(URL.length, 1); eq(URLSearchParams.length, 0);
			eq(Object.keys(new URL("http://h/")).length, 0, "no own enumerable keys");
			throws(() => URL.prototype.href, TypeError, "getter on the prototype");
			throws(() => Object.getOwnPropertyDescriptor(URL.prototype, "pathname").get.call({}), TypeError, "getter on a plain object");
			const u = new URL("http://h/");
			eq(u.constructor, URL); eq(Object.getPrototypeOf(u), URL.prototype);
			u.tag = 1; u.a = 2;
			eq(u.tag, 1, "expando property");
			eq(Object.keys(u).join(), "tag,a", "expandos in insertion order");
			delete u.tag;
			eq(Object.keys(u).join(), "a");
			eq("href" in u && !u.hasOwnProperty("href"), true, "attributes live on the prototype");
			class MyURL extends URL { get extra() { return this.pathname + "!"; } }
			const m = new MyURL("http://h/p");
			eq(m instanceof MyURL && m instanceof URL, true, "subclass instanceof");
			eq(m.extra, "/p!");
		`},
		{"searchParams is live both ways", `
			const u = new URL("https://h/?a=1&b=2");
			const sp = u.searchParams;
			eq(u.searchParams, sp, "same object every time");
			sp.append("c", "x y");
			eq(u.search, "?a=1&b=2&c=x+y");
			u.search = "?z=9";
			eq(sp.get("z"), "9"); eq(sp.get("a"), null);
			sp.delete("z");
			eq(u.href, "https://h/", "empty list removes the query");
			u.href = "https://h/?k=v";
			eq(sp.get("k"), "v");
			sp.sort();
			eq(u.search, "?k=v");
			const op = new URL("data:space   ?q=1");
			op.searchParams.delete("q");
			eq(op.href, "data:space", "opaque path trailing spaces stripped");
		`},
		{"URLSearchParams init forms", `
			eq(new URLSearchParams("?a=1&a=2&b").toString(), "a=1&a=2&b=");
			eq(new URLSearchParams("??a").toString(), "%3Fa=", "only one ? is stripped");
			eq(new URLSearchParams([["a", "1"], ["b", "2"]]).toString(), "a=1&b=2");
			eq(new URLSearchParams({ x: "1", y: 2 }).toString(), "x=1&y=2");
			eq(new URLSearchParams(new Map([["m", "v"]])).toString(), "m=v");
			const src = new URLSearchParams("a=1");
			const copy = new URLSearchParams(src);
			copy.append("b", "2");
			eq(src.toString(), "a=1", "copy is independent");
			eq(new URLSearchParams(null).toString(), "null=");
			eq(new URLSearchParams().toString(), "");
			eq(new URLSearchParams(undefined).size, 0);
			throws(() => new URLSearchParams([["a"]]), TypeError, "pair too short");
			throws(() => new URLSearchParams([["a", "b", "c"]]), TypeError, "pair too long");
			throws(() => new URLSearchParams(["ab"]), TypeError, "string is not a pair");
			throws(() => URLSearchParams(), TypeError, "call without new");
			eq(new URLSearchParams("a=%F0%9F%98%80&b=%zz&c=%FF").get("a"), "\u{1F600}");
			eq(new URLSearchParams("b=%zz").get("b"), "%zz");
			eq(new URLSearchParams("c=%FF").get("c"), "\uFFFD");
			eq(new URLSearchParams([["\uD800", "x"]]).toString(), "%EF%BF%BD=x", "lone surrogate");
		`},
		{"URLSearchParams methods", `
			const p = new URLSearchParams("a=1&b=2&a=3");
			eq(p.size, 3);
			eq(p.get("a"), "1"); eq(p.get("zz"), null);
			eq(p.getAll("a").join(), "1,3"); eq(p.getAll("zz").length, 0);
			eq(p.has("a"), true); eq(p.has("a", "3"), true); eq(p.has("a", "4"), false); eq(p.has("a", undefined), true);
			p.set("a", "x");
			eq(p.toString(), "a=x&b=2");
			p.set("c", "y");
			eq(p.toString(), "a=x&b=2&c=y");
			p.append("b", "3");
			p.delete("b", "2");
			eq(p.toString(), "a=x&c=y&b=3");
			p.delete("b", undefined);
			eq(p.toString(), "a=x&c=y");
			p.append("\uFFFD", "1"); p.append("\u{1F600}", "2"); p.append("A", "3"); p.append("a", "4");
			p.sort();
			eq([...p.keys()].join(","), "A,a,a,c,\u{1F600},\uFFFD", "stable UTF-16 order");
			eq(p.toString().includes("%F0%9F%98%80=2"), true);
			throws(() => p.append("only one"), TypeError, "append arity");
			throws(() => p.get(), TypeError, "get arity");
			throws(() => URLSearchParams.prototype.get.call({}, "a"), TypeError, "wrong this");
			eq(Object.prototype.toString.call(p), "[object URLSearchParams]");
		`},
		{"URLSearchParams iteration", `
			const p = new URLSearchParams("a=1&b=2");
			eq(JSON.stringify([...p]), '[["a","1"],["b","2"]]');
			eq(JSON.stringify(Array.from(p.entries())), '[["a","1"],["b","2"]]');
			eq([...p.keys()].join(), "a,b"); eq([...p.values()].join(), "1,2");
			eq(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);
			const it = p.keys();
			eq(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
			eq(it[Symbol.iterator](), it, "iterators are iterable");
			eq(it.next().value, "a");
			p.append("c", "3");
			eq(it.next().value, "b"); eq(it.next().value, "c", "live: sees appended pairs");
			const end = it.next();
			eq(end.done, true); eq(end.value, undefined);
			const seen = [];
			p.forEach(function (v, k, obj) { seen.push(k + v); eq(obj, p); eq(this.t, 1); if (k === "a") p.append("d", "4"); }, { t: 1 });
			eq(seen.join(), "a1,b2,c3,d4", "forEach sees pairs appended by the callback");
			throws(() => p.forEach(1), TypeError, "forEach needs a function");
			eq(Object.fromEntries(new URLSearchParams("x=1&y=2")).y, "2");
		`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runURLJS(t, tc.src) })
	}
}

// TestURL_FromValue checks the Go accessor other Web APIs use.
func TestURL_FromValue(t *testing.T) {
	vm := newURLVM(t)
	v, err := vm.RunString(`new URL("https://h/p?q")`)
	if err != nil {
		t.Fatal(err)
	}
	u, ok := urlFromValue(v)
	if !ok || u.Href() != "https://h/p?q" {
		t.Fatalf("urlFromValue = %v, %v", u, ok)
	}
	for _, src := range []string{`"https://h/"`, `({})`, `new URLSearchParams("a=1")`} {
		v, err := vm.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := urlFromValue(v); ok {
			t.Errorf("urlFromValue(%s) = ok", src)
		}
	}
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
			vm := newURLVM(b)
			fv, err := vm.RunString(`(function (n) { const base = new URL("https://example.com/"); for (let i = 0; i < n; i++) ` + bc.body + ` })`)
			if err != nil {
				b.Fatal(err)
			}
			fn, _ := goja.AssertFunction(fv)
			b.ReportAllocs()
			b.ResetTimer()
			if _, err := fn(goja.Undefined(), vm.ToValue(b.N)); err != nil {
				b.Fatal(err)
			}
		})
	}
}
