package runtime

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"edgedev/runtime/module"
	"edgedev/runtime/web/encoding"

	"github.com/dop251/goja"
)

// MaxEagerBody is the largest request body read into memory before the
// handler runs. Smaller bodies (the common JSON POST) cost no round trips to
// the loop; larger or unsized ones stream as the worker reads them.
const MaxEagerBody = 1 << 20

// MaxRequestBody is the largest request body the platform accepts: 100 MB
// on the Free and Pro plans
// (https://developers.cloudflare.com/workers/platform/limits/#request-limits).
// A request that says it is larger is answered 413 before the worker runs;
// an unsized one that grows larger fails the worker's read of it.
const MaxRequestBody = 100 << 20

// BodyIdleTimeout ends a request body that sends nothing for this long, so
// a client that stalls halfway through an upload does not hold a
// connection and the worker's read forever.
const BodyIdleTimeout = 30 * time.Second

// Incoming carries what the dev server knows about a request beyond the
// http.Request itself.
type Incoming struct {
	// URL is the absolute URL the worker sees as request.url. Empty means
	// derive it from the request (requestURL).
	URL string
	// Location is the simulated edge location serving the request: it
	// becomes request.cf.colo, and bindings that implement
	// bindings.Locator see it. Empty means the default location.
	Location string
}

// requestURL is the absolute URL a worker sees as request.url, always one
// new URL() accepts, as the platform's is. The usual origin-form request
// ("GET /path?q HTTP/1.1" with a Host) costs one concatenation. An
// absolute-form target (a proxy-style "GET http://host/path") names its own
// host, which wins over Host (RFC 9112 §3.2.2); a request without a Host
// (HTTP/1.0) is addressed to the listener; CONNECT's and OPTIONS *'s targets
// have no path, so they get "/".
func requestURL(r *http.Request) string {
	if len(r.RequestURI) > 0 && r.RequestURI[0] == '/' && r.Method != http.MethodConnect && plainHost(r.Host) {
		return "http://" + r.Host + r.RequestURI
	}
	host := r.Host
	if r.URL.IsAbs() && r.URL.Host != "" {
		host = r.URL.Host
	}
	if !plainHost(host) {
		host = "localhost"
		if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
			host = a.String()
		}
	}
	path := r.URL.EscapedPath()
	if r.Method == http.MethodConnect || path == "" || path[0] != '/' {
		path = "/"
	}
	u := "http://" + host + path
	if r.URL.RawQuery != "" && r.Method != http.MethodConnect {
		u += "?" + r.URL.RawQuery
	}
	return u
}

