package stubs_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/node/stubs"
	"edgedev/runtime/runtimetest"
)

// allNativeFlags turns every module's enable_nodejs_*_module on, as a
// compatibility date of 2026-04-01 does.
var allNativeFlags = []string{"enable_nodejs_fs_module", "enable_nodejs_os_module", "enable_nodejs_vm_module",
	"enable_nodejs_child_process_module", "enable_nodejs_worker_threads_module", "enable_nodejs_cluster_module",
	"enable_nodejs_dgram_module", "enable_nodejs_inspector_module", "enable_nodejs_repl_module", "enable_nodejs_tty_module",
	"enable_nodejs_v8_module", "enable_nodejs_perf_hooks_module", "enable_nodejs_punycode_module",
	"enable_nodejs_trace_events_module", "enable_nodejs_wasi_module", "enable_nodejs_domain_module", "enable_nodejs_sqlite_module"}

// TestStubs_MatchRecordedSurface imports every stub module and checks,
// against surface.json (unenv's, at 2025-09-01) and surface-native.json
// (workerd's own, every module flag on), both recorded from wrangler
// 4.86.0, that each export exists with the recorded type and value, and
// that each function called with no arguments throws what workerd threw.
func TestStubs_MatchRecordedSurface(t *testing.T) {
	t.Run("unenv", func(t *testing.T) { matchSurface(t, "surface.json", nil) })
	t.Run("workerd's own", func(t *testing.T) { matchSurface(t, "surface-native.json", allNativeFlags) })
}

