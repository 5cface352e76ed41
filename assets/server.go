package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"edgedev/weburl"
)

// Files is an opened assets directory and the cache of what was read from
// it. It is what outlives a reload: each config (Pages build, Workers
// assets table) makes its own Server over the same Files with With.
//
// Files are read through an os.Root, so nothing outside the directory is
// ever served: not through "..", encoded or not, not through backslashes,
// not through symbolic links that point out. Each lookup stats the file and
// re-reads it when its size or modification time changed, so an edit, a new
// file or a deleted one shows on the next request without any refresh.
//
// A Files is safe for concurrent use.
type Files struct {
	dir   string
	root  *os.Root
	cache *fileCache
}

// Open opens the directory dir. Close releases it.
func Open(dir string) (*Files, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open the static assets directory: %w", err)
	}
	return &Files{dir: dir, root: root, cache: &fileCache{m: map[string]*cachedFile{}}}, nil
}

// Dir is the directory served.
func (f *Files) Dir() string { return f.dir }

// Close releases the directory.
func (f *Files) Close() error { return f.root.Close() }

// Forget drops every cached file, so that the next lookups read the disk
// again (the dev server calls it when the directory changed, which also
// lets go of files that were deleted).
func (f *Files) Forget() {
	f.cache.mu.Lock()
	clear(f.cache.m)
	f.cache.mu.Unlock()
}

// With returns a Server over f configured by o.
func (f *Files) With(o Options) *Server {
	if o.HTMLHandling == "" {
		o.HTMLHandling = AutoTrailingSlash
	}
	if o.NotFound == "" {
		o.NotFound = NotFoundNone
	}
	return &Server{files: f, opts: o}
}

// Server answers requests from one assets directory the way one of the
// platform's two asset servers does (see Options.Pages). A Server is
// immutable and safe for concurrent use.
type Server struct {
	files *Files
	opts  Options
}

// Options configure a Server. The zero value is a Workers assets directory
// with the platform's defaults.
type Options struct {
	// Pages selects the Pages asset server (reference/workers-platform.md
	// section 5.4): canonical URLs by 308, the nearest 404.html or else the
	// top-level index.html for anything missing, CORS and referrer headers
	// on every answer, and the Pages control files never served. Without
	// it, the Workers asset worker (reference/platform-assets-do-queues.md
	// section 1): HTMLHandling and NotFound decide, redirects are 307.
	Pages bool
	// HTMLHandling is assets.html_handling; "" is auto-trailing-slash.
	// Workers only.
	HTMLHandling HTMLHandling
	// NotFound is assets.not_found_handling; "" is none. Workers only.
	NotFound NotFoundHandling
	// Headers and Redirects are the parsed _headers and _redirects; nil
	// when absent.
	Headers   *Headers
	Redirects *Redirects
	// Ignore is the parsed .assetsignore; nil when absent. Workers only.
	Ignore *Ignore
}

// HTMLHandling is one value of assets.html_handling.
type HTMLHandling string

// The html_handling modes (reference section 1.4).
const (
	AutoTrailingSlash  HTMLHandling = "auto-trailing-slash"
	ForceTrailingSlash HTMLHandling = "force-trailing-slash"
	DropTrailingSlash  HTMLHandling = "drop-trailing-slash"
	HTMLHandlingNone   HTMLHandling = "none"
)

// NotFoundHandling is one value of assets.not_found_handling.
type NotFoundHandling string

// The not_found_handling modes (reference section 1.5).
const (
	NotFoundNone          NotFoundHandling = "none"
	NotFound404Page       NotFoundHandling = "404-page"
	SinglePageApplication NotFoundHandling = "single-page-application"
)

// Dir is the directory served.
func (a *Server) Dir() string { return a.files.dir }

// Files is the directory a serves from.
func (a *Server) Files() *Files { return a.files }

// Options are what a was made with.
func (a *Server) Options() Options { return a.opts }

// CacheControlBrowser is what the platform sends with every asset so that
// browsers revalidate (with the ETag) before using a cached copy.
const CacheControlBrowser = "public, max-age=0, must-revalidate"

// maxCachedFileBytes bounds the files kept in memory; bigger ones are read
// from disk on each request.
const maxCachedFileBytes = 1 << 20

// Request is what the asset server looks at in a request.
type Request struct {
	Method string
	URL    *weburl.URL
	// Header supplies If-None-Match, Authorization, Range and
	// Sec-Fetch-Mode.
	Header http.Header
}

// Response is the asset server's answer. Body is nil for HEAD, for
// null-body statuses and for files too big to cache (see Write).
type Response struct {
	Status int
	Header http.Header
	Body   []byte

	file string // a big file to stream, relative to the root
	size int64  // the file's length, also for HEAD; 0 when Body is the body
}

// statusText are the status texts the platform's responses carry.
var statusText = map[int]string{
	200: "OK", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
	307: "Temporary Redirect", 308: "Permanent Redirect", 404: "Not Found", 405: "Method Not Allowed",
	406: "Not Acceptable", 500: "Internal Server Error",
}

// StatusText is the reason phrase the platform uses for status.
func StatusText(status int) string { return statusText[status] }

// Serve answers one request, as env.ASSETS.fetch does: every rule applies,
// not_found_handling included, and a miss is an empty 404.
func (a *Server) Serve(req *Request) *Response {
	var resp *Response
	if a.opts.Pages {
		resp = a.generatePages(req)
		a.attachPagesHeaders(resp)
	} else {
		resp, _ = a.generateWorkers(req, a.opts.NotFound)
	}
	a.opts.Headers.Apply(resp.Header, req.URL.Hostname(), req.URL.Pathname())
	return resp
}

