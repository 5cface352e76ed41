package kv

// The KVNamespace object a worker sees as env.NAME, following workerd's
// src/workerd/api/kv.h and kv.c++ (methods get, getWithMetadata, put,
// delete, list) and reference sections 1 and 7. cacheStatus is null, as
// under Miniflare, unless the consistency simulation is on; then it is "HIT"
// or "MISS" for the location serving the request (consistency.go).
// Knowingly missing: the 1 write/s per key limit of production is not
// simulated, and the newer delete-with-an-array (deleteBulk) is not offered.
//
// Errors: workerd turns every failure inside a method into a rejected
// promise, except where jsg converts arguments before the method runs: an
// option that is not an int32 (expiration: 2**40) throws a TypeError at the
// call. edgedev does the same. Everything else, including TypeErrors such as
// "Key name cannot be empty.", rejects the returned promise.

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"math"

	"edgedev/runtime/module"
	"edgedev/runtime/web/encoding"
	"edgedev/runtime/webidl"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/jspromise"
)

//go:embed kv.js
var helperJS string

var helperFile = module.NewJSFile("edgedev:kv.js", helperJS)

// jsNamespace is one namespace as seen by one worker instance. It lives on
// that instance's loop goroutine; only the write callbacks run elsewhere,
// and they touch no JS until they are back on the loop through settle.
type jsNamespace struct {
	n   *Namespace
	h   bindings.Host
	vm  *goja.Runtime
	idl *webidl.Kit
	// ctx is the instance's (Expose runs outside any request): reads are
	// synchronous on the loop, so a request's own context, which costs a
	// context to make, would buy nothing.
	ctx context.Context
	loc string // the simulated location reads and writes happen at; "" when the simulation is off

	isStream, putStream goja.Callable
	stream, newMap      goja.Callable
	errorCtor           goja.Value
}

// Expose builds the KVNamespace object for one worker instance. With the
// consistency simulation on, it is the object of the default location.
func (n *Namespace) Expose(h bindings.Host) (goja.Value, error) {
	loc := ""
	if n.sim != nil {
		loc = n.sim.opts.Locations[0]
	}
	return n.expose(h, loc)
}

// ExposeAt builds the KVNamespace object that reads and writes at a
// simulated location (bindings.Locator). With the simulation off every
// location shares one strongly consistent view, so it is Expose's object.
func (n *Namespace) ExposeAt(h bindings.Host, location string) (goja.Value, error) {
	if n.sim == nil || location == "" {
		return n.Expose(h)
	}
	return n.expose(h, location)
}