func matchSurface(t *testing.T, file string, flags []string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var all struct {
		Modules map[string]map[string]json.RawMessage `json:"modules"`
	}
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatal(err)
	}
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", Flags: flags}})
	for _, name := range stubs.Names() {
		if name == "http" || name == "https" || name == "diagnostics_channel" {
			continue // real modules, tested on their own
		}
		if _, ok := all.Modules[name]; !ok {
			t.Run(name, func(t *testing.T) {
				out := h.Run(t, `try { __edgedev_import("node:`+name+`"); return "imported"; } catch (e) { return e.message; }`)
				if want := `"No such module \"node:` + name + `\"."`; out != want {
					t.Errorf("got %s, want %s", out, want)
				}
			})
			continue
		}
		t.Run(name, func(t *testing.T) {
			src := `const name = "` + name + `"; const m = __edgedev_import("node:` + name + `");
			const spec = ` + string(mustJSON(t, all.Modules[name])) + `;
			const bad = [];
			const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
			for (const [k, e] of Object.entries(spec)) {
				if (k === "default" || k === "default===namespace") continue;
				if (!(k in m)) { bad.push(k + ": missing"); continue; }
				if ("value" in e) {
					const v = m[k];
					if (name === "perf_hooks" && k === "performance") { if (v !== performance) bad.push("performance is not the global"); }
					else if (v === null || typeof v !== "object") { if (!same(v, e.value)) bad.push(k + ": value " + JSON.stringify(v)); }
					else if (typeof e.value !== "object") bad.push(k + ": an object");
					continue;
				}
				if ("symbol" in e) { if (typeof m[k] !== "symbol") bad.push(k + ": not a symbol"); continue; }
				if (typeof m[k] !== "function") { bad.push(k + ": not a function"); continue; }
				const r = e.call || {};
				let got;
				try {
					const x = /^[A-Z]/.test(k) ? new m[k]() : m[k]();
					got = x && typeof x.then === "function" ? "promise" : x;
				} catch (err) { got = { threw: err.name, code: err.code, message: err.message }; }
				if (r.threw !== undefined) {
					if (!same(got, { threw: r.threw, code: r.code, message: r.message })) bad.push(k + ": threw " + JSON.stringify(got));
				} else if (got && got.threw) bad.push(k + ": threw " + got.message);
			}
			const keys = Object.keys(m).filter((k) => k !== "default").sort();
			const want = Object.keys(spec).filter((k) => k !== "default" && k !== "default===namespace").sort();
			if (!same(keys, want)) bad.push("keys differ: " + JSON.stringify(keys.filter((k) => !want.includes(k))));
			return bad;`
			if got := h.Run(t, src); got != "[]" {
				t.Errorf("node:%s differs from workerd: %s", name, got)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestStubs_Calls(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	h.RunCases(t, []runtimetest.Case{
		{Name: "fs.readFileSync says unenv's words (workerd)", Src: `try { __edgedev_import("node:fs").readFileSync("/x", "utf8"); } catch (e) { return e.message; }`, Want: `"[unenv] fs.readFileSync is not implemented yet!"`},
		{Name: "fs.promises is node:fs/promises", Src: `return __edgedev_import("node:fs").promises === __edgedev_import("node:fs/promises");`, Want: `true`},
		{Name: "existsSync is false", Src: `return __edgedev_import("node:fs").existsSync("/etc/passwd");`, Want: `false`},
		{Name: "child_process keeps unenv's typo (workerd)", Src: `try { __edgedev_import("node:child_process").execSync("ls"); } catch (e) { return e.message; }`, Want: `"[unenv] child_process.execSyn is not implemented yet!"`},
		{Name: "os answers as workerd", Src: `const os = __edgedev_import("node:os"); return [os.platform(), os.EOL, os.tmpdir(), os.homedir(), os.endianness()];`, Want: `["linux","\n","/tmp","/","LE"]`},
		{Name: "net.isIP", Src: `const net = __edgedev_import("node:net"); return [net.isIP("1.2.3.4"), net.isIP("::1"), net.isIP("nope"), net.isIPv4("256.1.1.1")];`, Want: `[4,6,0,false]`},
		{Name: "a dns lookup is not emulated", Src: `try { __edgedev_import("node:dns").lookup("example.com", () => {}); } catch (e) { return e.message; }`, Want: `"[edgedev] dns.lookup is not emulated by edgedev (workerd serves it from the platform)"`},
		{Name: "module's default is Module", Src: `const m = __edgedev_import("node:module"); return typeof m.default + typeof m.createRequire;`, Want: `"functionfunction"`},
	})
}

func TestStubs_WorkerdsOwn(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", Flags: allNativeFlags}})
	h.RunCases(t, []runtimetest.Case{
		{Name: "fs checks its arguments as workerd's own fs (workerd)", Src: `try { __edgedev_import("node:fs").readFileSync(); } catch (e) { return [e.code, e.message]; }`,
			Want: `["ERR_INVALID_ARG_TYPE","The \"path\" argument must be of type string or an instance of Buffer or URL. Received undefined"]`},
		{Name: "a read of a missing file (workerd)", Src: `try { __edgedev_import("node:fs").readFileSync("/tmp/x"); } catch (e) { return [e.code, e.syscall, e.message]; }`,
			Want: `["ENOENT","readAll","no such file or directory, readAll '/tmp/x'"]`},
		{Name: "fs/promises shares fs's /tmp", Src: `const fs = __edgedev_import("node:fs"); fs.writeFileSync("/tmp/shared", "s"); return await __edgedev_import("node:fs/promises").readFile("/tmp/shared", "utf8");`, Want: `"s"`},
		{Name: "a path that is no path", Src: `try { __edgedev_import("node:fs").readFileSync(5); } catch (e) { return [e.code, e.message]; }`,
			Want: `["ERR_INVALID_ARG_TYPE","The \"path\" argument must be of type string or an instance of Buffer or URL. Received type number (5)"]`},
		{Name: "os answers as workerd's own (workerd)", Src: `const os = __edgedev_import("node:os"); return [os.homedir(), os.hostname(), os.arch()];`, Want: `["/tmp/","localhost","x64"]`},
	})
}

// TestVirtualFS runs testdata/fsprobe.js (workerd's own node:fs, at
// 2025-10-08) and compares each answer with wrangler 4.86.0's
// (testdata/fsprobe-wrangler.json).
func TestVirtualFS(t *testing.T) {
	src, err := os.ReadFile("testdata/fsprobe.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/fsprobe-wrangler.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	body := string(src)
	body = body[:strings.Index(body, "export default")]
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, "import ") {
			lines = append(lines, l)
		}
	}
	pre := `const fs = __edgedev_import("node:fs"); const fsp = __edgedev_import("node:fs/promises");
` + strings.Join(lines, "\n")
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2", Flags: []string{"enable_nodejs_fs_module"}}})
	// One request runs every probe in the file's order, as the worker did:
	// later probes see what earlier ones wrote.
	got := h.Run(t, pre+`
const out = {};
for (const [k, f] of Object.entries(probes)) {
	try { const r = await f(); out[k] = { ok: r === undefined ? "undefined" : r instanceof Uint8Array ? "bytes:" + r.length : r }; } catch (e) { out[k] = e2o(e); }
}
out.persistsAcrossRequests = fs.existsSync("/tmp/a.txt");
return out;`)
	var g map[string]json.RawMessage
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		var gv, wv any
		_ = json.Unmarshal(g[name], &gv)
		_ = json.Unmarshal(w, &wv)
		gj, _ := json.Marshal(gv)
		wj, _ := json.Marshal(wv)
		if string(gj) != string(wj) {
			t.Errorf("%s: got  %s\n want %s (wrangler)", name, gj, wj)
		}
	}
}
