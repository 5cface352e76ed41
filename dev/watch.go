package dev

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"edgedev/bindings/builtin"
)

// debounce is how long the watcher waits after the last file event before it
// rebuilds: long enough to fold an editor's write-rename-chmod burst into one
// rebuild, short enough not to be felt. maxDelay caps the wait while events
// keep coming (a formatter rewriting many files).
const (
	debounce = 8 * time.Millisecond
	maxDelay = 150 * time.Millisecond
)

// A batch of asset changes only (nothing to rebuild) waits longer, so that
// a build tool writing a whole output directory reloads the browser once:
// the assets themselves are served fresh on the next request anyway.
const (
	assetsDebounce = 60 * time.Millisecond
	assetsMaxDelay = 2 * time.Second
)

// watcher follows the directories that hold the bundle's inputs, the config
// and .dev.vars. It watches directories rather than files, so atomic saves
// (write a temp file, rename it over the original), delete-and-recreate and
// new files all show up.
type watcher struct {
	fs   *fsnotify.Watcher
	dirs map[string]bool
	done chan struct{}
}

func (s *Server) watch() (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("start the file watcher: %w", err)
	}
	w := &watcher{fs: fw, dirs: map[string]bool{}, done: make(chan struct{})}
	s.watchDirs(w)
	go s.watchLoop(w)
	return w, nil
}

func (w *watcher) close() {
	_ = w.fs.Close()
	<-w.done
}

// watchDirs adds the directories the current build depends on. Caller holds
// mu or is New. Directories are only added: one no longer needed costs an
// inotify watch and nothing else.
func (s *Server) watchDirs(w *watcher) {
	add := func(dir string) {
		if w.dirs[dir] {
			return
		}
		if err := w.fs.Add(dir); err != nil {
			s.log.warn(fmt.Sprintf("cannot watch %s: %v", dir, err))
			return
		}
		w.dirs[dir] = true
	}
	add(s.cfg.Dir)
	if s.cfg.Main != "" {
		add(filepath.Dir(s.cfg.Main))
	}
	for _, in := range s.inputs {
		if !inNodeModules(in) {
			add(filepath.Dir(in))
		}
	}
}

func inNodeModules(path string) bool {
	return strings.Contains(path, string(filepath.Separator)+"node_modules"+string(filepath.Separator))
}

// relevant says whether a file event can change the worker: a source file,
// the config or a dev-vars file, but not editor backups, swap files or
// anything in node_modules.
func relevant(name string) bool {
	if inNodeModules(name) {
		return false
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".dev.vars") || base == ".env" || strings.HasPrefix(base, ".env.") {
		return true
	}
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || base == "4913" {
		return false
	}
	switch filepath.Ext(base) {
	case ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".jsonc", ".toml", ".txt", ".html", ".wasm":
		return true
	}
	return false
}

// watchAction is what a file event calls for.
type watchAction int

const (
	actIgnore     watchAction = iota
	actRebuild                // rebuild and swap the worker
	actLiveReload             // nothing to rebuild; tell live-reload browsers
)

// classify says what a file event calls for.
func (s *Server) classify(ev fsnotify.Event) watchAction {
	if ev.Op == fsnotify.Chmod {
		return actIgnore
	}
	if s.pages != nil {
		return s.classifyPages(ev.Name, ev.Op) // pages.go
	}
	if act, ok := s.classifySite(ev.Name, ev.Op&fsnotify.Create != 0); ok { // assets.go
		return act
	}
	if relevant(ev.Name) {
		return actRebuild
	}
	return actIgnore
}

func (s *Server) watchLoop(w *watcher) {
	defer close(w.done)
	var (
		changed []string
		rebuild bool
		timer   = time.NewTimer(time.Hour)
		first   time.Time
	)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			act := s.classify(ev)
			if act == actIgnore {
				continue
			}
			rebuild = rebuild || act == actRebuild
			if len(changed) == 0 {
				first = time.Now()
			}
			if !slices.Contains(changed, ev.Name) {
				changed = append(changed, ev.Name)
			}
			wait, most := debounce, maxDelay
			if !rebuild {
				wait, most = assetsDebounce, assetsMaxDelay
			}
			if since := time.Since(first); since+wait > most {
				wait = max(most-since, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			if rebuild {
				s.reloadFor(changed, first)
			} else {
				s.reload.send("reload", "")
			}
			changed, rebuild = changed[:0], false
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			s.log.warn("file watcher: " + err.Error())
		}
	}
}

