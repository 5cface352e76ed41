package runtime

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// consoleLine is one call of the console's out function.
type consoleLine struct{ level, text string }

// newConsoleVM returns a runtime with console installed on a clock the test
// moves, and the lines it printed so far.
func newConsoleVM(t *testing.T) (*goja.Runtime, *[]consoleLine, *time.Time) {
	t.Helper()
	var lines []consoleLine
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	vm := newWebTestVM(t, installDOMException, installEncoding)
	err := installConsoleClock(vm, func(level, line string) {
		lines = append(lines, consoleLine{level, line})
	}, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	return vm, &lines, &now
}

// TestConsoleMatchesNode runs console.log on the cases in
// testdata/console_node20.json, whose expected text is what Node 20's
// util.format printed for the same arguments. To add a case, add its
// arguments (JS source) with any "want", then, from the module root:
//
//	node -e 'const f="runtime/testdata/console_node20.json",u=require("util"),c=require("./"+f);for(const x of c)x.want=u.format(...eval("["+x.args+"]"));require("fs").writeFileSync(f,JSON.stringify(c,null,1)+"\n")'
//
// and review the diff.
func TestConsoleMatchesNode(t *testing.T) {
	raw, err := os.ReadFile("testdata/console_node20.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Args, Want string }
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	vm, lines, _ := newConsoleVM(t)
	for _, c := range cases {
		*lines = nil
		if _, err := vm.RunString("console.log(" + c.Args + ")"); err != nil {
			t.Errorf("console.log(%s): %v", c.Args, err)
			continue
		}
		if len(*lines) != 1 {
			t.Errorf("console.log(%s) printed %d times", c.Args, len(*lines))
			continue
		}
		if got := (*lines)[0].text; got != c.Want {
			t.Errorf("console.log(%s)\n got: %s\nwant: %s", c.Args, got, c.Want)
		}
	}
}

func TestConsole(t *testing.T) {
	t.Run("levels", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `console.log("l"); console.info("i"); console.debug("d"); console.warn("w"); console.error("e");`)
		want := []consoleLine{{"log", "l"}, {"info", "i"}, {"debug", "d"}, {"warn", "w"}, {"error", "e"}}
		if !equalLines(*lines, want) {
			t.Fatalf("got %q, want %q", *lines, want)
		}
	})
	t.Run("errors print their stack", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `
			function inner() { return new TypeError("bad input"); }
			const e = inner();
			console.error(e);
			e.code = "E_BAD";
			console.log({ err: e });
			console.log(new Error("top", { cause: new RangeError("under") }));
			const bare = new Error("nostack"); Object.defineProperty(bare, "stack", { value: "" });
			console.log(bare);
			console.log(new DOMException("gone", "NotFoundError"));
		`)
		got := *lines
		frame := regexp.MustCompile(`^    at inner \(<eval>:\d+:\d+\)$`)
		first := strings.Split(got[0].text, "\n")
		if got[0].level != "error" || first[0] != "TypeError: bad input" || !frame.MatchString(first[1]) {
			t.Fatalf("error printed as %q", got[0].text)
		}
		nested := got[1].text
		if !strings.HasPrefix(nested, "{\n  err: TypeError: bad input\n      at inner (") || !strings.HasSuffix(nested, " {\n    code: 'E_BAD'\n  }\n}") {
			t.Fatalf("nested error printed as %q", nested)
		}
		if !strings.Contains(got[2].text, "[cause]: RangeError: under") {
			t.Fatalf("cause missing: %q", got[2].text)
		}
		if got[3].text != "[Error: nostack]" {
			t.Fatalf("error without stack printed as %q", got[3].text)
		}
		if !strings.HasPrefix(got[4].text, "NotFoundError: gone\n    at ") {
			t.Fatalf("DOMException printed as %q", got[4].text)
		}
	})
	t.Run("assert count and group", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `
			console.assert(true, "never");
			console.assert(false, "value is %d", 5);
			console.assert(0);
			console.assert(false, { a: 1 });
			console.count(); console.count(); console.count("x"); console.countReset(); console.count();
			console.countReset("nope");
			console.group("outer");
			console.log("in\ntwo lines");
			console.group();
			console.info({ a: 1 });
			console.groupEnd(); console.groupEnd(); console.groupEnd();
			console.log("out");
		`)
		want := []consoleLine{
			{"error", "Assertion failed: value is 5"},
			{"error", "Assertion failed"},
			{"error", "Assertion failed { a: 1 }"},
			{"log", "default: 1"}, {"log", "default: 2"}, {"log", "x: 1"}, {"log", "default: 1"},
			{"warn", "Count for 'nope' does not exist"},
			{"log", "outer"},
			{"log", "  in\n  two lines"},
			{"info", "    { a: 1 }"},
			{"log", "out"},
		}
		if !equalLines(*lines, want) {
			t.Fatalf("got\n%q\nwant\n%q", *lines, want)
		}
	})
	t.Run("time on the injected clock", func(t *testing.T) {
		vm, lines, now := newConsoleVM(t)
		runWebJS(t, vm, `console.time(); console.time("job"); console.time("job");`)
		*now = now.Add(1234500 * time.Microsecond / 1000) // 1.2345 ms
		runWebJS(t, vm, `console.timeLog("job", "step", { n: 1 }); console.timeEnd();`)
		*now = now.Add(2500 * time.Millisecond)
		runWebJS(t, vm, `console.timeEnd("job"); console.timeEnd("job"); console.timeLog("gone");`)
		want := []consoleLine{
			{"warn", "Warning: Label 'job' already exists for console.time()"},
			{"log", "job: 1.235ms step { n: 1 }"},
			{"log", "default: 1.235ms"},
			{"log", "job: 2.501s"},
			{"warn", "Warning: No such label 'job' for console.timeEnd()"},
			{"warn", "Warning: No such label 'gone' for console.timeLog()"},
		}
		if !equalLines(*lines, want) {
			t.Fatalf("got\n%q\nwant\n%q", *lines, want)
		}
	})
	t.Run("trace", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `function where() { console.trace("here %s", "now"); } where();`)
		text := (*lines)[0].text
		if !regexp.MustCompile(`^Trace: here now\n    at where \(<eval>:\d+:\d+\)\n`).MatchString(text) {
			t.Fatalf("trace printed %q", text)
		}
	})
	t.Run("table", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `
			console.table([{ a: 1, b: "x" }, { a: 2, c: true }]);
			console.table({ r1: 5, r2: { a: 1 } });
			console.table([{ a: 1, b: 2 }], ["b"]);
			console.table("not tabular");
		`)
		want := []string{
			"┌─────────┬───┬─────┬──────┐\n" +
				"│ (index) │ a │ b   │ c    │\n" +
				"├─────────┼───┼─────┼──────┤\n" +
				"│ 0       │ 1 │ 'x' │      │\n" +
				"│ 1       │ 2 │     │ true │\n" +
				"└─────────┴───┴─────┴──────┘",
			"┌─────────┬───┬────────┐\n" +
				"│ (index) │ a │ Values │\n" +
				"├─────────┼───┼────────┤\n" +
				"│ r1      │   │ 5      │\n" +
				"│ r2      │ 1 │        │\n" +
				"└─────────┴───┴────────┘",
			"┌─────────┬───┐\n" +
				"│ (index) │ b │\n" +
				"├─────────┼───┤\n" +
				"│ 0       │ 2 │\n" +
				"└─────────┴───┘",
			"not tabular",
		}
		for i, w := range want {
			if (*lines)[i].text != w {
				t.Errorf("table %d:\n%s\nwant\n%s", i, (*lines)[i].text, w)
			}
		}
	})
	t.Run("dir and custom inspect", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `
			console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
			console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
			class Money { constructor(c) { this.cents = c; }
				[Symbol.for("nodejs.util.inspect.custom")]() { return "Money<" + this.cents + ">"; } }
			console.log({ price: new Money(250) }, new Money(1));
		`)
		want := []string{"{ a: [Object] }", "{\n  a: { b: { c: { d: 1 } } }\n}", "{ price: Money<250> } Money<1>"}
		for i, w := range want {
			if (*lines)[i].text != w {
				t.Errorf("line %d: got %q, want %q", i, (*lines)[i].text, w)
			}
		}
	})
	t.Run("a proxy prints as its target without running traps", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `
			let trapped = 0;
			const p = new Proxy({ a: 1 }, { ownKeys() { trapped++; return []; }, get() { trapped++; } });
			console.log(p);
			console.log("traps run", trapped);
		`)
		if (*lines)[0].text != "{ a: 1 }" || (*lines)[1].text != "traps run 0" {
			t.Fatalf("got %q", *lines)
		}
	})
	t.Run("strings that are not valid UTF-16", func(t *testing.T) {
		vm, lines, _ := newConsoleVM(t)
		runWebJS(t, vm, `console.log({ s: "a\uD800b" }, "\uFFFD")`)
		if got := (*lines)[0].text; got != `{ s: 'a\uD800b' } `+"\uFFFD" {
			t.Fatalf("got %q", got)
		}
	})
}

func equalLines(a, b []consoleLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                     "0ms",
		1500 * time.Microsecond:               "1.5ms",
		999999 * time.Microsecond:             "999.999ms",
		time.Second:                           "1.000s",
		61*time.Second + 500*time.Millisecond: "1:01.500 (m:ss.mmm)",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03.000 (h:mm:ss.mmm)",
	} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func BenchmarkConsoleLog(b *testing.B) {
	vm := newWebTestVM(b)
	if err := installConsole(vm, func(string, string) {}); err != nil {
		b.Fatal(err)
	}
	log, _ := goja.AssertFunction(vm.Get("console").ToObject(vm).Get("log"))
	obj, _ := vm.RunString(`({ id: 42, name: "Alice", tags: ["a", "b"], nested: { ok: true, at: new Date(0) } })`)
	for _, tc := range []struct {
		name string
		args []goja.Value
	}{
		{"strings", []goja.Value{vm.ToValue("handled"), vm.ToValue("/api/users"), vm.ToValue(200)}},
		{"object", []goja.Value{vm.ToValue("request"), obj}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := log(goja.Undefined(), tc.args...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
