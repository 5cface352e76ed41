package runtime

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"fmt"

	"github.com/dop251/goja"

	"edgedev/jspromise"
	"edgedev/runtime/module"
	"edgedev/runtime/web/encoding"
)

// Headers, Request and Response (the Fetch Standard's classes) are our own
// JS in js/headers_request_response.js; this file embeds it, gives it the Go
// helpers it needs (natives) and keeps the hooks the request path calls.

//go:embed js/headers_request_response.js
var requestResponseJS string

var requestResponseFile = module.NewJSFile("edgedev:headers_request_response.js", requestResponseJS)

// installFetchAPI defines Headers, Request, Response, the handler side
// (handlers.go) and fetch (fetchclient.go), and keeps their hooks.
func installFetchAPI(inst *instance) error {
	vm := inst.vm
	fn, err := requestResponseFile.Load(vm)
	if err != nil {
		return err
	}
	hooksV, err := fn(goja.Undefined(), inst.natives())
	if err != nil {
		return err
	}
	hooks := hooksV.ToObject(vm)
	if err := takeHooks("headers_request_response.js", hooks, map[string]*goja.Callable{
		"makeRequest": &inst.makeRequest, "responseParts": &inst.responseParts, "pump": &inst.pump,
	}); err != nil {
		return err
	}
	if err := installHandlers(inst); err != nil {
		return err
	}
	return installFetchClient(inst, hooks)
}

// takeHooks copies the functions a JS file returned into dst.
func takeHooks(file string, hooks *goja.Object, dst map[string]*goja.Callable) error {
	for name, d := range dst {
		f, ok := goja.AssertFunction(hooks.Get(name))
		if !ok {
			return fmt.Errorf("%s hook %s missing", file, name)
		}
		*d = f
	}
	return nil
}

// natives is the `native` object js/headers_request_response.js closes over.
func (inst *instance) natives() *goja.Object {
	vm := inst.vm
	n := module.NewNatives(vm)
	set := n.Func
	n.Value("layout", layoutObject(vm))
	set("encodeUTF8", func(c goja.FunctionCall) goja.Value {
		return inst.idl.Uint8Array([]byte(c.Argument(0).String()))
	})
	set("decodeUTF8", func(c goja.FunctionCall) goja.Value {
		b, ok := inst.idl.Bytes(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("expected bytes"))
		}
		return vm.ToValue(encoding.DecodeUTF8(b))
	})
	// parseJSON is Body.json()'s parse of a body's text or bytes, and
	// stringifyJSON Response.json()'s serialization: V8's JSON, which a
	// script replacing globalThis.JSON does not reach.
	codec := inst.idl.JSON()
	set("parseJSON", func(c goja.FunctionCall) goja.Value {
		v := c.Argument(0)
		if _, ok := v.(goja.String); ok {
			return codec.ParseValue(v)
		}
		b, ok := inst.idl.Bytes(v)
		if !ok {
			panic(vm.NewTypeError("expected bytes"))
		}
		out, err := inst.idl.ParseJSONBytes(b, encoding.DecodeUTF8)
		if err != nil {
			panic(err)
		}
		return out
	})
	set("stringifyJSON", func(c goja.FunctionCall) goja.Value { return codec.Stringify(c.Argument(0)) })
	// fulfilled and rejected make settled promises without the cost of
	// Promise.resolve(...).then(...) (see package jspromise).
	set("fulfilled", func(c goja.FunctionCall) goja.Value { return jspromise.Fulfilled(vm, c.Argument(0)) })
	set("rejected", func(c goja.FunctionCall) goja.Value { return jspromise.Rejected(vm, c.Argument(0)) })
	set("randomHex", func(c goja.FunctionCall) goja.Value {
		b := make([]byte, c.Argument(0).ToInteger())
		_, _ = rand.Read(b)
		return vm.ToValue(hex.EncodeToString(b))
	})
	set("headerList", func(c goja.FunctionCall) goja.Value { return inst.headerList(c.Argument(0)) })
	set("readChunk", func(c goja.FunctionCall) goja.Value { return inst.readBody(c.Argument(0), false) })
	set("readGoBody", func(c goja.FunctionCall) goja.Value { return inst.readBody(c.Argument(0), true) })
	set("closeBody", func(c goja.FunctionCall) goja.Value {
		if b, ok := c.Argument(0).Export().(*incomingBody); ok {
			b.close()
		}
		return goja.Undefined()
	})
	set("parseMultipart", func(c goja.FunctionCall) goja.Value {
		b, ok := inst.idl.Bytes(c.Argument(0))
		if !ok {
			panic(vm.NewTypeError("expected bytes"))
		}
		parts, err := parseMultipart(b, c.Argument(1).String())
		if err != nil {
			panic(vm.NewTypeError("%s", err.Error()))
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			if p.filename == nil {
				out[i] = []any{p.name, p.text, nil, nil}
			} else {
				out[i] = []any{p.name, inst.idl.Uint8Array(p.data), *p.filename, p.contentType}
			}
		}
		return vm.ToValue(out)
	})
	return n.Object()
}
