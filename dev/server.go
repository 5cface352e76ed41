package dev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"edgedev/assets"
	"edgedev/bindings"
	bindassets "edgedev/bindings/assets"
	"edgedev/bindings/builtin"
	"edgedev/bundler"
	"edgedev/config"
	"edgedev/durable"
	"edgedev/hint"
	"edgedev/kvcontrol"
	"edgedev/persist"
	"edgedev/runtime"
)

// Options configure a dev session. Zero values take the defaults noted.
type Options struct {
	// Dir is the project directory; the wrangler config is searched from
	// here upward. Default: the working directory.
	Dir string
	// ConfigPath names the config file explicitly (--config).
	ConfigPath string
	// Script overrides the config's main (edgedev dev src/index.ts).
	Script string
	// Env selects [env.NAME] and .dev.vars.NAME (--env).
	Env string
	// IP and Port to listen on; defaults: the config's [dev], then
	// 127.0.0.1:8787. Port -1 picks a free port (tests).
	IP   string
	Port int
	// PersistTo is the state directory (--persist-to); default
	// .edgedev/state next to the config.
	PersistTo string
	// Vars are --var KEY:VALUE flags; they override vars and secrets.
	Vars []config.Var
	// CPULimit per uninterrupted stretch of JS; 0 = runtime.DefaultCPULimit.
	CPULimit time.Duration
	// MemoryLimit in bytes of Go heap a worker may grow the process to;
	// 0 = runtime.DefaultMemoryLimit, negative = no limit.
	MemoryLimit int64
	// Stdout receives the start-up banner and the request log, Stderr
	// warnings and errors. Defaults: os.Stdout, os.Stderr.
	Stdout, Stderr io.Writer
	// Now is the clock for the worker and its bindings; default time.Now.
	Now func() time.Time
	// Watch rebuilds and swaps the worker when its files change.
	Watch bool
	// LiveReload injects a script into HTML responses that reloads the page
	// after each successful rebuild and shows build errors as an overlay.
	LiveReload bool
	// Pages serves a Cloudflare Pages project (edgedev pages dev) instead of
	// a worker; nil for a worker. See pages.go.
	Pages *PagesOptions
	// Consistency simulates KV's eventual consistency and picks the clock
	// (--kv-* and --clock flags); the zero value is off. See consistency.go.
	Consistency Consistency
	// NoDashboard turns off the dashboard at /cdn-cgi/edgedev/ and its
	// request log (--no-dashboard); see dashboard.go.
	NoDashboard bool
}

// Server is one running dev session.
type Server struct {
	opts Options
	log  *logger

	// mu serialises loading and reloading; the fields below it change only
	// under it. Requests never take it: they read active.
	mu          sync.Mutex
	cfg         *config.Config
	bundler     *bundler.Bundler
	bindings    []bindings.Named
	inputs      []string // files the last good build read
	watcher     *watcher
	pages       *pagesSession     // Pages mode only (pages.go)
	site        *bindassets.Site  // the assets table's directory, Workers only (assets.go)
	sim         *simulation       // clock and KV consistency simulation (consistency.go); set once in New
	session     *bindings.Session // the bindings' shared clock, state dir and stores; outlives reloads
	token       string            // the control token (control.go); written to the state dir at Start
	wroteToken  bool              // this server wrote the token file (and removes it at Shutdown)
	lastErr     string            // why the last change was not swapped in ("" when it was); guarded by mu
	announced   bool              // server.json written for the session's KV store (kvcontrol.go)
	announcedD1 bool              // d1/server.json written (d1control.go)

	// assetEvents counts file events in the assets directory (tests:
	// to know the watcher has seen a burst before asking for a page).
	assetEvents atomic.Int64

	active atomic.Pointer[build] // what requests run on now
	// retiring counts old workers still finishing their requests after a
	// swap; Shutdown waits for them.
	retiring sync.WaitGroup
	// stopping is cancelled when a Shutdown runs out of time: it cuts the
	// retiring workers' wait short too.
	stopping     context.Context
	stopRetiring context.CancelFunc

	control *http.ServeMux // /cdn-cgi/edgedev/..., loopback clients only
	reload  *broadcaster   // live-reload subscribers
	// requests are the recent requests the dashboard shows (dashboard.go).
	requests requestLog

	ln   net.Listener
	http *http.Server
	url  string
	// fresh holds connections that have not sent a byte yet. net/http's
	// Shutdown waits up to 5 s for such connections (an HTTP client's spare
	// keep-alive dial), so Shutdown closes them first.
	fresh sync.Map // net.Conn -> struct{}
}

