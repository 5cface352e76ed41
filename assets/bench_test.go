package assets

import (
	"net/http"
	"path/filepath"
	"testing"

	"edgedev/weburl"
)

// BenchmarkRoute is the router's cost per request in front of a worker:
// a hit on a file, a page found by html_handling, and a miss (which then
// goes to the worker).
func BenchmarkRoute(b *testing.B) {
	root := writeTree(b, map[string]string{"public/app.js": "console.log(1)", "public/about.html": "about", "public/index.html": "home"})
	f, err := Open(filepath.Join(root, "public"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	srv := f.With(Options{NotFound: SinglePageApplication})
	routing := &Routing{HasWorker: true, NavigationPrefersAssets: true}
	for _, path := range []string{"/app.js", "/about", "/missing"} {
		b.Run(path, func(b *testing.B) {
			u, _ := weburl.Parse("http://localhost:8787"+path, nil)
			req := &Request{Method: "GET", URL: u, Header: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				srv.Route(req, routing)
			}
		})
	}
}
