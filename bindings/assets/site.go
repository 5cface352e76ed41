package assets

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"

	"edgedev/assets"
	"edgedev/bindings"
	"edgedev/config"
)

// Site is a Workers project's assets directory as a dev session serves it:
// the directory (opened once per session, so its file cache outlives
// reloads) and the current Server, whose _headers, _redirects and
// .assetsignore are read again after the directory changes. Both the dev
// server's front door and env.ASSETS serve through it, so they always
// agree.
//
// A Site is safe for concurrent use.
type Site struct {
	files *assets.Files
	cfg   config.Assets
	log   func(level, line string)

	cur       atomic.Pointer[assets.Server]
	dirty     atomic.Bool  // the directory changed since cur was read
	refreshes atomic.Int64 // how many times the rules were read again
}

// Open opens the assets directory of c through the session (once per
// directory) and reads its rule files. A missing directory is an error
// that names it, unlike wrangler, which serves an empty one: a typo in
// directory should not look like a site with no files.
func Open(s *bindings.Session, c *config.Assets) (*Site, error) {
	if fi, err := os.Stat(c.Directory); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("the assets directory %s (assets.directory in %s) does not exist or is not a directory; build the site first, or fix the path", c.Directory, filepath.Base(c.File))
	}
	res, err := s.Open("assets:"+c.Directory, func() (io.Closer, error) { return assets.Open(c.Directory) })
	if err != nil {
		return nil, err
	}
	st := &Site{files: res.(*assets.Files), cfg: *c, log: s.Log}
	srv, warnings := st.load()
	for _, w := range warnings {
		st.log("warn", w.String())
	}
	st.cur.Store(srv)
	return st, nil
}

// Server is the current server. If the directory changed since the last
// call (Changed), it reads the rule files again first: however many files a
// build tool wrote, the next request refreshes once.
func (st *Site) Server() *assets.Server {
	if st.dirty.Load() && st.dirty.Swap(false) {
		st.refresh()
	}
	return st.cur.Load()
}

// Changed records that something in the directory changed; the next
// Server call refreshes. It is cheap and safe from any goroutine (the
// file watcher calls it for every event).
func (st *Site) Changed() { st.dirty.Store(true) }

// Refreshes is how many times the rule files were read again.
func (st *Site) Refreshes() int64 { return st.refreshes.Load() }

// Dir is the directory served.
func (st *Site) Dir() string { return st.cfg.Directory }

// Config is the assets table the site was opened with.
func (st *Site) Config() config.Assets { return st.cfg }

func (st *Site) refresh() {
	st.refreshes.Add(1)
	st.files.Forget()
	srv, warnings := st.load()
	for _, w := range warnings {
		st.log("warn", w.String())
	}
	st.cur.Store(srv)
}

// load reads _headers, _redirects and .assetsignore.
func (st *Site) load() (*assets.Server, []assets.Warning) {
	dir := st.cfg.Directory
	o := assets.Options{HTMLHandling: assets.HTMLHandling(st.cfg.HTMLHandling), NotFound: assets.NotFoundHandling(st.cfg.NotFoundHandling)}
	var warnings []assets.Warning
	label := func(name string) string { return filepath.Join(filepath.Base(dir), name) }
	if src, err := readOptional(filepath.Join(dir, "_headers")); err != nil {
		warnings = append(warnings, assets.Warning{File: label("_headers"), Message: err.Error()})
	} else if src != nil {
		var ws []assets.Warning
		o.Headers, ws = assets.ParseHeaders(string(src), label("_headers"))
		warnings = append(warnings, ws...)
	}
	if src, err := readOptional(filepath.Join(dir, "_redirects")); err != nil {
		warnings = append(warnings, assets.Warning{File: label("_redirects"), Message: err.Error()})
	} else if src != nil {
		var ws []assets.Warning
		o.Redirects, ws = assets.ParseRedirects(string(src), label("_redirects"))
		warnings = append(warnings, ws...)
	}
	if src, err := readOptional(filepath.Join(dir, ".assetsignore")); err == nil && src != nil {
		o.Ignore = assets.ParseIgnore(string(src))
	}
	return st.files.With(o), warnings
}

func readOptional(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// Bindings is the kind's factory: env[assets.binding] when the config
// names one. site is the session's open Site for c (dev opens it first,
// since its front door serves from it too); nil opens one.
func Bindings(s *bindings.Session, c *config.Assets, site *Site) ([]bindings.Named, error) {
	if c == nil || c.Binding == "" {
		return nil, nil
	}
	if site == nil {
		var err error
		if site, err = Open(s, c); err != nil {
			return nil, err
		}
	}
	return []bindings.Named{{Name: c.Binding, Kind: "Assets", Detail: site.Dir(), Binding: &assetsBinding{site: site}}}, nil
}
