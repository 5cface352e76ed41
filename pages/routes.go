package pages

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"edgedev/weburl"
)

// This file is where a Pages route is made and matched: Scan turns the
// functions directory into a route table ordered by the platform's
// precedence (Compare), and Table.Match says which middleware and which
// handler run for a request, in which order, with which params.
//
// The rules are workers-sdk's packages/pages-functions filepath-routing.ts
// (scan, merge, compareRoutes) and pages-template-worker.ts (matching), as
// summarised in reference/workers-platform.md section 5.

// Export names one exported handler: a file under functions/ and the name of
// the export (onRequest, onRequestGet, ...).
type Export struct {
	// File is the path relative to the functions directory, with forward
	// slashes, e.g. "api/users/[id].ts".
	File string
	// Name is the export's name, e.g. "onRequestPost".
	Name string
}

func (e *Export) String() string { return e.File + ":" + e.Name }

// Route is one entry of the route table: a route path with an optional
// method, and the middleware and/or handler mounted there. A _middleware
// file and an index file of the same directory and method share one Route,
// as on the platform.
type Route struct {
	// Path is the route path as the platform writes it: "/api/users/:id",
	// "/docs/:path*", "/" for the root.
	Path string
	// MountPath is the directory the file sits in, in the same syntax; it is
	// context.functionPath for middleware.
	MountPath string
	// Method is "GET", "POST", ... for onRequestGet, onRequestPost, ...; ""
	// for onRequest (any method).
	Method string
	// Middleware is the export of a _middleware file mounted here; nil if
	// none.
	Middleware *Export
	// Handler is the export of a route file mounted here; nil if none.
	Handler *Export

	full, prefix, mount *pattern
}

// Table is an ordered route table. Routes are most specific first; Files
// lists every file a route refers to, in the order the generated entry
// imports them. A Table is immutable after Scan and safe for concurrent use.
type Table struct {
	Routes []Route
	Files  []string

	cache matchCache
	urls  struct {
		mu sync.RWMutex
		m  map[urlKey][]Step
	}
}

// Step is one function to run for a request: a middleware or the handler
// of Routes[Route].
type Step struct {
	Route      int
	Middleware bool
	Params     []Param
	// Path is context.functionPath: the matched part of the pathname.
	Path string
}

// RouteError is a functions/ file the platform refuses to build.
type RouteError struct {
	File    string // relative to the project, e.g. "functions/[x-y].ts"
	Message string // the platform's message, byte for byte
}

func (e *RouteError) Error() string { return e.File + ": " + e.Message }

// FunctionExtensions are the file extensions the platform scans for
// handlers.
var FunctionExtensions = []string{".js", ".jsx", ".mjs", ".ts", ".tsx"}

var exportNameRe = regexp.MustCompile(`^onRequest(Get|Post|Put|Patch|Delete|Options|Head)?$`)

// validParamName is the platform's rule for [name] and [[name]].
var validParamName = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

var (
	catchallRe = regexp.MustCompile(`\[\[([^\]]+)\]\]`)
	simpleRe   = regexp.MustCompile(`\[([^\]]+)\]`)
)

// Scan reads the functions directory and builds the route table. exports
// says what a file exports (see Exports). A missing directory gives an empty
// table. label is how errors name the directory (e.g. "functions").
//
// Files are visited breadth first with each directory's entries in byte
// order (Node's readdir order, which the platform's scanner sees); when two
// files claim the same path and method, the later one wins, which is why
// functions/foo/index.ts beats functions/foo.ts. Such shadowing comes back
// as a warning.
func Scan(dir, label string, exports func(files []string) (map[string][]string, error)) (*Table, []Warning, error) {
	files, err := listFunctionFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	names, err := exports(files)
	if err != nil {
		return nil, nil, err
	}
	type key struct{ path, method string }
	index := map[key]int{}
	var routes []Route
	var warnings []Warning
	for _, rel := range files {
		for _, name := range names[rel] {
			m := exportNameRe.FindStringSubmatch(name)
			if m == nil {
				continue
			}
			ext := path.Ext(rel)
			base := strings.TrimSuffix(path.Base(rel), ext)
			isMiddleware := base == "_middleware" || base == "_middleware_"
			routePath := strings.TrimSuffix(rel, ext)
			mountPath := path.Dir(routePath)
			if base == "index" || isMiddleware {
				routePath = path.Dir(routePath)
			}
			if routePath == "." {
				routePath = ""
			}
			if mountPath == "." {
				mountPath = ""
			}
			routePath, err = convertParams("/" + routePath)
			if err == nil {
				mountPath, err = convertParams("/" + mountPath)
			}
			if err != nil {
				return nil, nil, &RouteError{File: label + "/" + rel, Message: err.Error()}
			}
			exp := &Export{File: rel, Name: name}
			method := strings.ToUpper(m[1])
			k := key{routePath, method}
			i, seen := index[k]
			if !seen {
				i = len(routes)
				index[k] = i
				routes = append(routes, Route{Path: routePath, Method: method})
			}
			r := &routes[i]
			r.MountPath = mountPath
			slot := &r.Handler
			if isMiddleware {
				slot = &r.Middleware
			}
			if *slot != nil && (*slot).File != rel {
				what := "handles"
				if isMiddleware {
					what = "is middleware for"
				}
				warnings = append(warnings, Warning{File: label + "/" + (*slot).File, Message: fmt.Sprintf(
					"%s %s %s, but so does %s/%s, which wins (the platform keeps the file it finds last)",
					(*slot).Name, what, describeRoute(routePath, method), label, rel)})
			}
			*slot = exp
		}
	}
	slices.SortStableFunc(routes, func(a, b Route) int { return Compare(&a, &b) })
	t := &Table{Routes: routes}
	seenFile := map[string]bool{}
	for i := range t.Routes {
		r := &t.Routes[i]
		for _, e := range []*Export{r.Middleware, r.Handler} {
			if e != nil && !seenFile[e.File] {
				seenFile[e.File] = true
				t.Files = append(t.Files, e.File)
			}
		}
		if err := r.compile(); err != nil {
			file := r.Handler
			if file == nil {
				file = r.Middleware
			}
			return nil, nil, &RouteError{File: label + "/" + file.File, Message: err.Error()}
		}
	}
	return t, warnings, nil
}

