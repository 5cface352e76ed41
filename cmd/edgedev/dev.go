package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"edgedev/config"
	"edgedev/dev"
	"edgedev/runtime"
)

const devUsage = `Usage: edgedev dev [DIR|SCRIPT] [flags]

Serves the worker in DIR (default: the current directory; its wrangler.json,
wrangler.jsonc or wrangler.toml is found by searching upward) or the given
SCRIPT on http://127.0.0.1:8787.

Flags:
`

func runDev(st *state, args []string) error {
	fs := flag.NewFlagSet("dev", flag.ContinueOnError)
	fs.SetOutput(st.stderr)
	fs.Usage = func() { fmt.Fprint(st.stderr, devUsage); fs.PrintDefaults() }
	var (
		configPath = fs.String("config", "", "path to the wrangler config file")
		env        = fs.String("env", "", "use [env.`NAME`] from the config and .dev.vars.NAME")
		port       = fs.Int("port", 0, "port to listen on (default: [dev] port, else 8787)")
		ip         = fs.String("ip", "", "address to listen on (default: [dev] ip, else 127.0.0.1)")
		persistTo  = fs.String("persist-to", "", "`DIR` for local state (default .edgedev/state next to the config)")
		cpuLimit   = fs.Duration("cpu-limit", 0, "stop JS that runs this long without yielding (default 10s; goja is slower than V8, so this is an estimate, not the platform's CPU limit)")
		memLimit   = fs.Int64("memory-limit", runtime.DefaultMemoryLimit>>20, "`MB` of heap a worker may grow edgedev to before it is stopped with the platform's \"Worker exceeded memory limit\" and restarted; 0 turns the limit off")
		noWatch    = fs.Bool("no-watch", false, "do not rebuild when files change")
		liveReload = fs.Bool("live-reload", false, "reload browser pages after each rebuild and show build errors in them")
		noDash     = fs.Bool("no-dashboard", false, "do not serve the dashboard at /cdn-cgi/edgedev/ (nor keep its request log)")
		cpuProfile = fs.String("cpuprofile", "", "write a Go CPU profile of the server to `FILE` (for edgedev's own performance work)")
		vars       multiFlag
	)
	consistency := addConsistencyFlags(fs) // consistency.go
	fs.Var(&vars, "var", "set a var, overriding config and .dev.vars: `KEY:VALUE` (repeatable)")
	fs.StringVar(configPath, "c", "", "short for --config")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("dev takes one DIR or SCRIPT, got %d: %v", len(pos), pos)
	}
	cons, err := consistency.options()
	if err != nil {
		return usagef("%v", err)
	}
	opts := dev.Options{
		Dir: st.wd, ConfigPath: *configPath, Env: *env, IP: *ip, Port: *port,
		PersistTo: *persistTo, CPULimit: *cpuLimit, MemoryLimit: memoryLimit(*memLimit), Stdout: st.stdout, Stderr: st.stderr,
		Watch: !*noWatch, LiveReload: *liveReload, Consistency: cons, NoDashboard: *noDash,
	}
	opts.PersistTo, opts.ConfigPath = st.abs(opts.PersistTo), st.abs(opts.ConfigPath)
	for _, v := range vars {
		pv, err := config.ParseVarFlag(v)
		if err != nil {
			return usagef("--var %s: %v", v, err)
		}
		opts.Vars = append(opts.Vars, pv)
	}
	if len(pos) == 1 {
		p := st.abs(pos[0])
		fi, err := os.Stat(p)
		switch {
		case err != nil:
			return fmt.Errorf("%s: no such file or directory", pos[0])
		case fi.IsDir():
			opts.Dir = p
		default:
			opts.Script = p
		}
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	return serve(st, opts)
}

// serve runs a dev session until SIGINT/SIGTERM (or st.ctx ends), then
// shuts it down gracefully: requests in flight and their waitUntil work get
// 10 s; a second signal cuts that short.
func serve(st *state, opts dev.Options) error {
	srv, err := dev.New(opts)
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		_ = srv.Shutdown(context.Background())
		return err
	}
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sig)
	select {
	case <-sig:
	case <-st.ctx.Done():
	}
	fmt.Fprintln(st.stderr, "\nshutting down: letting requests in flight finish (press Ctrl-C again to quit now)")
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(ctx) }()
	select {
	case err := <-done:
		if err != nil && ctx.Err() != nil {
			// Out of time: say what was left behind; stopping was still
			// what the user asked for, so it is not a failure.
			fmt.Fprintf(st.stderr, "edgedev: stopped after waiting %s; abandoned: %v\n", shutdownGrace, err)
			return nil
		}
		return err
	case <-sig:
		// Everything acknowledged is already on disk (persist fsyncs
		// before a write is acknowledged), so quitting now loses nothing
		// a worker was told was saved.
		fmt.Fprintln(st.stderr, "edgedev: quitting now, without waiting for requests in flight")
		return nil
	case <-time.After(shutdownGrace + 2*time.Second):
		// Shutdown itself is stuck (a reload holding the server, a loop
		// that does not answer): the grace period is a promise.
		fmt.Fprintf(st.stderr, "edgedev: stopped after waiting %s; the dev server did not finish shutting down\n", shutdownGrace)
		return nil
	}
}

// shutdownGrace is how long a graceful shutdown waits for requests in
// flight and their waitUntil work.
const shutdownGrace = 10 * time.Second

// memoryLimit turns the --memory-limit flag (MB; 0 is off) into
// dev.Options.MemoryLimit (bytes; negative is off).
func memoryLimit(mb int64) int64 {
	if mb <= 0 {
		return -1
	}
	return mb << 20
}
