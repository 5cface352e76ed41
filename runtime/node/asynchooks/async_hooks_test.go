package asynchooks_test

import (
	"fmt"
	"sync"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

const prelude = `const { AsyncLocalStorage, AsyncResource } = __edgedev_import("node:async_hooks");
const als = globalThis.__als ??= new AsyncLocalStorage();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
`

func TestAsyncLocalStorage(t *testing.T) {
	for _, mode := range []string{"v2", "als"} {
		h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: mode}})
		t.Run(mode, func(t *testing.T) {
			h.RunCases(t, []runtimetest.Case{
				{Name: "outside run", Src: prelude + `return [als.getStore() === undefined, new AsyncLocalStorage({ defaultValue: 7 }).getStore()];`, Want: `[true,7]`},
				{Name: "run returns and restores", Src: prelude + `const r = als.run(1, (a, b) => [als.getStore(), a, b], "x", "y"); return [r, als.getStore() ?? null];`, Want: `[[1,"x","y"],null]`},
				{Name: "through await and promise reactions", Src: prelude + `return await als.run("s", async () => {
  const a = als.getStore(); await null; const b = als.getStore(); await sleep(1);
  const c = await Promise.resolve().then(() => als.getStore());
  return [a, b, als.getStore(), c];
});`, Want: `["s","s","s","s"]`},
				{Name: "timers and queueMicrotask", Src: prelude + `return await als.run("t", () => new Promise((res) => {
  const seen = [];
  setTimeout(() => { seen.push(als.getStore()); queueMicrotask(() => { seen.push(als.getStore()); setImmediate(() => { seen.push(als.getStore()); res(seen); }); }); }, 1);
}));`, Want: `["t","t","t"]`},
				{Name: "a timer set outside does not see the store", Src: prelude + `let out; setTimeout(() => { out = als.getStore(); }, 0); await als.run("in", () => sleep(5)); return out === undefined;`, Want: `true`},
				{Name: "event handlers run in the dispatcher's context", Src: prelude + `const t = new EventTarget(); let seen; t.addEventListener("x", () => { seen = als.getStore(); });
als.run("d", () => t.dispatchEvent(new Event("x"))); return seen;`, Want: `"d"`},
				{Name: "nested and exit", Src: prelude + `const other = new AsyncLocalStorage();
return als.run(1, () => other.run(2, () => [als.getStore(), other.getStore(), als.exit(() => [als.getStore() ?? null, other.getStore()]), als.run(3, () => als.getStore())]));`, Want: `[1,2,[null,2],3]`},
				{Name: "bind and snapshot", Src: prelude + `const f = als.run("b", () => AsyncLocalStorage.bind(() => als.getStore()));
const snap = als.run("snap", () => AsyncLocalStorage.snapshot());
return [f(), snap(() => als.getStore()), als.getStore() ?? null];`, Want: `["b","snap",null]`},
				{Name: "AsyncResource", Src: prelude + `const r = als.run("r", () => new AsyncResource("X"));
const bound = r.bind(function (x) { return [als.getStore(), x, this.k]; }, { k: "this" });
return [r.runInAsyncScope(function (x) { return [als.getStore(), x, this]; }, 5, 6), bound(9), AsyncResource.bind(() => als.getStore())() ?? null, r.asyncId()];`, Want: `[["r",6,5],["r",9,"this"],null,0]`},
				{Name: "errors", Src: prelude + `assertThrows(() => als.run(1, 5), "TypeError", "parameter 2 is not of type 'Function'"); assertThrows(() => als.enterWith(1), "Error", "asyncLocalStorage.enterWith() is not implemented"); return 1;`, Want: `1`},
				{Name: "the store survives a thrown callback", Src: prelude + `try { als.run(1, () => { throw new Error("x"); }); } catch {} return als.getStore() ?? null;`, Want: `null`},
			})
		})
	}
}

// TestInterleavedRequests runs two requests at once on one instance: each
// sets its own store, waits so the other runs in between, and must read
// back its own.
func TestInterleavedRequests(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := h.Eval(prelude + fmt.Sprintf(`return await als.run("req%d", async () => {
  const seen = [als.getStore()];
  await sleep(%d);
  seen.push(als.getStore());
  await new Promise((r) => setTimeout(r, 5));
  seen.push(await Promise.resolve().then(() => als.getStore()));
  return seen.join();
});`, i, 20-5*i))
			if err != nil {
				out = err.Error()
			}
			got[i] = out
		}()
	}
	wg.Wait()
	for i, g := range got {
		if want := fmt.Sprintf(`"req%d,req%d,req%d"`, i, i, i); g != want {
			t.Errorf("request %d saw %s, want %s", i, g, want)
		}
	}
}
