// node:crypto. The engines (hashes, HMAC, the key derivations, ciphers,
// keys, signatures) are Go, over the standard library and x/crypto; the
// classes and Node's argument checks are crypto.js. Which algorithms exist,
// and the words of the errors a worker sees, follow workerd's node:crypto
// (BoringSSL underneath: no SHA-3, SHAKE or RIPEMD-160), as recorded from
// wrangler 4.86.0 in testdata/workerd.json.
//
// Knowingly missing: DiffieHellman, ECDH, X509Certificate, Certificate,
// the prime functions, privateEncrypt/publicDecrypt, encrypted PEM keys and
// the rsa-pss and dsa key types (each throws ERR_METHOD_NOT_IMPLEMENTED or
// says the key type is unsupported); Sign and Verify are not streams.
package crypto

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding"
	"hash"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/node/internal/nodeerr"
	"edgedev/runtime/webidl"
)

//go:embed crypto.js
var cryptoJS string

var cryptoFile = module.NewJSFile("edgedev:node/crypto.js", cryptoJS)

// hashState is a Hash or Hmac in JS (crypto.js tracks finalization).
type hashState struct {
	h    hash.Hash
	name string
}

// Exports returns what require("node:crypto") gives.
func Exports(h module.Host, l module.Loader) (goja.Value, error) {
	vm := h.VM()
	kit, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	errs, err := nodeerr.Load(vm)
	if err != nil {
		return nil, err
	}
	n := module.NewNatives(vm)
	e := &engine{vm: vm, kit: kit, h: h}
	e.define(n)
	fn, err := cryptoFile.Load(vm)
	if err != nil {
		return nil, err
	}
	requireBuffer := vm.ToValue(func(goja.FunctionCall) goja.Value {
		b, err := l.Require("node:buffer")
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return b
	})
	// Hash, Hmac and the ciphers are Transform streams, as in Node.
	st, err := l.Require("node:stream")
	if err != nil {
		return nil, err
	}
	return fn(goja.Undefined(), n.Object(), errs, requireBuffer, st)
}

type engine struct {
	vm  *goja.Runtime
	kit *webidl.Kit
	h   module.Host
}