// build is one result of bundling and loading: a worker, or the error that
// stopped it (served as a 500 page until a later build succeeds).
type build struct {
	worker *runtime.Worker
	err    error
	took   time.Duration
	pages  *pagesBuild // Pages mode: this build's routes and rules (pages.go)
	site   *siteBuild  // Workers assets: the router in front of the worker (assets.go)
}

// New loads the project: config (fatal on problems), bindings, bundle and
// worker. A build or load error is not fatal: the server starts and answers
// every request with it.
func New(opts Options) (*Server, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts.Dir = wd
	}
	s := &Server{opts: opts, log: newLogger(opts.Stdout, opts.Stderr), control: http.NewServeMux(), reload: newBroadcaster(), token: kvcontrol.NewToken()}
	s.stopping, s.stopRetiring = context.WithCancel(context.Background())
	if err := s.startConsistency(); err != nil { // consistency.go
		return nil, err
	}
	p, err := s.loadProject()
	if err != nil {
		return nil, err
	}
	s.cfg, s.bindings, s.bundler, s.site = p.cfg, p.bindings, p.bundler, p.site
	b := s.rebuild()
	s.active.Store(b)
	s.routeControl()
	if opts.Watch {
		if s.watcher, err = s.watch(); err != nil {
			_ = s.Shutdown(context.Background())
			return nil, err
		}
		s.mu.Lock()
		s.watchSiteTree() // assets.go
		s.mu.Unlock()
	}
	if err := s.startPages(); err != nil { // pages.go; nothing for a worker
		_ = s.Shutdown(context.Background())
		return nil, err
	}
	return s, nil
}

// project is what a config load produces.
type project struct {
	cfg      *config.Config
	bindings []bindings.Named
	bundler  *bundler.Bundler // nil for an assets-only project
	site     *bindassets.Site // nil without an assets table
}

// loadProject reads the config and dev vars and builds bindings and a
// bundler. Nothing is swapped in; on error nothing is left open.
func (s *Server) loadProject() (*project, error) {
	load := loadConfig
	if s.opts.Pages != nil {
		load = s.loadPagesConfig // pages.go
	}
	cfg, err := load(s.opts, s.log)
	if err != nil {
		return nil, err
	}
	secrets, err := config.LoadDevVars(cfg.Dir, cfg.Env)
	if err != nil {
		return nil, err
	}
	if s.session == nil {
		s.session = bindings.NewSession(bindings.SessionOptions{
			Now: s.opts.Now, StateDir: filepath.Dir(persist.Locate(s.opts.PersistTo, cfg.Dir)),
			Log: s.log.binding,
		})
	}
	site, err := s.openSite(cfg) // assets.go
	if err != nil {
		return nil, err
	}
	bs, err := builtin.Build(s.session, builtin.Sources{Config: cfg, Secrets: secrets.Vars, Flags: s.opts.Vars, KVConsistency: s.sim.kv, Assets: site})
	// A KV binding may have opened the store even if a later kind failed:
	// server.json says who holds it either way (kvcontrol.go).
	s.announceStore()
	if err != nil {
		return nil, err
	}
	if cfg.Main == "" && site != nil {
		return &project{cfg: cfg, bindings: bs, site: site}, nil // assets only
	}
	if _, err := os.Stat(cfg.Main); err != nil {
		_ = builtin.Close(bs)
		return nil, fmt.Errorf("the worker's entry %s does not exist; set `main` in %s or pass the script: edgedev dev src/index.ts", relTo(cfg.Dir, cfg.Main), configName(cfg))
	}
	bu, err := bundler.New(bundler.Options{Entry: cfg.Main, Dir: cfg.Dir, NodeCompat: string(cfg.Node().Mode), ConfigName: configName(cfg)})
	if err != nil {
		_ = builtin.Close(bs)
		return nil, err
	}
	return &project{cfg: cfg, bindings: bs, bundler: bu, site: site}, nil
}

