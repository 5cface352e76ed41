package pages

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"edgedev/weburl"
)

// Assets is the static asset server of a Pages project, following the
// platform's asset-server handler (reference section 5.4 and section 7):
//
//  1. _redirects (static rules exactly, then dynamic ones); a 200 rule
//     rewrites the path to another asset;
//  2. anything but GET or HEAD gets 405;
//  3. HTML handling: /about serves about.html, /about.html and
//     /about/index.html redirect (308) to their canonical URLs, /about with
//     only about/index.html redirects to /about/;
//  4. not found: the nearest 404.html walking up (status 404), else the
//     top-level index.html with 200 (single-page app), else an empty 404;
//  5. the headers the platform adds, then _headers.
//
// Files are read through an os.Root, so nothing outside the directory is
// ever served: not through "..", encoded or not, not through backslashes,
// not through symbolic links that point out. The platform's control files
// (_headers, _redirects, _routes.json, _worker.js, functions at the top;
// .git, node_modules, .DS_Store anywhere) are never served either.
//
// An Assets is safe for concurrent use. Files are re-read when their size
// or modification time changes, so edits show up on the next request.
type Assets struct {
	dir       string
	root      *os.Root
	files     *fileCache
	headers   *Headers
	redirects *Redirects
}

// CacheControlBrowser is what the platform sends with every asset so that
// browsers revalidate (with the ETag) before using a cached copy.
const CacheControlBrowser = "public, max-age=0, must-revalidate"

// maxCachedFileBytes bounds the files kept in memory; bigger ones are read
// from disk on each request.
const maxCachedFileBytes = 1 << 20

// OpenAssets serves the directory dir. Close releases it.
func OpenAssets(dir string) (*Assets, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open the static assets directory: %w", err)
	}
	return &Assets{dir: dir, root: root, files: &fileCache{m: map[string]*cachedFile{}}}, nil
}

// Dir is the directory served.
func (a *Assets) Dir() string { return a.dir }

// WithRules returns an Assets that shares a's directory and file cache and
// applies these _headers and _redirects rules (either may be nil).
func (a *Assets) WithRules(h *Headers, r *Redirects) *Assets {
	c := *a
	c.headers, c.redirects = h, r
	return &c
}

// Close releases the directory. Only the Assets made by OpenAssets closes;
// copies from WithRules share it.
func (a *Assets) Close() error { return a.root.Close() }

// AssetRequest is what the asset server looks at in a request.
type AssetRequest struct {
	Method string
	URL    *weburl.URL
	// Header supplies If-None-Match, Authorization and Range.
	Header http.Header
}