func describeRoute(p, method string) string {
	if method == "" {
		return p
	}
	return method + " " + p
}

func (r *Route) compile() (err error) {
	if r.full, err = compilePattern(r.Path, true); err != nil {
		return err
	}
	if r.prefix, err = compilePattern(r.Path, false); err != nil {
		return err
	}
	r.mount, err = compilePattern(r.MountPath, false)
	return err
}

// convertParams turns [[name]] into :name* and [name] into :name, with the
// platform's checks and messages (note the platform's own wording differs
// between the two).
func convertParams(p string) (string, error) {
	var bad error
	p = catchallRe.ReplaceAllStringFunc(p, func(s string) string {
		name := s[2 : len(s)-2]
		if !validParamName.MatchString(name) {
			bad = errors.New(`Invalid Pages function route parameter - "[[` + name + `]]". Parameters names must only contain alphanumeric and underscore characters.`)
		}
		return ":" + name + "*"
	})
	if bad != nil {
		return "", bad
	}
	p = simpleRe.ReplaceAllStringFunc(p, func(s string) string {
		name := s[1 : len(s)-1]
		if !validParamName.MatchString(name) && bad == nil {
			bad = errors.New(`Invalid Pages function route parameter - "[` + name + `]". Parameter names must only contain alphanumeric and underscore characters.`)
		}
		return ":" + name
	})
	return p, bad
}

// listFunctionFiles returns the candidate files under dir, relative and
// slash-separated, breadth first, each directory in byte order. Symbolic
// links are followed only to regular files and directories inside dir.
func listFunctionFiles(dir string) ([]string, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		if err == nil || errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	queue := []string{""}
	for len(queue) > 0 {
		rel := queue[0]
		queue = queue[1:]
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		names := make([]string, 0, len(entries))
		kinds := map[string]os.FileMode{}
		for _, e := range entries {
			names = append(names, e.Name())
			kinds[e.Name()] = e.Type()
		}
		sort.Strings(names)
		for _, name := range names {
			child := path.Join(rel, name)
			mode := kinds[name]
			if mode&os.ModeSymlink != 0 {
				fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(child)))
				if err != nil {
					continue
				}
				mode = fi.Mode().Type()
			}
			switch {
			case mode.IsDir():
				if name != "node_modules" && !strings.HasPrefix(name, ".") {
					queue = append(queue, child)
				}
			case mode.IsRegular() && slices.Contains(FunctionExtensions, path.Ext(name)):
				out = append(out, child)
			}
		}
	}
	return out, nil
}

// Compare orders routes by the platform's precedence (compareRoutes):
//
//  1. more path segments first;
//  2. segment by segment from the left, a static segment before a :param
//     before a :param* (any segment containing ":" is a param, any
//     containing "*" a wildcard);
//  3. a route with a method before one without;
//  4. otherwise by path, in the collation order of JavaScript's
//     localeCompare (see collate).
func Compare(a, b *Route) int {
	sa, sb := segments(a.Path), segments(b.Path)
	if len(sa) != len(sb) {
		return len(sb) - len(sa)
	}
	for i := range sa {
		wa, wb := strings.Contains(sa[i], "*"), strings.Contains(sb[i], "*")
		if wa != wb {
			if wa {
				return 1
			}
			return -1
		}
		pa, pb := strings.Contains(sa[i], ":"), strings.Contains(sb[i], ":")
		if pa != pb {
			if pa {
				return 1
			}
			return -1
		}
	}
	if (a.Method != "") != (b.Method != "") {
		if a.Method != "" {
			return -1
		}
		return 1
	}
	return collate(a.Path, b.Path)
}

