// URL and URLSearchParams: the API half of the WHATWG URL Standard,
// https://url.spec.whatwg.org/#api (6.1 the URL class, 6.2 the
// URLSearchParams class). Parsing, serializing and the setters' state
// machine live in package weburl; this file converts arguments, keeps the JS
// objects small, and keeps url.searchParams and url.search in step.
//
// Knowingly missing: URL.createObjectURL/revokeObjectURL (there is no blob
// URL store), own Symbol-keyed properties on URL and URLSearchParams
// instances (they are goja dynamic objects, which cannot hold them), and
// Object.freeze/preventExtensions on those instances.

package url

import (
	_ "embed"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
	"edgedev/weburl"
)

//go:embed iteratorprototype.js
var iteratorPrototypeJS string

var iteratorPrototypeFile = module.NewJSFile("edgedev:iteratorprototype.js", iteratorPrototypeJS)

// urlClasses holds one runtime's URL and URLSearchParams constructors and
// prototypes. Everything here is touched only on that runtime's goroutine.
type urlClasses struct {
	vm          *goja.Runtime
	urlCtor     *goja.Object
	urlProto    *goja.Object
	paramsCtor  *goja.Object
	paramsProto *goja.Object
	iterProto   *goja.Object
	entries     *goja.Object // URLSearchParams.prototype.entries, also its @@iterator
}

// urlState is the Go side of one JS URL object. The object itself is a goja
// dynamic object whose prototype is URL.prototype: creating one costs two
// small allocations on top of the parse, and every attribute is an accessor
// on the prototype, as Web IDL wants.
type urlState struct {
	urlExpando
	url       weburl.URL
	params    *urlParamsState // created on first read of searchParams
	paramsObj *goja.Object
}

// urlParamsState is the Go side of one URLSearchParams object. When url is
// set, the list is that URL's query: every change to the list is written
// back (the "update steps"), and the URL's href and search setters reparse
// the list.
type urlParamsState struct {
	urlExpando
	list []weburl.Param
	url  *urlState
}

// urlParamsIter is a live iterator over a URLSearchParams list: like the
// platform's, it sees pairs appended or removed while it runs.
type urlParamsIter struct {
	urlExpando
	params *urlParamsState
	kind   urlIterKind
	index  int
}

type urlIterKind uint8

const (
	urlIterEntries urlIterKind = iota
	urlIterKeys
	urlIterValues
)

// urlExpando holds the ordinary properties a script adds to an instance
// (`u.myTag = 1`), implementing goja.DynamicObject. Reads of anything else
// fall through to the prototype. Most instances never get one, so nothing
// is allocated until the first.
type urlExpando struct {
	props map[string]goja.Value
	order []string // insertion order, for Object.keys
}

func (e *urlExpando) Get(key string) goja.Value { return e.props[key] }
func (e *urlExpando) Has(key string) bool       { _, ok := e.props[key]; return ok }

func (e *urlExpando) Set(key string, v goja.Value) bool {
	if e.props == nil {
		e.props = make(map[string]goja.Value)
	}
	if _, ok := e.props[key]; !ok {
		e.order = append(e.order, key)
	}
	e.props[key] = v
	return true
}

func (e *urlExpando) Delete(key string) bool {
	if _, ok := e.props[key]; ok {
		delete(e.props, key)
		e.order = slices.DeleteFunc(e.order, func(k string) bool { return k == key })
	}
	return true
}

func (e *urlExpando) Keys() []string { return slices.Clone(e.order) }

// Install defines the globals URL and URLSearchParams in h's runtime. It
// only needs h.VM: nothing here waits, logs or reads a clock.
func Install(h module.Host) error {
	vm := h.VM()
	c := &urlClasses{vm: vm}
	if err := c.defineURL(); err != nil {
		return fmt.Errorf("install URL: %w", err)
	}
	if err := c.defineSearchParams(); err != nil {
		return fmt.Errorf("install URLSearchParams: %w", err)
	}
	g := vm.GlobalObject()
	// Web IDL: interface objects are writable, configurable, not enumerable.
	if err := g.DefineDataProperty("URL", c.urlCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("install URL: %w", err)
	}
	if err := g.DefineDataProperty("URLSearchParams", c.paramsCtor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return fmt.Errorf("install URLSearchParams: %w", err)
	}
	return nil
}