// AssetResponse is the asset server's answer. Body is nil for HEAD, for
// null-body statuses and for files too big to cache (see Open).
type AssetResponse struct {
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

// Serve answers one request.
func (a *Assets) Serve(req *AssetRequest) *AssetResponse {
	resp := a.generate(req)
	a.attachHeaders(req, resp)
	return resp
}

func (a *Assets) generate(req *AssetRequest) *AssetResponse {
	u := req.URL
	pathname := u.Pathname()
	search := u.Search()
	if m, ok := a.redirects.Match(u.Host(), u.Hostname(), pathname); ok {
		dest, err := weburl.Parse(m.To, u)
		if err != nil {
			return &AssetResponse{Status: 500, Header: http.Header{}}
		}
		if m.Status == 200 {
			pathname = dest.Pathname()
		} else {
			var location string
			if dest.Origin() == u.Origin() {
				location = dest.Pathname() + firstNonEmpty(dest.Search(), search) + dest.Hash()
			} else {
				href := strings.TrimSuffix(dest.Href(), dest.Hash())
				if dest.Search() == "" {
					href += search
				}
				location = href + dest.Hash()
			}
			return redirectResponse(m.Status, location)
		}
	}
	if !strings.EqualFold(req.Method, "GET") && !strings.EqualFold(req.Method, "HEAD") {
		return &AssetResponse{Status: 405, Header: http.Header{}}
	}
	if d, err := url.PathUnescape(pathname); err == nil {
		pathname = d
	}
	if strings.HasSuffix(pathname, "/") {
		if e := a.find(pathname + "index.html"); e != nil {
			return a.serveFile(req, e)
		}
		if strings.HasSuffix(pathname, "/index/") {
			return permanentRedirect("/" + pathname[1:len(pathname)-len("index/")] + search)
		}
		if e := a.find(strings.TrimSuffix(pathname, "/") + ".html"); e != nil && pathname != "/" {
			return permanentRedirect("/" + pathname[1:len(pathname)-1] + search)
		}
		return a.notFound(req, pathname)
	}
	if e := a.find(pathname); e != nil {
		if !strings.HasSuffix(pathname, ".html") {
			return a.serveFile(req, e)
		}
		extless := strings.TrimSuffix(pathname, ".html")
		switch {
		case strings.HasSuffix(extless, "/index"):
			return permanentRedirect(strings.TrimSuffix(extless, "index") + search)
		case extless == "/" || a.find(extless) != nil:
			return a.serveFile(req, e)
		default:
			return permanentRedirect(extless + search)
		}
	}
	if strings.HasSuffix(pathname, "/index") {
		return permanentRedirect("/" + pathname[1:len(pathname)-len("index")] + search)
	}
	if e := a.find(pathname + ".html"); e != nil {
		return a.serveFile(req, e)
	}
	if e := a.find(pathname + "/index.html"); e != nil {
		return permanentRedirect(pathname + "/" + search)
	}
	return a.notFound(req, pathname)
}

// notFound looks for the nearest 404.html walking up from the request's
// directory, then falls back to the top-level index.html (single-page app).
func (a *Assets) notFound(req *AssetRequest, pathname string) *AssetResponse {
	for cwd := pathname; cwd != ""; {
		cwd = cwd[:strings.LastIndexByte(cwd, '/')]
		if e := a.find(cwd + "/404.html"); e != nil {
			// No ETag and no If-None-Match here: the platform answers a
			// missing page with the 404 page's body every time.
			resp := &AssetResponse{Status: 404, size: e.size, Header: http.Header{
				"Content-Type": {e.contentType}, "Cache-Control": {"no-store"}}}
			if e.data != nil {
				resp.Body = e.data
			} else {
				resp.file = e.rel
			}
			return resp
		}
	}
	if e := a.find("/index.html"); e != nil {
		return a.serveFile(req, e)
	}
	return &AssetResponse{Status: 404, Header: http.Header{"Cache-Control": {"no-store"}}}
}

// serveFile answers 200 with the file, or 304 when the client has it.
func (a *Assets) serveFile(req *AssetRequest, e *cachedFile) *AssetResponse {
	etag := `"` + e.etag + `"`
	if inm := req.Header.Get("If-None-Match"); inm == etag || inm == "W/"+etag {
		return &AssetResponse{Status: 304, Header: http.Header{}}
	}
	h := http.Header{"Etag": {etag}, "Content-Type": {e.contentType}}
	if req.Header.Get("Authorization") == "" && req.Header.Get("Range") == "" {
		h["Cache-Control"] = []string{CacheControlBrowser}
	}
	resp := &AssetResponse{Status: 200, Header: h, size: e.size}
	switch {
	case strings.EqualFold(req.Method, "HEAD"):
	case e.data != nil:
		resp.Body = e.data
	default:
		resp.file = e.rel
	}
	return resp
}

// attachHeaders adds what the platform adds to every asset-server answer
// (CORS, referrer policy, nosniff when there is a content type), then the
// matching _headers rules.
func (a *Assets) attachHeaders(req *AssetRequest, resp *AssetResponse) {
	h := resp.Header
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if h.Get("Content-Type") != "" {
		h.Set("X-Content-Type-Options", "nosniff")
	}
	a.headers.Apply(h, req.URL.Hostname(), req.URL.Pathname())
}

func redirectResponse(status int, location string) *AssetResponse {
	h := http.Header{"Location": {location}}
	if status == 308 {
		return &AssetResponse{Status: 308, Header: h} // the platform's 308 has no body
	}
	h.Set("Content-Type", "text/plain;charset=UTF-8")
	return &AssetResponse{Status: status, Header: h, Body: []byte("Redirecting to " + location)}
}

// leadingSlashes is the platform's guard against a canonical redirect to
// "//evil.example": leading slashes, backslashes, tabs and their encodings
// collapse to one "/".
var leadingSlashes = regexp.MustCompile(`^(?:/|%2F|%2f|%5C|%5c|%09|\s|\\)+`)

func permanentRedirect(location string) *AssetResponse {
	if loc := leadingSlashes.ReplaceAllString(location, "/"); loc != location {
		location = loc
	}
	return &AssetResponse{Status: 308, Header: http.Header{"Location": {location}}}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Write sends resp to the client.
func (a *Assets) Write(rw http.ResponseWriter, method string, resp *AssetResponse) error {
	h := rw.Header()
	for k, v := range resp.Header {
		h[k] = v
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
	f, err := a.root.Open(resp.file)
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
func (a *Assets) ReadBody(resp *AssetResponse) ([]byte, error) {
	if resp.file == "" {
		return resp.Body, nil
	}
	f, err := a.root.Open(resp.file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, resp.size))
}

// ---- finding files ---------------------------------------------------------

// ignoredTop are top-level names the platform never uploads as assets;
// ignoredAnywhere are names it skips at any depth.
var (
	ignoredTop      = map[string]bool{"_worker.js": true, "_redirects": true, "_headers": true, "_routes.json": true, "functions": true, ".wrangler": true, ".edgedev": true}
	ignoredAnywhere = map[string]bool{".DS_Store": true, "node_modules": true, ".git": true}
)

// find returns the regular file at the decoded URL path p, or nil. It never
// leaves the root.
func (a *Assets) find(p string) *cachedFile {
	rel, ok := assetName(p)
	if !ok {
		return nil
	}
	fi, err := a.root.Stat(rel)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	e, err := a.files.get(a.root, rel, fi)
	if err != nil {
		return nil
	}
	return e
}

// assetName turns a decoded URL path into a name inside the root, or
// reports that it can only be outside it or a file the platform ignores.
func assetName(p string) (string, bool) {
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
		case ignoredAnywhere[s]:
			return "", false
		case len(kept) == 0 && ignoredTop[s]:
			return "", false
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		return "", false
	}
	return path.Join(kept...), true
}

// fileCache remembers each served file's ETag, content type and (for small
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
	contentType string
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
	e = &cachedFile{rel: rel, size: fi.Size(), mod: fi.ModTime(), contentType: contentType(rel)}
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

// contentType is the type the platform's asset server sends for a file: the
// mime package's type for the extension, "; charset=utf-8" added to text/*,
// application/octet-stream when unknown.
func contentType(name string) string {
	t, ok := mimeTypes[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
	if !ok {
		return "application/octet-stream"
	}
	if strings.HasPrefix(t, "text/") {
		return t + "; charset=utf-8"
	}
	return t
}

// mimeTypes follows the npm mime package (v3, standard types) for the
// extensions a static site commonly has.
var mimeTypes = map[string]string{
	"html": "text/html", "htm": "text/html", "shtml": "text/html",
	"css": "text/css", "csv": "text/csv", "txt": "text/plain", "text": "text/plain", "md": "text/markdown", "markdown": "text/markdown",
	"xml": "application/xml", "rss": "application/rss+xml", "atom": "application/atom+xml", "xsl": "application/xml",
	"js": "application/javascript", "mjs": "application/javascript", "cjs": "application/node", "json": "application/json", "map": "application/json",
	"jsonld": "application/ld+json", "webmanifest": "application/manifest+json", "wasm": "application/wasm",
	"pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip", "tar": "application/x-tar",
	"svg": "image/svg+xml", "svgz": "image/svg+xml", "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg",
	"gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
	"woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf", "eot": "application/vnd.ms-fontobject",
	"mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg", "m4a": "audio/mp4", "aac": "audio/aac", "flac": "audio/flac", "weba": "audio/webm",
	"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
	"yaml": "text/yaml", "yml": "text/yaml", "ics": "text/calendar", "vtt": "text/vtt", "wgsl": "text/wgsl",
}