func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Match returns what runs for a request, in order: the middleware of every
// route whose path and mount path match a prefix of pathname (least
// specific route first, so root middleware runs before nested middleware),
// then the handler of the first route, in table order, that matches the
// whole pathname. A route with a method only counts for that exact method
// (HEAD is not GET). No steps means no function runs: the request goes to
// the static assets.
//
// pathname is the URL's pathname as the worker's `new URL(request.url)` sees
// it (percent-encoded). The result is shared: callers must not modify it.
func (t *Table) Match(method, pathname string) []Step {
	if len(t.Routes) == 0 {
		return nil
	}
	key := method + " " + pathname
	if steps, ok := t.cache.get(key); ok {
		return steps
	}
	var steps []Step
	for i := len(t.Routes) - 1; i >= 0; i-- {
		r := &t.Routes[i]
		if r.Middleware == nil || (r.Method != "" && r.Method != method) {
			continue
		}
		_, params, ok := r.prefix.match(pathname)
		if !ok {
			continue
		}
		mounted, _, ok := r.mount.match(pathname)
		if !ok {
			continue
		}
		steps = append(steps, Step{Route: i, Middleware: true, Params: params, Path: mounted})
	}
	for i := range t.Routes {
		r := &t.Routes[i]
		if r.Handler == nil || (r.Method != "" && r.Method != method) {
			continue
		}
		matched, params, ok := r.full.match(pathname)
		if !ok {
			continue
		}
		if _, _, ok := r.mount.match(pathname); !ok {
			continue
		}
		steps = append(steps, Step{Route: i, Params: params, Path: matched})
		break
	}
	t.cache.put(key, steps)
	return steps
}

// MatchURL is Match for a whole URL, such as the worker's request.url; ok
// is false when rawURL does not parse.
func (t *Table) MatchURL(method, rawURL string) (steps []Step, ok bool) {
	if len(t.Routes) == 0 {
		return nil, true
	}
	key := urlKey{method, rawURL}
	t.urls.mu.RLock()
	steps, ok = t.urls.m[key]
	t.urls.mu.RUnlock()
	if ok {
		return steps, true
	}
	u, err := weburl.Parse(rawURL, nil)
	if err != nil {
		return nil, false
	}
	steps = t.Match(method, u.Pathname())
	t.urls.mu.Lock()
	if t.urls.m == nil || len(t.urls.m) >= matchCacheSize {
		t.urls.m = make(map[urlKey][]Step)
	}
	t.urls.m[key] = steps
	t.urls.mu.Unlock()
	return steps, true
}

// urlKey keys MatchURL's cache without building a string per lookup.
type urlKey struct{ method, url string }

// matchCache remembers recent Match results. Matching is a pure function of
// method and pathname, so a cached answer is always right; the cache only
// saves the regular expressions on repeated requests (and lets the dev
// server's routing decision and the worker's own lookup share one match).
type matchCache struct {
	mu sync.RWMutex
	m  map[string][]Step
}

const matchCacheSize = 4096

func (c *matchCache) get(key string) ([]Step, bool) {
	c.mu.RLock()
	s, ok := c.m[key]
	c.mu.RUnlock()
	return s, ok
}

func (c *matchCache) put(key string, steps []Step) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= matchCacheSize {
		c.m = make(map[string][]Step)
	}
	c.m[key] = steps
	c.mu.Unlock()
}

// collate compares two strings the way JavaScript's String.prototype.
// localeCompare does in workerd and Node (ICU, root locale): first by
// primary weight, where punctuation sorts before digits and digits before
// letters, and letters ignore case; then lowercase before uppercase; then by
// bytes. Only ASCII has its ICU weights here; other characters sort after
// ASCII by code point, which is enough for route paths.
func collate(a, b string) int {
	if c := compareWeights(a, b, primaryWeight); c != 0 {
		return c
	}
	if c := compareWeights(a, b, tertiaryWeight); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func compareWeights(a, b string, w func(rune) int) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if x, y := w(ra[i]), w(rb[i]); x != y {
			return x - y
		}
	}
	return len(ra) - len(rb)
}

// icuASCIIOrder lists ASCII punctuation and symbols in ICU root collation
// order; digits and then letters follow.
const icuASCIIOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"

func primaryWeight(r rune) int {
	switch {
	case r < 128 && strings.ContainsRune(icuASCIIOrder, r):
		return strings.IndexRune(icuASCIIOrder, r) + 1
	case '0' <= r && r <= '9':
		return 100 + int(r-'0')
	case 'a' <= r && r <= 'z':
		return 200 + int(r-'a')
	case 'A' <= r && r <= 'Z':
		return 200 + int(r-'A')
	case r < 128:
		return 50 // other control characters: with the ignorable ones
	default:
		return 1000 + int(r)
	}
}

func tertiaryWeight(r rune) int {
	if 'A' <= r && r <= 'Z' {
		return 1
	}
	return 0
}
