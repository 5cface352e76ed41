package json

import (
	"github.com/dop251/goja"
)

// JSON.rawJSON and JSON.isRawJSON, from the JSON.parse source text access
// proposal (stage 4 in 2025, shipped in V8). The [[IsRawJSON]] slot is a
// WeakSet the Codec holds; JSON.stringify looks an object up in it only
// once JSON.rawJSON has made one, and only for an object without a
// prototype, as every raw JSON object is.

// msgInvalidRawJSON is V8's kInvalidRawJsonValue.
const msgInvalidRawJSON = "Invalid value for JSON.rawJSON"

func (c *Codec) jsRawJSON(call goja.FunctionCall) goja.Value {
	vm := c.vm
	src := source(c.toString(call.Argument(0)))
	if src == "" {
		panic(c.newSyntaxError(vm.ToValue(msgInvalidRawJSON)))
	}
	switch src[0] {
	case '\t', '\n', '\r', ' ', '{', '[':
		panic(c.newSyntaxError(vm.ToValue(msgInvalidRawJSON)))
	}
	switch src[len(src)-1] {
	case '\t', '\n', '\r', ' ':
		panic(c.newSyntaxError(vm.ToValue(msgInvalidRawJSON)))
	}
	c.parse(src, false)
	o := vm.CreateObject(nil)
	_ = o.DefineDataProperty("rawJSON", str(vm, src), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	c.call(c.freeze, goja.Undefined(), o)
	c.call(c.rawAdd, c.rawSet, o)
	c.anyRaw = true
	return o
}

func (c *Codec) jsIsRawJSON(call goja.FunctionCall) goja.Value {
	o, ok := call.Argument(0).(*goja.Object)
	return c.vm.ToValue(ok && c.anyRaw && c.isRaw(o))
}

func (c *Codec) isRaw(o *goja.Object) bool {
	return c.call(c.rawHas, c.rawSet, o).ToBoolean()
}
