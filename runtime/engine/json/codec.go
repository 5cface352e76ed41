package json

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Codec is one runtime's JSON: the built-ins it needs, captured when it is
// made (before user code runs, so a script replacing Reflect or
// Array.isArray does not reach it), and the brand of JSON.rawJSON's objects.
type Codec struct {
	vm *goja.Runtime

	syntaxError *goja.Object  // SyntaxError
	objectProto *goja.Object  // Object.prototype
	rangeError  *goja.Object  // RangeError
	isArray     goja.Callable // Array.isArray (sees through a Proxy, throws for a revoked one)
	keys        goja.Callable // Object.keys
	reflectGet  goja.Callable // Reflect.get
	defineProp  goja.Callable // Reflect.defineProperty
	deleteProp  goja.Callable // Reflect.deleteProperty
	freeze      goja.Callable // Object.freeze
	rawSet      *goja.Object  // a WeakSet of the objects JSON.rawJSON made
	rawAdd      goja.Callable // WeakSet.prototype.add
	rawHas      goja.Callable // WeakSet.prototype.has
	anyRaw      bool          // whether JSON.rawJSON ever made one (else no object is looked up)

	strings, numbers valueCache // the parser's, empty between its calls
}

// codecKey keys a runtime's Codec on its global object, under a symbol no
// script can name (goja symbols serve every runtime).
var codecKey = goja.NewSymbol("edgedev.json")

