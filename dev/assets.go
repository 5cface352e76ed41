package dev

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"edgedev/assets"
	bindassets "edgedev/bindings/assets"
	"edgedev/config"
	"edgedev/pages"
	"edgedev/runtime"
	"edgedev/weburl"
)

// This file is the dev server's side of Workers Static Assets (the
// `assets` table): the router in front of the worker (assets first, unless
// run_worker_first says otherwise; the worker for a miss), an assets-only
// project without `main`, and watching the assets directory, whose changes
// never rebuild the worker.

// siteBuild is what one build serves its assets with.
type siteBuild struct {
	site    *bindassets.Site
	routing assets.Routing
}

// navigationFlagDate is when assets_navigation_prefers_asset_serving
// became the default (workers-shared asset-worker compatibility-flags.ts).
const navigationFlagDate = "2025-04-01"

// openSite opens the config's assets directory (once per session) and
// checks the assets-only rules, with wrangler's messages.
func (s *Server) openSite(cfg *config.Config) (*bindassets.Site, error) {
	a := cfg.Assets
	if a == nil || s.opts.Pages != nil {
		return nil, nil
	}
	if cfg.Main == "" {
		where := fmt.Sprintf("%s:%d", relTo(cfg.Dir, a.File), a.Line)
		switch {
		case a.Binding != "":
			return nil, fmt.Errorf("%s: Cannot use assets with a binding in an assets-only Worker.\nPlease remove the asset binding from your configuration file, or provide a Worker script in your configuration file (`main`).", where)
		case a.RunWorkerFirst || len(a.RunWorkerFirstRoutes) > 0:
			return nil, fmt.Errorf("%s: Cannot set run_worker_first without a Worker script.\nPlease remove run_worker_first from your configuration file, or provide a Worker script in your configuration file (`main`).", where)
		}
	}
	return bindassets.Open(s.session, a)
}

// routingFor is the router's configuration for cfg.
func routingFor(cfg *config.Config) assets.Routing {
	a := cfg.Assets
	r := assets.Routing{HasWorker: cfg.Main != "", WorkerFirst: a.RunWorkerFirst}
	for _, p := range a.RunWorkerFirstRoutes {
		if neg, ok := strings.CutPrefix(p, "!"); ok {
			r.Exclude = append(r.Exclude, assets.CompileRoute(neg))
		} else {
			r.Include = append(r.Include, assets.CompileRoute(p))
		}
	}
	flags := cfg.CompatibilityFlags
	r.NavigationPrefersAssets = slices.Contains(flags, "assets_navigation_prefers_asset_serving") ||
		(cfg.CompatibilityDate >= navigationFlagDate && !slices.Contains(flags, "assets_navigation_has_no_effect"))
	return r
}

// serveSite is the router: the assets answer, or the worker does.
func (s *Server) serveSite(rw http.ResponseWriter, r *http.Request, b *build, in runtime.Incoming) (int, error) {
	u, err := weburl.Parse(pages.RequestURL(r), nil)
	if err != nil {
		http.Error(rw, "edgedev: the request URL does not parse: "+err.Error(), http.StatusBadRequest)
		return http.StatusBadRequest, nil
	}
	srv := b.site.site.Server()
	if resp := srv.Route(&assets.Request{Method: r.Method, URL: u, Header: r.Header}, &b.site.routing); resp != nil {
		return resp.Status, srv.Write(rw, r.Method, resp)
	}
	return s.serveWorker(rw, r, b, in)
}

// serveWorker runs the build's worker, or the next one if it was retired
// in between.
func (s *Server) serveWorker(rw http.ResponseWriter, r *http.Request, b *build, in runtime.Incoming) (int, error) {
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
}

// watchSiteTree puts every directory under the assets directory under the
// watcher. Caller holds mu.
func (s *Server) watchSiteTree() {
	if s.site == nil || s.watcher == nil {
		return
	}
	root := s.site.Dir()
	_ = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if !s.watcher.dirs[path] {
			if err := s.watcher.fs.Add(path); err == nil {
				s.watcher.dirs[path] = true
			}
		}
		return nil
	})
}

// classifySite says whether a file event is in the assets directory: if
// so the site refreshes on its next request (however many files changed)
// and browsers get one live reload; the worker is not rebuilt, unless the
// file is also one of the bundle's inputs.
func (s *Server) classifySite(name string, isCreate bool) (watchAction, bool) {
	if s.site == nil {
		return actIgnore, false
	}
	root := s.site.Dir()
	if name != root && !strings.HasPrefix(name, root+string(filepath.Separator)) {
		return actIgnore, false
	}
	s.site.Changed()
	s.assetEvents.Add(1)
	if isCreate && isDir(name) {
		s.mu.Lock()
		s.watchSiteTree()
		s.mu.Unlock()
	}
	if s.isConfig(name) || slices.Contains(s.inputs, name) {
		return actRebuild, true
	}
	return actLiveReload, true
}

// AssetStats says how the assets directory was followed: File events seen
// in it, and Refreshes, how many times its rule files were read again
// because of them (once per burst: the next request after any number of
// events). Zero without an assets table.
type AssetStats struct{ Events, Refreshes int64 }

// AssetStats reports the session's AssetStats.
func (s *Server) AssetStats() AssetStats {
	s.mu.Lock()
	site := s.site
	s.mu.Unlock()
	if site == nil {
		return AssetStats{}
	}
	return AssetStats{Events: s.assetEvents.Load(), Refreshes: site.Refreshes()}
}