// findConfig loads the config named by --config, or the one found upward
// from the project directory, printing its warnings; nil when there is none.
func findConfig(opts Options, log *logger) (*config.Config, error) {
	path := opts.ConfigPath
	if path == "" {
		p, err := config.Find(opts.Dir)
		switch {
		case err == nil:
			path = p
		case errors.Is(err, config.ErrNotFound):
			return nil, nil
		default:
			return nil, err
		}
	}
	cfg, warnings, err := config.Load(path, opts.Env)
	for _, w := range warnings {
		log.warn(w.String())
	}
	return cfg, err
}

// loadConfig finds and parses the wrangler config, or builds a minimal one
// from a script argument when there is none.
func loadConfig(opts Options, log *logger) (*config.Config, error) {
	cfg, err := findConfig(opts, log)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		if opts.Script == "" {
			return nil, hint.With(fmt.Errorf("no wrangler.json, wrangler.jsonc or wrangler.toml in %s or any parent directory, and no script given.", opts.Dir),
				"create a wrangler.toml with `main = \"src/index.ts\"`, or run `edgedev dev src/index.ts`")
		}
		cfg = &config.Config{Dir: opts.Dir, Name: filepath.Base(opts.Dir)}
	}
	if opts.Script != "" {
		script := opts.Script
		if !filepath.IsAbs(script) {
			wd, _ := os.Getwd()
			script = filepath.Join(wd, script)
		}
		cfg.Main = script
	}
	if cfg.Main == "" && cfg.Assets == nil {
		return nil, hint.With(fmt.Errorf("%s has no `main` entry, so edgedev does not know which script to run.", configName(cfg)),
			"add `main = \"src/index.ts\"` to it, or pass the script: edgedev dev src/index.ts")
	}
	return cfg, nil
}

// rebuild bundles and loads the worker once. Caller holds mu (or is New).
func (s *Server) rebuild() *build {
	start := time.Now()
	// Workers assets: the router serves them even while the worker fails.
	var sb *siteBuild
	if s.site != nil {
		sb = &siteBuild{site: s.site, routing: routingFor(s.cfg)}
		if s.bundler == nil {
			return &build{took: time.Since(start), site: sb} // assets only: nothing to build
		}
	}
	pb, err := s.preparePages() // pages.go: rescan functions/, rewrite the entry; nil for a worker
	if err != nil {
		return &build{err: err, took: time.Since(start)}
	}
	res, err := s.bundler.Build()
	if err != nil {
		return &build{err: err, took: time.Since(start), site: sb}
	}
	s.inputs = res.Inputs
	for _, w := range res.Warnings {
		s.log.diagnostic(w)
	}
	limit := s.opts.CPULimit
	if limit == 0 && s.cfg.Limits.CPUMs > 0 {
		limit = time.Duration(s.cfg.Limits.CPUMs) * time.Millisecond
	}
	nc := s.cfg.Node()
	w, err := runtime.New(runtime.Options{
		Script: res.Script, Filename: res.Filename, GlobalName: res.GlobalName,
		Bindings: pb.bindings(builtin.Env(s.bindings)), CPULimit: limit, MemoryLimit: s.opts.MemoryLimit, Now: s.opts.Now,
		Log: s.log.console, Node: runtime.NodeCompat{Mode: string(nc.Mode), PopulateProcessEnv: nc.PopulateProcessEnv, Flags: nc.Flags},
	})
	if err == nil {
		if err = s.checkDurableClasses(w); err != nil {
			w.Close(context.Background())
			w = nil
		}
	}
	return &build{worker: w, err: err, took: time.Since(start), pages: pb, site: sb}
}

// checkDurableClasses fails the build when a Durable Object binding names
// a class the worker does not export, with workerd's words (which it only
// warns at start-up, then throws on first use) and where to fix it.
func (s *Server) checkDurableClasses(w *runtime.Worker) error {
	if len(s.cfg.DurableObjects) == 0 {
		return nil
	}
	return w.RunOnLoop(func(vm *goja.Runtime) error {
		exports := vm.Get(durable.EntryGlobal)
		for i, b := range s.cfg.DurableObjects {
			var c goja.Value
			if o, ok := exports.(*goja.Object); ok {
				c = o.Get(b.ClassName)
			}
			if _, ok := goja.AssertFunction(c); !ok {
				return hint.With(fmt.Errorf("Worker does not export a Durable Object class named %q (durable_objects.bindings[%d] %q in %s)", b.ClassName, i, b.Name, filepath.Base(s.cfg.Path)),
					fmt.Sprintf("export it from the worker's entry: export class %s extends DurableObject { ... } (import { DurableObject } from \"cloudflare:workers\")", b.ClassName))
			}
		}
		return nil
	})
}

