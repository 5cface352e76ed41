package pages

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"edgedev/assets"
	"edgedev/bindings"
	bindassets "edgedev/bindings/assets"
	"edgedev/weburl"
)

// Project is a Pages project on disk: a static assets directory and, next
// to the config (or in the working directory), a functions directory.
type Project struct {
	// Dir is the project root: functions/ lives here and the generated
	// entry goes to Dir/.edgedev/pages/.
	Dir string
	// AssetsDir is the static assets directory (absolute).
	AssetsDir string
	// FunctionsDir is Dir/functions.
	FunctionsDir string

	exports *Exports
}

// NewProject describes a project; nothing is read yet.
func NewProject(dir, assetsDir string) *Project {
	fd := filepath.Join(dir, "functions")
	return &Project{Dir: dir, AssetsDir: assetsDir, FunctionsDir: fd, exports: NewExports(fd)}
}

// EntryPath is where the generated entry is written. Its name starts with a
// dot so that file watchers skip it like any editor's temporary file.
func (p *Project) EntryPath() string {
	return filepath.Join(p.Dir, ".edgedev", "pages", ".entry.js")
}

// Build is one snapshot of a project: what Load read and the entry it
// generated. It is immutable.
type Build struct {
	// Worker is the advanced-mode _worker.js (file or directory); "" in
	// functions mode.
	Worker string
	// Table is the route table; empty in advanced mode or without
	// functions/.
	Table *Table
	// Routes is _routes.json, or nil.
	Routes *RoutesJSON
	// Headers and Redirects are the parsed rule files (nil when absent).
	Headers   *assets.Headers
	Redirects *assets.Redirects
	// Entry is the generated entry module.
	Entry string
	// Warnings are problems worked around: bad _headers/_redirects lines,
	// shadowed function files, an ignored functions/ directory.
	Warnings []Warning
}

// Load reads the project: _worker.js or functions/, _routes.json, _headers,
// _redirects; then generates the entry. An error is something the platform
// would refuse to build (an invalid route parameter, an invalid
// _routes.json); bad rule-file lines are only warnings.
func (p *Project) Load() (*Build, error) {
	if fi, err := os.Stat(p.AssetsDir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("the static assets directory %s does not exist or is not a directory", p.rel(p.AssetsDir))
	}
	b := &Build{Table: &Table{}}
	entryDir := filepath.Dir(p.EntryPath())
	if w := p.workerPath(); w != "" {
		b.Worker = w
		if files, _ := listFunctionFiles(p.FunctionsDir); len(files) > 0 {
			b.Warnings = append(b.Warnings, Warning{File: p.rel(p.FunctionsDir), Message: fmt.Sprintf(
				"ignored: %s takes over the whole app (advanced mode), as on the platform", p.rel(filepath.Join(p.AssetsDir, "_worker.js")))})
		}
		src, err := AdvancedEntry(entryDir, w)
		if err != nil {
			return nil, err
		}
		b.Entry = src
	} else {
		t, warnings, err := Scan(p.FunctionsDir, p.rel(p.FunctionsDir), p.exports.Names)
		if err != nil {
			return nil, err
		}
		b.Table = t
		b.Warnings = append(b.Warnings, warnings...)
		src, err := FunctionsEntry(t, entryDir, p.FunctionsDir, p.exports.Failed())
		if err != nil {
			return nil, err
		}
		b.Entry = src
	}
	rj, err := LoadRoutesJSON(filepath.Join(p.AssetsDir, "_routes.json"), p.rel(filepath.Join(p.AssetsDir, "_routes.json")))
	if err != nil {
		return nil, err
	}
	b.Routes = rj
	if src, err := readOptional(filepath.Join(p.AssetsDir, "_headers")); err != nil {
		return nil, err
	} else if src != nil {
		var ws []assets.Warning
		b.Headers, ws = assets.ParseHeaders(string(src), p.rel(filepath.Join(p.AssetsDir, "_headers")))
		b.Warnings = append(b.Warnings, ws...)
	}
	if src, err := readOptional(filepath.Join(p.AssetsDir, "_redirects")); err != nil {
		return nil, err
	} else if src != nil {
		var ws []assets.Warning
		b.Redirects, ws = assets.ParseRedirects(string(src), p.rel(filepath.Join(p.AssetsDir, "_redirects")))
		b.Warnings = append(b.Warnings, ws...)
	}
	return b, nil
}

