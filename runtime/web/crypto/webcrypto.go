// Web Crypto key operations, after the Web Cryptography API's SubtleCrypto
// interface (https://w3c.github.io/webcrypto/#subtlecrypto-interface) as
// workerd exposes it: its algorithm set (AES-CTR/CBC/GCM/KW, HMAC, PBKDF2,
// HKDF, RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP, ECDSA and ECDH on P-256/384/521,
// Ed25519 with its legacy NODE-ED25519 spelling, X25519), its extensions (MD5
// wherever a hash is named) and its error names and messages
// (src/workerd/api/crypto/*.c++). crypto.go owns crypto.subtle itself,
// digest and timingSafeEqual; this file adds the key operations to the same
// SubtleCrypto prototype and defines CryptoKey.
//
// Go's crypto packages do the math. Every operation runs synchronously on
// the calling (event-loop) goroutine, as in workerd, except RSA key
// generation, which runs on its own goroutine and settles back on the loop.
//
// Knowingly missing:
//   - generating RSA keys with publicExponent 3 or fewer than 1024 bits, and
//     using RSA keys shorter than 1024 bits (Go's crypto/rsa refuses both);
//     importing an RSA private JWK that lacks p, q, dp, dq and qi;
//   - workerd's RSA-RAW, ML-DSA, ML-KEM, secp256k1 and subtle.supports();
//   - structuredClone of a CryptoKey (it is a DataCloneError here);
//   - RSA-PSS signing with saltLength 0 uses a math/big private-key
//     operation that is not constant-time (Go cannot sign with an empty
//     salt); fine for development, never for production secrets.

package crypto

import (
	_ "embed"
	"fmt"
	"math"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/webidl"
)

// DOMException names the key operations throw.
const (
	errNotSupported  = "NotSupportedError"
	errSyntax        = "SyntaxError"
	errInvalidAccess = "InvalidAccessError"
	errData          = "DataError"
	errOperation     = "OperationError"
)

// asyncFunc reserves an event-loop slot and returns a pending promise with
// the function that settles it from any goroutine (module.Host's Async).
type asyncFunc func() (*goja.Promise, func(func() (goja.Value, error)))

// webCrypto holds what the key operations need from one runtime, captured
// at install time so that user code replacing globals changes nothing.
type webCrypto struct {
	vm       *goja.Runtime
	views    *webidl.Kit
	dom      *webidl.Kit
	keyClass *webidl.Class
	// async runs slow work (RSA key generation) off the loop.
	async asyncFunc

	// subtle is crypto.subtle, the one SubtleCrypto there is: a method
	// called on it skips the brand check.
	subtle *goja.Object
	// lastKey remembers the CryptoKey argument seen last, so that one key
	// signing many times is looked up once. Only the object made for a key
	// is kept (not a proxy, an heir or a forgery): its state is its own
	// non-writable, non-configurable property, so the answer never changes.
	lastKeyObj *goja.Object
	lastKey    *cryptoKey
}

// installWebCrypto adds the key operations to SubtleCrypto.prototype and
// defines CryptoKey. It runs after installCrypto, which defines SubtleCrypto.
func installWebCrypto(vm *goja.Runtime, async asyncFunc) error {
	if err := installWebCryptoObjects(vm, async); err != nil {
		return fmt.Errorf("install Web Crypto key operations: %w", err)
	}
	return nil
}