// Start listens and serves in the background. It returns once the listener
// is open; URL is valid after it.
func (s *Server) Start() error {
	ip, port := s.opts.IP, s.opts.Port
	if ip == "" {
		ip = s.cfg.Dev.IP
	}
	if ip == "" || ip == "localhost" {
		ip = "127.0.0.1"
	}
	if port == 0 {
		port = s.cfg.Dev.Port
	}
	if port == 0 {
		port = 8787
	}
	if port < 0 {
		port = 0
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(ip, fmt.Sprint(port)))
	if err != nil {
		return hint.With(fmt.Errorf("listen on %s:%d: %w", ip, port, err), "another process uses the port; pick another with --port")
	}
	s.ln = ln
	s.url = "http://" + ln.Addr().String()
	// A second server on the same state dir (another port, no KV store
	// to fight over) shares the token there rather than overwriting it,
	// so the first one's clients keep working.
	if t, err := kvcontrol.ReadToken(s.stateDir()); err == nil && len(t) == len(s.token) {
		s.token = t
	} else if err := kvcontrol.WriteToken(s.stateDir(), s.token); err != nil {
		s.log.warn(fmt.Sprintf("could not write %s, so `edgedev kv` and control requests that change state cannot reach this server: %v", kvcontrol.TokenFile(s.stateDir()), err))
	} else {
		s.wroteToken = true
	}
	// A client has 30 s to send its headers; a keep-alive connection idle
	// for 75 s is closed (nginx's default); a stalled body is ended by the
	// runtime (runtime.BodyIdleTimeout).
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 30 * time.Second, IdleTimeout: 75 * time.Second, ConnState: func(c net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.fresh.Store(c, struct{}{})
		} else {
			s.fresh.Delete(c)
		}
	}}
	s.banner()
	s.announce()
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.error("server: " + err.Error())
		}
	}()
	return nil
}

// URL is where the server listens, e.g. http://127.0.0.1:8787.
func (s *Server) URL() string { return s.url }

// Shutdown stops accepting connections, lets requests in flight and their
// waitUntil work finish (until ctx ends), then closes the bindings and the
// store.
func (s *Server) Shutdown(ctx context.Context) error {
	var errs []error
	defer context.AfterFunc(ctx, s.stopRetiring)()
	if s.watcher != nil {
		s.watcher.close()
	}
	s.reload.close()
	if s.http != nil {
		done := make(chan error, 1)
		go func() { done <- s.http.Shutdown(ctx) }()
		s.fresh.Range(func(c, _ any) bool {
			_ = c.(net.Conn).Close()
			return true
		})
		if err := <-done; err != nil {
			errs = append(errs, fmt.Errorf("connections still answering requests: %w", err))
		}
	}
	s.stopPages() // pages.go
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.active.Load(); b != nil && b.worker != nil {
		errs = append(errs, b.worker.Close(ctx))
	}
	s.retiring.Wait()
	if s.bundler != nil {
		s.bundler.Close()
	}
	errs = append(errs, builtin.Close(s.bindings))
	s.retractStore()
	s.retractD1()
	if s.wroteToken {
		kvcontrol.RemoveToken(s.stateDir(), s.token)
	}
	if s.session != nil {
		errs = append(errs, s.session.Close())
	}
	s.log.close()
	return errors.Join(errs...)
}

