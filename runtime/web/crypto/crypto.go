// crypto, after the Web Cryptography API: the Crypto interface
// (https://w3c.github.io/webcrypto/#crypto-interface) and SubtleCrypto.digest
// (https://w3c.github.io/webcrypto/#SubtleCrypto-method-digest), with
// workerd's extensions MD5 (digest) and crypto.subtle.timingSafeEqual, and
// workerd's error messages.
//
// Not here: the key operations (encrypt, sign, importKey, generateKey, ...)
// and CryptoKey, which webcrypto.go adds to the same SubtleCrypto prototype,
// and workerd's crypto.DigestStream, which digeststream.go adds.

package crypto

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"hash"
	"strings"

	"github.com/dop251/goja"

	"edgedev/jspromise"
	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

// maxRandomBytes is the most crypto.getRandomValues fills at once
// (Web Crypto §10.1.1, "QuotaExceededError").
const maxRandomBytes = 65536

// digestAlgorithms are the hashes crypto.subtle.digest knows, by upper-case
// name; names match case-insensitively as in workerd.
var digestAlgorithms = map[string]func() hash.Hash{
	"SHA-1":   sha1.New,
	"SHA-256": sha256.New,
	"SHA-384": sha512.New384,
	"SHA-512": sha512.New,
	"MD5":     md5.New, // not Web Crypto; workerd has it because people use it anyway
}

var integerTypedArrays = map[string]bool{
	"Int8Array": true, "Uint8Array": true, "Uint8ClampedArray": true,
	"Int16Array": true, "Uint16Array": true, "Int32Array": true, "Uint32Array": true,
	"BigInt64Array": true, "BigUint64Array": true,
}

type cryptoState struct{}

// Install defines the globals crypto, Crypto, SubtleCrypto and CryptoKey:
// crypto.getRandomValues and randomUUID, every crypto.subtle method
// (digest, timingSafeEqual and the key operations) and crypto.DigestStream.
// It runs on h's loop goroutine; RSA key generation later settles its
// promise through h.Async. The streams globals must be reachable (as lazy
// globals or installed), since DigestStream extends WritableStream.
func Install(h module.Host) error {
	vm := h.VM()
	if err := installCrypto(vm); err != nil {
		return err
	}
	if err := installWebCrypto(vm, h.Async); err != nil {
		return err
	}
	return installDigestStream(vm)
}

// installCrypto defines crypto (getRandomValues, randomUUID, subtle.digest,
// subtle.timingSafeEqual) and the Crypto and SubtleCrypto interfaces.
func installCrypto(vm *goja.Runtime) error {
	if err := installCryptoObjects(vm); err != nil {
		return fmt.Errorf("install crypto: %w", err)
	}
	return nil
}