func (n *Namespace) expose(h bindings.Host, loc string) (goja.Value, error) {
	vm := h.VM()
	hv, err := helperFile.Run(vm)
	if err != nil {
		return nil, fmt.Errorf("kv binding %q: its helpers (kv.js): %w", n.id, err)
	}
	helpers := hv.ToObject(vm)
	idl, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	j := &jsNamespace{n: n, h: h, vm: vm, idl: idl, loc: loc, ctx: h.Context(), errorCtor: vm.Get("Error")}
	fns := []struct {
		dst  *goja.Callable
		from *goja.Object
		name string
	}{
		{&j.isStream, helpers, "isStream"},
		{&j.putStream, helpers, "putStream"},
		{&j.stream, helpers, "stream"},
		{&j.newMap, helpers, "newMap"},
	}
	for _, f := range fns {
		fn, ok := goja.AssertFunction(f.from.Get(f.name))
		if !ok {
			return nil, fmt.Errorf("kv binding %q: %s is not a function", n.id, f.name)
		}
		*f.dst = fn
	}

	o := vm.NewObject()
	methods := []struct {
		name string
		fn   func(goja.FunctionCall) goja.Value
	}{
		{"get", j.get},
		{"getWithMetadata", j.getWithMetadata},
		{"put", j.put},
		{"delete", j.delete},
		{"list", j.list},
	}
	for _, m := range methods {
		// Not enumerable, like methods on workerd's prototype:
		// Object.keys(env.KV) is [] and JSON.stringify(env.KV) is "{}".
		if err := o.DefineDataProperty(m.name, vm.ToValue(m.fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, fmt.Errorf("kv binding %q: %w", n.id, err)
		}
	}
	if err := bindings.MarkUncloneable(vm, o, "A KV namespace binding cannot be serialized."); err != nil {
		return nil, fmt.Errorf("kv binding %q: %w", n.id, err)
	}
	return o, nil
}

// Close does nothing: the store belongs to whoever opened it.
func (n *Namespace) Close() error { return nil }

// ---- get / getWithMetadata ----------------------------------------------

// readOptions is the second argument of get and getWithMetadata: a bare
// type string, or {type, cacheTtl}.
type readOptions struct {
	typ      string // "" means text
	cacheTTL *int64
}

func (j *jsNamespace) readOptions(v goja.Value) readOptions {
	var ro readOptions
	if isNullish(v) {
		return ro
	}
	o, ok := v.(*goja.Object)
	if !ok {
		ro.typ = v.String()
		return ro
	}
	if t := o.Get("type"); !goja.IsUndefined(t) && t != nil {
		ro.typ = t.String()
	}
	if c := o.Get("cacheTtl"); !goja.IsUndefined(c) && c != nil {
		ttl := j.int32(c)
		ro.cacheTTL = &ttl
	}
	return ro
}

func (j *jsNamespace) get(call goja.FunctionCall) goja.Value {
	return j.read(call, false)
}

func (j *jsNamespace) getWithMetadata(call goja.FunctionCall) goja.Value {
	return j.read(call, true)
}

// read serves get and getWithMetadata, single or bulk. It runs on the loop
// and returns an already-settled promise.
func (j *jsNamespace) read(call goja.FunctionCall, withMeta bool) goja.Value {
	arg := call.Argument(0)
	ro := j.readOptions(call.Argument(1))
	if arr, ok := arg.(*goja.Object); ok && arr.ClassName() == "Array" {
		return j.settled(j.readBulk(arr, ro, withMeta))
	}
	key := arg.String()
	e, status, err := j.n.get(j.ctx, j.loc, key, GetOptions{CacheTTL: ro.cacheTTL})
	if err != nil {
		return j.settled(nil, err)
	}
	if e == nil {
		// The type is only looked at once a value is found: get("missing",
		// "bogus") resolves null on the platform too.
		if withMeta {
			return j.settled(j.withMetadata(goja.Null(), nil, status), nil)
		}
		return j.settled(goja.Null(), nil)
	}
	v, err := j.convert(e.Value, ro.typ)
	if err != nil {
		return j.settled(nil, err)
	}
	if withMeta {
		return j.settled(j.withMetadata(v, e.Metadata, status), nil)
	}
	return j.settled(v, nil)
}

// withMetadata builds {value, metadata, cacheStatus}.
func (j *jsNamespace) withMetadata(v goja.Value, meta []byte, status string) goja.Value {
	o := j.vm.NewObject()
	_ = o.Set("value", v)
	_ = o.Set("metadata", j.parseMetadata(meta))
	_ = o.Set("cacheStatus", j.cacheStatus(status))
	return o
}

// cacheStatus is the JS value of a cache status: null when the simulation
// is off (status ""), as Miniflare reports.
func (j *jsNamespace) cacheStatus(status string) goja.Value {
	if status == "" {
		return goja.Null()
	}
	return j.vm.ToValue(status)
}

// readBulk is get/getWithMetadata with an array of keys: a Map from each
// key to its value ({value, metadata} with metadata), or null when missing.
func (j *jsNamespace) readBulk(arr *goja.Object, ro readOptions, withMeta bool) (goja.Value, error) {
	keys := j.idl.StringSequence(arr, "KvNamespace.get: argument 1")
	n := len(keys)
	ents, err := j.n.getBulk(j.ctx, j.loc, keys, BulkGetOptions{Type: ro.typ, CacheTTL: ro.cacheTTL})
	if err != nil {
		return nil, err
	}
	jsKeys := make([]any, n)
	jsVals := make([]any, n)
	for i, e := range ents {
		jsKeys[i] = keys[i]
		if e == nil {
			jsVals[i] = goja.Null()
			continue
		}
		v, err := j.convert(e.Value, ro.typ)
		if err != nil {
			return nil, err
		}
		if withMeta {
			o := j.vm.NewObject()
			_ = o.Set("value", v)
			_ = o.Set("metadata", j.parseMetadata(e.Metadata))
			v = o
		}
		jsVals[i] = v
	}
	return j.newMap(goja.Undefined(), j.vm.NewArray(jsKeys...), j.vm.NewArray(jsVals...))
}

// convert turns stored bytes into the JS value of the requested type.
func (j *jsNamespace) convert(b []byte, typ string) (goja.Value, error) {
	switch typ {
	case "", "text":
		return j.vm.ToValue(encoding.DecodeUTF8KeepBOM(b)), nil
	case "json":
		return j.idl.ParseJSONBytes(b, encoding.DecodeUTF8KeepBOM)
	case "arrayBuffer":
		return j.vm.ToValue(j.vm.NewArrayBuffer(b)), nil
	case "stream":
		return j.stream(goja.Undefined(), j.vm.ToValue(j.vm.NewArrayBuffer(b)))
	}
	return nil, typeError(ErrInvalidType, `Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".`, "")
}

// parseMetadata returns the stored metadata as a JS value, or null.
func (j *jsNamespace) parseMetadata(meta []byte) goja.Value {
	if meta == nil {
		return goja.Null()
	}
	v, err := j.idl.ParseJSONBytes(meta, encoding.DecodeUTF8KeepBOM)
	if err != nil {
		return goja.Null() // only a Go caller can store bad metadata, and Put refuses it
	}
	return v
}

// ---- put / delete ---------------------------------------------------------

const badPutValue = "KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values."

func (j *jsNamespace) put(call goja.FunctionCall) goja.Value {
	key := call.Argument(0).String()
	body := call.Argument(1)
	opts := j.putOptions(call.Argument(2)) // throws at the call for a non-int32
	// Then the runtime's order: key name, metadata, the value's type.
	if e := checkKey("PUT", key); e != nil {
		return j.settled(nil, e)
	}
	meta, err := j.stringifyMetadata(call.Argument(2))
	if err != nil {
		return j.settled(nil, err)
	}
	opts.Metadata = meta
	o, isObj := body.(*goja.Object)
	if !isObj {
		// Primitives are stringified: put(k, 42) stores "42", put(k,
		// undefined) stores "undefined" (reference section 7).
		return j.write(key, []byte(body.String()), opts)
	}
	if b, ok := j.bytesOf(o); ok {
		return j.write(key, b, opts)
	}
	if ok, _ := j.isStream(goja.Undefined(), o); ok == nil || !ok.ToBoolean() {
		return j.settled(nil, typeError(ErrInvalidValue, badPutValue, "pass a string, an ArrayBuffer, a typed array or a ReadableStream; JSON.stringify objects first"))
	}
	// A stream is read to the end in JS first; the write is queued when the
	// last chunk is in, and put's promise follows it.
	finish := j.vm.ToValue(func(c goja.FunctionCall) goja.Value {
		b, _ := j.bytesOf(c.Argument(0))
		return j.write(key, b, opts)
	})
	p, err := j.putStream(goja.Undefined(), o, finish)
	if err != nil {
		return j.settled(nil, err)
	}
	return p
}

// putOptions reads {expiration, expirationTtl}; metadata is read separately
// so that its errors come after the key's.
func (j *jsNamespace) putOptions(v goja.Value) PutOptions {
	var po PutOptions
	o, ok := v.(*goja.Object)
	if !ok {
		return po
	}
	if e := o.Get("expiration"); e != nil && !goja.IsUndefined(e) {
		x := j.int32(e)
		po.Expiration = &x
	}
	if e := o.Get("expirationTtl"); e != nil && !goja.IsUndefined(e) {
		x := j.int32(e)
		po.ExpirationTTL = &x
	}
	return po
}

// stringifyMetadata serialises options.metadata with JSON.stringify; null
// and undefined mean none.
func (j *jsNamespace) stringifyMetadata(v goja.Value) ([]byte, error) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, nil
	}
	m := o.Get("metadata")
	if isNullish(m) {
		return nil, nil
	}
	s, err := j.idl.StringifyJSON(m)
	if err != nil {
		return nil, err
	}
	if goja.IsUndefined(s) {
		return nil, nil // a function or symbol: JSON has no text for it
	}
	return []byte(s.String()), nil
}