// Of returns vm's Codec, making it on first use. Install and webidl's Kit
// call it while the runtime is set up, before any user code.
func Of(vm *goja.Runtime) (*Codec, error) {
	g := vm.GlobalObject()
	if v := g.GetSymbol(codecKey); v != nil {
		if c, ok := v.Export().(*Codec); ok && c.vm == vm {
			return c, nil
		}
	}
	c := &Codec{vm: vm}
	get := func(path string) (goja.Value, error) {
		var v goja.Value = g
		for _, name := range strings.Split(path, ".") {
			o, ok := v.(*goja.Object)
			if !ok {
				return nil, fmt.Errorf("json: %s is missing", path)
			}
			v = o.Get(name)
		}
		if v == nil {
			return nil, fmt.Errorf("json: %s is missing", path)
		}
		return v, nil
	}
	fn := func(path string, dst *goja.Callable) error {
		v, err := get(path)
		if err != nil {
			return err
		}
		f, ok := goja.AssertFunction(v)
		if !ok {
			return fmt.Errorf("json: %s is not a function", path)
		}
		*dst = f
		return nil
	}
	for path, dst := range map[string]*goja.Callable{
		"Array.isArray": &c.isArray, "Object.keys": &c.keys, "Object.freeze": &c.freeze,
		"Reflect.get": &c.reflectGet, "Reflect.defineProperty": &c.defineProp, "Reflect.deleteProperty": &c.deleteProp,
		"WeakSet.prototype.add": &c.rawAdd, "WeakSet.prototype.has": &c.rawHas,
	} {
		if err := fn(path, dst); err != nil {
			return nil, err
		}
	}
	se, err := get("SyntaxError")
	if err != nil {
		return nil, err
	}
	c.syntaxError = se.(*goja.Object)
	re, err := get("RangeError")
	if err != nil {
		return nil, err
	}
	c.rangeError = re.(*goja.Object)
	op, err := get("Object.prototype")
	if err != nil {
		return nil, err
	}
	c.objectProto = op.(*goja.Object)
	ws, err := get("WeakSet")
	if err != nil {
		return nil, err
	}
	if c.rawSet, err = vm.New(ws); err != nil {
		return nil, err
	}
	if err := g.DefineDataPropertySymbol(codecKey, vm.ToValue(c), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return c, nil
}

// Install puts JSON.parse, JSON.stringify, JSON.rawJSON and JSON.isRawJSON
// over goja's own on globalThis.JSON.
func Install(vm *goja.Runtime) error {
	c, err := Of(vm)
	if err != nil {
		return err
	}
	j, ok := vm.GlobalObject().Get("JSON").(*goja.Object)
	if !ok {
		return fmt.Errorf("json: globalThis.JSON is missing")
	}
	for _, m := range []struct {
		name   string
		length int
		fn     func(goja.FunctionCall) goja.Value
	}{
		{"parse", 2, c.jsParse},
		{"stringify", 3, c.jsStringify},
		{"rawJSON", 1, c.jsRawJSON},
		{"isRawJSON", 1, c.jsIsRawJSON},
	} {
		f := vm.ToValue(m.fn).(*goja.Object)
		_ = f.DefineDataProperty("name", vm.ToValue(m.name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = f.DefineDataProperty("length", vm.ToValue(m.length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		if err := j.DefineDataProperty(m.name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return nil
}

func (c *Codec) newSyntaxError(msg goja.Value) *goja.Object {
	return c.newError(c.syntaxError, msg)
}

func (c *Codec) newError(ctor *goja.Object, msg any) *goja.Object {
	o, err := c.vm.New(ctor, c.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return o
}

// Parse is JSON.parse(text) for text held in Go: valid UTF-8 (a caller
// with raw bytes decodes them first). A syntax error comes back as the goja
// exception carrying V8's SyntaxError.
func (c *Codec) Parse(text string) (v goja.Value, err error) {
	if ex := c.vm.Try(func() { v, _ = c.parse(text, false) }); ex != nil {
		return nil, ex
	}
	return v, nil
}

// ParseValue is JSON.parse(text) for a JS string, throwing (panicking with
// the SyntaxError) as a native function does.
func (c *Codec) ParseValue(text goja.Value) goja.Value {
	v, _ := c.parse(source(c.toString(text)), false)
	return v
}

// source is the text of a JS string for the parser: its UTF-8, or WTF-8
// when it holds a lone surrogate (which String() would turn into U+FFFD).
func source(s goja.Value) string {
	gs := s.String()
	if !strings.Contains(gs, "\uFFFD") {
		return gs
	}
	str, ok := s.(goja.String)
	if !ok {
		return gs
	}
	n := str.Length()
	b := make([]byte, 0, len(gs))
	for i := 0; i < n; i++ {
		c := rune(str.CharAt(i))
		if c >= 0xD800 && c <= 0xDBFF && i+1 < n {
			if d := rune(str.CharAt(i + 1)); d >= 0xDC00 && d <= 0xDFFF {
				b = utf8.AppendRune(b, 0x10000+(c-0xD800)<<10+(d-0xDC00))
				i++
				continue
			}
		}
		if c >= 0xD800 && c <= 0xDFFF {
			b = append(b, 0xED, byte(0x80|(c>>6)&0x3F), byte(0x80|c&0x3F))
			continue
		}
		b = utf8.AppendRune(b, c)
	}
	return string(b)
}

// str makes a JS string of WTF-8 text.
func str(vm *goja.Runtime, s string) goja.Value {
	if hasSurrogate(s) {
		return goja.StringFromUTF16(toUTF16(s))
	}
	return vm.ToValue(s)
}

// toString is ToString(v), which throws for a Symbol (goja's does not).
func (c *Codec) toString(v goja.Value) goja.Value {
	if _, ok := v.(*goja.Symbol); ok {
		panic(c.vm.NewTypeError("%s", "Cannot convert a Symbol value to a string"))
	}
	return v.ToString()
}

func (c *Codec) jsParse(call goja.FunctionCall) goja.Value {
	src := source(c.toString(call.Argument(0)))
	reviver, ok := goja.AssertFunction(call.Argument(1))
	v, n := c.parse(src, ok)
	if !ok {
		return v
	}
	root := c.vm.NewObject()
	_ = root.DefineDataProperty("", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	return c.internalize(reviver, root, c.vm.ToValue(""), n)
}

// dataDescriptor is {value, writable, enumerable, configurable: true}.
func (c *Codec) dataDescriptor(v goja.Value) *goja.Object {
	d := c.vm.NewObject()
	t := c.vm.ToValue(true)
	_ = d.Set("value", v)
	_ = d.Set("writable", t)
	_ = d.Set("enumerable", t)
	_ = d.Set("configurable", t)
	return d
}

// defineValueKey is CreateDataProperty for a name a Go string cannot hold.
func (c *Codec) defineValueKey(o *goja.Object, key, v goja.Value) {
	if _, err := c.defineProp(goja.Undefined(), o, key, c.dataDescriptor(v)); err != nil {
		panic(err)
	}
}

func (c *Codec) call(f goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := f(this, args...)
	if err != nil {
		panic(err) // a *goja.Exception rethrows as it was; an interrupt goes on unwinding
	}
	return v
}

// internalize is InternalizeJSONProperty, with the source text access
// proposal's context argument: {source} for a primitive still holding the
// value parsed (V8 passes it; n is nil once the value was replaced).
func (c *Codec) internalize(reviver goja.Callable, holder *goja.Object, name goja.Value, n *node) goja.Value {
	vm := c.vm
	u := goja.Undefined()
	val := c.call(c.reflectGet, u, holder, name)
	withSource := n != nil && val.SameAs(n.value)
	if o, ok := val.(*goja.Object); ok {
		if c.call(c.isArray, u, o).ToBoolean() {
			length := toLength(c.call(c.reflectGet, u, o, vm.ToValue("length")))
			for i := int64(0); i < length; i++ {
				var en *node
				if withSource && !n.prim && i < int64(len(n.elems)) {
					en = n.elems[i]
				}
				c.revive(reviver, o, vm.ToValue(strconv.FormatInt(i, 10)), en)
			}
		} else {
			keys := c.call(c.keys, u, o).(*goja.Object)
			length := keys.Get("length").ToInteger()
			for i := int64(0); i < length; i++ {
				k := keys.Get(strconv.FormatInt(i, 10))
				var pn *node
				if withSource && n.props != nil {
					pn = n.props[source(k)]
				}
				c.revive(reviver, o, k, pn)
			}
		}
	}
	ctx := vm.NewObject()
	if withSource && n.prim {
		_ = ctx.DefineDataProperty("source", str(vm, n.source), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	return c.call(reviver, holder, name, val, ctx)
}

func (c *Codec) revive(reviver goja.Callable, o *goja.Object, key goja.Value, n *node) {
	v := c.internalize(reviver, o, key, n)
	if goja.IsUndefined(v) {
		c.call(c.deleteProp, goja.Undefined(), o, key)
		return
	}
	c.call(c.defineProp, goja.Undefined(), o, key, c.dataDescriptor(v))
}

// toLength is ToLength(v).
func toLength(v goja.Value) int64 {
	f := v.ToNumber().ToFloat()
	if math.IsNaN(f) || f <= 0 {
		return 0
	}
	if f >= 1<<53-1 {
		return 1<<53 - 1
	}
	return int64(f)
}