// Write sends resp to the client.
func (a *Server) Write(rw http.ResponseWriter, method string, resp *Response) error {
	h := rw.Header()
	for k, v := range resp.Header {
		h[k] = v
	}
	if _, ok := h["Content-Type"]; !ok {
		h["Content-Type"] = nil // a file of unknown type has none: net/http must not sniff one
	}
	if resp.Status == 304 {
		rw.WriteHeader(304)
		return nil
	}
	length := int64(len(resp.Body))
	if resp.size > 0 {
		length = resp.size
	}
	h["Content-Length"] = []string{strconv.FormatInt(length, 10)}
	if method == "HEAD" {
		rw.WriteHeader(resp.Status)
		return nil
	}
	if resp.file == "" {
		rw.WriteHeader(resp.Status)
		_, err := rw.Write(resp.Body)
		return err
	}
	f, err := a.files.root.Open(resp.file)
	if err != nil {
		delete(h, "Content-Length")
		rw.WriteHeader(500)
		return err
	}
	defer f.Close()
	rw.WriteHeader(resp.Status)
	_, err = io.CopyN(rw, f, resp.size)
	return err
}

// ReadBody returns the whole body, reading a big file from disk.
func (a *Server) ReadBody(resp *Response) ([]byte, error) {
	if resp.file == "" {
		return resp.Body, nil
	}
	f, err := a.files.root.Open(resp.file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, resp.size))
}

// serveFile answers status (200, or 404 for a Workers 404.html) with the
// file, or 304 when the client has it. The headers are the platform's:
// a strong ETag, the content type when known, Cache-Control unless the
// request carries Authorization or Range.
func (a *Server) serveFile(req *Request, e *cachedFile, status int) *Response {
	etag := `"` + e.etag + `"`
	h := http.Header{"Etag": {etag}}
	ct := e.contentType
	if !a.opts.Pages {
		ct = e.workersType
	}
	if ct != "" {
		h["Content-Type"] = []string{ct}
	}
	if req.Header.Get("Authorization") == "" && req.Header.Get("Range") == "" {
		h["Cache-Control"] = []string{CacheControlBrowser}
	}
	if inm := req.Header.Get("If-None-Match"); inm == etag || inm == "W/"+etag {
		if a.opts.Pages {
			return &Response{Status: 304, Header: http.Header{}}
		}
		return &Response{Status: 304, Header: h}
	}
	resp := &Response{Status: status, Header: h, size: e.size}
	switch {
	case strings.EqualFold(req.Method, "HEAD"):
	case e.data != nil:
		resp.Body = e.data
	default:
		resp.file = e.rel
	}
	return resp
}

// ---- finding files ---------------------------------------------------------

// The names the platform never serves. Pages: ignoredTop at the top of the
// output directory, ignoredAnywhere at any depth. Workers: the three control
// files at the top (reference section 1.9), and whatever .assetsignore says.
var (
	ignoredTop        = map[string]bool{"_worker.js": true, "_redirects": true, "_headers": true, "_routes.json": true, "functions": true, ".wrangler": true, ".edgedev": true}
	ignoredAnywhere   = map[string]bool{".DS_Store": true, "node_modules": true, ".git": true}
	ignoredTopWorkers = map[string]bool{"_redirects": true, "_headers": true, ".assetsignore": true}
)

// find returns the regular file at the decoded URL path p, or nil. It never
// leaves the root.
func (a *Server) find(p string) *cachedFile {
	rel, ok := a.assetName(p)
	if !ok {
		return nil
	}
	fi, err := a.files.root.Stat(rel)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	e, err := a.files.cache.get(a.files.root, rel, fi)
	if err != nil {
		return nil
	}
	return e
}

// assetName turns a decoded URL path into a name inside the root, or
// reports that it can only be outside it or a file the platform ignores.
func (a *Server) assetName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	segs := strings.Split(p[1:], "/")
	kept := segs[:0]
	for _, s := range segs {
		switch {
		case s == "..":
			return "", false
		case s == "" || s == ".":
			continue
		case a.opts.Pages && ignoredAnywhere[s]:
			return "", false
		case a.opts.Pages && len(kept) == 0 && ignoredTop[s]:
			return "", false
		case !a.opts.Pages && len(kept) == 0 && ignoredTopWorkers[s]:
			return "", false
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		return "", false
	}
	rel := path.Join(kept...)
	if a.opts.Ignore.Match(rel) {
		return "", false
	}
	return rel, true
}

// fileCache remembers each served file's ETag, content types and (for small
// files) contents, keyed by name and checked against size and modification
// time on every request.
type fileCache struct {
	mu sync.RWMutex
	m  map[string]*cachedFile
}

type cachedFile struct {
	rel         string
	size        int64
	mod         time.Time
	etag        string
	contentType string // Pages' type
	workersType string // the Workers asset worker's type; "" when unknown
	data        []byte // nil when bigger than maxCachedFileBytes
}

func (c *fileCache) get(root *os.Root, rel string, fi fs.FileInfo) (*cachedFile, error) {
	c.mu.RLock()
	e := c.m[rel]
	c.mu.RUnlock()
	if e != nil && e.size == fi.Size() && e.mod.Equal(fi.ModTime()) {
		return e, nil
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	e = &cachedFile{rel: rel, size: fi.Size(), mod: fi.ModTime(), contentType: pagesContentType(rel), workersType: workersContentType(rel)}
	if fi.Size() <= maxCachedFileBytes {
		data, err := io.ReadAll(f)
		if err != nil {
			return nil, err
		}
		e.data, e.size = data, int64(len(data))
		h.Write(data)
	} else if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	h.Write([]byte(path.Ext(rel)))
	e.etag = hex.EncodeToString(h.Sum(nil))[:32]
	c.mu.Lock()
	c.m[rel] = e
	c.mu.Unlock()
	return e, nil
}