// bytesOf copies the bytes of an ArrayBuffer or ArrayBufferView. The copy
// matters: the write finishes after put() returns, and the worker may reuse
// its buffer at once.
func (j *jsNamespace) bytesOf(v goja.Value) ([]byte, bool) {
	b, ok := j.idl.Bytes(v)
	if !ok {
		return nil, false
	}
	return append([]byte{}, b...), true
}

// write validates a put on the loop and queues it. The promise settles back
// on the loop once the write is fsync'd.
func (j *jsNamespace) write(key string, value []byte, opts PutOptions) goja.Value {
	now := j.n.now()
	it, e := preparePut(key, value, opts, now)
	if e != nil {
		return j.settled(nil, e)
	}
	p, settle := j.h.Async()
	j.n.queuePut(j.loc, it, now, j.settleWrite(settle))
	return j.vm.ToValue(p)
}

func (j *jsNamespace) delete(call goja.FunctionCall) goja.Value {
	key := call.Argument(0).String()
	if e := checkKey("DELETE", key); e != nil {
		return j.settled(nil, e)
	}
	p, settle := j.h.Async()
	j.n.queueDelete(j.loc, key, j.settleWrite(settle))
	return j.vm.ToValue(p)
}

// settleWrite returns the done callback of a queued write: it hands the
// outcome back to the loop, where the promise resolves to undefined or
// rejects with the platform's error.
func (j *jsNamespace) settleWrite(settle func(func() (goja.Value, error))) func(error) {
	return func(err error) {
		settle(func() (goja.Value, error) {
			if err != nil {
				return nil, module.Reject(j.errorValue(err))
			}
			return goja.Undefined(), nil
		})
	}
}