func installWebCryptoObjects(vm *goja.Runtime, async asyncFunc) error {
	views, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	dom, err := webidl.Of(vm)
	if err != nil {
		return err
	}
	ctor, ok := vm.GlobalObject().Get("SubtleCrypto").(*goja.Object)
	if !ok {
		return fmt.Errorf("SubtleCrypto is not defined (install crypto first)")
	}
	proto, ok := ctor.Get("prototype").(*goja.Object)
	if !ok {
		return fmt.Errorf("SubtleCrypto.prototype missing")
	}
	w := &webCrypto{vm: vm, views: views, dom: dom, async: async}
	if c, ok := vm.GlobalObject().Get("crypto").(*goja.Object); ok {
		w.subtle, _ = c.Get("subtle").(*goja.Object)
	}
	w.installCryptoKey()
	w.defineSubtle(proto)
	return vm.GlobalObject().DefineDataProperty("CryptoKey", w.keyClass.Ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// defineSubtle adds one promise-returning method per key operation. Every
// error, argument errors included, rejects the promise.
func (w *webCrypto) defineSubtle(proto *goja.Object) {
	define := func(name string, length int, fn func(call goja.FunctionCall) goja.Value) {
		f := webidl.Function(w.vm, name, length, func(call goja.FunctionCall) goja.Value {
			return settledPromise(w.vm, func() goja.Value {
				if w.subtle == nil || call.This != goja.Value(w.subtle) {
					webidl.This[*cryptoState](w.vm, call, "SubtleCrypto", name)
				}
				if len(call.Arguments) < length {
					panic(w.vm.NewTypeError("%s", fmt.Sprintf("SubtleCrypto.%s: %d arguments required, but only %d present", name, length, len(call.Arguments))))
				}
				return fn(call)
			})
		})
		_ = proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	define("encrypt", 3, func(call goja.FunctionCall) goja.Value { return w.cipher(call, "encrypt", usageEncrypt) })
	define("decrypt", 3, func(call goja.FunctionCall) goja.Value { return w.cipher(call, "decrypt", usageDecrypt) })
	define("sign", 3, w.sign)
	define("verify", 4, w.verify)
	define("generateKey", 3, w.generateKey)
	define("deriveKey", 5, w.deriveKey)
	define("deriveBits", 2, w.deriveBits)
	define("importKey", 5, w.importKeyMethod)
	define("exportKey", 2, w.exportKeyMethod)
	define("wrapKey", 4, w.wrapKey)
	define("unwrapKey", 7, w.unwrapKey)
}

func (w *webCrypto) cipher(call goja.FunctionCall, method string, usage usageSet) goja.Value {
	p := w.params(call.Argument(0), method, 1)
	k := w.keyArg(call.Argument(1), method, 2)
	data := w.bytesArg(call.Argument(2), method, 3)
	w.checkOperation(k, p.name, usage)
	c, ok := k.impl.(cipherImpl)
	if !ok {
		w.throw(errNotSupported, "The "+method+" operation is not implemented for "+quote(k.impl.algorithmName())+".")
	}
	if usage == usageEncrypt {
		return w.buffer(c.encrypt(w, p, k, data))
	}
	return w.buffer(c.decrypt(w, p, k, data))
}

func (w *webCrypto) sign(call goja.FunctionCall) goja.Value {
	p := w.params(call.Argument(0), "sign", 1)
	k := w.keyArg(call.Argument(1), "sign", 2)
	data := w.bytesArg(call.Argument(2), "sign", 3)
	w.checkOperation(k, p.name, usageSign)
	s, ok := k.impl.(signImpl)
	if !ok {
		w.throw(errNotSupported, "The sign operation is not implemented for "+quote(k.impl.algorithmName())+".")
	}
	return w.buffer(s.sign(w, p, k, data))
}

func (w *webCrypto) verify(call goja.FunctionCall) goja.Value {
	p := w.params(call.Argument(0), "verify", 1)
	k := w.keyArg(call.Argument(1), "verify", 2)
	sig := w.bytesArg(call.Argument(2), "verify", 3)
	data := w.bytesArg(call.Argument(3), "verify", 4)
	w.checkOperation(k, p.name, usageVerify)
	s, ok := k.impl.(signImpl)
	if !ok {
		w.throw(errNotSupported, "The verify operation is not implemented for "+quote(k.impl.algorithmName())+".")
	}
	return w.vm.ToValue(s.verify(w, p, k, sig, data))
}

func (w *webCrypto) generateKey(call goja.FunctionCall) goja.Value {
	p := w.params(call.Argument(0), "generateKey", 1)
	extractable := call.Argument(1).ToBoolean()
	usages := w.usagesArg(call.Argument(2), "generateKey", 3)
	spec := lookupAlgorithm(p.name)
	if spec == nil || spec.generate == nil {
		w.throw(errNotSupported, "Unrecognized key generation algorithm "+quote(p.name)+" requested.")
	}
	p.norm = spec.name
	return spec.generate(w, p, extractable, usages)
}

// secretKeyResult is what generateKey gives for a symmetric algorithm.
func (w *webCrypto) secretKeyResult(k *cryptoKey) goja.Value {
	if k.usages == 0 {
		w.throw(errSyntax, "Secret/private CryptoKeys must have at least one usage.")
	}
	return w.keyObject(k)
}

// keyPair makes the CryptoKeyPair dictionary generateKey gives for an
// asymmetric algorithm.
func (w *webCrypto) keyPair(pub, priv *cryptoKey) goja.Value {
	o := w.vm.NewObject()
	_ = o.Set("publicKey", w.keyObject(pub))
	_ = o.Set("privateKey", w.keyObject(priv))
	return o
}

// requirePrivateUsages is generateKey's check that a key pair can do
// something with its private half.
func (w *webCrypto) requirePrivateUsages(u usageSet) {
	if u&privateUsages == 0 {
		w.throw(errSyntax, "Attempt to generate asymmetric keys with no valid private key usages.")
	}
}

func (w *webCrypto) deriveBits(call goja.FunctionCall) goja.Value {
	p := w.params(call.Argument(0), "deriveBits", 1)
	k := w.keyArg(call.Argument(1), "deriveBits", 2)
	length := -1 // null: the algorithm's natural length
	if v := call.Argument(2); !goja.IsUndefined(v) && !goja.IsNull(v) {
		n := toWebIDLInt(v)
		if n < 0 {
			panic(w.vm.NewTypeError("deriveBits length must be an unsigned long integer."))
		}
		length = int(n)
	}
	w.checkOperation(k, p.name, usageDeriveBits)
	return w.buffer(w.derive(p, k, length))
}

func (w *webCrypto) derive(p *params, k *cryptoKey, length int) []byte {
	d, ok := k.impl.(deriveImpl)
	if !ok {
		w.throw(errNotSupported, "The deriveKey and deriveBits operations are not implemented for "+quote(k.impl.algorithmName())+".")
	}
	return d.deriveBits(w, p, k, length)
}

func (w *webCrypto) deriveKey(call goja.FunctionCall) goja.Value {
	p := w.params(call.Argument(0), "deriveKey", 1)
	k := w.keyArg(call.Argument(1), "deriveKey", 2)
	target := w.params(call.Argument(2), "deriveKey", 3)
	extractable := call.Argument(3).ToBoolean()
	usages := w.usagesArg(call.Argument(4), "deriveKey", 5)
	w.checkOperation(k, p.name, usageDeriveKey)
	length := w.derivedKeyLength(target)
	secret := w.derive(p, k, length)
	return w.keyObject(w.importKey("raw", keyData{raw: secret}, target, extractable, usages))
}

// derivedKeyLength is the spec's "get key length" operation for the
// algorithm deriveKey makes; -1 stands for null (PBKDF2 and HKDF targets).
func (w *webCrypto) derivedKeyLength(p *params) int {
	switch strings.ToUpper(p.name) {
	case "AES-CTR", "AES-CBC", "AES-GCM", "AES-KW":
		n, ok := p.integer("length")
		if !ok {
			panic(w.vm.NewTypeError(`Missing field "length" in "derivedKeyParams".`))
		}
		if n != 128 && n != 192 && n != 256 {
			w.throw(errOperation, fmt.Sprintf("Derived AES key must be 128, 192, or 256 bits in length but provided %d.", n))
		}
		return int(n)
	case "HMAC":
		if n, ok := p.integer("length"); ok {
			if n > 0 {
				return int(n)
			}
			panic(w.vm.NewTypeError("HMAC key length must be a non-zero unsigned long integer."))
		}
		h := w.lookupHash(p.hashName(`Missing field "hash" in "derivedKeyParams".`))
		return h.blockBits
	case "HKDF", "PBKDF2":
		return -1
	}
	w.throw(errNotSupported, "Unrecognized derived key type "+quote(p.name)+" requested.")
	return 0
}

func (w *webCrypto) importKeyMethod(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	data := w.keyDataArg(call.Argument(1), "importKey")
	p := w.params(call.Argument(2), "importKey", 3)
	extractable := call.Argument(3).ToBoolean()
	usages := w.usagesArg(call.Argument(4), "importKey", 5)
	return w.keyObject(w.importKey(format, data, p, extractable, usages))
}

// importKey is the import every path shares (importKey, deriveKey,
// unwrapKey). It owns data.raw afterwards.
func (w *webCrypto) importKey(format string, data keyData, p *params, extractable bool, usages []string) *cryptoKey {
	switch format {
	case "raw", "pkcs8", "spki":
		if data.jwk != nil {
			panic(w.vm.NewTypeError("Import data provided for buffer-based import formats must be a buffer source."))
		}
		data.raw = append([]byte(nil), data.raw...)
	case "jwk":
		if data.jwk == nil {
			panic(w.vm.NewTypeError(`Import data provided for "jwk" import format must be a JsonWebKey.`))
		}
		if data.jwk.Ext != nil && !*data.jwk.Ext && extractable {
			w.throw(errData, "JWK ext field for "+quote(p.name)+" is set to false but extractable is true")
		}
	default:
		w.throw(errNotSupported, "Unrecognized key import format "+quote(format)+".")
	}
	spec := lookupAlgorithm(p.name)
	if spec == nil || spec.importKey == nil {
		w.throw(errNotSupported, "Unrecognized key import algorithm "+quote(p.name)+" requested.")
	}
	p.norm = spec.name
	k := spec.importKey(w, &importArgs{format: format, data: data, p: p, extractable: extractable, usages: usages})
	if k.usages == 0 && k.kind != keyPublic {
		w.throw(errSyntax, "Secret/private CryptoKeys must have at least one usage.")
	}
	return k
}

func (w *webCrypto) exportKeyMethod(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	k := w.keyArg(call.Argument(1), "exportKey", 2)
	out := w.exportKey(format, k)
	if out.jwk != nil {
		return out.jwk.toJS(w.vm)
	}
	return w.buffer(out.raw)
}

func (w *webCrypto) exportKey(format string, k *cryptoKey) exported {
	if !k.extractable {
		w.throw(errInvalidAccess, "Attempt to export non-extractable "+k.impl.algorithmName()+" key.")
	}
	e, ok := k.impl.(exportImpl)
	if !ok {
		w.throw(errNotSupported, "Unrecognized or unsupported export of "+quote(k.impl.algorithmName())+" requested.")
	}
	return e.exportKey(w, k, format)
}

func (w *webCrypto) wrapKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	k := w.keyArg(call.Argument(1), "wrapKey", 2)
	wrapping := w.keyArg(call.Argument(2), "wrapKey", 3)
	p := w.params(call.Argument(3), "wrapKey", 4)
	w.checkOperation(wrapping, p.name, usageWrapKey)
	out := w.exportKey(format, k)
	plain := out.raw
	if out.jwk != nil {
		plain = out.jwk.marshal()
	}
	if wr, ok := wrapping.impl.(wrapImpl); ok {
		return w.buffer(wr.wrapKey(w, p, wrapping, plain))
	}
	c, ok := wrapping.impl.(cipherImpl)
	if !ok {
		w.throw(errNotSupported, "The encrypt operation is not implemented for "+quote(wrapping.impl.algorithmName())+".")
	}
	return w.buffer(c.encrypt(w, p, wrapping, plain))
}

func (w *webCrypto) unwrapKey(call goja.FunctionCall) goja.Value {
	format := call.Argument(0).String()
	wrapped := w.bytesArg(call.Argument(1), "unwrapKey", 2)
	unwrapping := w.keyArg(call.Argument(2), "unwrapKey", 3)
	p := w.params(call.Argument(3), "unwrapKey", 4)
	target := w.params(call.Argument(4), "unwrapKey", 5)
	extractable := call.Argument(5).ToBoolean()
	usages := w.usagesArg(call.Argument(6), "unwrapKey", 7)
	w.checkOperation(unwrapping, p.name, usageUnwrapKey)
	var plain []byte
	if wr, ok := unwrapping.impl.(wrapImpl); ok {
		plain = wr.unwrapKey(w, p, unwrapping, wrapped)
	} else if c, ok := unwrapping.impl.(cipherImpl); ok {
		plain = c.decrypt(w, p, unwrapping, wrapped)
	} else {
		w.throw(errNotSupported, "The decrypt operation is not implemented for "+quote(unwrapping.impl.algorithmName())+".")
	}
	data := keyData{raw: plain}
	if format == "jwk" {
		data = keyData{jwk: w.parseWrappedJWK(plain)}
	}
	return w.keyObject(w.importKey(format, data, target, extractable, usages))
}

// checkOperation is workerd's validateOperation: the algorithm the caller
// names must be the key's, and the key must allow the usage.
func (w *webCrypto) checkOperation(k *cryptoKey, requested string, u usageSet) {
	if !strings.EqualFold(requested, k.impl.algorithmName()) {
		w.throw(errInvalidAccess, "Requested algorithm "+quote(requested)+" does not match this CryptoKey's algorithm "+quote(k.impl.algorithmName())+".")
	}
	if k.usages&u == 0 {
		w.throw(errInvalidAccess, "Requested key usage "+quote(u.String())+" does not match any usage listed in this CryptoKey.")
	}
}

// ---- errors and argument conversion --------------------------------------

// throw raises a DOMException; only call it from Go called by JS.
func (w *webCrypto) throw(name, msg string) { w.dom.ThrowDOMException(name, msg) }

func (w *webCrypto) typeError(msg string) { panic(w.vm.NewTypeError("%s", msg)) }

// quote wraps s in double quotes the way workerd's messages do (no escaping).
func quote(s string) string { return `"` + s + `"` }

// buffer wraps b (not copied) in a new ArrayBuffer.
func (w *webCrypto) buffer(b []byte) goja.Value {
	if b == nil {
		b = []byte{}
	}
	return w.vm.ToValue(w.vm.NewArrayBuffer(b))
}

func (w *webCrypto) bytesArg(v goja.Value, method string, index int) []byte {
	b, ok := w.views.Bytes(v)
	if !ok {
		w.typeError(fmt.Sprintf("SubtleCrypto.%s: argument %d must be an ArrayBuffer or ArrayBufferView", method, index))
	}
	return b
}

func (w *webCrypto) keyArg(v goja.Value, method string, index int) *cryptoKey {
	k := w.asKey(v)
	if k == nil {
		w.typeError(fmt.Sprintf("SubtleCrypto.%s: argument %d must be a CryptoKey", method, index))
	}
	return k
}

// asKey returns the Go state of a CryptoKey, or nil for anything else.
func (w *webCrypto) asKey(v goja.Value) *cryptoKey {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	if o == w.lastKeyObj {
		return w.lastKey
	}
	s := o.GetSymbol(webidl.StateKey)
	if s == nil {
		return nil
	}
	k, _ := s.Export().(*cryptoKey)
	if k != nil && k.obj == o {
		w.lastKeyObj, w.lastKey = o, k
	}
	return k
}

// usagesArg converts a sequence<DOMString> of key usages. Unknown strings
// are not a TypeError here: workerd reports them per algorithm, as a
// SyntaxError naming the usage.
func (w *webCrypto) usagesArg(v goja.Value, method string, index int) []string {
	return w.views.StringSequence(v, fmt.Sprintf("SubtleCrypto.%s: argument %d (keyUsages)", method, index))
}

// keyDataArg converts importKey's keyData: a BufferSource or a JsonWebKey
// dictionary.
func (w *webCrypto) keyDataArg(v goja.Value, method string) keyData {
	if b, ok := w.views.Bytes(v); ok {
		return keyData{raw: b}
	}
	o, ok := v.(*goja.Object)
	if !ok {
		w.typeError(fmt.Sprintf("SubtleCrypto.%s: argument 2 (keyData) must be a BufferSource or a JsonWebKey", method))
	}
	return keyData{jwk: w.jwkFromJS(o, method)}
}

// toWebIDLInt converts a dictionary member or argument declared as an
// integer: ToNumber, then truncation, with NaN and infinities as 0.
func toWebIDLInt(v goja.Value) int64 {
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	if f > math.MaxInt32*4 {
		return math.MaxInt32 * 4
	}
	if f < math.MinInt32*4 {
		return math.MinInt32 * 4
	}
	return int64(f)
}
