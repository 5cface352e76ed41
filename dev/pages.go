package dev

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"edgedev/assets"
	"edgedev/bindings"
	"edgedev/config"
	"edgedev/pages"
	"edgedev/runtime"
)

// This file is the dev server's side of `edgedev pages dev`: it turns a
// Pages project into the worker the rest of the server knows how to run
// (the generated entry, see package pages), serves static assets and
// _routes.json exclusions from Go in front of that worker, prints the route
// table, and watches the functions and assets trees.

// PagesOptions configure `edgedev pages dev`.
type PagesOptions struct {
	// AssetsDir is the static assets directory (the command's argument),
	// absolute; "" means pages_build_output_dir from the wrangler config.
	AssetsDir string
	// KV are --kv flags, BINDING or BINDING=ID; the local namespace id is
	// the binding name unless ID is given, as with wrangler pages dev.
	KV []string
	// D1 are --d1 flags, BINDING or BINDING=ID: D1 databases bound in
	// addition to (or in place of, by binding) the config's; the local id
	// is ID, else the binding name.
	D1 []string
	// CompatibilityDate overrides the config's compatibility_date.
	CompatibilityDate string
}

// DefaultPagesPort is wrangler pages dev's default port.
const DefaultPagesPort = 8788

// errNoAssetsDir is wrangler's message, byte for byte.
var errNoAssetsDir = errors.New("Must specify a directory of static assets to serve, or a command to run, or a proxy port, or configure `pages_build_output_dir` in your Wrangler configuration file.")

// pagesSession is what a Pages dev session keeps across builds.
type pagesSession struct {
	project *pages.Project
	assets  *assets.Files // shared by every build; each applies its own rules

	warned string // the warnings printed last, so that a rebuild does not repeat them

	closeOnce sync.Once
}

// pagesBuild is one build of the project: the route table and rules the Go
// front uses, matching the entry the worker was bundled from.
type pagesBuild struct {
	*pages.Build
	assets *assets.Files
}

// bindings are the env entries of a build: the user's plus ASSETS (and the
// entry's router). For a worker (nil receiver) just the user's.
func (pb *pagesBuild) bindings(user []bindings.Named) []bindings.Named {
	if pb == nil {
		return user
	}
	return pb.Build.Bindings(user, pb.assets)
}

