package pages

import (
	"os"
	"path/filepath"
	"sync"
	"time"

	"edgedev/bundler"
)

// Exports reads which names the files of a functions directory export, the
// way the platform does (bundler.ExportNames). Results are cached per file
// by size and modification time, so a rescan after an edit only reads the
// files that changed.
//
// A file esbuild cannot parse is reported with no exports and listed by
// Failed; the caller still imports it from the generated entry, so the
// bundler reports the syntax error with its usual diagnostics.
//
// An Exports is safe for concurrent use.
type Exports struct {
	dir string

	mu     sync.Mutex
	cache  map[string]exportEntry
	failed []string
}

type exportEntry struct {
	size  int64
	mod   time.Time
	names []string
	ok    bool
}

// NewExports scans files under dir (the functions directory).
func NewExports(dir string) *Exports {
	return &Exports{dir: dir, cache: map[string]exportEntry{}}
}

// Names returns the export names of each file (paths relative to the
// functions directory, slash-separated).
func (x *Exports) Names(files []string) (map[string][]string, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := make(map[string][]string, len(files))
	var stale []string
	stats := map[string]os.FileInfo{}
	for _, rel := range files {
		fi, err := os.Stat(filepath.Join(x.dir, filepath.FromSlash(rel)))
		if err != nil {
			continue // vanished since the directory was listed
		}
		stats[rel] = fi
		if e, ok := x.cache[rel]; ok && e.size == fi.Size() && e.mod.Equal(fi.ModTime()) {
			out[rel] = e.names
			continue
		}
		stale = append(stale, rel)
	}
	found := x.scan(stale)
	for _, rel := range stale {
		fi := stats[rel]
		names, ok := found[rel]
		x.cache[rel] = exportEntry{size: fi.Size(), mod: fi.ModTime(), names: names, ok: ok}
		out[rel] = names
	}
	x.failed = x.failed[:0]
	for _, rel := range files {
		if e, ok := x.cache[rel]; ok && !e.ok {
			x.failed = append(x.failed, rel)
		}
	}
	return out, nil
}

// Failed lists the files of the last Names call that esbuild could not
// parse.
func (x *Exports) Failed() []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	return append([]string(nil), x.failed...)
}

// scan runs esbuild over files in one build; if that build fails it scans
// them one by one to find which parse. Files that do not parse are missing
// from the result.
func (x *Exports) scan(files []string) map[string][]string {
	found := map[string][]string{}
	if len(files) == 0 || x.build(files, found) {
		return found
	}
	for _, f := range files {
		x.build([]string{f}, found)
	}
	return found
}

// build reads the exports of files (relative to the functions directory)
// into found. It reports false if esbuild could not parse them.
func (x *Exports) build(files []string, found map[string][]string) bool {
	abs := make([]string, len(files))
	for i, f := range files {
		abs[i] = filepath.Join(x.dir, filepath.FromSlash(f))
	}
	names, ok := bundler.ExportNames(x.dir, abs)
	if !ok {
		return false
	}
	for p, n := range names {
		if rel, err := filepath.Rel(x.dir, p); err == nil {
			found[filepath.ToSlash(rel)] = n
		}
	}
	return true
}