// ---- list -----------------------------------------------------------------

func (j *jsNamespace) list(call goja.FunctionCall) goja.Value {
	var lo ListOptions
	if o, ok := call.Argument(0).(*goja.Object); ok {
		if l := o.Get("limit"); l != nil && !goja.IsUndefined(l) {
			// The runtime only sends a limit above 0; 0 or less lists the
			// default 1,000.
			if x := j.int32(l); x > 0 {
				lo.Limit = int(x)
			}
		}
		if p := o.Get("prefix"); !isNullish(p) {
			lo.Prefix = p.String()
		}
		if c := o.Get("cursor"); !isNullish(c) {
			lo.Cursor = c.String()
		}
	}
	res, status, err := j.n.list(j.ctx, j.loc, lo)
	if err != nil {
		return j.settled(nil, err)
	}
	keys := make([]any, len(res.Keys))
	for i, k := range res.Keys {
		ko := j.vm.NewObject()
		_ = ko.Set("name", k.Name)
		if k.Expiration != 0 {
			_ = ko.Set("expiration", k.Expiration)
		}
		if k.Metadata != nil {
			_ = ko.Set("metadata", j.parseMetadata(k.Metadata))
		}
		keys[i] = ko
	}
	out := j.vm.NewObject()
	_ = out.Set("keys", j.vm.NewArray(keys...))
	_ = out.Set("list_complete", res.ListComplete)
	if !res.ListComplete {
		_ = out.Set("cursor", res.Cursor)
	}
	_ = out.Set("cacheStatus", j.cacheStatus(status))
	return j.settled(out, nil)
}

// ---- helpers --------------------------------------------------------------

// settled returns a promise already resolved with v, or rejected with err.
func (j *jsNamespace) settled(v goja.Value, err error) goja.Value {
	if err != nil {
		return jspromise.Rejected(j.vm, j.errorValue(err))
	}
	return jspromise.Fulfilled(j.vm, v)
}

// errorValue is the JS value a failure rejects with: the platform's
// TypeError or Error for a *Error, the thrown value for a JS exception.
// Loop goroutine only.
func (j *jsNamespace) errorValue(err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var e *Error
	if errors.As(err, &e) && e.Class == ClassTypeError {
		return j.vm.NewTypeError("%s", e.Error())
	}
	if o, cerr := j.vm.New(j.errorCtor, j.vm.ToValue(err.Error())); cerr == nil {
		return o
	}
	return j.vm.ToValue(err.Error())
}

// int32 converts a numeric option as the runtime does (jsg's int): NaN and
// infinities become 0, fractions are truncated, and anything outside int32
// throws a TypeError at the call.
func (j *jsNamespace) int32(v goja.Value) int64 {
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	if f < math.MinInt32 || f > math.MaxInt32 {
		panic(j.vm.NewTypeError("%s", "Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."))
	}
	return int64(f)
}

func isNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}

var (
	_ bindings.Binding = (*Namespace)(nil)
	_ bindings.Locator = (*Namespace)(nil)
)