// FromValue returns the parsed URL behind a JS URL object, for Go code that
// accepts "a URL or a string" (fetch, Request) without re-parsing. The URL
// stays owned by the JS object: copy it before changing it, and read it only
// on the loop goroutine of the runtime that made it.
func FromValue(v goja.Value) (*weburl.URL, bool) {
	st, ok := exportAs[*urlState](v)
	if !ok {
		return nil, false
	}
	return &st.url, true
}

func (c *urlClasses) defineURL() error {
	vm := c.vm
	c.urlProto = vm.NewObject()
	var err error
	c.urlCtor, err = c.newInterface("URL", 1, c.urlProto, func(args []goja.Value, proto *goja.Object) *goja.Object {
		if len(args) == 0 {
			panic(vm.NewTypeError("%s", webidl.ArgsMessage("Failed to construct 'URL'", 1, 0)))
		}
		st, jsErr := c.parseArgs(args)
		if jsErr != nil {
			panic(jsErr)
		}
		return c.newURL(st, proto)
	})
	if err != nil {
		return err
	}

	c.static(c.urlCtor, "canParse", 1, func(call goja.FunctionCall) goja.Value {
		webidl.RequireArgs(vm, call, 1, "Failed to execute 'canParse' on 'URL'")
		_, err := c.parseArgs(call.Arguments)
		return vm.ToValue(err == nil)
	})
	c.static(c.urlCtor, "parse", 1, func(call goja.FunctionCall) goja.Value {
		webidl.RequireArgs(vm, call, 1, "Failed to execute 'parse' on 'URL'")
		st, err := c.parseArgs(call.Arguments)
		if err != nil {
			return goja.Null()
		}
		return c.newURL(st, c.urlProto)
	})

	str := func(s string) goja.Value { return vm.ToValue(s) }
	attrs := []struct {
		name string
		get  func(*weburl.URL) string
		set  func(*urlState, string) // nil: read-only
	}{
		{"href", (*weburl.URL).Href, func(st *urlState, v string) {
			if err := st.url.SetHref(v); err != nil {
				panic(vm.NewTypeError("%s", "Failed to set the 'href' property on 'URL': the provided value is not of type 'valid URL string'."))
			}
			st.syncParams()
		}},
		{"origin", (*weburl.URL).Origin, nil},
		{"protocol", (*weburl.URL).Protocol, func(st *urlState, v string) { st.url.SetProtocol(v) }},
		{"username", (*weburl.URL).Username, func(st *urlState, v string) { st.url.SetUsername(v) }},
		{"password", (*weburl.URL).Password, func(st *urlState, v string) { st.url.SetPassword(v) }},
		{"host", (*weburl.URL).Host, func(st *urlState, v string) { st.url.SetHost(v) }},
		{"hostname", (*weburl.URL).Hostname, func(st *urlState, v string) { st.url.SetHostname(v) }},
		{"port", (*weburl.URL).Port, func(st *urlState, v string) { st.url.SetPort(v) }},
		{"pathname", (*weburl.URL).Pathname, func(st *urlState, v string) { st.url.SetPathname(v) }},
		{"search", (*weburl.URL).Search, func(st *urlState, v string) {
			st.url.SetSearch(v)
			st.syncParams()
		}},
		{"hash", (*weburl.URL).Hash, func(st *urlState, v string) { st.url.SetHash(v) }},
	}
	for _, a := range attrs {
		get := a.get
		name := a.name
		getter := webidl.Function(c.vm, "get "+name, 0, func(call goja.FunctionCall) goja.Value {
			return str(get(&c.thisURL(call, name).url))
		})
		var setter goja.Value
		if set := a.set; set != nil {
			setter = webidl.Function(c.vm, "set "+name, 1, func(call goja.FunctionCall) goja.Value {
				webidl.RequireArgs(vm, call, 1, fmt.Sprintf("Failed to set the '%s' property on 'URL'", name))
				st := c.thisURL(call, name)
				set(st, c.usv(call.Arguments[0]))
				return goja.Undefined()
			})
		}
		if err := c.urlProto.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			return err
		}
	}
	searchParams := webidl.Function(c.vm, "get searchParams", 0, func(call goja.FunctionCall) goja.Value {
		return c.thisURL(call, "searchParams").paramsObject(c)
	})
	if err := c.urlProto.DefineAccessorProperty("searchParams", searchParams, nil, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return err
	}
	href := func(method string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			return str(c.thisURL(call, method).url.Href())
		}
	}
	c.method(c.urlProto, "toString", 0, href("toString"))
	c.method(c.urlProto, "toJSON", 0, href("toJSON"))
	return nil
}