// throw raises a JS error of class ctor ("Error", "TypeError") with msg.
func (e *engine) throw(ctor, msg string) {
	c, _ := goja.AssertConstructor(e.vm.Get(ctor))
	o, err := c(nil, e.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(o)
}

// data reads a BufferSource (crypto.js turns strings into Buffers first,
// with node:buffer's codecs).
func (e *engine) data(v goja.Value) []byte {
	b, ok := e.kit.Bytes(v)
	if !ok {
		e.throw("TypeError", "expected a BufferSource")
	}
	return b
}

func (e *engine) u8(b []byte) goja.Value { return e.kit.Uint8Array(b) }

func handle[T any](e *engine, v goja.Value) T {
	t, ok := v.Export().(T)
	if !ok {
		e.throw("TypeError", "Illegal invocation")
	}
	return t
}

// async runs work off the loop and calls cb(err, value) back on it.
func (e *engine) async(cb goja.Value, work func() (func() goja.Value, error)) {
	f, ok := goja.AssertFunction(cb)
	if !ok {
		e.throw("TypeError", "callback must be a function")
	}
	back := e.h.Callback()
	go func() {
		mk, err := work()
		back(func() {
			var args []goja.Value
			if err != nil {
				o, _ := e.vm.New(e.vm.Get("Error"), e.vm.ToValue(err.Error()))
				args = []goja.Value{o}
			} else {
				args = []goja.Value{goja.Null(), mk()}
			}
			if _, err := f(goja.Undefined(), args...); err != nil {
				e.h.ReportError("Uncaught exception in a node:crypto callback", err)
			}
		})
	}()
}

func (e *engine) define(n *module.Natives) {
	vm := e.vm
	arg := func(c goja.FunctionCall, i int) goja.Value { return c.Argument(i) }
	n.Value("hashes", vm.ToValue(hashNames))
	n.Value("ciphers", vm.ToValue(cipherNames))
	n.Func("hashNew", func(c goja.FunctionCall) goja.Value {
		h := newDigest(arg(c, 0).String())
		if h == nil {
			return goja.Null()
		}
		return vm.ToValue(&hashState{h: h, name: arg(c, 0).String()})
	})
	n.Func("hmacNew", func(c goja.FunctionCall) goja.Value {
		h := newHMAC(arg(c, 0).String(), e.data(arg(c, 1)))
		if h == nil {
			return goja.Null()
		}
		return vm.ToValue(&hashState{h: h, name: arg(c, 0).String()})
	})
	n.Func("hashUpdate", func(c goja.FunctionCall) goja.Value {
		s := handle[*hashState](e, arg(c, 0))
		s.h.Write(e.data(arg(c, 1)))
		return goja.Undefined()
	})
	n.Func("hashDigest", func(c goja.FunctionCall) goja.Value {
		return e.u8(handle[*hashState](e, arg(c, 0)).h.Sum(nil))
	})
	n.Func("hashCopy", func(c goja.FunctionCall) goja.Value {
		s := handle[*hashState](e, arg(c, 0))
		m, ok := s.h.(encoding.BinaryMarshaler)
		if !ok {
			e.throw("Error", "this hash cannot be copied")
		}
		state, err := m.MarshalBinary()
		if err != nil {
			e.throw("Error", err.Error())
		}
		nh := newDigest(s.name)
		if err := nh.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
			e.throw("Error", err.Error())
		}
		return vm.ToValue(&hashState{h: nh, name: s.name})
	})

	n.Func("pbkdf2", func(c goja.FunctionCall) goja.Value {
		pw, salt := clone(e.data(arg(c, 0))), clone(e.data(arg(c, 1)))
		iter, keyLen, digest := int(arg(c, 2).ToInteger()), int(arg(c, 3).ToInteger()), arg(c, 4).String()
		if _, ok := hashFunc(digest); !ok {
			e.throw("TypeError", "Invalid Pbkdf2 digest: "+digest+".")
		}
		if cb := arg(c, 5); !goja.IsUndefined(cb) {
			e.async(cb, func() (func() goja.Value, error) {
				k, err := pbkdf2Key(pw, salt, iter, keyLen, digest)
				return func() goja.Value { return e.u8(k) }, err
			})
			return goja.Undefined()
		}
		k, err := pbkdf2Key(pw, salt, iter, keyLen, digest)
		if err != nil {
			e.throw("Error", err.Error())
		}
		return e.u8(k)
	})
	n.Func("scrypt", func(c goja.FunctionCall) goja.Value {
		pw, salt := clone(e.data(arg(c, 0))), clone(e.data(arg(c, 1)))
		N, r, p, keyLen := int(arg(c, 2).ToInteger()), int(arg(c, 3).ToInteger()), int(arg(c, 4).ToInteger()), int(arg(c, 5).ToInteger())
		maxmem := arg(c, 6).ToInteger()
		if cb := arg(c, 7); !goja.IsUndefined(cb) {
			e.async(cb, func() (func() goja.Value, error) {
				k, err := scryptKey(pw, salt, N, r, p, keyLen, maxmem)
				return func() goja.Value { return e.u8(k) }, err
			})
			return goja.Undefined()
		}
		k, err := scryptKey(pw, salt, N, r, p, keyLen, maxmem)
		if err != nil {
			e.throw("Error", err.Error())
		}
		return e.u8(k)
	})
	n.Func("hkdf", func(c goja.FunctionCall) goja.Value {
		digest := arg(c, 0).String()
		if _, ok := hashFunc(digest); !ok {
			e.throw("TypeError", "Invalid Hkdf digest: "+digest)
		}
		k, err := hkdfKey(digest, e.data(arg(c, 1)), e.data(arg(c, 2)), e.data(arg(c, 3)), int(arg(c, 4).ToInteger()))
		if err != nil {
			e.throw("RangeError", "Invalid key length")
		}
		return vm.ToValue(vm.NewArrayBuffer(k))
	})
	n.Func("randomFill", func(c goja.FunctionCall) goja.Value {
		b, ok := e.kit.Bytes(arg(c, 0))
		if !ok {
			e.throw("TypeError", "expected a BufferSource")
		}
		off, size := int(arg(c, 1).ToInteger()), int(arg(c, 2).ToInteger())
		_, _ = rand.Read(b[off : off+size])
		return goja.Undefined()
	})
	n.Func("timingSafeEqual", func(c goja.FunctionCall) goja.Value {
		a, _ := e.kit.Bytes(arg(c, 0))
		b, _ := e.kit.Bytes(arg(c, 1))
		return vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
	})

	n.Func("cipherNew", func(c goja.FunctionCall) goja.Value {
		var iv []byte
		if !goja.IsNull(arg(c, 2)) {
			iv = e.data(arg(c, 2))
		}
		name := arg(c, 0).String()
		st, err := newCipher(name, e.data(arg(c, 1)), iv, arg(c, 3).ToBoolean())
		if err == errUnknownCipher {
			e.throw("Error", "Unknown or unsupported cipher: "+name)
		} else if err != nil {
			e.throw("Error", err.Error())
		}
		return vm.ToValue(st)
	})
	n.Func("cipherUpdate", func(c goja.FunctionCall) goja.Value {
		out, err := handle[*cipherState](e, arg(c, 0)).update(e.data(arg(c, 1)))
		if err != nil {
			e.throw("Error", err.Error())
		}
		return e.u8(out)
	})
	n.Func("cipherFinal", func(c goja.FunctionCall) goja.Value {
		out, err := handle[*cipherState](e, arg(c, 0)).final()
		if err != nil {
			e.throw("Error", err.Error())
		}
		return e.u8(out)
	})
	n.Func("cipherSetAAD", func(c goja.FunctionCall) goja.Value {
		if err := handle[*cipherState](e, arg(c, 0)).setAAD(e.data(arg(c, 1))); err != nil {
			e.throw("Error", err.Error())
		}
		return goja.Undefined()
	})
	n.Func("cipherSetAuthTag", func(c goja.FunctionCall) goja.Value {
		if err := handle[*cipherState](e, arg(c, 0)).setAuthTag(e.data(arg(c, 1))); err != nil {
			e.throw("Error", err.Error())
		}
		return goja.Undefined()
	})
	n.Func("cipherGetAuthTag", func(c goja.FunctionCall) goja.Value {
		tag, err := handle[*cipherState](e, arg(c, 0)).authTag()
		if err != nil {
			e.throw("Error", err.Error())
		}
		return e.u8(clone(tag))
	})
	n.Func("cipherSetPadding", func(c goja.FunctionCall) goja.Value {
		handle[*cipherState](e, arg(c, 0)).pad = arg(c, 1).ToBoolean()
		return goja.Undefined()
	})
	n.Func("cipherInfo", func(c goja.FunctionCall) goja.Value {
		s := ciphers[lower(arg(c, 0).String())]
		if s == nil {
			return goja.Undefined()
		}
		o := vm.NewObject()
		_ = o.Set("name", s.name)
		_ = o.Set("nid", s.nid)
		_ = o.Set("blockSize", s.blockSize)
		if s.ivLen > 0 {
			_ = o.Set("ivLength", s.ivLen)
		}
		_ = o.Set("keyLength", s.keyLen)
		_ = o.Set("mode", map[string]string{"chacha20-poly1305": "stream"}[s.mode]+s.modeName())
		return o
	})
	e.defineKeys(n)
}

func (s *cipherSpec) modeName() string {
	if s.mode == "chacha20-poly1305" {
		return ""
	}
	return s.mode
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
