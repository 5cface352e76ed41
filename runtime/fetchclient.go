// Outbound fetch, after the Fetch Standard (https://fetch.spec.whatwg.org/#fetch-method)
// as workerd implements it (src/workerd/api/http.c++). js/fetchclient.js is
// the JS half (its first comment lists what is knowingly missing); this file
// sends the request with net/http on its own goroutine and settles the
// promise back on the loop, so the loop never waits for the network, which is
// also why a worker can fetch its own dev server.
//
// Request bodies: strings, bytes and Blobs go out as bytes (and can be sent
// again after a 307/308); a ReadableStream is pulled from JS as the transport
// reads it (jsBody); an incoming request body forwarded with fetch(request)
// goes from socket to socket without visiting JS. Response bodies up to
// maxEagerResponse with a known length are read before the promise settles
// (one loop hop, no stream machinery); larger or unsized ones become a
// ReadableStream that reads the socket only when the worker pulls.
//
// Redirects are followed here, not by net/http, to apply workerd's rules:
// at most 20, Authorization dropped across origins, 301/302 POST and 303
// become a bodiless GET, and a one-time body cannot be resent.

package runtime

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"edgedev/runtime/module"

	"github.com/dop251/goja"

	"edgedev/runtime/web/encoding"
	"edgedev/weburl"
)

const (
	// maxRedirects is the Fetch Standard's redirect limit, which workerd
	// enforces with "Too many redirects.".
	maxRedirects = 20
	// maxEagerResponse is the largest response body (by Content-Length)
	// read in full before fetch resolves.
	maxEagerResponse = 64 << 10
	// maxRedirectDrain bounds how much of a redirect response's body is read
	// to keep its connection reusable; a larger one closes the connection.
	maxRedirectDrain = 256 << 10
)

// ControlPrefix is the path of the dev server's control endpoints, which a
// worker's fetch never reaches (on any host, and after any redirect).
const ControlPrefix = "/cdn-cgi/edgedev/"

// The platform's messages for redirects it will not follow.
const (
	msgTooManyRedirects = "Too many redirects."
	msgBadLocation      = "Invalid Location header; unable to follow redirect."
	msgOneTimeBody      = "A request with a one-time-use body (it was initialized from a stream, not a buffer) " +
		"encountered a redirect requiring the body to be retransmitted. To avoid this error in the future, " +
		"construct this request from a buffer-like body initializer."
)

//go:embed js/fetchclient.js
var fetchClientJS string

var fetchClientFile = module.NewJSFile("edgedev:fetchclient.js", fetchClientJS)

// fetchClient sends one instance's subrequests. Its transport keeps
// connections alive between fetches and drops them when the instance is
// retired.
type fetchClient struct {
	inst *instance
	// rt sends one request; redirects are ours (see do), so the client
	// layer of net/http, which would parse Location itself, is not used.
	rt http.RoundTripper
}

func newFetchClient(inst *instance) *fetchClient {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// A proxying worker reuses connections to one upstream heavily; the
	// default of 2 idle connections per host would churn sockets.
	tr.MaxIdleConns = 256
	tr.MaxIdleConnsPerHost = 64
	tr.WriteBufferSize = 64 << 10
	context.AfterFunc(inst.ctx, tr.CloseIdleConnections)
	return &fetchClient{inst: inst, rt: tr}
}

// installFetchClient defines globalThis.fetch. hooks is what
// js/headers_request_response.js returned (requestParts, makeResponse);
// events.Install must have run, for the abort hooks it returned
// (inst.abortHooks).
func installFetchClient(inst *instance, hooks *goja.Object) error {
	vm := inst.vm
	if inst.abortHooks == nil {
		return fmt.Errorf("Event/AbortSignal are not installed (install them before fetch)")
	}
	install, err := fetchClientFile.Load(vm)
	if err != nil {
		return err
	}
	fc := newFetchClient(inst)
	_, err = install(goja.Undefined(), fc.natives(), hooks, inst.abortHooks)
	return err
}

// fetchSpec is one fetch as JS handed it over.
type fetchSpec struct {
	method string
	url    string
	header http.Header
	body   outBody
	manual bool // redirect: "manual"
}