// parseArgs runs `new URL(url, base)` on the arguments: both are
// USVStrings; a base that is already a URL object is used without being
// serialized and parsed again. The error is a JS TypeError.
func (c *urlClasses) parseArgs(args []goja.Value) (*urlState, *goja.Object) {
	input := c.usv(args[0])
	var base *weburl.URL
	if len(args) > 1 && !goja.IsUndefined(args[1]) {
		if b, ok := FromValue(args[1]); ok {
			base = b
		} else {
			s := c.usv(args[1])
			var err error
			if base, err = weburl.Parse(s, nil); err != nil {
				return nil, c.vm.NewTypeError("%s", "Invalid URL string.")
			}
		}
	}
	st := &urlState{}
	if err := weburl.ParseInto(&st.url, input, base); err != nil {
		return nil, c.vm.NewTypeError("%s", "Invalid URL string.")
	}
	return st, nil
}

func (c *urlClasses) newURL(st *urlState, proto *goja.Object) *goja.Object {
	o := c.vm.NewDynamicObject(st)
	_ = o.SetPrototype(proto)
	return o
}

func (c *urlClasses) thisURL(call goja.FunctionCall, member string) *urlState {
	if st, ok := exportAs[*urlState](call.This); ok {
		return st
	}
	panic(c.vm.NewTypeError("%s", fmt.Sprintf("Illegal invocation: URL.%s used on an object that is not a URL", member)))
}

// paramsObject returns url.searchParams, creating it on first use.
func (st *urlState) paramsObject(c *urlClasses) *goja.Object {
	if st.paramsObj == nil {
		q, _ := st.url.Query()
		st.params = &urlParamsState{list: weburl.ParseQuery(q), url: st}
		st.paramsObj = c.vm.NewDynamicObject(st.params)
		_ = st.paramsObj.SetPrototype(c.paramsProto)
	}
	return st.paramsObj
}

// syncParams re-reads the query into searchParams after href or search was
// set (the spec's "set this's query object's list").
func (st *urlState) syncParams() {
	if st.params != nil {
		q, _ := st.url.Query()
		st.params.list = weburl.ParseQuery(q)
	}
}

// update writes the list back to the URL it belongs to.
func (p *urlParamsState) update() {
	if p.url != nil {
		p.url.url.SetEncodedQuery(weburl.SerializeQuery(p.list))
	}
}