// ServeHTTP is the front door for every request.
func (s *Server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, runtime.ControlPrefix) {
		s.serveControl(rw, r)
		return
	}
	start := time.Now()
	var id uint64 // the request's entry in the dashboard's log; 0 without one
	if !s.opts.NoDashboard {
		id = s.requests.reserve()
	}
	if s.opts.LiveReload {
		lw := &liveReloadWriter{ResponseWriter: rw}
		defer lw.finish()
		rw = lw
	}
	b := s.active.Load()
	status, err := 0, b.err
	in, lerr := s.incoming(r) // consistency.go: the simulated location serving r
	if lerr != nil {
		status, err = http.StatusBadRequest, lerr
		http.Error(rw, lerr.Error(), status)
	} else if b.pages != nil {
		status, err = s.servePages(rw, r, b, in) // pages.go: static assets or the worker
	} else if b.site != nil {
		status, err = s.serveSite(rw, r, b, in) // assets.go: the assets table's router
	} else if b.worker != nil {
		status, err = s.serveWorker(rw, r, b, in)
	}
	if err != nil && status == 0 {
		status = http.StatusInternalServerError
		s.writeErrorPage(rw, r, err, id, in.Location) // errorpage.go
	}
	took := time.Since(start)
	s.log.requestAt(r.Method, r.RequestURI, in.Location, status, took, err)
	s.logRequest(id, r, in.Location, status, took, err) // dashboard.go
}

func (s *Server) banner() {
	if s.opts.Pages != nil {
		s.pagesBanner() // pages.go
		return
	}
	cfg := s.cfg
	var sb strings.Builder
	name := cfg.Name
	if name == "" {
		name = filepath.Base(cfg.Dir)
	}
	entry := "assets only"
	if cfg.Main != "" {
		entry = relTo(cfg.Dir, cfg.Main)
	}
	fmt.Fprintf(&sb, "edgedev dev: %s (%s", name, entry)
	if cfg.Path != "" {
		fmt.Fprintf(&sb, ", config %s", relTo(cfg.Dir, cfg.Path))
	}
	if cfg.Env != "" {
		fmt.Fprintf(&sb, ", env %s", cfg.Env)
	}
	sb.WriteString(")\n")
	if len(s.bindings) == 0 {
		sb.WriteString("No bindings.\n")
	} else {
		sb.WriteString("Your worker has access to the following bindings:\n")
		w1, w2 := len("Binding"), len("Type")
		for _, b := range s.bindings {
			w1 = max(w1, len("env.")+len(b.Name))
			w2 = max(w2, len(b.Kind))
		}
		fmt.Fprintf(&sb, "  %-*s  %-*s  %s\n", w1, "Binding", w2, "Type", "Value")
		for _, b := range s.bindings {
			fmt.Fprintf(&sb, "  %-*s  %-*s  %s\n", w1, envName(b), w2, b.Kind, b.Detail)
		}
	}
	if s.site != nil {
		sb.WriteString(describeSite(s.cfg))
	}
	if b := s.active.Load(); b.err != nil {
		fmt.Fprintf(&sb, "The worker failed to start; every request answers 500 until it is fixed:\n%s\n", b.err)
	} else {
		fmt.Fprintf(&sb, "Built and loaded in %s.\n", b.took.Round(100*time.Microsecond))
	}
	s.consistencyBanner(&sb) // consistency.go
	fmt.Fprintf(&sb, "Ready on %s\n", s.url)
	s.dashboardBanner(&sb)
	s.log.print(sb.String())
}

// envName is how the start-up table names a binding: env.NAME, or the bare
// name for a row without an env entry (a queue consumer).
func envName(b bindings.Named) string {
	if b.Binding == nil {
		return b.Name
	}
	return "env." + b.Name
}

// describeSite is the start-up line for the assets table.
func describeSite(cfg *config.Config) string {
	a := cfg.Assets
	html, nf := a.HTMLHandling, a.NotFoundHandling
	if html == "" {
		html = string(assets.AutoTrailingSlash)
	}
	if nf == "" {
		nf = string(assets.NotFoundNone)
	}
	first := "assets first, then the worker"
	switch {
	case cfg.Main == "":
		first = "no worker: every request is served from the assets"
	case a.RunWorkerFirst:
		first = "the worker first for every request"
	case len(a.RunWorkerFirstRoutes) > 0:
		first = "the worker first for " + strings.Join(a.RunWorkerFirstRoutes, " ")
	}
	return fmt.Sprintf("Assets: %s (html_handling %s, not_found_handling %s; %s)\n", relTo(cfg.Dir, a.Directory)+string(filepath.Separator), html, nf, first)
}

func relTo(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

func configName(cfg *config.Config) string {
	if cfg.Path == "" {
		return "the wrangler config"
	}
	return filepath.Base(cfg.Path)
}
