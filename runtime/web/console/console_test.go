package console_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/runtimetest"
	"edgedev/runtime/web/console"
)

// consoleLine is one line the console printed: its level and text.
type consoleLine struct{ level, text string }

// recorder is the module.Host of a console a test installs: it keeps what
// the console printed and is the clock its console.time reads, moved by the
// test. A console calls only VM, Log and V8Error of its host (V8Error does
// nothing here: V8's error texts are tested on the real host, in runtime's
// v8text_test.go); any other method runs into the nil module.Host embedded
// here and panics, so a test notices when that changes.
type recorder struct {
	module.Host
	vm *goja.Runtime // set and read on the loop goroutine only

	mu  sync.Mutex // the loop writes, the test reads
	out []consoleLine
	now time.Time
}

func (r *recorder) VM() *goja.Runtime { return r.vm }

func (r *recorder) V8Error(*goja.Object) {}

func (r *recorder) Log(level, line string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out = append(r.out, consoleLine{level, line})
}

func (r *recorder) clock() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.now
}

func (r *recorder) advance(d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.now = r.now.Add(d)
}

// lines returns what the console printed so far.
func (r *recorder) lines() []consoleLine {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]consoleLine(nil), r.out...)
}

// newConsole starts a worker whose console (installed again with
// console.InstallClock) prints to a recorder, on a clock the test moves.
func newConsole(t testing.TB) (*runtimetest.Harness, *recorder) {
	t.Helper()
	h := runtimetest.New(t)
	rec := &recorder{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	h.OnLoop(t, func(vm *goja.Runtime) error {
		rec.vm = vm
		return console.InstallClock(rec, rec.clock)
	})
	return h, rec
}

// logged parses the harness's log lines ("level: text") back into lines.
func logged(log []string) []consoleLine {
	out := make([]consoleLine, len(log))
	for i, l := range log {
		level, text, _ := strings.Cut(l, ": ")
		out[i] = consoleLine{level, text}
	}
	return out
}

// TestConsoleMatchesNode runs console.log, as the worker has it, on the
// cases in testdata/console_node20.json, whose expected text is what Node
// 20's util.format printed for the same arguments. To add a case, add its
// arguments (JS source) with any "want", then, from the module root:
//
//	node -e 'const f="runtime/web/console/testdata/console_node20.json",u=require("util"),c=require("./"+f);for(const x of c)x.want=u.format(...eval("["+x.args+"]"));require("fs").writeFileSync(f,JSON.stringify(c,null,1)+"\n")'
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
	h := runtimetest.New(t)
	for _, c := range cases {
		before := len(h.Logs())
		if _, err := h.Eval("console.log(" + c.Args + ")"); err != nil {
			t.Errorf("console.log(%s): %v", c.Args, err)
			continue
		}
		lines := logged(h.Logs()[before:])
		if len(lines) != 1 {
			t.Errorf("console.log(%s) printed %d times", c.Args, len(lines))
			continue
		}
		if got := lines[0]; got.level != console.LevelLog || got.text != c.Want {
			t.Errorf("console.log(%s)\n got: %s: %s\nwant: log: %s", c.Args, got.level, got.text, c.Want)
		}
	}
}

