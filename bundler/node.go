package bundler

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// BuiltinLoader is the global function the bundle calls to get a built-in
// module's exports (node:buffer, cloudflare:workers); the runtime
// defines it under the same name (runtime.BuiltinLoader; a dev test checks
// the two agree). esbuild leaves every built-in to it: an import of one
// becomes a tiny CommonJS module whose exports are what the loader returns,
// so ESM imports, require() in npm code and lowered import() all reach the
// runtime's module loader.
const BuiltinLoader = "__edgedev_import"

// builtinNamespace is the esbuild namespace of the built-in modules' stubs.
const builtinNamespace = "edgedev-builtin"

// nodeBuiltins are the names workerd accepts without the node: prefix
// under nodejs_compat v2 (NODEJS_BUILTINS in workerd's
// src/workerd/jsg/util.c++, which follows Node's own list), plus "sys",
// which workerd maps to node:util.
var nodeBuiltins = []string{
	"_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
	"_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
	"_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer",
	"child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
	"dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
	"inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks",
	"process", "punycode", "querystring", "readline", "readline/promises", "repl", "sqlite", "stream",
	"stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
	"timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
	"worker_threads", "zlib",
}

// Node.js compatibility modes (config.NodeMode's values).
const (
	NodeOff = ""
	NodeALS = "als"
	NodeV1  = "v1"
	NodeV2  = "v2"
)

// NodeSpecifier is the canonical name of a Node.js built-in as mode lets
// a worker import it ("node:buffer" for "buffer" under v2, "node:util" for
// "sys"), and whether spec names one at all under that mode. A node:
// specifier always names one (the runtime says "No such module" for names
// it does not know, as workerd does); a bare one only under v2.
func NodeSpecifier(spec, mode string) (string, bool) {
	name, prefixed := strings.CutPrefix(spec, "node:")
	if !prefixed && mode != NodeV2 {
		return "", false
	}
	if name == "sys" {
		return "node:util", true
	}
	if prefixed {
		return spec, true
	}
	for _, b := range nodeBuiltins {
		if b == name {
			return "node:" + name, true
		}
	}
	return "", false
}

// builtinsPlugin hands built-in modules to the runtime's loader, or fails
// the build with a message naming the flag the worker lacks.
func builtinsPlugin(opts Options) api.Plugin {
	bare := regexp.QuoteMeta(strings.Join(nodeBuiltins, "\x00"))
	filter := "^(node:.*|" + strings.ReplaceAll(bare, "\x00", "|") + ")$"
	config := opts.ConfigName
	if config == "" {
		config = "wrangler.toml"
	}
	return api.Plugin{
		Name: "edgedev-builtins",
		Setup: func(b api.PluginBuild) {
			// cloudflare:workers (and any other cloudflare: name, which the
			// runtime answers with workerd's "No such module") is the
			// runtime's own, never a package.
			b.OnResolve(api.OnResolveOptions{Filter: "^cloudflare:"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				return api.OnResolveResult{Path: a.Path, Namespace: builtinNamespace, SideEffects: api.SideEffectsFalse}, nil
			})
			b.OnResolve(api.OnResolveOptions{Filter: filter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				name, ok := NodeSpecifier(a.Path, opts.NodeCompat)
				if !ok {
					return api.OnResolveResult{}, nil // a bare name without v2: esbuild resolves it as a package
				}
				switch {
				case opts.NodeCompat == NodeOff, opts.NodeCompat == NodeALS && name != "node:async_hooks":
					return api.OnResolveResult{Errors: []api.Message{{
						Text:  fmt.Sprintf("%q is a Node.js built-in module, which a worker gets only with Node.js compatibility", a.Path),
						Notes: []api.Note{{Text: nodeHint(config, name)}},
					}}}, nil
				}
				return api.OnResolveResult{Path: name, Namespace: builtinNamespace, SideEffects: api.SideEffectsFalse}, nil
			})
			// cloudflare:node (httpServerHandler for a node:http server) comes
			// with the Node modules.
			b.OnResolve(api.OnResolveOptions{Filter: "^cloudflare:node$"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if opts.NodeCompat != NodeV1 && opts.NodeCompat != NodeV2 {
					return api.OnResolveResult{Errors: []api.Message{{
						Text:  fmt.Sprintf("%q is a module a worker gets only with Node.js compatibility", a.Path),
						Notes: []api.Note{{Text: nodeHint(config, "cloudflare:node")}},
					}}}, nil
				}
				return api.OnResolveResult{Path: a.Path, Namespace: builtinNamespace, SideEffects: api.SideEffectsFalse}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: builtinNamespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				src := fmt.Sprintf("module.exports = %s(%q);", BuiltinLoader, a.Path)
				return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
			})
		},
	}
}

// nodeHint says which flag to add to the config file.
func nodeHint(config, name string) string {
	flags := `compatibility_flags = ["nodejs_compat"]`
	if !strings.HasSuffix(config, ".toml") {
		flags = `"compatibility_flags": ["nodejs_compat"]`
	}
	h := fmt.Sprintf("add %s to %s", flags, config)
	if name == "node:async_hooks" {
		h += ` (or "nodejs_als" for AsyncLocalStorage alone)`
	}
	return h
}
