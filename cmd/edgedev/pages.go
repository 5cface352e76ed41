package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"edgedev/config"
	"edgedev/dev"
	"edgedev/runtime"
)

const pagesUsage = `Usage: edgedev pages dev [ASSETS_DIR] [flags]

Serves a Cloudflare Pages project on http://127.0.0.1:8788: the static files
in ASSETS_DIR (default: pages_build_output_dir from wrangler.toml/json) and
the functions in ./functions (or next to the config), with _headers,
_redirects and _routes.json, rebuilding on save. A _worker.js in ASSETS_DIR
takes over the whole app (advanced mode).

Flags:
`

func runPages(st *state, args []string) error {
	switch {
	case len(args) == 0:
		return usagef("pages needs a subcommand: edgedev pages dev [ASSETS_DIR] [flags] (edgedev pages dev --help lists the flags)")
	case args[0] == "-h" || args[0] == "--help" || args[0] == "help":
		return runPagesDev(st, []string{"--help"})
	case args[0] != "dev":
		return usagef("unknown pages subcommand %q; edgedev knows: pages dev", args[0])
	}
	return runPagesDev(st, args[1:])
}

func runPagesDev(st *state, args []string) error {
	fs := flag.NewFlagSet("pages dev", flag.ContinueOnError)
	fs.SetOutput(st.stderr)
	fs.Usage = func() { fmt.Fprint(st.stderr, pagesUsage); fs.PrintDefaults() }
	var (
		configPath = fs.String("config", "", "path to the wrangler config file")
		port       = fs.Int("port", 0, "port to listen on (default: [dev] port, else 8788)")
		ip         = fs.String("ip", "", "address to listen on (default 127.0.0.1)")
		persistTo  = fs.String("persist-to", "", "`DIR` for local state such as KV data (default .edgedev/state in the project)")
		compatDate = fs.String("compatibility-date", "", "compatibility date, `YYYY-MM-DD` (default: the config's)")
		cpuLimit   = fs.Duration("cpu-limit", 0, "stop JS that runs this long without yielding (default 10s)")
		memLimit   = fs.Int64("memory-limit", runtime.DefaultMemoryLimit>>20, "`MB` of heap a worker may grow edgedev to before it is stopped with the platform's \"Worker exceeded memory limit\" and restarted; 0 turns the limit off")
		noWatch    = fs.Bool("no-watch", false, "do not rebuild when files change")
		liveReload = fs.Bool("live-reload", false, "reload browser pages after each rebuild and show build errors in them")
		noDash     = fs.Bool("no-dashboard", false, "do not serve the dashboard at /cdn-cgi/edgedev/ (nor keep its request log)")
		kv         multiFlag
		d1s        multiFlag
		binds      multiFlag
	)
	consistency := addConsistencyFlags(fs) // consistency.go
	fs.Var(&kv, "kv", "bind a KV namespace: `BINDING[=ID]` (repeatable; the local id is the binding name unless given)")
	fs.Var(&kv, "k", "short for --kv")
	fs.Var(&d1s, "d1", "bind a D1 database: `BINDING[=ID]` (repeatable; the local id is the binding name unless given)")
	fs.Var(&binds, "binding", "set a var: `NAME=VALUE` (repeatable; overrides the config and .dev.vars)")
	fs.Var(&binds, "b", "short for --binding")
	fs.StringVar(configPath, "c", "", "short for --config")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("pages dev takes one ASSETS_DIR, got %d: %v", len(pos), pos)
	}
	cons, err := consistency.options()
	if err != nil {
		return usagef("%v", err)
	}
	opts := dev.Options{
		Dir: st.wd, ConfigPath: *configPath, IP: *ip, Port: *port, PersistTo: *persistTo,
		CPULimit: *cpuLimit, MemoryLimit: memoryLimit(*memLimit), Stdout: st.stdout, Stderr: st.stderr,
		Watch: !*noWatch, LiveReload: *liveReload, Consistency: cons, NoDashboard: *noDash,
		Pages: &dev.PagesOptions{CompatibilityDate: *compatDate},
	}
	opts.PersistTo, opts.ConfigPath = st.abs(opts.PersistTo), st.abs(opts.ConfigPath)
	for _, k := range kv {
		name, _, _ := strings.Cut(k, "=")
		if name == "" {
			return usagef("--kv %q: expected BINDING or BINDING=ID", k)
		}
		opts.Pages.KV = append(opts.Pages.KV, k)
	}
	for _, d := range d1s {
		name, _, _ := strings.Cut(d, "=")
		if name == "" {
			return usagef("--d1 %q: expected BINDING or BINDING=ID", d)
		}
		opts.Pages.D1 = append(opts.Pages.D1, d)
	}
	for _, b := range binds {
		name, value, ok := strings.Cut(b, "=")
		if !ok || name == "" {
			return usagef("--binding %q: expected NAME=VALUE", b)
		}
		opts.Vars = append(opts.Vars, config.Var{Name: name, Value: value})
	}
	if len(pos) == 1 {
		p := st.abs(pos[0])
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			return fmt.Errorf("%s: no such directory (the static assets to serve)", pos[0])
		}
		opts.Pages.AssetsDir = p
	}

	return serve(st, opts)
}