// workerPath finds an advanced-mode worker: _worker.js as a file, or as a
// directory with index.js (or index.mjs, index.ts).
func (p *Project) workerPath() string {
	w := filepath.Join(p.AssetsDir, "_worker.js")
	fi, err := os.Stat(w)
	switch {
	case err != nil:
		return ""
	case fi.Mode().IsRegular():
		return w
	case fi.IsDir():
		for _, idx := range []string{"index.js", "index.mjs", "index.ts"} {
			if f := filepath.Join(w, idx); fileExists(f) {
				return f
			}
		}
	}
	return ""
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func readOptional(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// rel names a path relative to the project directory when it is inside it.
func (p *Project) rel(path string) string {
	if r, err := filepath.Rel(p.Dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return path
}

// Invokes reports whether a request for pathname may reach the worker at
// all: _routes.json (when present) decides, and in functions mode some
// middleware or handler must match. When it reports false, the asset server
// answers directly, which is exactly what the worker would have done
// (next() past the last function is env.ASSETS.fetch).
func (b *Build) Invokes(method, pathname string) bool {
	if b.Routes != nil && !b.Routes.Invokes(pathname) {
		return false
	}
	if b.Worker != "" {
		return true
	}
	return len(b.Table.Match(method, pathname)) > 0
}

// Bindings returns the env entries this build adds to the user's: ASSETS
// (serving through a with this build's rules) and, in functions mode, the
// hidden router binding. User bindings named ASSETS are replaced, as the
// platform does.
func (b *Build) Bindings(user []bindings.Named, a *assets.Files) []bindings.Named {
	out := make([]bindings.Named, 0, len(user)+2)
	for _, n := range user {
		if n.Name != AssetsBindingName && n.Name != RouterBinding {
			out = append(out, n)
		}
	}
	out = append(out, bindings.Named{Name: AssetsBindingName, Kind: "assets", Detail: a.Dir(), Binding: bindassets.New(b.Assets(a))})
	if b.Worker == "" {
		out = append(out, bindings.Named{Name: RouterBinding, Kind: "internal", Detail: "Pages route table", Binding: NewRouterBinding(b.Table)})
	}
	return out
}

// Assets returns the Pages asset server over a with this build's _headers
// and _redirects.
func (b *Build) Assets(a *assets.Files) *assets.Server {
	return a.With(assets.Options{Pages: true, Headers: b.Headers, Redirects: b.Redirects})
}

// RequestURL is the URL a worker sees as request.url for r, as the runtime
// builds it: "http://" + Host + the request target.
func RequestURL(r *http.Request) string { return "http://" + r.Host + r.RequestURI }

// Serve is the front of a Pages build: it answers r from the static assets
// when no function can run for it (_routes.json, then the route table), and
// otherwise hands it to worker (the bundled entry). It returns the status
// written, or the worker's error when the worker wrote nothing.
func (b *Build) Serve(rw http.ResponseWriter, r *http.Request, a *assets.Files, worker func(http.ResponseWriter, *http.Request) (int, error)) (int, error) {
	raw := RequestURL(r)
	if b.Routes == nil && b.Worker == "" {
		// The common case, decided from the cache the worker's own lookup
		// shares, without parsing the URL again.
		if steps, ok := b.Table.MatchURL(r.Method, raw); ok && len(steps) > 0 {
			return worker(rw, r)
		}
	}
	u, err := weburl.Parse(raw, nil)
	if err != nil {
		http.Error(rw, "edgedev: the request URL does not parse: "+err.Error(), http.StatusBadRequest)
		return http.StatusBadRequest, nil
	}
	if (b.Routes != nil || b.Worker != "") && b.Invokes(r.Method, u.Pathname()) {
		return worker(rw, r)
	}
	srv := b.Assets(a)
	resp := srv.Serve(&assets.Request{Method: r.Method, URL: u, Header: r.Header})
	return resp.Status, srv.Write(rw, r.Method, resp)
}