func (c *urlClasses) defineSearchParams() error {
	vm := c.vm
	c.paramsProto = vm.NewObject()
	var err error
	c.paramsCtor, err = c.newInterface("URLSearchParams", 0, c.paramsProto, func(args []goja.Value, proto *goja.Object) *goja.Object {
		st := &urlParamsState{}
		if len(args) > 0 {
			st.list = c.paramsInit(args[0])
		}
		o := vm.NewDynamicObject(st)
		_ = o.SetPrototype(proto)
		return o
	})
	if err != nil {
		return err
	}

	p := c.paramsProto
	c.method(p, "append", 2, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "append", 2)
		st.list = append(st.list, weburl.Param{Name: c.usv(call.Arguments[0]), Value: c.usv(call.Arguments[1])})
		st.update()
		return goja.Undefined()
	})
	c.method(p, "delete", 1, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "delete", 1)
		name := c.usv(call.Arguments[0])
		value, byValue := c.optionalValue(call)
		st.list = slices.DeleteFunc(st.list, func(q weburl.Param) bool {
			return q.Name == name && (!byValue || q.Value == value)
		})
		st.update()
		return goja.Undefined()
	})
	c.method(p, "get", 1, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "get", 1)
		name := c.usv(call.Arguments[0])
		for _, q := range st.list {
			if q.Name == name {
				return vm.ToValue(q.Value)
			}
		}
		return goja.Null()
	})
	c.method(p, "getAll", 1, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "getAll", 1)
		name := c.usv(call.Arguments[0])
		var out []any
		for _, q := range st.list {
			if q.Name == name {
				out = append(out, q.Value)
			}
		}
		return vm.NewArray(out...)
	})
	c.method(p, "has", 1, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "has", 1)
		name := c.usv(call.Arguments[0])
		value, byValue := c.optionalValue(call)
		for _, q := range st.list {
			if q.Name == name && (!byValue || q.Value == value) {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	c.method(p, "set", 2, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "set", 2)
		name, value := c.usv(call.Arguments[0]), c.usv(call.Arguments[1])
		i := slices.IndexFunc(st.list, func(q weburl.Param) bool { return q.Name == name })
		if i < 0 {
			st.list = append(st.list, weburl.Param{Name: name, Value: value})
		} else {
			st.list[i].Value = value
			rest := slices.DeleteFunc(st.list[i+1:], func(q weburl.Param) bool { return q.Name == name })
			st.list = st.list[:i+1+len(rest)]
		}
		st.update()
		return goja.Undefined()
	})
	c.method(p, "sort", 0, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "sort", 0)
		slices.SortStableFunc(st.list, func(a, b weburl.Param) int { return weburl.CompareUTF16(a.Name, b.Name) })
		st.update()
		return goja.Undefined()
	})
	c.method(p, "toString", 0, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(weburl.SerializeQuery(c.thisParams(call, "toString", 0).list))
	})
	c.method(p, "forEach", 1, func(call goja.FunctionCall) goja.Value {
		st := c.thisParams(call, "forEach", 1)
		fn, ok := goja.AssertFunction(call.Arguments[0])
		if !ok {
			panic(vm.NewTypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not a function."))
		}
		thisArg := call.Argument(1)
		// Index by index over the live list, like the platform: pairs the
		// callback appends are visited, removed ones are not.
		for i := 0; i < len(st.list); i++ {
			q := st.list[i]
			if _, err := fn(thisArg, vm.ToValue(q.Value), vm.ToValue(q.Name), call.This); err != nil {
				panic(err)
			}
		}
		return goja.Undefined()
	})
	size := webidl.Function(c.vm, "get size", 0, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(len(c.thisParams(call, "size", 0).list))
	})
	if err := p.DefineAccessorProperty("size", size, nil, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return err
	}

	// Iterators: %URLSearchParamsIteratorPrototype% inherits from
	// %IteratorPrototype%, so the usual iterator helpers and spreading work.
	iterBase, err := iteratorPrototypeFile.Run(vm)
	if err != nil {
		return err
	}
	c.iterProto = vm.CreateObject(iterBase.(*goja.Object))
	c.method(c.iterProto, "next", 0, func(call goja.FunctionCall) goja.Value {
		st, ok := exportAs[*urlParamsIter](call.This)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation: next called on an object that is not a URLSearchParams Iterator"))
		}
		return c.iterNext(st)
	})
	if err := c.iterProto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("URLSearchParams Iterator"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	iter := func(name string, kind urlIterKind) *goja.Object {
		return c.method(p, name, 0, func(call goja.FunctionCall) goja.Value {
			st := c.thisParams(call, name, 0)
			o := vm.NewDynamicObject(&urlParamsIter{params: st, kind: kind})
			_ = o.SetPrototype(c.iterProto)
			return o
		})
	}
	c.entries = iter("entries", urlIterEntries)
	iter("keys", urlIterKeys)
	iter("values", urlIterValues)
	return p.DefineDataPropertySymbol(goja.SymIterator, c.entries, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (c *urlClasses) iterNext(it *urlParamsIter) goja.Value {
	vm := c.vm
	res := vm.NewObject()
	if it.index >= len(it.params.list) {
		_ = res.Set("value", goja.Undefined())
		_ = res.Set("done", true)
		return res
	}
	q := it.params.list[it.index]
	it.index++
	var v goja.Value
	switch it.kind {
	case urlIterKeys:
		v = vm.ToValue(q.Name)
	case urlIterValues:
		v = vm.ToValue(q.Value)
	default:
		v = vm.NewArray(q.Name, q.Value)
	}
	_ = res.Set("value", v)
	_ = res.Set("done", false)
	return res
}

// paramsInit converts the constructor argument: a sequence of pairs, a
// record, or a string (with one leading "?" dropped), in that order of
// preference, as the Web IDL union says.
func (c *urlClasses) paramsInit(init goja.Value) []weburl.Param {
	vm := c.vm
	if goja.IsUndefined(init) {
		return nil
	}
	o, ok := init.(*goja.Object)
	if !ok {
		return weburl.ParseQuery(strings.TrimPrefix(c.usv(init), "?"))
	}
	iterFn := o.GetSymbol(goja.SymIterator)
	if iterFn == nil || goja.IsUndefined(iterFn) || goja.IsNull(iterFn) {
		// A record: own enumerable string keys, in order. Keys come back
		// as Go strings, which are USVStrings already.
		keys := o.Keys()
		list := make([]weburl.Param, 0, len(keys))
		for _, k := range keys {
			list = append(list, weburl.Param{Name: k, Value: c.usv(o.Get(k))})
		}
		return list
	}
	if src, ok := exportAs[*urlParamsState](o); ok && iterFn == goja.Value(c.entries) {
		return slices.Clone(src.list) // another URLSearchParams, not tampered with
	}
	if _, ok := goja.AssertFunction(iterFn); !ok {
		panic(vm.NewTypeError("Failed to construct 'URLSearchParams': The object's @@iterator property is not a function."))
	}
	var list []weburl.Param
	vm.ForOf(o, func(item goja.Value) bool {
		pair, ok := item.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence."))
		}
		var parts []string
		vm.ForOf(pair, func(v goja.Value) bool {
			parts = append(parts, c.usv(v))
			return len(parts) <= 2
		})
		if len(parts) != 2 {
			panic(vm.NewTypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements"))
		}
		list = append(list, weburl.Param{Name: parts[0], Value: parts[1]})
		return true
	})
	return list
}

func (c *urlClasses) thisParams(call goja.FunctionCall, method string, nargs int) *urlParamsState {
	st, ok := exportAs[*urlParamsState](call.This)
	if !ok {
		panic(c.vm.NewTypeError("%s", fmt.Sprintf("Illegal invocation: URLSearchParams.%s used on an object that is not a URLSearchParams", method)))
	}
	webidl.RequireArgs(c.vm, call, nargs, fmt.Sprintf("Failed to execute '%s' on 'URLSearchParams'", method))
	return st
}

// optionalValue reads the optional second argument of delete and has; an
// explicit undefined counts as absent.
func (c *urlClasses) optionalValue(call goja.FunctionCall) (string, bool) {
	if len(call.Arguments) < 2 || goja.IsUndefined(call.Arguments[1]) {
		return "", false
	}
	return c.usv(call.Arguments[1]), true
}

// exportAs returns the Go state of one of this file's dynamic objects. It
// checks ExportType first: Export on an ordinary object would build a map of
// all its properties, running their getters (URL.prototype's, recursively).
func exportAs[T any](v goja.Value) (T, bool) {
	var zero T
	o, ok := v.(*goja.Object)
	if !ok || o.ExportType() != reflect.TypeFor[T]() {
		return zero, false
	}
	st, ok := o.Export().(T)
	return st, ok
}

// usv converts a JS value to a USVString: ToString (so objects go through
// their toString), then lone surrogates become U+FFFD, which goja's
// UTF-16 to Go string conversion already does.
func (c *urlClasses) usv(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	if _, ok := v.(*goja.Symbol); ok {
		panic(c.vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

// newInterface makes the constructor of a Web IDL interface: `new X(...)`
// calls construct with the prototype to use (proto, or a subclass's), and
// calling X without new throws a TypeError, as in browsers. goja hands a
// native constructor the same nil NewTarget for `new X()` and `X()`, so the
// constructor is a proxy whose construct and apply traps tell them apart;
// the proxy also skips the throwaway receiver goja would allocate for each
// `new`. goja cannot run instanceof on a proxy by itself, so the target
// carries its own Symbol.hasInstance (OrdinaryHasInstance).
func (c *urlClasses) newInterface(name string, length int, proto *goja.Object,
	construct func(args []goja.Value, proto *goja.Object) *goja.Object) (*goja.Object, error) {
	vm := c.vm
	target := vm.ToValue(func(goja.ConstructorCall) *goja.Object { return nil }).(*goja.Object)
	hasInstance := webidl.Function(c.vm, "[Symbol.hasInstance]", 1, func(call goja.FunctionCall) goja.Value {
		v, ok := call.Argument(0).(*goja.Object)
		ctor, isObj := call.This.(*goja.Object)
		if !ok || !isObj {
			return vm.ToValue(false)
		}
		want, ok := ctor.Get("prototype").(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Function has non-object prototype in instanceof check"))
		}
		for p := v.Prototype(); p != nil; p = p.Prototype() {
			if p == want {
				return vm.ToValue(true)
			}
		}
		return vm.ToValue(false)
	})
	var ctor *goja.Object
	ctor = vm.ToValue(vm.NewProxy(target, &goja.ProxyTrapConfig{
		Apply: func(*goja.Object, goja.Value, []goja.Value) goja.Value {
			panic(vm.NewTypeError("%s", "Failed to construct '"+name+"': Please use the 'new' operator, this DOM object constructor cannot be called as a function."))
		},
		Construct: func(_ *goja.Object, args []goja.Value, newTarget *goja.Object) *goja.Object {
			p := proto
			if newTarget != nil && newTarget != ctor { // a subclass
				if np, ok := newTarget.Get("prototype").(*goja.Object); ok {
					p = np
				}
			}
			return construct(args, p)
		},
	})).(*goja.Object)
	for _, err := range []error{
		target.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE),
		target.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE),
		target.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE),
		target.DefineDataPropertySymbol(goja.SymHasInstance, hasInstance, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE),
		proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE),
		proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE),
	} {
		if err != nil {
			return nil, err
		}
	}
	return ctor, nil
}

// method defines an operation (Web IDL: writable, enumerable, configurable).
func (c *urlClasses) method(o *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := webidl.Function(c.vm, name, length, fn)
	_ = o.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	return f
}

// static defines a static operation on a constructor.
func (c *urlClasses) static(ctor *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) {
	c.method(ctor, name, length, fn)
}

var (
	_ goja.DynamicObject = (*urlState)(nil)
	_ goja.DynamicObject = (*urlParamsState)(nil)
	_ goja.DynamicObject = (*urlParamsIter)(nil)
)
