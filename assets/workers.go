package assets

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// The Workers asset worker: a port of workers-sdk
// packages/workers-shared/asset-worker/src/handler.ts (getIntent and the
// four html_handling functions, notFound, safeRedirect, decodePath,
// encodePath), reference/platform-assets-do-queues.md sections 1.3 to 1.6.
// Its order: _redirects on the raw pathname; the decoded path resolved to
// an intent (a file, or a redirect to the canonical path) by html_handling,
// then not_found_handling; anything but GET or HEAD on a found path is 405;
// a found file whose re-encoded path differs from the request's is a 307 to
// it; then the file with its ETag (or 304).

// intent is what a path resolves to: a file (with the status to serve it
// with), a redirect to another path, or neither (nil).
type intent struct {
	file     *cachedFile
	status   int
	redirect string
}

// generateWorkers answers req with the given not_found_handling. ok is
// false when nothing matched at all: the asset worker's internal "no
// intent" 404, which the router turns into a call to the user's worker.
func (a *Server) generateWorkers(req *Request, nf NotFoundHandling) (resp *Response, ok bool) {
	u := req.URL
	pathname, search := u.Pathname(), u.Search()
	proxied := false
	if resp, rewritten, matched := a.redirect(req, pathname, search); matched {
		if resp != nil {
			return resp, true
		}
		pathname, proxied = rewritten, true
	}
	decoded := decodePath(pathname)
	res := resolver{s: a}
	in := res.intent(decoded, nf, false)
	if in == nil {
		// A 200 rewrite to nothing is a real 404: the worker is not asked.
		return &Response{Status: 404, Header: http.Header{}}, proxied
	}
	if !isGetOrHead(req.Method) {
		return &Response{Status: 405, Header: http.Header{}}, true
	}
	dest := decoded
	if in.redirect != "" {
		dest = in.redirect
	}
	encoded := encodePath(dest)
	if (encoded != pathname && in.file != nil) || in.redirect != "" {
		return &Response{Status: 307, Header: http.Header{"Location": {encoded + search}}}, true
	}
	return a.serveFile(req, in.file, in.status), true
}

// resolver answers the many existence questions one request's html_handling
// asks (up to a dozen for a miss in auto-trailing-slash mode, several about
// the same path), each path stat'ed once.
type resolver struct {
	s    *Server
	memo [12]struct {
		p string
		e *cachedFile
	}
	n int
}

func (a *resolver) exists(p string) *cachedFile {
	for i := range a.n {
		if a.memo[i].p == p {
			return a.memo[i].e
		}
	}
	e := a.s.find(p)
	if a.n < len(a.memo) {
		a.memo[a.n].p, a.memo[a.n].e = p, e
		a.n++
	}
	return e
}

func (a *resolver) intent(p string, nf NotFoundHandling, skip bool) *intent {
	switch a.s.opts.HTMLHandling {
	case ForceTrailingSlash:
		return a.forceTrailingSlash(p, nf, skip)
	case DropTrailingSlash:
		return a.dropTrailingSlash(p, nf, skip)
	case HTMLHandlingNone:
		if e := a.exists(p); e != nil {
			return &intent{file: e, status: 200}
		}
		return a.notFound(p, nf)
	default:
		return a.autoTrailingSlash(p, nf, skip)
	}
}

func found(e *cachedFile) *intent { return &intent{file: e, status: 200} }