// plainHost reports whether h is a host[:port] a URL can hold as it is: a
// name of letters, digits, '-', '.' and '_', or a bracketed IPv6 address,
// and a port of 1 to 5 digits up to 65535. net/http lets other bytes
// through ("exa%mple.com", "a:b:c", ":80"); those requests are addressed to
// the listener instead. One pass over the bytes: this is the request path.
func plainHost(h string) bool {
	if h == "" {
		return false
	}
	i := 0
	if h[0] == '[' {
		end := strings.IndexByte(h, ']')
		if end < 2 {
			return false
		}
		for _, c := range h[1:end] {
			if !(c == ':' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
		i = end + 1
	} else {
		for ; i < len(h) && h[i] != ':'; i++ {
			c := h[i]
			if !(c == '-' || c == '.' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
		}
		if i == 0 {
			return false
		}
	}
	if i == len(h) {
		return true
	}
	if h[i] != ':' || len(h)-i-1 < 1 || len(h)-i-1 > 5 {
		return false
	}
	port := 0
	for _, c := range h[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
		port = port*10 + int(c-'0')
	}
	return port <= 65535
}

// call is one request on its way through the loop.
type call struct {
	done    chan outcome // buffered 1; receives exactly one outcome
	once    sync.Once
	started atomic.Bool // the loop has begun dispatching it
	scope   requestScope
}

type outcome struct {
	status  int
	headers string // "name\nvalue\n..." as js/headers_request_response.js builds it
	kind    int64  // bodyNone, bodyText, bodyBytes or bodyStream (parts.go)
	text    string
	bytes   []byte
	reader  goja.Value // bodyStream: a stream reader, only touched on the loop
	length  int64      // bodyStream: the stream's known length, or -1
	err     error
}

func (c *call) finish(o outcome) { c.once.Do(func() { c.done <- o }) }
func (c *call) fail(err error)   { c.finish(outcome{err: err}) }

// Serve runs the fetch handler for r and writes its response to rw. It
// returns the status written. When the handler fails before a response
// started, nothing is written and the error (a *ScriptError) comes back for
// the caller to render; the caller then owns the status. ErrClosed means the
// worker is shutting down: retry on its replacement.
func (w *Worker) Serve(rw http.ResponseWriter, r *http.Request, in Incoming) (int, error) {
	if !w.gate.enter() {
		return 0, ErrClosed
	}
	defer w.gate.leave()
	inst := w.current()

	url := in.URL
	if url == "" {
		url = requestURL(r)
	}
	var body any
	if r.Body != nil && r.Body != http.NoBody && r.Method != "GET" && r.Method != "HEAD" {
		if r.ContentLength > MaxRequestBody {
			http.Error(rw, fmt.Sprintf("413 Request Entity Too Large: the body is %d bytes; the platform accepts at most %d (100 MB)", r.ContentLength, MaxRequestBody), http.StatusRequestEntityTooLarge)
			return http.StatusRequestEntityTooLarge, nil
		}
		rc := http.NewResponseController(rw)
		if r.ContentLength >= 0 && r.ContentLength <= MaxEagerBody {
			b := make([]byte, r.ContentLength)
			_, err := io.ReadFull(&idleBody{r: r.Body, rc: rc}, b) // each read gets BodyIdleTimeout
			_ = rc.SetReadDeadline(time.Time{})
			if err != nil {
				return 0, &ScriptError{Kind: KindClient, Message: "reading the request body: " + err.Error()}
			}
			if len(b) > 0 {
				body = b
			}
		} else {
			body = &incomingBody{r: &idleBody{r: http.MaxBytesReader(rw, r.Body, MaxRequestBody), rc: rc}}
			// The worker may answer while the body still arrives (echoing a
			// stream); HTTP/1 in net/http allows that only when asked.
			_ = http.NewResponseController(rw).EnableFullDuplex()
		}
	}

	c := &call{done: make(chan outcome, 1)}
	loc := in.Location
	var o outcome
	for attempt := 0; ; attempt++ {
		posted := inst.loop.post(func() {
			c.started.Store(true)
			inst.dispatch(c, r, url, loc, body)
		})
		if posted {
			select {
			case o = <-c.done:
			case <-inst.loop.done:
				// The instance was retired (CPU limit) with our job queued
				// or running. A job that ran was failed with the reason;
				// one that never ran goes to the replacement.
				select {
				case o = <-c.done:
				default:
					if c.started.Load() || attempt > 0 {
						if se := inst.interrupted.Load(); se != nil {
							return 0, se
						}
						return 0, ErrClosed
					}
					posted = false
				}
			case <-r.Context().Done():
				// As workerd does, the request's own work (its timers, its
				// fetches) stops with it, unless it used waitUntil.
				inst.loop.post(func() {
					inst.abandon(c)
					delete(inst.calls, c) // nobody waits for its response any more
				})
				return 499, &ScriptError{Kind: KindClient, Message: "the client closed the connection before the response"}
			}
		}
		if posted {
			break
		}
		if attempt > 0 {
			return 0, ErrClosed
		}
		// Retired between current() and post: make sure the replacement
		// exists, then use it.
		w.replace(inst)
		inst = w.current()
	}
	if o.err != nil {
		return 0, o.err
	}
	return inst.write(rw, r, o, c)
}

// nameCache caches header-name spellings (lowercase for incoming names,
// canonical for outgoing ones), so the request path does not allocate a
// copy of each name per request. It stops growing at maxCachedNames, since
// clients and workers choose the names.
type nameCache struct {
	m    sync.Map
	n    atomic.Int32
	conv func(string) string
}

const maxCachedNames = 4096

func (c *nameCache) get(k string) string {
	if v, ok := c.m.Load(k); ok {
		return v.(string)
	}
	v := c.conv(k)
	if c.n.Load() < maxCachedNames {
		if _, loaded := c.m.LoadOrStore(k, v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}

var (
	lowerNames     = nameCache{conv: strings.ToLower}
	canonicalNames = nameCache{conv: http.CanonicalHeaderKey}
)

func lowerName(k string) string     { return lowerNames.get(k) }
func canonicalName(k string) string { return canonicalNames.get(k) }

// rawHeaders are an incoming request's headers until JS first reads
// request.headers (see headerList).
type rawHeaders struct {
	host   string
	remote string // client address, for CF-Connecting-IP
	h      http.Header
}

// headerList flattens raw headers to [name, value, ...] with lowercase
// names, Host first, as js/headers_request_response.js's Headers._fromFlat takes them.
func (inst *instance) headerList(v goja.Value) goja.Value {
	raw, ok := v.Export().(*rawHeaders)
	if !ok {
		panic(inst.vm.NewTypeError("not raw headers"))
	}
	n := 4
	for _, vs := range raw.h {
		n += 2 * len(vs)
	}
	hs := make([]any, 0, n)
	hs = append(hs, "host", raw.host)
	// The platform tells a worker its client's address in CF-Connecting-IP;
	// wrangler dev does the same locally.
	if _, ok := raw.h["Cf-Connecting-Ip"]; !ok && raw.remote != "" {
		ip := raw.remote
		if h, _, err := net.SplitHostPort(ip); err == nil {
			ip = h
		}
		hs = append(hs, "cf-connecting-ip", ip)
	}
	for k, vs := range raw.h {
		lk := lowerName(k)
		for _, v := range vs {
			hs = append(hs, lk, v)
		}
	}
	return inst.vm.NewArray(hs...)
}

// dispatch runs on the loop: it builds the Request, calls the handler and
// arranges for the outcome to reach c.
func (inst *instance) dispatch(c *call, r *http.Request, url, location string, body any) {
	vm := inst.vm
	env, cf := inst.env, inst.cfValue()
	if location != "" {
		p, err := inst.place(location)
		if err != nil {
			c.fail(inst.scriptError(KindUncaught, err))
			return
		}
		env, cf = p.env, p.cf
	}
	var bodyV goja.Value = goja.Null()
	switch b := body.(type) {
	case []byte:
		bodyV = inst.idl.Uint8Array(b)
	case *incomingBody:
		bodyV = vm.ToValue(b)
	}
	req, err := inst.makeRequest(goja.Undefined(), vm.ToValue(r.Method), vm.ToValue(url), vm.ToValue(&rawHeaders{host: r.Host, remote: r.RemoteAddr, h: r.Header}), bodyV, cf)
	if err != nil {
		c.fail(inst.jobError(KindUncaught, err))
		return
	}
	ctx, err := inst.newContext(goja.Undefined())
	if err != nil {
		c.fail(inst.jobError(KindUncaught, err))
		return
	}
	inst.calls[c] = struct{}{}
	var ret goja.Value
	inst.owner, inst.frame = c, nil // owner.go; no closure: this is every request's path
	if inst.handler != nil {
		ret, err = inst.handler(inst.exports, req, env, ctx)
	} else {
		ret, err = inst.dispatchFetch(goja.Undefined(), req, ctx)
	}
	inst.owner, inst.frame = nil, nil
	if err != nil {
		inst.settle(c, nil, inst.jobError(KindUncaught, err))
		return
	}
	if p := asPromise(ret); p != nil {
		switch p.State() {
		case goja.PromiseStateFulfilled:
			ret = p.Result()
		case goja.PromiseStateRejected:
			delete(inst.rejections, p)
			inst.settle(c, nil, inst.describe(KindUncaught, p.Result()))
			return
		default:
			err := inst.then(ret,
				func(v goja.Value) { inst.settle(c, v, nil) },
				func(e goja.Value) { inst.settle(c, nil, inst.describe(KindUncaught, e)) })
			if err != nil {
				inst.settle(c, nil, inst.jobError(KindUncaught, err))
			}
			return
		}
	}
	inst.settle(c, ret, nil)
}

// settle reads the handler's Response into an outcome. Loop only.
func (inst *instance) settle(c *call, v goja.Value, fail *ScriptError) {
	if _, ok := inst.calls[c]; !ok {
		return // already failed (interrupt) or settled
	}
	delete(inst.calls, c)
	if fail != nil {
		c.fail(fail)
		return
	}
	parts, err := inst.responseParts(goja.Undefined(), v)
	if err != nil {
		c.fail(inst.jobError(KindUncaught, err))
		return
	}
	if goja.IsNull(parts) {
		what := "undefined"
		if v != nil && !goja.IsUndefined(v) {
			what = inspectShort(v)
			if o, ok := v.(*goja.Object); ok {
				what = "an object of type " + o.ClassName()
				if ctor := o.Get("constructor"); ctor != nil {
					if n := ctor.ToObject(inst.vm).Get("name"); n != nil && n.String() != "" {
						what = "an object of type " + n.String()
					}
				}
			}
		}
		c.fail(&ScriptError{Kind: KindBadReturn, Message: "TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'. The fetch handler returned " + what + "; it must return a Response (or a Promise of one)."})
		return
	}
	po := parts.(*goja.Object)
	o := outcome{
		status:  int(po.Get(partKeys[respStatus]).ToInteger()),
		headers: po.Get(partKeys[respHeaders]).String(),
		kind:    po.Get(partKeys[respKind]).ToInteger(),
	}
	b := po.Get(partKeys[respBody])
	switch o.kind {
	case bodyText:
		o.text = b.String()
	case bodyBytes:
		raw, _ := inst.idl.Bytes(b)
		o.bytes = bytes.Clone(raw)
	case bodyStream:
		o.reader, o.length = b, -1
		if n := po.Get(partKeys[respLength]); n != nil {
			o.length = n.ToInteger()
		}
	}
	c.finish(o)
}

// write sends an outcome to the client. HTTP goroutine.
func (inst *instance) write(rw http.ResponseWriter, r *http.Request, o outcome, c *call) (int, error) {
	h := rw.Header()
	hasLength := false
	if o.headers != "" {
		for rest := o.headers; rest != ""; {
			var k, v string
			k, rest, _ = strings.Cut(rest, "\n")
			v, rest, _ = strings.Cut(rest, "\n")
			if k == "content-length" {
				hasLength = true
			}
			ck := canonicalName(k)
			h[ck] = append(h[ck], v)
		}
	}
	status := o.status
	if status == 0 {
		status = 500 // Response.error()
	}
	switch o.kind {
	case bodyText:
		if !hasLength {
			h["Content-Length"] = []string{strconv.Itoa(len(o.text))}
		}
		rw.WriteHeader(status)
		if r.Method != "HEAD" {
			_, _ = io.WriteString(rw, o.text)
		}
	case bodyBytes:
		if !hasLength {
			h["Content-Length"] = []string{strconv.Itoa(len(o.bytes))}
		}
		rw.WriteHeader(status)
		if r.Method != "HEAD" {
			_, _ = rw.Write(o.bytes)
		}
	case bodyStream:
		if !hasLength && o.length >= 0 {
			h["Content-Length"] = []string{strconv.FormatInt(o.length, 10)}
		}
		rw.WriteHeader(status)
		if err := inst.stream(rw, r, o.reader, c); err != nil {
			return status, err
		}
	default:
		rw.WriteHeader(status)
	}
	return status, nil
}

// chunk is one piece of a streamed response on its way to the client.
type chunk struct {
	data []byte
	end  bool
	err  error
	sent func(error) // tells JS the chunk is written (or failed)
}

// stream copies a response body stream to the client with backpressure:
// js/headers_request_response.js's pump awaits each chunk's write before reading the next.
func (inst *instance) stream(rw http.ResponseWriter, r *http.Request, reader goja.Value, c *call) error {
	// A client that leaves while the body streams abandons the request's
	// work, as one that leaves before the headers does.
	abandon := func() { inst.loop.post(func() { inst.abandon(c) }) }
	chunks := make(chan chunk, 1)
	ok := inst.loop.post(func() {
		vm := inst.vm
		push := vm.ToValue(func(c goja.FunctionCall) goja.Value {
			v := c.Argument(0)
			if goja.IsNull(v) {
				chunks <- chunk{end: true}
				return goja.Undefined()
			}
			if goja.IsUndefined(v) {
				chunks <- chunk{err: inst.describe(KindStream, c.Argument(1))}
				return goja.Undefined()
			}
			raw, _ := inst.idl.Bytes(v)
			p, settle := inst.Async()
			chunks <- chunk{data: bytes.Clone(raw), sent: func(err error) {
				settle(func() (goja.Value, error) { return goja.Undefined(), err })
			}}
			return vm.ToValue(p)
		})
		if _, err := inst.pump(goja.Undefined(), reader, push); err != nil {
			chunks <- chunk{err: inst.jobError(KindStream, err)}
		}
	})
	if !ok {
		return ErrClosed
	}
	flusher, _ := rw.(http.Flusher)
	for {
		var ch chunk
		select {
		case ch = <-chunks:
		case <-inst.loop.done:
			if se := inst.interrupted.Load(); se != nil {
				return se
			}
			return ErrClosed
		case <-r.Context().Done():
			abandon()
			go func() { // let the pump finish: its next push is told the client left
				for {
					select {
					case ch := <-chunks:
						if ch.sent != nil {
							ch.sent(errClientGone)
						}
						if ch.end || ch.err != nil {
							return
						}
					case <-inst.loop.done:
						return
					}
				}
			}()
			return &ScriptError{Kind: KindClient, Message: "the client went away while the response streamed"}
		}
		switch {
		case ch.end:
			return nil
		case ch.err != nil:
			return ch.err
		}
		_, err := rw.Write(ch.data)
		if err == nil && flusher != nil {
			flusher.Flush()
		}
		ch.sent(err)
		if err != nil {
			abandon()
			return &ScriptError{Kind: KindClient, Message: "the client went away while the response streamed: " + err.Error()}
		}
	}
}

// errClientGone fails a streamed chunk's write after the client left.
var errClientGone = errors.New("the client went away")

// ---- incoming bodies ------------------------------------------------------

// incomingBody is a request body too large (or of unknown size) to read
// before the handler runs; JS reads it through readChunk/readGoBody.
type incomingBody struct {
	mu sync.Mutex
	r  io.ReadCloser
}

func (b *incomingBody) close() { _ = b.r.Close() }

const bodyChunk = 64 << 10

// idleBody is a request body that fails a read which waits longer than
// BodyIdleTimeout for data, and says so in the platform's terms when the
// body outgrows MaxRequestBody.
type idleBody struct {
	r  io.ReadCloser
	rc *http.ResponseController
}

func (b *idleBody) Read(p []byte) (int, error) {
	_ = b.rc.SetReadDeadline(time.Now().Add(BodyIdleTimeout))
	n, err := b.r.Read(p)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		err = fmt.Errorf("the request body is larger than %d bytes (100 MB), the most the platform accepts", MaxRequestBody)
	case errors.Is(err, os.ErrDeadlineExceeded):
		err = fmt.Errorf("the client sent no request body data for %s", BodyIdleTimeout)
	case err == io.EOF:
		_ = b.rc.SetReadDeadline(time.Time{})
	case err != nil && strings.Contains(err.Error(), "chunk"):
		err = fmt.Errorf("the client sent a malformed chunked body (%v)", err)
	}
	return n, err
}

func (b *idleBody) Close() error { return b.r.Close() }

// readBody reads an incoming body off the loop: the next chunk (null at the
// end) or, with all, the rest of it. It returns the promise JS awaits.
func (inst *instance) readBody(v goja.Value, all bool) goja.Value {
	b, ok := v.Export().(*incomingBody)
	if !ok {
		panic(inst.vm.NewTypeError("not a request body"))
	}
	p, settle := inst.Async()
	go func() {
		b.mu.Lock()
		var data []byte
		var err error
		if all {
			data, err = io.ReadAll(b.r)
		} else {
			data = make([]byte, bodyChunk)
			var n int
			n, err = b.r.Read(data)
			data = data[:n]
			if err == io.EOF {
				err = nil
			}
		}
		b.mu.Unlock()
		settle(func() (goja.Value, error) {
			switch {
			case err != nil && (all || len(data) == 0):
				// A JS TypeError, as a failed read is on the platform, with
				// what went wrong in the user's terms.
				return nil, module.Reject(inst.vm.NewTypeError("could not read the request body: %s", err.Error()))
			case all || len(data) > 0:
				return inst.idl.Uint8Array(data), nil // a read error surfaces on the next read
			}
			return goja.Null(), nil // the end of the body
		})
	}()
	return inst.vm.ToValue(p)
}

// ---- multipart/form-data ----------------------------------------------------

type formPart struct {
	name        string
	text        string
	data        []byte
	filename    *string
	contentType string
}

func parseMultipart(body []byte, contentType string) ([]formPart, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["boundary"] == "" {
		return nil, errors.New("multipart/form-data body has no boundary in its Content-Type header")
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []formPart
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return parts, nil
		}
		if err != nil {
			return nil, errors.New("malformed multipart/form-data body: " + err.Error())
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, errors.New("malformed multipart/form-data body: " + err.Error())
		}
		fp := formPart{name: p.FormName()}
		if _, dp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil {
			if fn, ok := dp["filename"]; ok {
				fp.filename = &fn
			}
		}
		if fp.filename != nil {
			fp.data = data
			fp.contentType = p.Header.Get("Content-Type")
			if fp.contentType == "" {
				fp.contentType = "application/octet-stream"
			}
		} else {
			fp.text = encoding.DecodeUTF8(data)
		}
		parts = append(parts, fp)
	}
}