// loadPagesConfig is loadConfig for Pages: the wrangler config counts only
// if it has pages_build_output_dir; the project directory is the config's
// directory or the working directory; the entry is the generated one.
func (s *Server) loadPagesConfig(opts Options, log *logger) (*config.Config, error) {
	po := opts.Pages
	c, err := findConfig(opts, log)
	if err != nil {
		return nil, err
	}
	var cfg *config.Config
	if c != nil {
		if c.PagesBuildOutputDir == "" {
			log.warn(fmt.Sprintf("ignoring %s: it has no pages_build_output_dir, so it is not a Pages project's configuration", relTo(opts.Dir, c.Path)))
		} else {
			cfg = c
		}
	}
	if cfg == nil {
		cfg = &config.Config{Dir: opts.Dir, Name: filepath.Base(opts.Dir)}
	}
	assetsDir := po.AssetsDir
	if assetsDir == "" {
		assetsDir = cfg.PagesBuildOutputDir
	}
	if assetsDir == "" {
		return nil, errNoAssetsDir
	}
	if po.CompatibilityDate != "" {
		cfg.CompatibilityDate = po.CompatibilityDate
	}
	if cfg.Dev.Port == 0 {
		cfg.Dev.Port = DefaultPagesPort
	}
	name := cfg.Name
	if name == "" {
		name = filepath.Base(cfg.Dir)
	}
	var platform []config.Var
	for _, v := range pages.PlatformVars(cfg.Dir, name) {
		platform = append(platform, config.Var{Name: v.Name, Value: v.Value})
	}
	cfg.Vars = append(platform, cfg.Vars...) // the config's own vars override them
	for _, flag := range po.KV {
		binding, id, _ := strings.Cut(flag, "=")
		ns := config.KVNamespace{Binding: binding, ID: id}
		if i := slices.IndexFunc(cfg.KVNamespaces, func(k config.KVNamespace) bool { return k.Binding == binding }); i >= 0 {
			cfg.KVNamespaces[i] = ns
		} else {
			cfg.KVNamespaces = append(cfg.KVNamespaces, ns)
		}
	}
	for _, flag := range po.D1 {
		binding, id, _ := strings.Cut(flag, "=")
		db := config.D1Database{Binding: binding, DatabaseID: id, MigrationsDir: filepath.Join(cfg.Dir, "migrations"), MigrationsTable: "d1_migrations"}
		if i := slices.IndexFunc(cfg.D1Databases, func(d config.D1Database) bool { return d.Binding == binding }); i >= 0 {
			cfg.D1Databases[i] = db
		} else {
			cfg.D1Databases = append(cfg.D1Databases, db)
		}
	}

	if s.pages == nil {
		proj := pages.NewProject(cfg.Dir, assetsDir)
		if fi, err := os.Stat(assetsDir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("the static assets directory %s does not exist or is not a directory", relTo(opts.Dir, assetsDir))
		}
		a, err := assets.Open(assetsDir)
		if err != nil {
			return nil, err
		}
		s.pages = &pagesSession{project: proj, assets: a}
	} else if s.pages.project.AssetsDir != assetsDir || s.pages.project.Dir != cfg.Dir {
		log.warn("the Pages output directory or project directory changed in the config: restart edgedev pages dev to serve the new one")
	}
	cfg.Main = s.pages.project.EntryPath()
	if _, err := os.Stat(cfg.Main); err != nil {
		// The bundler needs the file to exist; each build rewrites it.
		if err := pages.WriteEntry(cfg.Main, "export default {};\n"); err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

// preparePages reads the project again and rewrites the entry before a
// bundle. Caller holds mu (or is New). Nil for a worker.
func (s *Server) preparePages() (*pagesBuild, error) {
	if s.pages == nil {
		return nil, nil
	}
	b, err := s.pages.project.Load()
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	for _, w := range b.Warnings {
		sb.WriteString(w.String() + "\n")
	}
	if text := sb.String(); text != s.pages.warned {
		s.pages.warned = text
		for _, w := range b.Warnings {
			s.log.warn(w.String())
		}
	}
	if err := pages.WriteEntry(s.pages.project.EntryPath(), b.Entry); err != nil {
		return nil, err
	}
	if s.watcher != nil {
		s.watchPagesTrees()
	}
	return &pagesBuild{Build: b, assets: s.pages.assets}, nil
}

// servePages answers one request of a Pages build: static assets straight
// from Go when no function can run for it, otherwise the worker.
func (s *Server) servePages(rw http.ResponseWriter, r *http.Request, b *build, in runtime.Incoming) (int, error) {
	return b.pages.Serve(rw, r, s.pages.assets, func(rw http.ResponseWriter, r *http.Request) (int, error) {
		if b.worker == nil {
			return 0, b.err
		}
		status, err := b.worker.Serve(rw, r, in)
		if errors.Is(err, runtime.ErrClosed) {
			if nb := s.active.Load(); nb != b && nb.worker != nil {
				status, err = nb.worker.Serve(rw, r, in)
			}
		}
		return status, err
	})
}

// pagesBanner is the start-up text of pages dev: where the assets are, the
// route table, the rule files, the bindings.
func (s *Server) pagesBanner() {
	p := s.pages.project
	var sb strings.Builder
	fmt.Fprintf(&sb, "edgedev pages dev: %s", relTo(s.cfg.Dir, p.AssetsDir)+string(filepath.Separator))
	if s.cfg.Path != "" {
		fmt.Fprintf(&sb, " (config %s)", relTo(s.cfg.Dir, s.cfg.Path))
	}
	sb.WriteString("\n")
	b := s.active.Load()
	if b.pages != nil {
		sb.WriteString(describePagesBuild(b.pages.Build, p))
	}
	shown := append(slices.Clone(s.bindings), bindings.Named{Name: pages.AssetsBindingName, Kind: "assets", Detail: relTo(s.cfg.Dir, p.AssetsDir)})
	sb.WriteString("Your functions have access to the following bindings:\n")
	w1, w2 := len("Binding"), len("Type")
	for _, n := range shown {
		w1 = max(w1, len("env.")+len(n.Name))
		w2 = max(w2, len(n.Kind))
	}
	fmt.Fprintf(&sb, "  %-*s  %-*s  %s\n", w1, "Binding", w2, "Type", "Value")
	for _, n := range shown {
		fmt.Fprintf(&sb, "  %-*s  %-*s  %s\n", w1, "env."+n.Name, w2, n.Kind, n.Detail)
	}
	s.consistencyBanner(&sb)
	if b.err != nil {
		fmt.Fprintf(&sb, "The functions failed to build; requests answer 500 until they are fixed:\n%s\n", b.err)
	} else {
		fmt.Fprintf(&sb, "Built and loaded in %s.\n", b.took.Round(100*time.Microsecond))
	}
	fmt.Fprintf(&sb, "Ready on %s\n", s.url)
	s.dashboardBanner(&sb)
	s.log.print(sb.String())
}

// describePagesBuild renders the route table and the rule files.
func describePagesBuild(b *pages.Build, p *pages.Project) string {
	var sb strings.Builder
	if b.Worker != "" {
		fmt.Fprintf(&sb, "Advanced mode: %s handles every request (env.ASSETS serves the static files).\n", relTo(p.Dir, b.Worker))
	} else if len(b.Table.Routes) == 0 {
		fmt.Fprintf(&sb, "No functions (%s has no onRequest handlers): static assets only.\n", relTo(p.Dir, p.FunctionsDir)+"/")
	} else {
		fmt.Fprintf(&sb, "Routes (%s, in the order they are tried):\n", relTo(p.Dir, p.FunctionsDir)+"/")
		rows := [][3]string{}
		w0, w1 := len("METHOD"), 0
		for _, r := range b.Table.Routes {
			method := r.Method
			if method == "" {
				method = "*"
			}
			if r.Middleware != nil {
				rows = append(rows, [3]string{method, r.Path + " (middleware)", r.Middleware.String()})
			}
			if r.Handler != nil {
				rows = append(rows, [3]string{method, r.Path, r.Handler.String()})
			}
		}
		for _, row := range rows {
			w0 = max(w0, len(row[0]))
			w1 = max(w1, len(row[1]))
		}
		for _, row := range rows {
			fmt.Fprintf(&sb, "  %-*s  %-*s  %s\n", w0, row[0], w1, row[1], row[2])
		}
	}
	if b.Routes != nil {
		fmt.Fprintf(&sb, "_routes.json: functions run for %s", strings.Join(b.Routes.Include, " "))
		if len(b.Routes.Exclude) > 0 {
			fmt.Fprintf(&sb, ", except %s", strings.Join(b.Routes.Exclude, " "))
		}
		sb.WriteString("\n")
	}
	if b.Headers != nil || b.Redirects != nil {
		fmt.Fprintf(&sb, "_headers: %d rules, _redirects: %d rules\n", b.Headers.Len(), b.Redirects.Len())
	}
	return sb.String()
}

// ---- watching ---------------------------------------------------------------

// startPages runs after the first build: it puts the functions and assets
// trees under the file watcher (classifyPages says what their events mean).
func (s *Server) startPages() error {
	if s.pages == nil || s.watcher == nil {
		return nil
	}
	s.mu.Lock()
	s.watchPagesTrees()
	s.mu.Unlock()
	return nil
}

// stopPages releases the assets directory.
func (s *Server) stopPages() {
	if s.pages == nil {
		return
	}
	s.pages.closeOnce.Do(func() { _ = s.pages.assets.Close() })
}

// watchPagesTrees adds every directory of the project root (itself only),
// functions/ and the assets directory to the watcher. Caller holds mu.
func (s *Server) watchPagesTrees() {
	p := s.pages.project
	add := func(dir string) {
		if s.watcher != nil && !s.watcher.dirs[dir] {
			if err := s.watcher.fs.Add(dir); err == nil {
				s.watcher.dirs[dir] = true
			}
		}
	}
	add(p.Dir)
	for _, root := range []string{p.FunctionsDir, p.AssetsDir} {
		_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			add(path)
			return nil
		})
	}
}

// classifyPages says what a file event means for a Pages project: source
// and config changes rebuild (as for a worker); a new directory under
// functions/ or the assets is watched too; _headers and _redirects rebuild
// the rules; any other asset (a stylesheet, an image) is served fresh
// already, so the browser only needs a live reload.
func (s *Server) classifyPages(name string, op fsnotify.Op) watchAction {
	if relevant(name) {
		return actRebuild
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || base == "4913" {
		return actIgnore
	}
	p := s.pages.project
	inside := func(dir string) bool {
		return name == dir || strings.HasPrefix(name, dir+string(filepath.Separator))
	}
	switch {
	case op&fsnotify.Create != 0 && isDir(name) && (inside(p.FunctionsDir) || inside(p.AssetsDir)):
		s.mu.Lock()
		s.watchPagesTrees()
		s.mu.Unlock()
		if inside(p.FunctionsDir) {
			return actRebuild
		}
		return actLiveReload
	case base == "_headers" || base == "_redirects":
		return actRebuild
	case inside(p.AssetsDir):
		return actLiveReload
	}
	return actIgnore
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
