package runtime

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func newStreamsVM(t testing.TB) *goja.Runtime {
	t.Helper()
	return newWebTestVM(t, installEncoding, installStreams)
}

// TestStreamsMatchNode runs the scenarios in testdata/streams_scenarios.js
// and compares each event log with the one Node 20 (whose streams are a port
// of the spec's reference implementation) produced, kept in
// testdata/streams_node20.json. Equal logs mean the same calls happened in
// the same order, promise tick for promise tick.
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
	vm := newStreamsVM(t)
	if _, err := vm.RunScript("streams_scenarios.js", string(src)); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(want))
	for name := range want {
		names = append(names, name)
	}
	sort.Strings(names)
	scenarios := vm.Get("streamScenarios").ToObject(vm)
	if got := len(scenarios.Keys()); got != len(want) {
		t.Fatalf("%d scenarios in the script, %d in the expected logs: regenerate streams_node20.json", got, len(want))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			fn, ok := goja.AssertFunction(scenarios.Get(name))
			if !ok {
				t.Fatalf("no scenario %q", name)
			}
			v, err := fn(goja.Undefined())
			if err != nil {
				t.Fatal(err)
			}
			p := v.Export().(*goja.Promise)
			switch p.State() {
			case goja.PromiseStatePending:
				t.Fatal("scenario did not finish (a promise never settled)")
			case goja.PromiseStateRejected:
				t.Fatalf("scenario threw: %v", p.Result().ToObject(vm).Get("stack"))
			}
			var got []string
			if err := vm.ExportTo(p.Result(), &got); err != nil {
				t.Fatal(err)
			}
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
	vm := newStreamsVM(t)
	unhandled := map[*goja.Promise]bool{}
	vm.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		if op == goja.PromiseRejectionReject {
			unhandled[p] = true
		} else {
			delete(unhandled, p)
		}
	})
	runWebJS(t, vm, `
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
	if len(unhandled) > 0 {
		for p := range unhandled {
			t.Errorf("unhandled rejection: %v", p.Result())
		}
	}
}

func TestStreamsProgramCompiledOnce(t *testing.T) {
	a, err := streamsFile.program()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := streamsFile.program()
	if a != b {
		t.Fatal("streams.js compiled twice")
	}
	// Two runtimes share the program but not their classes.
	vm1, vm2 := newStreamsVM(t), newStreamsVM(t)
	if vm1.Get("ReadableStream").SameAs(vm2.Get("ReadableStream")) {
		t.Fatal("runtimes share a class object")
	}
}

func BenchmarkStreamsPipeThrough(b *testing.B) {
	vm := newStreamsVM(b)
	fn, err := vm.RunString(`(async function run() {
		let i = 0;
		const rs = new ReadableStream({ pull(c) { c.enqueue(i); if (++i === 1000) c.close(); } }, { highWaterMark: 16 });
		const reader = rs.pipeThrough(new TransformStream()).getReader();
		let n = 0;
		while (!(await reader.read()).done) n++;
		if (n !== 1000) throw new Error("lost chunks: " + n);
	})`)
	if err != nil {
		b.Fatal(err)
	}
	run, _ := goja.AssertFunction(fn)
	b.ReportMetric(1000, "chunks/op")
	for b.Loop() {
		v, err := run(goja.Undefined())
		if err != nil {
			b.Fatal(err)
		}
		if p := v.Export().(*goja.Promise); p.State() != goja.PromiseStateFulfilled {
			b.Fatalf("run: %v", p.Result())
		}
	}
}
