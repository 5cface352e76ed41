package timers_test

import (
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func TestTimers(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	const p = `const timers = __edgedev_import("node:timers"); const tp = __edgedev_import("node:timers/promises");
`
	h.RunCases(t, []runtimetest.Case{
		{Name: "Timeout objects", Src: p + `const t = timers.setTimeout(() => {}, 10); const r = [t instanceof timers.Timeout, typeof +t, t.hasRef(), t.unref() === t, t.hasRef()]; timers.clearTimeout(t); return r;`, Want: `[true,"number",true,true,false]`},
		{Name: "fires with args", Src: p + `return await new Promise((r) => timers.setTimeout((a, b) => r([a, b]), 1, "x", "y"));`, Want: `["x","y"]`},
		{Name: "clear stops it", Src: p + `let n = 0; const t = timers.setTimeout(() => n++, 1); t.close(); const i = timers.setInterval(() => n++, 1); timers.clearInterval(i); await tp.setTimeout(10); return n;`, Want: `0`},
		{Name: "interval and refresh", Src: p + `let n = 0; await new Promise((r) => { const i = timers.setInterval(() => { if (++n === 3) { i.close(); r(); } }, 1); }); return n;`, Want: `3`},
		{Name: "setImmediate is the global", Src: p + `return [timers.setImmediate === setImmediate, tp === timers.promises];`, Want: `[true,true]`},
		{Name: "bad callback", Src: p + `try { timers.setTimeout("x"); } catch (e) { return [e.code, e.message]; }`, Want: `["ERR_INVALID_ARG_TYPE","The \"callback\" argument must be of type function. Received type string ('x')"]`},
		{Name: "promises.setTimeout", Src: p + `return [await tp.setTimeout(1, "v"), await tp.setImmediate("i")];`, Want: `["v","i"]`},
		{Name: "promises abort", Src: p + `const ac = new AbortController(); const pr = tp.setTimeout(1000, "v", { signal: ac.signal }); ac.abort(); try { await pr; } catch (e) { return [e.name, e.code]; }`, Want: `["AbortError","ABORT_ERR"]`},
		{Name: "promises.setInterval", Src: p + `const out = []; const it = tp.setInterval(1, "tick"); for (let r = await it.next(); !r.done; r = await it.next()) { out.push(r.value); if (out.length === 3) break; } await it.return(); return out;`, Want: `["tick","tick","tick"]`},
		{Name: "scheduler", Src: p + `await tp.scheduler.wait(1); await tp.scheduler.yield(); return 1;`, Want: `1`},
	})
}

// With enable_nodejs_global_timers (nodejs_compat from 2026-02-10) the
// global timers are node:timers': under wrangler 4.86.0 with
// compatibility_date 2026-04-20, typeof setTimeout(...) was "object" and
// Object.prototype.toString of it "[object Object]".
func TestGlobalTimers(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", Flags: []string{"enable_nodejs_global_timers"}}})
	h.RunCases(t, []runtimetest.Case{
		{Name: "Timeout objects", Src: `const t = setTimeout(() => {}, 10); clearTimeout(t); return [typeof t, Object.prototype.toString.call(t), t instanceof __edgedev_import("node:timers").Timeout];`, Want: `["object","[object Object]",true]`},
		{Name: "they fire and clear", Src: `let n = 0; const a = setTimeout(() => n++, 1); clearTimeout(a); await new Promise((r) => setTimeout(r, 5)); const i = setInterval(() => { if (++n === 2) clearInterval(i); }, 1); await new Promise((r) => setTimeout(r, 20)); return n;`, Want: `2`},
	})
	off := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	off.RunCases(t, []runtimetest.Case{
		{Name: "without the flag, numbers", Src: `const t = setTimeout(() => {}, 10); clearTimeout(t); return typeof t;`, Want: `"number"`},
	})
}

// node:timers imported before anything touched the global timers: its
// load reads the Web timers through the lazy globals, which must not load
// node:timers again.
func TestGlobalTimersImportFirst(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", Flags: []string{"enable_nodejs_global_timers"}}})
	got := h.Run(t, `const timers = __edgedev_import("node:timers"); const t = setTimeout(() => {}, 5); clearTimeout(t);
return [typeof t, setTimeout === timers.setTimeout, await new Promise((r) => timers.setTimeout(() => r("fired"), 1))];`)
	if got != `["object",true,"fired"]` {
		t.Errorf("got %s", got)
	}
}