// outBody is a request body: data when it can be sent again, stream when
// it can be read once. Neither set means no body.
type outBody struct {
	data   []byte
	stream io.ReadCloser
	length int64 // of stream, from a Content-Length header; -1 if unknown
}

func (b outBody) close() {
	if b.stream != nil {
		_ = b.stream.Close()
	}
}

// natives is the `native` object js/fetchclient.js closes over.
func (fc *fetchClient) natives() *goja.Object {
	inst := fc.inst
	vm := inst.vm
	n := module.NewNatives(vm)
	set := n.Func
	n.Value("layout", layoutObject(vm))
	set("fetch", func(c goja.FunctionCall) goja.Value {
		// The arguments are requestParts' elements in its order (parts.go),
		// then finish.
		spec := &fetchSpec{
			method: c.Argument(reqMethod).String(),
			url:    c.Argument(reqURL).String(),
			manual: c.Argument(reqRedirect).String() == "manual",
		}
		spec.header, spec.body.length = outHeader(c.Argument(reqHeaders).String())
		op := newFetchOp(inst)
		switch c.Argument(reqKind).ToInteger() {
		case bodyText:
			spec.body.data = []byte(c.Argument(reqBody).String())
		case bodyBytes:
			raw, ok := inst.idl.Bytes(c.Argument(reqBody))
			if !ok {
				panic(vm.NewTypeError("fetch: request body is not bytes"))
			}
			spec.body.data = bytes.Clone(raw)
			if spec.body.data == nil {
				spec.body.data = []byte{}
			}
		case bodyGo:
			in, ok := c.Argument(reqBody).Export().(*incomingBody)
			if !ok {
				panic(vm.NewTypeError("fetch: request body is not an incoming body"))
			}
			spec.body.stream = in.r
		case bodyStream:
			spec.body.stream = newJSBody(inst, op, c.Argument(reqBody))
			if n := c.Argument(reqLength).ToInteger(); spec.body.length < 0 && n >= 0 {
				spec.body.length = n // a FixedLengthStream's
			}
		}
		finish, ok := goja.AssertFunction(c.Argument(reqLength + 1))
		if !ok {
			panic(vm.NewTypeError("fetch: no finish function"))
		}
		p, settle := inst.Async()
		go func() {
			res, err := fc.do(op, spec)
			settle(func() (goja.Value, error) {
				if err != nil {
					op.finish()
					_, _ = finish(goja.Undefined(), goja.Null()) // lets JS drop its abort listener
					return nil, op.jsError(vm, err)
				}
				return finish(goja.Undefined(), res.value(inst)) // the Response, or what building it threw
			})
		}()
		return vm.NewArray(op, p)
	})
	set("abort", func(c goja.FunctionCall) goja.Value {
		if op, ok := c.Argument(0).Export().(*fetchOp); ok {
			op.abort(c.Argument(1))
		}
		return goja.Undefined()
	})
	set("readBody", func(c goja.FunctionCall) goja.Value {
		b, ok := c.Argument(0).Export().(*fetchBody)
		if !ok {
			panic(vm.NewTypeError("readBody: not a response body"))
		}
		return b.read(inst)
	})
	set("cancelBody", func(c goja.FunctionCall) goja.Value {
		if b, ok := c.Argument(0).Export().(*fetchBody); ok {
			go b.close()
		}
		return goja.Undefined()
	})
	set("dataURL", func(c goja.FunctionCall) goja.Value {
		typ, data, ok := parseDataURL(c.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return vm.NewArray(typ, inst.idl.Uint8Array(data))
	})
	return n.Object()
}

// hopHeaders are request headers the transport owns or that describe one
// connection rather than the request; forwarding an incoming request must
// not copy them onto the subrequest.
var hopHeaders = map[string]bool{
	"host": true, "content-length": true, "transfer-encoding": true, "connection": true,
	"keep-alive": true, "proxy-connection": true, "upgrade": true, "te": true, "trailer": true,
}

// outHeader parses js/headers_request_response.js's flat "name\nvalue\n..." header list. It
// returns the Content-Length the worker set (or -1), which only a stream
// body uses.
func outHeader(flat string) (http.Header, int64) {
	h := make(http.Header)
	length := int64(-1)
	for rest := flat; rest != ""; {
		var k, v string
		k, rest, _ = strings.Cut(rest, "\n")
		v, rest, _ = strings.Cut(rest, "\n")
		if hopHeaders[k] {
			if k == "content-length" {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
					length = n
				}
			}
			continue
		}
		ck := http.CanonicalHeaderKey(k)
		h[ck] = append(h[ck], v)
	}
	if _, ok := h["User-Agent"]; !ok {
		h["User-Agent"] = []string{""} // send none, rather than Go's default
	}
	return h, length
}

