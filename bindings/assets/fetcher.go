package assets

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"edgedev/runtime/module"

	"github.com/dop251/goja"

	"edgedev/assets"
	"edgedev/bindings"
	"edgedev/weburl"
)

// maxRedirects is how many redirects env.ASSETS.fetch follows before it
// gives up, as fetch does.
const maxRedirects = 20

// New is env.ASSETS: an object with fetch(input, init?) that returns a
// Promise of a Response from the asset server a. Like the platform's, it
// goes straight to the assets (never the worker, never Pages functions),
// applies _redirects, _headers and not_found_handling, and follows
// redirects (canonical 307s and 308s, _redirects rules) when the request's
// redirect mode is "follow", which it is for a URL or a new Request; an
// incoming request has mode "manual", so Pages' next() hands redirects to
// the client.
func New(a *assets.Server) bindings.Binding { return &assetsBinding{a: a} }

// assetsBinding serves from a fixed Server (Pages: each build has its own),
// or from a Site's current one (Workers: the rules follow the directory).
type assetsBinding struct {
	a    *assets.Server
	site *Site
}

func (b *assetsBinding) server() *assets.Server {
	if b.site != nil {
		return b.site.Server()
	}
	return b.a
}

func (b *assetsBinding) Expose(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	requestCtor, ok := vm.Get("Request").(*goja.Object)
	if !ok {
		return nil, errors.New("the Request global is missing")
	}
	responseCtor, ok := vm.Get("Response").(*goja.Object)
	if !ok {
		return nil, errors.New("the Response global is missing")
	}
	obj := vm.NewObject()
	fetch := func(call goja.FunctionCall) goja.Value {
		p, settle := h.Async()
		req, err := readRequest(vm, requestCtor, call.Arguments)
		if err != nil {
			settle(func() (goja.Value, error) { return nil, err })
			return vm.ToValue(p)
		}
		go func() {
			srv := b.server()
			resp, final, err := b.serve(srv, req)
			var body []byte
			if err == nil {
				body, err = srv.ReadBody(resp)
			}
			settle(func() (goja.Value, error) {
				if err != nil {
					return nil, err
				}
				return makeResponse(vm, responseCtor, resp, body, final, final != req.url.Href())
			})
		}()
		return vm.ToValue(p)
	}
	if err := obj.Set("fetch", fetch); err != nil {
		return nil, err
	}
	return obj, nil
}

func (b *assetsBinding) Close() error { return nil }

// assetRequest is what fetch's arguments boil down to.
type assetRequest struct {
	method   string
	url      *weburl.URL
	header   http.Header
	redirect string
}

// readRequest runs `new Request(input, init)` so that arguments are checked
// and converted exactly as fetch does, then reads what the asset server
// needs. Loop goroutine only.
func readRequest(vm *goja.Runtime, ctor *goja.Object, args []goja.Value) (*assetRequest, error) {
	if len(args) == 0 {
		return nil, module.Reject(vm.NewTypeError("Failed to execute 'fetch' on 'Fetcher': 1 argument required, but only 0 present."))
	}
	if len(args) > 2 {
		args = args[:2]
	}
	reqV, err := vm.New(ctor, args...)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			return nil, module.Reject(ex.Value())
		}
		return nil, err
	}
	raw := reqV.Get("url").String()
	u, err := weburl.Parse(raw, nil)
	if err != nil {
		return nil, module.Reject(vm.NewTypeError("%s", "Invalid URL: "+raw))
	}
	r := &assetRequest{method: reqV.Get("method").String(), url: u, header: http.Header{}, redirect: reqV.Get("redirect").String()}
	headers := reqV.Get("headers").ToObject(vm)
	get, ok := goja.AssertFunction(headers.Get("get"))
	if !ok {
		return nil, errors.New("request.headers has no get")
	}
	for _, name := range []string{"If-None-Match", "Authorization", "Range"} {
		v, err := get(headers, vm.ToValue(strings.ToLower(name)))
		if err != nil {
			return nil, err
		}
		if !goja.IsNull(v) && !goja.IsUndefined(v) {
			r.header.Set(name, v.String())
		}
	}
	return r, nil
}

// serve answers req, following same-origin redirects when asked to. It runs
// off the loop. It returns the final response and the URL it came from.
func (b *assetsBinding) serve(srv *assets.Server, req *assetRequest) (*assets.Response, string, error) {
	u, method := req.url, req.method
	for hops := 0; ; hops++ {
		resp := srv.Serve(&assets.Request{Method: method, URL: u, Header: req.header})
		loc := resp.Header.Get("Location")
		if !isRedirect(resp.Status) || loc == "" || req.redirect == "manual" {
			return resp, u.Href(), nil
		}
		if req.redirect == "error" {
			return nil, "", fmt.Errorf("fetch %s: the asset server redirected to %s and the request's redirect mode is \"error\"", u.Href(), loc)
		}
		next, err := weburl.Parse(loc, u)
		if err != nil || next.Origin() != u.Origin() {
			// A redirect off the site is the client's to follow.
			return resp, u.Href(), nil
		}
		if hops >= maxRedirects {
			return nil, "", fmt.Errorf("fetch %s: more than %d redirects", req.url.Href(), maxRedirects)
		}
		if resp.Status == 303 || ((resp.Status == 301 || resp.Status == 302) && method == "POST") {
			method = "GET"
		}
		u = next
	}
}

func isRedirect(status int) bool {
	return status == 301 || status == 302 || status == 303 || status == 307 || status == 308
}

// makeResponse builds a JS Response with the global constructor. Loop only.
func makeResponse(vm *goja.Runtime, ctor *goja.Object, resp *assets.Response, body []byte, url string, redirected bool) (goja.Value, error) {
	headers := make([]any, 0, len(resp.Header))
	for k, vs := range resp.Header {
		for _, v := range vs {
			headers = append(headers, vm.NewArray(strings.ToLower(k), v))
		}
	}
	init := vm.NewObject()
	_ = init.Set("status", resp.Status)
	_ = init.Set("statusText", assets.StatusText(resp.Status))
	_ = init.Set("headers", vm.NewArray(headers...))
	var bodyV goja.Value = goja.Null()
	if body != nil && resp.Status != 304 {
		bodyV = vm.ToValue(vm.NewArrayBuffer(body))
	}
	r, err := vm.New(ctor, bodyV, init)
	if err != nil {
		return nil, err
	}
	if redirected {
		// Only a followed redirect is marked: a Response with the default
		// url and redirected passes through the middleware chain without
		// being rebuilt (see cloneResponse in js/entry.js).
		_ = r.Set("url", url)
		_ = r.Set("redirected", true)
	}
	return r, nil
}

var _ bindings.Binding = (*assetsBinding)(nil)