// isConfig says whether a changed file is the config or a dev-vars file.
func (s *Server) isConfig(name string) bool {
	base := filepath.Base(name)
	return name == s.cfg.Path || strings.HasPrefix(base, ".dev.vars") || base == ".env" || strings.HasPrefix(base, ".env.") ||
		base == "wrangler.toml" || base == "wrangler.json" || base == "wrangler.jsonc"
}

// reloadFor rebuilds after changes. A config change reloads the config and
// the bindings too. A failed build or load keeps the last good worker
// serving and prints the error once.
func (s *Server) reloadFor(changed []string, firstEvent time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	names := make([]string, len(changed))
	configChanged := false
	for i, c := range changed {
		names[i] = relTo(s.cfg.Dir, c)
		configChanged = configChanged || s.isConfig(c)
	}
	what := strings.Join(names, ", ")

	var oldProject *project
	if configChanged {
		p, err := s.loadProject()
		if err != nil {
			msg := withHint(err)
			s.lastErr = msg
			s.log.error(fmt.Sprintf("%s changed, but the new configuration does not load; still serving the previous worker:\n%s", what, msg))
			s.reload.send("build-error", msg)
			return
		}
		if p.cfg.Dev != s.cfg.Dev {
			s.log.warn(fmt.Sprintf("[dev] in %s changed (ip %q, port %d -> ip %q, port %d): still listening on %s; restart edgedev dev to use the new address",
				relTo(s.cfg.Dir, s.cfg.Path), s.cfg.Dev.IP, s.cfg.Dev.Port, p.cfg.Dev.IP, p.cfg.Dev.Port, s.url))
		}
		oldProject = &project{cfg: s.cfg, bindings: s.bindings, bundler: s.bundler, site: s.site}
		s.cfg, s.bindings, s.bundler, s.site = p.cfg, p.bindings, p.bundler, p.site
	}

	b := s.rebuild()
	buildTook := time.Since(start)
	if b.err != nil {
		prev := s.active.Load()
		if prev.worker == nil {
			s.active.Store(b) // nothing good to keep: serve the new error
		}
		if oldProject != nil {
			// Keep the old bindings: the old worker still uses them.
			s.cfg, s.bindings, s.bundler, s.site = oldProject.cfg, oldProject.bindings, oldProject.bundler, oldProject.site
		}
		s.lastErr = b.err.Error()
		s.log.error(fmt.Sprintf("%s changed; the new code fails, so the previous worker keeps serving:\n%s", what, indent(b.err.Error())))
		s.reload.send("build-error", b.err.Error())
		return
	}
	s.lastErr = ""
	swapStart := time.Now()
	old := s.active.Swap(b)
	swapTook := time.Since(swapStart)
	s.retire(old, oldProject)
	if s.watcher != nil {
		s.watchDirs(s.watcher)
		s.watchSiteTree()
	}
	s.log.print(fmt.Sprintf("reloaded (%s): build %s, swap %s, %s after the first change\n",
		what, buildTook.Round(10*time.Microsecond), swapTook.Round(time.Microsecond), time.Since(firstEvent).Round(10*time.Microsecond)))
	s.reload.send("reload", "")
}

// retire lets an old worker finish its requests and waitUntil work in the
// background, then releases it (and the bindings and bundler it was built
// with, when a config change replaced them).
func (s *Server) retire(old *build, p *project) {
	s.retiring.Add(1)
	go func() {
		defer s.retiring.Done()
		if old.worker != nil {
			ctx, cancel := context.WithTimeout(s.stopping, 30*time.Second)
			if err := old.worker.Close(ctx); err != nil {
				s.log.warn("previous worker: " + err.Error())
			}
			cancel()
		}
		if p != nil {
			if p.bundler != nil {
				p.bundler.Close()
			}
			_ = builtin.Close(p.bindings)
		}
	}()
}