// ---- one fetch ----------------------------------------------------------

// fetchOp is one fetch in flight. JS holds it to abort; the goroutine
// doing the request and the body reader consult it.
type fetchOp struct {
	ctx       context.Context
	cancel    context.CancelFunc
	unwatch   func() bool // stops following the request that made the fetch; nil outside one
	abandoned atomic.Bool // the request that made it was abandoned (owner.go)

	mu      sync.Mutex
	aborted bool
	reason  goja.Value // only ever used on the loop
}

// newFetchOp makes the cancellation of one fetch: it ends with the
// instance, and with the request that made it if that request is
// abandoned (owner.go). Loop only.
func newFetchOp(inst *instance) *fetchOp {
	ctx, cancel := context.WithCancel(inst.ctx)
	op := &fetchOp{ctx: ctx, cancel: cancel}
	if rc := inst.Context(); rc != inst.ctx {
		op.unwatch = context.AfterFunc(rc, func() {
			op.abandoned.Store(true)
			cancel()
		})
	}
	return op
}

// abort cancels the request (or the body still streaming); reads then fail
// with reason. Loop only.
func (op *fetchOp) abort(reason goja.Value) {
	op.mu.Lock()
	if !op.aborted {
		op.aborted = true
		op.reason = reason
	}
	op.mu.Unlock()
	op.cancel()
}

// finish releases the op's context once nothing can use it any more.
func (op *fetchOp) finish() {
	op.cancel()
	if op.unwatch != nil {
		op.unwatch()
	}
}

func (op *fetchOp) abortReason() (goja.Value, bool) {
	op.mu.Lock()
	defer op.mu.Unlock()
	return op.reason, op.aborted
}

// fetchError is a failure JS sees as a TypeError with this message.
type fetchError struct{ msg string }

func (e *fetchError) Error() string { return e.msg }

// jsStreamError carries what a request body stream failed with, so the
// fetch rejects with the worker's own error.
type jsStreamError struct{ v goja.Value }

func (e *jsStreamError) Error() string { return "the request body stream failed" }

// jsError turns a failure into the value the promise or stream rejects
// with. Loop only.
func (op *fetchOp) jsError(vm *goja.Runtime, err error) error {
	if r, ok := op.abortReason(); ok {
		return module.Reject(r)
	}
	var je *jsStreamError
	if errors.As(err, &je) {
		return module.Reject(je.v)
	}
	if op.abandoned.Load() {
		return module.Reject(vm.NewTypeError("%s", "Network connection lost. "+ErrAbandoned.Error()))
	}
	var fe *fetchError
	if !errors.As(err, &fe) {
		fe = &fetchError{msg: "Network connection lost. " + err.Error()}
	}
	return module.Reject(vm.NewTypeError("%s", fe.msg))
}