func TestConsole(t *testing.T) {
	t.Run("levels reach the worker's log", func(t *testing.T) {
		h := runtimetest.New(t) // the console the worker starts with, on its host
		h.Run(t, `console.log("l"); console.info("i"); console.debug("d"); console.warn("w"); console.error("e");`)
		lines := logged(h.Logs())
		want := []consoleLine{{"log", "l"}, {"info", "i"}, {"debug", "d"}, {"warn", "w"}, {"error", "e"}}
		if !equalLines(lines, want) {
			t.Fatalf("got %q, want %q", lines, want)
		}
	})
	t.Run("errors print their stack", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `
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
		got := rec.lines()
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
		h, rec := newConsole(t)
		h.Run(t, `
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
		lines := rec.lines()
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
		if !equalLines(lines, want) {
			t.Fatalf("got\n%q\nwant\n%q", lines, want)
		}
	})
	t.Run("time on the injected clock", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `console.time(); console.time("job"); console.time("job");`)
		rec.advance(1234500 * time.Microsecond / 1000) // 1.2345 ms
		h.Run(t, `console.timeLog("job", "step", { n: 1 }); console.timeEnd();`)
		rec.advance(2500 * time.Millisecond)
		h.Run(t, `console.timeEnd("job"); console.timeEnd("job"); console.timeLog("gone");`)
		lines := rec.lines()
		want := []consoleLine{
			{"warn", "Warning: Label 'job' already exists for console.time()"},
			{"log", "job: 1.235ms step { n: 1 }"},
			{"log", "default: 1.235ms"},
			{"log", "job: 2.501s"},
			{"warn", "Warning: No such label 'job' for console.timeEnd()"},
			{"warn", "Warning: No such label 'gone' for console.timeLog()"},
		}
		if !equalLines(lines, want) {
			t.Fatalf("got\n%q\nwant\n%q", lines, want)
		}
	})
	t.Run("trace", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `function where() { console.trace("here %s", "now"); } where();`)
		lines := rec.lines()
		text := lines[0].text
		if !regexp.MustCompile(`^Trace: here now\n    at where \(<eval>:\d+:\d+\)\n`).MatchString(text) {
			t.Fatalf("trace printed %q", text)
		}
	})
	t.Run("table", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `
			console.table([{ a: 1, b: "x" }, { a: 2, c: true }]);
			console.table({ r1: 5, r2: { a: 1 } });
			console.table([{ a: 1, b: 2 }], ["b"]);
			console.table("not tabular");
		`)
		lines := rec.lines()
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
			if lines[i].text != w {
				t.Errorf("table %d:\n%s\nwant\n%s", i, lines[i].text, w)
			}
		}
	})
	t.Run("dir and custom inspect", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `
			console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
			console.dir({ a: { b: { c: { d: 1 } } } }, { depth: null });
			class Money { constructor(c) { this.cents = c; }
				[Symbol.for("nodejs.util.inspect.custom")]() { return "Money<" + this.cents + ">"; } }
			console.log({ price: new Money(250) }, new Money(1));
		`)
		lines := rec.lines()
		want := []string{"{ a: [Object] }", "{\n  a: { b: { c: { d: 1 } } }\n}", "{ price: Money<250> } Money<1>"}
		for i, w := range want {
			if lines[i].text != w {
				t.Errorf("line %d: got %q, want %q", i, lines[i].text, w)
			}
		}
	})
	t.Run("a proxy prints as its target without running traps", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `
			let trapped = 0;
			const p = new Proxy({ a: 1 }, { ownKeys() { trapped++; return []; }, get() { trapped++; } });
			console.log(p);
			console.log("traps run", trapped);
		`)
		lines := rec.lines()
		if lines[0].text != "{ a: 1 }" || lines[1].text != "traps run 0" {
			t.Fatalf("got %q", lines)
		}
	})
	t.Run("strings that are not valid UTF-16", func(t *testing.T) {
		h, rec := newConsole(t)
		h.Run(t, `console.log({ s: "a\uD800b" }, "\uFFFD")`)
		lines := rec.lines()
		if got := lines[0].text; got != `{ s: 'a\uD800b' } `+"\uFFFD" {
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

func BenchmarkConsoleLog(b *testing.B) {
	h := runtimetest.New(b, runtimetest.Options{CPULimit: -1})
	h.OnLoop(b, func(vm *goja.Runtime) error {
		// A console that prints nowhere: the benchmark is the formatting.
		return console.InstallClock(quiet{vm: vm}, time.Now)
	})
	for _, tc := range []struct {
		name string
		args string // JS source
	}{
		{"strings", `"handled", "/api/users", 200`},
		{"object", `"request", { id: 42, name: "Alice", tags: ["a", "b"], nested: { ok: true, at: new Date(0) } }`},
	} {
		b.Run(tc.name, func(b *testing.B) {
			h.OnLoop(b, func(vm *goja.Runtime) error {
				log, _ := goja.AssertFunction(vm.Get("console").ToObject(vm).Get("log"))
				argv, err := vm.RunString("[" + tc.args + "]")
				if err != nil {
					return err
				}
				var args []goja.Value
				vm.ForOf(argv, func(v goja.Value) bool { args = append(args, v); return true })
				b.ReportAllocs()
				for b.Loop() {
					if _, err := log(goja.Undefined(), args...); err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
}

// quiet is a host whose console prints nowhere.
type quiet struct {
	module.Host
	vm *goja.Runtime
}

func (q quiet) VM() *goja.Runtime  { return q.vm }
func (quiet) Log(string, string)   {}
func (quiet) V8Error(*goja.Object) {}
