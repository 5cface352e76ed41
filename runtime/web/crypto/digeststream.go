package crypto

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	_ "embed"
	"hash"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

//go:embed digeststream.js
var digestStreamJS string

var digestStreamFile = module.NewJSFile("edgedev:digeststream.js", digestStreamJS)

// installDigestStream adds crypto.DigestStream; the crypto global must exist.
func installDigestStream(vm *goja.Runtime) error {
	idl, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	install, err := digestStreamFile.Load(vm)
	if err != nil {
		return err
	}
	n := module.NewNatives(vm)
	hashOf := func(v goja.Value) hash.Hash {
		h, ok := v.Export().(hash.Hash)
		if !ok {
			panic(vm.NewTypeError("Illegal invocation"))
		}
		return h
	}
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"newHash": func(c goja.FunctionCall) goja.Value {
			var h hash.Hash
			switch strings.ToUpper(c.Argument(0).String()) {
			case "SHA-1":
				h = sha1.New()
			case "SHA-256":
				h = sha256.New()
			case "SHA-384":
				h = sha512.New384()
			case "SHA-512":
				h = sha512.New()
			case "MD5":
				h = md5.New()
			default:
				return goja.Null()
			}
			return vm.ToValue(h)
		},
		"update": func(c goja.FunctionCall) goja.Value {
			b, ok := idl.Bytes(c.Argument(1))
			if !ok {
				panic(vm.NewTypeError("expected bytes"))
			}
			hashOf(c.Argument(0)).Write(b)
			return goja.Undefined()
		},
		"sum": func(c goja.FunctionCall) goja.Value {
			return vm.ToValue(vm.NewArrayBuffer(hashOf(c.Argument(0)).Sum(nil)))
		},
		"utf8": func(c goja.FunctionCall) goja.Value {
			return idl.Uint8Array([]byte(c.Argument(0).String()))
		},
	} {
		n.Func(name, fn)
	}
	_, err = install(goja.Undefined(), n.Object())
	return err
}