func installCryptoObjects(vm *goja.Runtime) error {
	views, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	dom, err := webidl.Of(vm)
	if err != nil {
		return err
	}

	subtleClass := webidl.NewClass(vm, "SubtleCrypto", 0, nil)
	subtleClass.Method("digest", 2, func(call goja.FunctionCall) goja.Value {
		return settledPromise(vm, func() goja.Value {
			webidl.This[*cryptoState](vm, call, "SubtleCrypto", "digest")
			name := algorithmName(vm, call.Argument(0), "SubtleCrypto.digest")
			newHash, ok := digestAlgorithms[strings.ToUpper(name)]
			if !ok {
				dom.ThrowDOMException("NotSupportedError", "Unrecognized or unimplemented digest algorithm requested.")
			}
			data, ok := views.Bytes(call.Argument(1))
			if !ok {
				panic(vm.NewTypeError("SubtleCrypto.digest: argument 2 must be an ArrayBuffer or ArrayBufferView"))
			}
			h := newHash()
			h.Write(data) // the hash runs now, so data needs no copy
			return vm.ToValue(vm.NewArrayBuffer(h.Sum(nil)))
		})
	})
	subtleClass.Method("timingSafeEqual", 2, func(call goja.FunctionCall) goja.Value {
		webidl.This[*cryptoState](vm, call, "SubtleCrypto", "timingSafeEqual")
		a, ok1 := views.Bytes(call.Argument(0))
		b, ok2 := views.Bytes(call.Argument(1))
		if !ok1 || !ok2 {
			panic(vm.NewTypeError("SubtleCrypto.timingSafeEqual: both arguments must be ArrayBuffers or ArrayBufferViews"))
		}
		if len(a) != len(b) {
			panic(vm.NewTypeError("Input buffers must have the same byte length."))
		}
		return vm.ToValue(subtle.ConstantTimeCompare(a, b) == 1)
	})
	subtleObj := subtleClass.Instance(&cryptoState{})

	cryptoClass := webidl.NewClass(vm, "Crypto", 0, nil)
	cryptoClass.Getter("subtle", func(call goja.FunctionCall) goja.Value {
		webidl.This[*cryptoState](vm, call, "Crypto", "subtle")
		return subtleObj
	})
	cryptoClass.Method("getRandomValues", 1, func(call goja.FunctionCall) goja.Value {
		webidl.This[*cryptoState](vm, call, "Crypto", "getRandomValues")
		arg := call.Argument(0)
		o, ok := arg.(*goja.Object)
		if !ok {
			panic(vm.NewTypeError("Crypto.getRandomValues: argument 1 must be an integer-typed ArrayBufferView"))
		}
		kind := views.TypedArrayName(o)
		if kind == "" {
			if !views.IsView(o) {
				panic(vm.NewTypeError("Crypto.getRandomValues: argument 1 must be an integer-typed ArrayBufferView"))
			}
			kind = "DataView"
		}
		if !integerTypedArrays[kind] {
			dom.ThrowDOMException("TypeMismatchError", "ArrayBufferView argument to getRandomValues() must be an integer-typed view.")
		}
		b, _ := views.Bytes(o)
		if len(b) > maxRandomBytes {
			dom.ThrowDOMException("QuotaExceededError", fmt.Sprintf("getRandomValues() only accepts buffers of size <= 64K but provided %d bytes.", len(b)))
		}
		_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
		return arg
	})
	cryptoClass.Method("randomUUID", 0, func(call goja.FunctionCall) goja.Value {
		webidl.This[*cryptoState](vm, call, "Crypto", "randomUUID")
		return vm.ToValue(randomUUID())
	})
	cryptoObj := cryptoClass.Instance(&cryptoState{})

	g := vm.GlobalObject()
	for name, v := range map[string]goja.Value{"Crypto": cryptoClass.Ctor, "SubtleCrypto": subtleClass.Ctor} {
		if err := g.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return g.DefineDataProperty("crypto", cryptoObj, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// randomUUID returns a version 4 UUID in the lower-case 8-4-4-4-12 form
// (RFC 9562 §5.4).
func randomUUID() string {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0F | 0x40
	u[8] = u[8]&0x3F | 0x80
	var out [36]byte
	hex.Encode(out[0:8], u[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], u[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], u[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], u[8:10])
	out[23] = '-'
	hex.Encode(out[24:], u[10:])
	return string(out[:])
}

// algorithmName normalizes a Web Crypto AlgorithmIdentifier: a string, or a
// dictionary whose required member name is read as a string.
func algorithmName(vm *goja.Runtime, v goja.Value, method string) string {
	o, ok := v.(*goja.Object)
	if !ok {
		if goja.IsUndefined(v) {
			panic(vm.NewTypeError("%s", method+": argument 1 (algorithm) is required"))
		}
		return v.String()
	}
	name := o.Get("name")
	if name == nil || goja.IsUndefined(name) {
		panic(vm.NewTypeError("%s", method+`: algorithm is missing the required member "name"`))
	}
	return name.String()
}

// settledPromise runs fn and returns a promise settled with its result, or
// rejected with what it threw: promise-returning Web APIs report every
// error, argument errors included, through the promise.
func settledPromise(vm *goja.Runtime, fn func() goja.Value) goja.Value {
	var result goja.Value
	if ex := vm.Try(func() { result = fn() }); ex != nil {
		return jspromise.Rejected(vm, ex.Value())
	}
	return jspromise.Fulfilled(vm, result)
}
