package process_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"edgedev/bindings"
	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func harness(t *testing.T, flags ...string) *runtimetest.Harness {
	var bs []bindings.Named
	for _, kv := range [][2]any{{"GREETING", "hi"}, {"CONF", map[string]any{"a": int64(1)}}} {
		v, err := bindings.NewValue(kv[1])
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, bindings.Named{Name: kv[0].(string), Kind: "var", Binding: v})
	}
	return runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", PopulateProcessEnv: true, Flags: flags}, Bindings: bs})
}

// TestProcessAsWrangler compares process with what a worker saw under
// wrangler 4.86.0 (nodejs_compat, the same two vars): with
// compatibility_date 2025-09-01, testdata/process_wrangler.json and the
// sorted list of process's keys, process_keys_wrangler.txt; with
// 2026-04-20, which implies enable_nodejs_process_v2, the process_v2_*
// files.
func TestProcessAsWrangler(t *testing.T) {
	t.Run("before process v2", func(t *testing.T) { processAsWrangler(t, "", nil) })
	t.Run("process v2", func(t *testing.T) { processAsWrangler(t, "_v2", []string{"enable_nodejs_process_v2"}) })
}

func processAsWrangler(t *testing.T, suffix string, flags []string) {
	h := harness(t, flags...)
	out := h.Run(t, `const out = {};
for (const k of ["version","versions","platform","arch","release","title","argv","pid","ppid","execArgv","execPath","features","env"]) out[k] = process[k];
out.cwd = process.cwd();
const order = [];
await new Promise((r) => { Promise.resolve().then(() => order.push("promise")); process.nextTick(() => order.push("tick")); queueMicrotask(() => order.push("microtask")); setTimeout(r, 5); });
out.order = order;
out.globals = [typeof Buffer, typeof global, global === globalThis, typeof setImmediate, typeof clearImmediate, typeof process];
out.hr = [Array.isArray(process.hrtime()), typeof process.hrtime.bigint(), process.hrtime([0, 0]).length];
out.envIsObj = Object.prototype.toString.call(process.env); out.tag = Object.prototype.toString.call(process);
out.warn = (() => { try { process.emitWarning("careful", "CustomWarning", "C001"); return "ok"; } catch (e) { return e.message; } })();
out.nextTickArgs = await new Promise((r) => process.nextTick((a, b) => r([a, b]), 1, 2));
out.missing = [];
return out;`)
	var got, want map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/process" + suffix + "_wrangler.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %v, want %v", k, got[k], w)
		}
	}
	keys, err := os.ReadFile("testdata/process" + suffix + "_keys_wrangler.txt")
	if err != nil {
		t.Fatal(err)
	}
	missing := h.Run(t, `return `+jsonList(strings.Fields(string(keys)))+`.filter((k) => !(k in process));`)
	if missing != "[]" {
		t.Errorf("process lacks keys a worker has under wrangler: %s", missing)
	}
}

func jsonList(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestProcess(t *testing.T) {
	h := harness(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "exit", Src: `try { process.exit(3); } catch (e) { return e.message; }`, Want: `"The Node.js process.exit(3) API was called. Canceling the request."`},
		{Name: "an EventEmitter", Src: `const { EventEmitter } = __edgedev_import("node:events"); let got; process.on("x", (v) => { got = v; }); process.emit("x", 1); return [process instanceof EventEmitter, got];`, Want: `[true,1]`},
		{Name: "emitWarning emits a warning event", Src: `let w; process.once("warning", (x) => { w = x; }); process.emitWarning("careful", "CustomWarning", "C001"); await null; await null; return [w.name, w.code, w.message];`, Want: `["CustomWarning","C001","careful"]`},
		{Name: "getBuiltinModule", Src: `return [process.getBuiltinModule("node:buffer").Buffer === Buffer, process.getBuiltinModule("events") === __edgedev_import("node:events"), process.getBuiltinModule("nope")];`, Want: `[true,true,null]`},
		{Name: "hrtime differences", Src: `const a = process.hrtime(); const d = process.hrtime(a); return [d[0] >= 0, d[1] >= 0 && d[1] < 1e9];`, Want: `[true,true]`},
		{Name: "nextTick needs a function", Src: `try { process.nextTick(5); } catch (e) { return e.code; }`, Want: `"ERR_INVALID_ARG_TYPE"`},
		{Name: "stdout writes lines to the log", Src: `process.stdout.write("a"); process.stdout.write("b\nc"); process.stdout.end(); return 1;`, Want: `1`},
		{Name: "umask and chdir", Src: `process.chdir("/tmp"); return [process.umask(), process.cwd()];`, Want: `[18,"/tmp"]`},
	})
	var logged []string
	for _, l := range h.Logs() {
		if l == "log: ab" || l == "log: c" {
			logged = append(logged, l)
		}
	}
	if len(logged) != 2 {
		t.Errorf("stdout lines in the log: %q (all: %q)", logged, h.Logs())
	}
}