// networkError describes a transport failure, naming the request.
func networkError(method, u string, err error) error {
	var je *jsStreamError
	if errors.As(err, &je) {
		return je
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &fetchError{msg: fmt.Sprintf("Network connection lost. %s %s failed: %v", method, u, err)}
}

// fetchResult is what a fetch resolved to, before it becomes a Response.
type fetchResult struct {
	status     int
	statusText string
	header     []any // lowercase name, value, ...
	data       []byte
	body       *fetchBody
	url        string
	redirected bool
}

// value is [status, statusText, headers, body, url, redirected] for
// headers_request_response.js's makeResponse. Loop only.
func (r *fetchResult) value(inst *instance) goja.Value {
	vm := inst.vm
	var body goja.Value = goja.Null()
	switch {
	case r.body != nil:
		body = vm.ToValue(r.body)
	case r.data != nil:
		body = inst.idl.Uint8Array(r.data)
	}
	return vm.NewArray(r.status, r.statusText, vm.NewArray(r.header...), body, r.url, r.redirected) // parts.go: res*
}

// do sends the request and follows redirects. It runs on its own goroutine.
func (fc *fetchClient) do(op *fetchOp, spec *fetchSpec) (*fetchResult, error) {
	urls := []string{spec.url}
	method, cur, header, body := spec.method, spec.url, spec.header, spec.body
	for {
		req, err := newOutRequest(op.ctx, method, cur, header, body)
		if err != nil {
			body.close()
			return nil, &fetchError{msg: fmt.Sprintf("Fetch API cannot load: %s (%v)", cur, err)}
		}
		resp, err := fc.rt.RoundTrip(req)
		if err != nil {
			return nil, networkError(method, cur, err)
		}
		locs, hasLoc := resp.Header["Location"]
		if spec.manual || !isRedirectStatus(resp.StatusCode) || !hasLoc {
			return finishResponse(op, method, resp, urls)
		}
		// Follow: read the redirect's body out of the way first, so its
		// connection can carry the next request.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxRedirectDrain))
		_ = resp.Body.Close()
		base, err := weburl.Parse(cur, nil)
		if err != nil {
			return nil, &fetchError{msg: msgBadLocation}
		}
		next, err := weburl.Parse(locs[0], base)
		if err != nil {
			return nil, &fetchError{msg: msgBadLocation}
		}
		if len(urls)-1 >= maxRedirects {
			return nil, &fetchError{msg: msgTooManyRedirects}
		}
		if next.Scheme() != "http" && next.Scheme() != "https" {
			return nil, &fetchError{msg: "Fetch API cannot load: " + next.Href()}
		}
		if next.Origin() != base.Origin() {
			if _, ok := header["Authorization"]; ok {
				header = header.Clone()
				delete(header, "Authorization")
			}
		}
		status := resp.StatusCode
		if status != 303 && body.stream != nil {
			return nil, &fetchError{msg: msgOneTimeBody}
		}
		if ((status == 301 || status == 302) && method == "POST") || (status == 303 && method != "HEAD") {
			method = "GET"
			body = outBody{}
		}
		cur = next.Href()
		urls = append(urls, cur)
	}
}

func newOutRequest(ctx context.Context, method, u string, header http.Header, body outBody) (*http.Request, error) {
	var rd io.Reader
	switch {
	case body.data != nil:
		rd = bytes.NewReader(body.data)
	case body.stream != nil:
		rd = body.stream
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(req.URL.Path, ControlPrefix) {
		// A worker that proxies what it is sent must not hand the network
		// the dev server's control API (which trusts loopback clients).
		return nil, errors.New("edgedev's control endpoints cannot be fetched from a worker")
	}
	req.Header = header
	switch {
	case body.stream != nil && body.length == 0:
		// Go's client reads ContentLength 0 with a body as "unknown" and
		// would send it chunked; identity makes it a real zero.
		req.TransferEncoding = []string{"identity"}
	case body.stream != nil && body.length > 0:
		req.ContentLength = body.length
	case body.stream != nil:
		req.ContentLength = -1
	case body.data != nil && len(body.data) == 0:
		// A present but empty body says so with Content-Length: 0, as
		// workerd does, whatever the method.
		req.TransferEncoding = []string{"identity"}
	}
	return req, nil
}

func isRedirectStatus(s int) bool { return s == 301 || s == 302 || s == 303 || s == 307 || s == 308 }

func isNullBodyStatus(s int) bool { return s == 101 || s == 204 || s == 205 || s == 304 }

// finishResponse turns resp into a fetchResult, reading a small body now.
func finishResponse(op *fetchOp, method string, resp *http.Response, urls []string) (*fetchResult, error) {
	last := urls[len(urls)-1]
	if i := strings.IndexByte(last, '#'); i >= 0 {
		last = last[:i] // a response URL has no fragment
	}
	r := &fetchResult{
		status:     resp.StatusCode,
		statusText: strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode))),
		url:        last,
		redirected: len(urls) > 1,
	}
	n := 0
	for _, vs := range resp.Header {
		n += 2 * len(vs)
	}
	r.header = make([]any, 0, n)
	for k, vs := range resp.Header {
		lk := lowerName(k)
		for _, v := range vs {
			r.header = append(r.header, lk, v)
		}
	}
	switch {
	case method == "HEAD" || isNullBodyStatus(resp.StatusCode):
		_ = resp.Body.Close()
		op.finish()
	case resp.ContentLength >= 0 && resp.ContentLength <= maxEagerResponse:
		r.data = make([]byte, resp.ContentLength)
		_, err := io.ReadFull(resp.Body, r.data)
		_ = resp.Body.Close()
		if err != nil {
			return nil, networkError(method, last, fmt.Errorf("reading the response body: %w", err))
		}
		op.finish()
	default:
		r.body = newFetchBody(op, resp.Body, method, last)
	}
	return r, nil
}

