package config

import "slices"

// NodeCompat is how much of Node.js a worker gets, resolved from its
// compatibility date and flags the way workerd resolves them
// (src/workerd/io/compatibility-date.capnp, read 2026-12 at workerd's
// 2026-08 head) and wrangler's getNodeCompat mirrors.
type NodeCompat struct {
	// Mode is NodeOff, NodeALS, NodeV1 or NodeV2.
	Mode NodeMode
	// PopulateProcessEnv: process.env holds the text vars and secrets
	// (nodejs_compat_populate_process_env, implied by nodejs_compat from
	// 2025-04-01; nodejs_compat_do_not_populate_process_env turns it off).
	PopulateProcessEnv bool
	// Flags are the flags nodejs_compat implies that the worker has, by
	// their enable names ("enable_nodejs_process_v2"), in nodeImplied's
	// order: the Node modules read them (module.Loader.CompatFlag).
	Flags []string
}

// nodeImplied are workerd's flags that nodejs_compat turns on from a
// date ($impliedByAfterDate(name = "nodeJsCompat", ...)), each with its
// opposite. A flag listed explicitly is on whatever the date; its
// opposite turns it off.
var nodeImplied = []struct{ enable, disable, date string }{
	{"nodejs_zlib", "no_nodejs_zlib", "2024-09-23"},
	{"enable_nodejs_http_modules", "disable_nodejs_http_modules", "2025-08-15"},
	{"enable_nodejs_http_server_modules", "disable_nodejs_http_server_modules", "2025-09-01"}, // implied by http modules
	{"remove_nodejs_compat_eol", "add_nodejs_compat_eol", "2025-09-01"},
	{"enable_nodejs_http2_module", "disable_nodejs_http2_module", "2025-09-01"},
	{"enable_nodejs_process_v2", "disable_nodejs_process_v2", "2025-09-15"},
	{"enable_nodejs_fs_module", "disable_nodejs_fs_module", "2025-09-15"},
	{"enable_nodejs_os_module", "disable_nodejs_os_module", "2025-09-15"},
	{"enable_nodejs_console_module", "disable_nodejs_console_module", "2025-09-21"},
	{"enable_nodejs_vm_module", "disable_nodejs_vm_module", "2025-10-01"},
	{"enable_nodejs_domain_module", "disable_nodejs_domain_module", "2025-12-04"},
	{"enable_nodejs_punycode_module", "disable_nodejs_punycode_module", "2025-12-04"},
	{"enable_nodejs_cluster_module", "disable_nodejs_cluster_module", "2025-12-04"},
	{"enable_nodejs_wasi_module", "disable_nodejs_wasi_module", "2025-12-04"},
	{"enable_nodejs_trace_events_module", "disable_nodejs_trace_events_module", "2025-12-04"},
	{"enable_nodejs_stream_wrap_module", "disable_nodejs_stream_wrap_module", "2026-01-29"},
	{"enable_nodejs_dgram_module", "disable_nodejs_dgram_module", "2026-01-29"},
	{"enable_nodejs_inspector_module", "disable_nodejs_inspector_module", "2026-01-29"},
	{"enable_nodejs_sqlite_module", "disable_nodejs_sqlite_module", "2026-01-29"},
	{"enable_nodejs_global_timers", "no_nodejs_global_timers", "2026-02-10"},
	{"enable_nodejs_perf_hooks_module", "disable_nodejs_perf_hooks_module", "2026-03-17"},
	{"enable_global_performance_classes", "disable_global_performance_classes", "2026-03-17"},
	{"enable_nodejs_v8_module", "disable_nodejs_v8_module", "2026-03-17"},
	{"enable_nodejs_tty_module", "disable_nodejs_tty_module", "2026-03-17"},
	{"enable_nodejs_child_process_module", "disable_nodejs_child_process_module", "2026-03-17"},
	{"enable_nodejs_worker_threads_module", "disable_nodejs_worker_threads_module", "2026-03-17"},
	{"enable_nodejs_readline_module", "disable_nodejs_readline_module", "2026-03-17"},
	{"enable_nodejs_repl_module", "disable_nodejs_repl_module", "2026-03-17"},
}

// NodeMode is one level of Node.js compatibility.
type NodeMode string

const (
	// NodeOff: no node: module can be imported.
	NodeOff NodeMode = ""
	// NodeALS: nodejs_als alone; only node:async_hooks.
	NodeALS NodeMode = "als"
	// NodeV1: nodejs_compat before 2024-09-23 (or with no_nodejs_compat_v2):
	// the modules under the node: prefix only, and no Node globals.
	NodeV1 NodeMode = "v1"
	// NodeV2: the modules with or without the prefix, and the globals
	// Buffer, process, global, setImmediate and clearImmediate.
	NodeV2 NodeMode = "v2"
)

// The dates of workerd's compatibility-date.capnp that the Node.js flags
// turn on at.
const (
	// nodeJsCompat and nodeJsCompatV2: $compatEnableDate("2026-08-04"), so
	// a worker dated on or after it has Node.js compatibility unless it
	// says no_nodejs_compat (workerd commit d3c259515, "Enable
	// nodejs_compat by default"). wrangler 4.86.0 predates this and only
	// reads the flags; edgedev follows workerd.
	NodeCompatDefaultOnDate = "2026-08-04"
	// nodeJsCompatV2: $impliedByAfterDate(name = "nodeJsCompat", date = "2024-09-23").
	NodeCompatV2Date = "2024-09-23"
	// populateProcessEnv: $impliedByAfterDate(name = "nodeJsCompat", date = "2025-04-01").
	PopulateProcessEnvDate = "2025-04-01"
)

// Node resolves the Node.js compatibility of a worker with this
// compatibility date ("YYYY-MM-DD"; "" reads as long ago, as workerd's
// default date does) and these flags. It is the one place edgedev decides
// it: the bundler and the runtime both get its answer.
func Node(date string, flags []string) NodeCompat {
	has := func(f string) bool { return slices.Contains(flags, f) }
	after := func(d string) bool { return date != "" && date >= d }

	defaultOn := after(NodeCompatDefaultOnDate)
	compat := has("nodejs_compat") || (defaultOn && !has("no_nodejs_compat"))
	v2 := has("nodejs_compat_v2") ||
		(!has("no_nodejs_compat_v2") && (defaultOn || (compat && after(NodeCompatV2Date))))
	// From the default-on date, no_nodejs_compat alone leaves v2 on (it
	// implies nodejs_compat): each must be turned off, as in workerd.

	var nc NodeCompat
	switch {
	case v2:
		nc.Mode = NodeV2
	case compat:
		nc.Mode = NodeV1
	case has("nodejs_als") && !has("no_nodejs_als"):
		nc.Mode = NodeALS
	}
	if nc.Mode == NodeV1 || nc.Mode == NodeV2 {
		nc.PopulateProcessEnv = has("nodejs_compat_populate_process_env") ||
			(after(PopulateProcessEnvDate) && !has("nodejs_compat_do_not_populate_process_env"))
		for _, f := range nodeImplied {
			if has(f.enable) || (after(f.date) && !has(f.disable)) {
				nc.Flags = append(nc.Flags, f.enable)
			}
		}
	}
	return nc
}

// Node is Node(c.CompatibilityDate, c.CompatibilityFlags).
func (c *Config) Node() NodeCompat { return Node(c.CompatibilityDate, c.CompatibilityFlags) }
