// node:buffer: Buffer as a Uint8Array subclass (buffer.js) whose string
// work (every encoding: utf8, utf16le/ucs2, latin1/binary, ascii, base64,
// base64url, hex), comparison, search and fill run in Go (codec.go).
// Also Blob, File, atob, btoa, constants, kMaxLength, isUtf8, isAscii,
// transcode. Knowingly missing: SlowBuffer's pooling (it is
// allocUnsafeSlow, which never pools here either).
package buffer

import (
	"bytes"
	_ "embed"
	"unicode/utf8"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal"
	"edgedev/runtime/webidl"
)

//go:embed buffer.js
var bufferJS string

var bufferFile = module.NewJSFile("edgedev:node/buffer.js", bufferJS)

// Exports returns what require("node:buffer") gives.
func Exports(h module.Host, _ module.Loader) (goja.Value, error) {
	vm := h.VM()
	in, err := internal.Of(vm)
	if err != nil {
		return nil, err
	}
	kit, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	view := func(v goja.Value) []byte {
		b, _ := kit.Bytes(v)
		return b
	}
	n := module.NewNatives(vm)
	n.Value("internal", in.Object)
	n.Func("byteLength", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(byteLength(c.Argument(0), int(c.Argument(1).ToInteger())))
	})
	// fromString(s, enc) is an ArrayBuffer over the encoded bytes (no copy).
	n.Func("fromString", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(encode(c.Argument(0), int(c.Argument(1).ToInteger()))))
	})
	// toString(view, enc, start, end), the range already clamped.
	n.Func("toString", func(c goja.FunctionCall) goja.Value {
		b := view(c.Argument(0))
		start, end := int(c.Argument(2).ToInteger()), int(c.Argument(3).ToInteger())
		return decode(vm, b[start:end], int(c.Argument(1).ToInteger()))
	})
	// write(view, s, enc, offset, length) -> bytes written.
	n.Func("write", func(c goja.FunctionCall) goja.Value {
		b := view(c.Argument(0))
		off, length := int(c.Argument(3).ToInteger()), int(c.Argument(4).ToInteger())
		return vm.ToValue(writeString(b[off:off+length], c.Argument(1), int(c.Argument(2).ToInteger())))
	})
	// fillBytes(view, pattern view, start, end): pattern repeated.
	n.Func("fillBytes", func(c goja.FunctionCall) goja.Value {
		b := view(c.Argument(0))
		p := view(c.Argument(1))
		start, end := int(c.Argument(2).ToInteger()), int(c.Argument(3).ToInteger())
		dst := b[start:end]
		if len(p) == 0 || len(dst) == 0 {
			return goja.Undefined()
		}
		k := copy(dst, p)
		for k < len(dst) {
			k += copy(dst[k:], dst[:k])
		}
		return goja.Undefined()
	})
	n.Func("compare", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(bytes.Compare(view(c.Argument(0)), view(c.Argument(1))))
	})
	// indexOf(hay, needle, from, forward) on byte views.
	n.Func("indexOf", func(c goja.FunctionCall) goja.Value {
		hay, needle := view(c.Argument(0)), view(c.Argument(1))
		from := int(c.Argument(2).ToInteger())
		if c.Argument(3).ToBoolean() {
			if from > len(hay) {
				return vm.ToValue(-1)
			}
			i := bytes.Index(hay[from:], needle)
			if i < 0 {
				return vm.ToValue(-1)
			}
			return vm.ToValue(from + i)
		}
		end := min(from+len(needle), len(hay))
		if end < 0 {
			return vm.ToValue(-1)
		}
		return vm.ToValue(bytes.LastIndex(hay[:end], needle))
	})
	n.Func("isUtf8", func(c goja.FunctionCall) goja.Value { return vm.ToValue(utf8.Valid(view(c.Argument(0)))) })
	n.Func("isAscii", func(c goja.FunctionCall) goja.Value {
		for _, b := range view(c.Argument(0)) {
			if b >= 0x80 {
				return vm.ToValue(false)
			}
		}
		return vm.ToValue(true)
	})
	fn, err := bufferFile.Load(vm)
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object())
}
