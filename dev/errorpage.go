package dev

import (
	"html/template"
	"net/http"
	"strings"
)

// writeErrorPage answers a failed request with 500: an HTML page for
// browsers (Accept includes text/html), plain text otherwise, both with the
// message and the source-mapped stack.
func writeErrorPage(rw http.ResponseWriter, r *http.Request, err error) {
	h := rw.Header()
	h.Set("Cache-Control", "no-store")
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		h.Set("Content-Type", "text/html; charset=utf-8")
		rw.WriteHeader(http.StatusInternalServerError)
		msg, stack, _ := strings.Cut(err.Error(), "\n")
		_ = errorPage.Execute(rw, struct{ Message, Stack, Method, URL string }{msg, stack, r.Method, r.URL.RequestURI()})
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	rw.WriteHeader(http.StatusInternalServerError)
	_, _ = rw.Write([]byte(err.Error() + "\n"))
}

var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>500 · {{.Message}}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.1rem;color:#b00020;white-space:pre-wrap;word-break:break-word}
pre{background:#f6f6f6;padding:1rem;overflow:auto;border-radius:6px}
p{color:#666}
</style></head><body>
<h1>{{.Message}}</h1>
<pre>{{.Stack}}</pre>
<p>{{.Method}} {{.URL}} · served by edgedev dev · fix the code and reload</p>
</body></html>
`))
