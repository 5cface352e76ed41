package assets

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"edgedev/weburl"
)

// The Pages asset server, following the platform's asset-server handler
// (reference/workers-platform.md section 5.4 and section 7):
//
//  1. _redirects (static rules exactly, then dynamic ones); a 200 rule
//     rewrites the path to another asset;
//  2. anything but GET or HEAD gets 405;
//  3. HTML handling: /about serves about.html, /about.html and
//     /about/index.html redirect (308) to their canonical URLs, /about with
//     only about/index.html redirects to /about/;
//  4. not found: the nearest 404.html walking up (status 404), else the
//     top-level index.html with 200 (single-page app), else an empty 404;
//  5. the headers the platform adds, then _headers (in Serve).
func (a *Server) generatePages(req *Request) *Response {
	u := req.URL
	pathname := u.Pathname()
	search := u.Search()
	if resp, rewritten, ok := a.redirect(req, pathname, search); ok {
		if resp != nil {
			return resp
		}
		pathname = rewritten
	}
	if !isGetOrHead(req.Method) {
		return &Response{Status: 405, Header: http.Header{}}
	}
	if d, err := url.PathUnescape(pathname); err == nil {
		pathname = d
	}
	if strings.HasSuffix(pathname, "/") {
		if e := a.find(pathname + "index.html"); e != nil {
			return a.serveFile(req, e, 200)
		}
		if strings.HasSuffix(pathname, "/index/") {
			return permanentRedirect("/" + pathname[1:len(pathname)-len("index/")] + search)
		}
		if e := a.find(strings.TrimSuffix(pathname, "/") + ".html"); e != nil && pathname != "/" {
			return permanentRedirect("/" + pathname[1:len(pathname)-1] + search)
		}
		return a.pagesNotFound(req, pathname)
	}
	if e := a.find(pathname); e != nil {
		if !strings.HasSuffix(pathname, ".html") {
			return a.serveFile(req, e, 200)
		}
		extless := strings.TrimSuffix(pathname, ".html")
		switch {
		case strings.HasSuffix(extless, "/index"):
			return permanentRedirect(strings.TrimSuffix(extless, "index") + search)
		case extless == "/" || a.find(extless) != nil:
			return a.serveFile(req, e, 200)
		default:
			return permanentRedirect(extless + search)
		}
	}
	if strings.HasSuffix(pathname, "/index") {
		return permanentRedirect("/" + pathname[1:len(pathname)-len("index")] + search)
	}
	if e := a.find(pathname + ".html"); e != nil {
		return a.serveFile(req, e, 200)
	}
	if e := a.find(pathname + "/index.html"); e != nil {
		return permanentRedirect(pathname + "/" + search)
	}
	return a.pagesNotFound(req, pathname)
}

// redirect applies _redirects, the same way in both servers: a redirect
// rule answers (resp set), a 200 rule rewrites the pathname (resp nil,
// ok), no rule leaves it (ok false).
func (a *Server) redirect(req *Request, pathname, search string) (resp *Response, rewritten string, ok bool) {
	u := req.URL
	m, ok := a.opts.Redirects.Match(u.Host(), u.Hostname(), pathname)
	if !ok {
		return nil, "", false
	}
	dest, err := weburl.Parse(m.To, u)
	if err != nil {
		return &Response{Status: 500, Header: http.Header{}}, "", true
	}
	if m.Status == 200 {
		return nil, dest.Pathname(), true
	}
	var location string
	if dest.Origin() == u.Origin() {
		location = dest.Pathname() + firstNonEmpty(dest.Search(), search) + dest.Hash()
	} else {
		href := strings.TrimSuffix(dest.Href(), dest.Hash())
		href = strings.TrimSuffix(href, dest.Search())
		location = href + firstNonEmpty(dest.Search(), search) + dest.Hash()
	}
	if a.opts.Pages {
		return redirectResponse(m.Status, location), "", true
	}
	// The asset worker's redirect responses have no body.
	return &Response{Status: m.Status, Header: http.Header{"Location": {location}}}, "", true
}

func isGetOrHead(method string) bool {
	return strings.EqualFold(method, "GET") || strings.EqualFold(method, "HEAD")
}

// pagesNotFound looks for the nearest 404.html walking up from the
// request's directory, then falls back to the top-level index.html
// (single-page app).
func (a *Server) pagesNotFound(req *Request, pathname string) *Response {
	for cwd := pathname; cwd != ""; {
		cwd = cwd[:strings.LastIndexByte(cwd, '/')]
		if e := a.find(cwd + "/404.html"); e != nil {
			// No ETag and no If-None-Match here: the platform answers a
			// missing page with the 404 page's body every time.
			resp := &Response{Status: 404, size: e.size, Header: http.Header{
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
		return a.serveFile(req, e, 200)
	}
	return &Response{Status: 404, Header: http.Header{"Cache-Control": {"no-store"}}}
}

// attachPagesHeaders adds what the Pages asset server adds to every answer
// (CORS, referrer policy, nosniff when there is a content type); _headers
// comes after, in Serve.
func (a *Server) attachPagesHeaders(resp *Response) {
	h := resp.Header
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if h.Get("Content-Type") != "" {
		h.Set("X-Content-Type-Options", "nosniff")
	}
}

func redirectResponse(status int, location string) *Response {
	h := http.Header{"Location": {location}}
	if status == 308 {
		return &Response{Status: 308, Header: h} // the platform's 308 has no body
	}
	h.Set("Content-Type", "text/plain;charset=UTF-8")
	return &Response{Status: status, Header: h, Body: []byte("Redirecting to " + location)}
}

// leadingSlashes is the platform's guard against a canonical redirect to
// "//evil.example": leading slashes, backslashes, tabs and their encodings
// collapse to one "/".
var leadingSlashes = regexp.MustCompile(`^(?:/|%2F|%2f|%5C|%5c|%09|\s|\\)+`)

func permanentRedirect(location string) *Response {
	if loc := leadingSlashes.ReplaceAllString(location, "/"); loc != location {
		location = loc
	}
	return &Response{Status: 308, Header: http.Header{"Location": {location}}}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