// ---- response bodies --------------------------------------------------------

// fetchBody is a response body the worker reads chunk by chunk. When the
// worker drops the Response without reading it to the end, the cleanup
// closes the connection once the JS object is collected.
type fetchBody struct {
	op     *fetchOp
	method string
	url    string
	r      io.ReadCloser
	mu     sync.Mutex // serialises reads
	once   sync.Once
}

type bodyCleanup struct {
	r      io.ReadCloser
	cancel context.CancelFunc
}

func newFetchBody(op *fetchOp, r io.ReadCloser, method, u string) *fetchBody {
	b := &fetchBody{op: op, r: r, method: method, url: u}
	goruntime.AddCleanup(b, func(c bodyCleanup) {
		_ = c.r.Close()
		c.cancel()
	}, bodyCleanup{r: r, cancel: op.cancel})
	return b
}

func (b *fetchBody) close() {
	b.once.Do(func() {
		_ = b.r.Close()
		b.op.finish()
	})
}

var chunkPool = sync.Pool{New: func() any { b := make([]byte, bodyChunk); return &b }}

// read resolves to the next chunk as a Uint8Array, or null at the end.
func (b *fetchBody) read(inst *instance) goja.Value {
	p, settle := inst.Async()
	go func() {
		buf := chunkPool.Get().(*[]byte)
		b.mu.Lock()
		n, err := io.ReadAtLeast(b.r, *buf, 1)
		b.mu.Unlock()
		var data []byte
		if n > 0 {
			data = bytes.Clone((*buf)[:n])
		}
		chunkPool.Put(buf)
		if n == 0 {
			b.close()
		}
		settle(func() (goja.Value, error) {
			switch {
			case n > 0:
				return inst.idl.Uint8Array(data), nil
			case err == io.EOF:
				return goja.Null(), nil
			}
			return nil, b.op.jsError(inst.vm, networkError(b.method, b.url, fmt.Errorf("reading the response body: %w", err)))
		})
	}()
	return inst.vm.ToValue(p)
}

// ---- request bodies from JS streams -------------------------------------------

// jsBody is a ReadableStream request body: the transport's Read pulls the
// next chunk from the JS reader through the loop, so the worker produces
// data only as fast as the upstream takes it.
type jsBody struct {
	inst   *instance
	op     *fetchOp
	reader goja.Value // loop only

	res  chan jsChunk  // one outstanding read at a time
	stop chan struct{} // closed by Close
	once sync.Once

	// owned by the Read caller
	buf []byte
	err error
}

type jsChunk struct {
	data []byte
	eof  bool
	err  error
}

func newJSBody(inst *instance, op *fetchOp, reader goja.Value) *jsBody {
	return &jsBody{inst: inst, op: op, reader: reader, res: make(chan jsChunk, 1), stop: make(chan struct{})}
}

var errBodyClosed = errors.New("request body closed")