func (a *resolver) autoTrailingSlash(p string, nf NotFoundHandling, skip bool) *intent {
	exact := a.exists(p)
	switch {
	case strings.HasSuffix(p, "/index"):
		if exact != nil {
			return found(exact)
		}
		if r := a.safeRedirect(p+".html", p[:len(p)-len("index")], nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(p[:len(p)-len("/index")]+".html", p[:len(p)-len("/index")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/index.html"):
		if r := a.safeRedirect(p, p[:len(p)-len("index.html")], nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(p[:len(p)-len("/index.html")]+".html", p[:len(p)-len("/index.html")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/"):
		if e := a.exists(p + "index.html"); e != nil {
			return found(e)
		}
		if r := a.safeRedirect(p[:len(p)-1]+".html", p[:len(p)-1], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, ".html"):
		base := p[:len(p)-len(".html")]
		if r := a.safeRedirect(p, base, nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(base+"/index.html", base+"/", nf, skip); r != nil {
			return r
		}
	}
	if exact != nil {
		return found(exact)
	}
	if e := a.exists(p + ".html"); e != nil {
		return found(e)
	}
	if r := a.safeRedirect(p+"/index.html", p+"/", nf, skip); r != nil {
		return r
	}
	return a.notFound(p, nf)
}

func (a *resolver) forceTrailingSlash(p string, nf NotFoundHandling, skip bool) *intent {
	exact := a.exists(p)
	switch {
	case strings.HasSuffix(p, "/index"):
		if exact != nil {
			return found(exact)
		}
		if r := a.safeRedirect(p+".html", p[:len(p)-len("index")], nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(p[:len(p)-len("/index")]+".html", p[:len(p)-len("index")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/index.html"):
		if r := a.safeRedirect(p, p[:len(p)-len("index.html")], nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(p[:len(p)-len("/index.html")]+".html", p[:len(p)-len("index.html")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/"):
		if e := a.exists(p + "index.html"); e != nil {
			return found(e)
		}
		if e := a.exists(p[:len(p)-1] + ".html"); e != nil {
			return found(e)
		}
	case strings.HasSuffix(p, ".html"):
		base := p[:len(p)-len(".html")]
		if r := a.safeRedirect(p, base+"/", nf, skip); r != nil {
			return r
		}
		if exact != nil {
			return found(exact) // both /foo.html and /foo/index.html: /foo.html is served at /foo.html only
		}
		if r := a.safeRedirect(base+"/index.html", base+"/", nf, skip); r != nil {
			return r
		}
	}
	if exact != nil {
		return found(exact)
	}
	if r := a.safeRedirect(p+".html", p+"/", nf, skip); r != nil {
		return r
	}
	if r := a.safeRedirect(p+"/index.html", p+"/", nf, skip); r != nil {
		return r
	}
	return a.notFound(p, nf)
}

func (a *resolver) dropTrailingSlash(p string, nf NotFoundHandling, skip bool) *intent {
	exact := a.exists(p)
	switch {
	case strings.HasSuffix(p, "/index"):
		if exact != nil {
			return found(exact)
		}
		if p == "/index" {
			if r := a.safeRedirect("/index.html", "/", nf, skip); r != nil {
				return r
			}
		} else if r := a.safeRedirect(p[:len(p)-len("/index")]+".html", p[:len(p)-len("/index")], nf, skip); r != nil {
			return r
		} else if r := a.safeRedirect(p+".html", p[:len(p)-len("/index")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/index.html"):
		if p == "/index.html" {
			if r := a.safeRedirect("/index.html", "/", nf, skip); r != nil {
				return r
			}
		} else if r := a.safeRedirect(p, p[:len(p)-len("/index.html")], nf, skip); r != nil {
			return r
		} else if exact != nil {
			return found(exact) // both /foo.html and /foo/index.html: /foo/index.html is served there only
		} else if r := a.safeRedirect(p[:len(p)-len("/index.html")]+".html", p[:len(p)-len("/index.html")], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, "/"):
		if p == "/" {
			if e := a.exists("/index.html"); e != nil {
				return found(e)
			}
		} else if r := a.safeRedirect(p[:len(p)-1]+".html", p[:len(p)-1], nf, skip); r != nil {
			return r
		} else if r := a.safeRedirect(p[:len(p)-1]+"/index.html", p[:len(p)-1], nf, skip); r != nil {
			return r
		}
	case strings.HasSuffix(p, ".html"):
		base := p[:len(p)-len(".html")]
		if r := a.safeRedirect(p, base, nf, skip); r != nil {
			return r
		}
		if r := a.safeRedirect(base+"/index.html", base, nf, skip); r != nil {
			return r
		}
	}
	if exact != nil {
		return found(exact)
	}
	if e := a.exists(p + ".html"); e != nil {
		return found(e)
	}
	if e := a.exists(p + "/index.html"); e != nil {
		return found(e)
	}
	return a.notFound(p, nf)
}

// notFound is not_found_handling: the top-level index.html with 200, or the
// nearest 404.html walking up with 404, or nothing.
func (a *resolver) notFound(p string, nf NotFoundHandling) *intent {
	switch nf {
	case SinglePageApplication:
		if e := a.exists("/index.html"); e != nil {
			return &intent{file: e, status: 200}
		}
	case NotFound404Page:
		for cwd := p; cwd != ""; {
			cwd = cwd[:strings.LastIndexByte(cwd, '/')]
			if e := a.exists(cwd + "/404.html"); e != nil {
				return &intent{file: e, status: 404}
			}
		}
	}
	return nil
}

// safeRedirect redirects to destination only when destination is not a
// file itself and resolving it (without further redirects) serves file.
func (a *resolver) safeRedirect(file, destination string, nf NotFoundHandling, skip bool) *intent {
	if skip || a.exists(destination) != nil {
		return nil
	}
	in := a.intent(destination, nf, true)
	if in == nil || in.file == nil {
		return nil
	}
	if f := a.exists(file); f != nil && f.rel == in.file.rel {
		return &intent{redirect: destination}
	}
	return nil
}

// decodePath decodes each segment as decodeURIComponent does (keeping a
// segment that does not decode) and collapses runs of "/".
func decodePath(p string) string {
	var b strings.Builder
	b.Grow(len(p))
	for i, seg := range strings.Split(p, "/") {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(decodeURIComponent(seg))
	}
	s := b.String()
	for strings.Contains(s, "//") {
		s = strings.ReplaceAll(s, "//", "/")
	}
	return s
}

func decodeURIComponent(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			out = append(out, s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return s // URIError: keep the segment raw
		}
		out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
		i += 2
	}
	if !utf8.Valid(out) {
		return s
	}
	return string(out)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// encodePath encodes each segment as encodeURIComponent does.
func encodePath(p string) string {
	clean := true
	for i := 0; i < len(p); i++ {
		if p[i] != '/' && !uriUnreserved(p[i]) {
			clean = false
			break
		}
	}
	if clean {
		return p
	}
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || uriUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// uriUnreserved are the characters encodeURIComponent leaves alone.
func uriUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0
}
