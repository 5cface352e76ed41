package streams_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"edgedev/runtime/runtimetest"
)

// TestStreamsMatchNode runs the scenarios in testdata/streams_scenarios.js
// and compares each event log with the one Node 20 (whose streams are a port
// of the spec's reference implementation) produced, kept in
// testdata/streams_node20.json. Equal logs mean the same calls happened in
// the same order, promise tick for promise tick. Regenerate the logs with
// the command at the top of the scenarios file.
func TestStreamsMatchNode(t *testing.T) {
	src, err := os.ReadFile("testdata/streams_scenarios.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/streams_node20.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	h := runtimetest.New(t)
	var scenarios *goja.Object
	h.OnLoop(t, func(vm *goja.Runtime) error {
		if _, err := vm.RunScript("streams_scenarios.js", string(src)); err != nil {
			return err
		}
		scenarios = vm.Get("streamScenarios").ToObject(vm)
		if got := len(scenarios.Keys()); got != len(want) {
			return fmt.Errorf("%d scenarios in the script, %d in the expected logs: regenerate streams_node20.json", got, len(want))
		}
		return nil
	})
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var got []string
			// One loop job per scenario: goja drains the promise jobs when
			// the call returns, and no scenario uses timers, so each must
			// have settled by then.
			h.OnLoop(t, func(vm *goja.Runtime) error {
				fn, ok := goja.AssertFunction(scenarios.Get(name))
				if !ok {
					return fmt.Errorf("no scenario %q", name)
				}
				v, err := fn(goja.Undefined())
				if err != nil {
					return err
				}
				p := v.Export().(*goja.Promise)
				switch p.State() {
				case goja.PromiseStatePending:
					return errors.New("scenario did not finish (a promise never settled)")
				case goja.PromiseStateRejected:
					return fmt.Errorf("scenario threw: %v", p.Result().ToObject(vm).Get("stack"))
				}
				return vm.ExportTo(p.Result(), &got)
			})
			if strings.Join(got, "\n") != strings.Join(want[name], "\n") {
				t.Errorf("log differs from Node's\n got: %q\nwant: %q", got, want[name])
			}
		})
	}
}

// TestStreamsLeaveNoUnhandledRejections checks that the streams' own promises
// are marked handled where the spec says so: the runtime reports every
// unhandled rejection as an uncaught error, so a stray one would print noise
// for code that handles everything it was given.
func TestStreamsLeaveNoUnhandledRejections(t *testing.T) {
	h := runtimetest.New(t)
	// uncaught is the log lines of unhandled rejections so far. The worker
	// reports them after the loop job that left them; a job of our own
	// behind it makes sure that has happened.
	uncaught := func() []string {
		h.OnLoop(t, func(*goja.Runtime) error { return nil })
		var out []string
		for _, l := range h.Logs() {
			if strings.Contains(l, "Uncaught") {
				out = append(out, l)
			}
		}
		return out
	}
	h.Run(t, `
		const swallow = (p) => p.then(() => {}, () => {});
		{ // an errored stream whose reader is dropped
			let c; const rs = new ReadableStream({ start(ctrl) { c = ctrl; } });
			const r = rs.getReader(); c.error(new Error("x")); r.releaseLock();
		}
		{ // a failing pipe, awaited by the caller
			let c; const rs = new ReadableStream({ start(ctrl) { c = ctrl; } });
			const p = rs.pipeTo(new WritableStream()); c.error(new Error("y")); await swallow(p);
		}
		{ // pipeThrough, whose pipe promise nobody can see
			const rs = new ReadableStream({ pull() { throw new Error("z"); } });
			const out = rs.pipeThrough(new TransformStream());
			await swallow(out.getReader().read());
		}
		{ // writer abort and a failing sink
			const ws = new WritableStream({ write() { throw new Error("w"); } });
			const w = ws.getWriter(); await swallow(w.write(1)); w.releaseLock();
			const ws2 = new WritableStream(); const w2 = ws2.getWriter(); await swallow(w2.abort("a")); w2.releaseLock();
		}
		{ // tee of an erroring source, both branches read
			let c; const [a, b] = new ReadableStream({ start(ctrl) { c = ctrl; } }).tee();
			const ra = a.getReader().read(), rb = b.getReader().read(); c.error(new Error("t"));
			await swallow(ra); await swallow(rb);
		}
		{ // transform errors, with only the writer's promise handled
			const ts = new TransformStream({ transform() { throw new Error("tr"); } });
			const reading = ts.readable.getReader().read();
			await swallow(ts.writable.getWriter().write(1)); await swallow(reading);
		}
	`)
	for _, l := range uncaught() {
		t.Errorf("unhandled rejection: %s", l)
	}
	// The check can see one: a rejection nobody handles is reported.
	h.Run(t, `Promise.reject(new Error("canary")); return 1;`)
	if got := uncaught(); len(got) != 1 || !strings.Contains(got[0], "canary") {
		t.Errorf("a stray rejection was not reported as one: %q", got)
	}
}

// Two runtimes share the compiled streams.js (module.JSFile compiles it once
// per process; runtime/module's tests check that) but not their classes.
func TestStreamsClassesArePerRuntime(t *testing.T) {
	h1, h2 := runtimetest.New(t), runtimetest.New(t)
	var rs1 goja.Value
	h1.OnLoop(t, func(vm *goja.Runtime) error { rs1 = vm.Get("ReadableStream"); return nil })
	h2.OnLoop(t, func(vm *goja.Runtime) error {
		rs2 := vm.Get("ReadableStream")
		if _, ok := goja.AssertConstructor(rs2); !ok {
			return errors.New("ReadableStream is not a constructor")
		}
		if rs1.SameAs(rs2) {
			return errors.New("runtimes share a class object")
		}
		return nil
	})
}

func BenchmarkStreamsPipeThrough(b *testing.B) {
	h := runtimetest.New(b, runtimetest.Options{CPULimit: -1})
	h.OnLoop(b, func(vm *goja.Runtime) error {
		fn, err := vm.RunString(`(async function run() {
			let i = 0;
			const rs = new ReadableStream({ pull(c) { c.enqueue(i); if (++i === 1000) c.close(); } }, { highWaterMark: 16 });
			const reader = rs.pipeThrough(new TransformStream()).getReader();
			let n = 0;
			while (!(await reader.read()).done) n++;
			if (n !== 1000) throw new Error("lost chunks: " + n);
		})`)
		if err != nil {
			return err
		}
		run, _ := goja.AssertFunction(fn)
		b.ReportMetric(1000, "chunks/op")
		for b.Loop() {
			v, err := run(goja.Undefined())
			if err != nil {
				return err
			}
			if p := v.Export().(*goja.Promise); p.State() != goja.PromiseStateFulfilled {
				return fmt.Errorf("run: %v", p.Result())
			}
		}
		return nil
	})
}