func (b *jsBody) Read(p []byte) (int, error) {
	for len(b.buf) == 0 {
		if b.err != nil {
			return 0, b.err
		}
		if !b.inst.loop.post(b.pull) {
			b.err = ErrClosed
			continue
		}
		select {
		case c := <-b.res:
			switch {
			case c.err != nil:
				b.err = c.err
			case c.eof:
				b.err = io.EOF
			default:
				b.buf = c.data
			}
		case <-b.stop:
			b.err = errBodyClosed
		case <-b.inst.loop.done:
			b.err = ErrClosed
		}
	}
	n := copy(p, b.buf)
	b.buf = b.buf[n:]
	return n, nil
}

// pull asks the JS reader for one chunk. Loop only.
func (b *jsBody) pull() {
	vm := b.inst.vm
	fail := func(err error) { b.res <- jsChunk{err: err} }
	read, ok := goja.AssertFunction(b.reader.ToObject(vm).Get("read"))
	if !ok {
		fail(&fetchError{msg: "request body reader has no read()"})
		return
	}
	pv, err := read(b.reader)
	if err != nil {
		fail(&jsStreamError{v: b.inst.errorValue(err)})
		return
	}
	b.inst.loop.hold()
	err = b.inst.then(pv, func(v goja.Value) {
		b.inst.loop.release()
		o, ok := v.(*goja.Object)
		if !ok {
			fail(&fetchError{msg: "request body reader returned a non-object"})
			return
		}
		if o.Get("done").ToBoolean() {
			b.res <- jsChunk{eof: true}
			return
		}
		raw, ok := b.inst.idl.Bytes(o.Get("value"))
		if !ok {
			e := vm.NewTypeError("This ReadableStream did not return bytes.")
			b.cancelReader(e)
			fail(&jsStreamError{v: e})
			return
		}
		b.res <- jsChunk{data: bytes.Clone(raw)}
	}, func(e goja.Value) {
		b.inst.loop.release()
		fail(&jsStreamError{v: e})
	})
	if err != nil {
		b.inst.loop.release()
		fail(err)
	}
}

// Close is called by the transport when it is done with the body, early
// (an error, an abort, the server answered first) or at the end.
func (b *jsBody) Close() error {
	b.once.Do(func() {
		close(b.stop)
		b.inst.loop.post(func() {
			var reason goja.Value = goja.Undefined()
			if r, ok := b.op.abortReason(); ok {
				reason = r
			}
			b.cancelReader(reason)
		})
	})
	return nil
}

// cancelReader cancels the JS stream (a no-op once it has ended) without
// leaving an unhandled rejection behind. Loop only.
func (b *jsBody) cancelReader(reason goja.Value) {
	vm := b.inst.vm
	cancel, ok := goja.AssertFunction(b.reader.ToObject(vm).Get("cancel"))
	if !ok {
		return
	}
	pv, err := cancel(b.reader, reason)
	if err == nil && asPromise(pv) != nil {
		_ = b.inst.then(pv, func(goja.Value) {}, func(goja.Value) {})
	}
}

// ---- data: URLs ------------------------------------------------------------------

// parseDataURL is the Fetch Standard's data: URL processor
// (https://fetch.spec.whatwg.org/#data-url-processor), given a URL the
// WHATWG parser already serialised.
func parseDataURL(href string) (mimeType string, data []byte, ok bool) {
	rest, found := strings.CutPrefix(href, "data:")
	if !found {
		return "", nil, false
	}
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	typ, body, found := strings.Cut(rest, ",")
	if !found {
		return "", nil, false
	}
	typ = strings.Trim(typ, " \t\n\r\f")
	data = percentDecode(body)
	if i := strings.LastIndexByte(typ, ';'); i >= 0 && strings.EqualFold(strings.TrimLeft(typ[i+1:], " "), "base64") {
		var ok bool
		if data, ok = encoding.ForgivingBase64(string(data)); !ok {
			return "", nil, false
		}
		typ = typ[:i]
	}
	if strings.HasPrefix(typ, ";") {
		typ = "text/plain" + typ
	}
	mt, _, err := mime.ParseMediaType(typ)
	if err != nil || !strings.Contains(mt, "/") {
		return "text/plain;charset=US-ASCII", data, true
	}
	if _, params, ok := strings.Cut(typ, ";"); ok {
		return mt + ";" + strings.TrimSpace(params), data, true
	}
	return mt, data, true
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return out
}
