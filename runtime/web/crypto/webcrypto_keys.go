// CryptoKey (https://w3c.github.io/webcrypto/#cryptokey-interface), key
// usages, the algorithm registry and algorithm-parameter dictionaries for
// the Web Crypto key operations in webcrypto.go.

package crypto

import (
	stdcrypto "crypto"
	"crypto/hmac"
	"fmt"
	"hash"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/webidl"
)

// usageSet is a set of key usages, one bit each, in the spec's order.
type usageSet uint8

const (
	usageEncrypt usageSet = 1 << iota
	usageDecrypt
	usageSign
	usageVerify
	usageDeriveKey
	usageDeriveBits
	usageWrapKey
	usageUnwrapKey
)

// Which usages each half of a key pair may have (workerd's masks).
const (
	publicUsages  = usageEncrypt | usageVerify | usageWrapKey
	privateUsages = usageDecrypt | usageSign | usageUnwrapKey | usageDeriveKey | usageDeriveBits
	deriveUsages  = usageDeriveKey | usageDeriveBits
)

var usageNames = [...]string{"encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"}

// String names a single usage.
func (u usageSet) String() string {
	for i, n := range usageNames {
		if u == 1<<i {
			return n
		}
	}
	return fmt.Sprintf("usageSet(%d)", uint8(u))
}

func (u usageSet) names() []string {
	var out []string
	for i, n := range usageNames {
		if u&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// usageContext words the SyntaxError for a usage an operation cannot have.
type usageContext string

const (
	ctxGenerate      usageContext = "generate"
	ctxImportSecret  usageContext = "import secret"
	ctxImportPublic  usageContext = "import public"
	ctxImportPrivate usageContext = "import private"
)

// validateUsages parses usages, which must all be in allowed.
func (w *webCrypto) validateUsages(alg string, ctx usageContext, usages []string, allowed usageSet) usageSet {
	var set usageSet
	for _, s := range usages {
		var u usageSet
		for i, n := range usageNames {
			if s == n {
				u = 1 << i
			}
		}
		if u == 0 || u&allowed == 0 {
			w.throw(errSyntax, "Attempt to "+string(ctx)+" "+alg+" key with invalid usage "+quote(s)+".")
		}
		set |= u
	}
	return set
}

// Key types, as CryptoKey.type spells them.
const (
	keySecret  = "secret"
	keyPublic  = "public"
	keyPrivate = "private"
)

// cryptoKey is the Go state of a CryptoKey. Keys are immutable after
// creation, except for the cached JS objects, which only the loop touches.
type cryptoKey struct {
	kind        string
	extractable bool
	usages      usageSet
	impl        keyImpl

	algorithmObj *goja.Object // CryptoKey.algorithm, built on first read
	usagesObj    *goja.Object // CryptoKey.usages, built on first read
	obj          *goja.Object // the CryptoKey object made for this key
}

// keyImpl is one algorithm's key material. The operations a key supports
// are the optional interfaces below that its impl implements.
type keyImpl interface {
	algorithmName() string
	// algorithmShape names the KeyAlgorithm dictionary that describes the
	// key ("aes", "hmac", "rsa", "ec" or "plain"); ECDH and X25519 compare
	// it before deriving, as workerd does.
	algorithmShape() string
	// algorithm builds the CryptoKey.algorithm dictionary.
	algorithm(w *webCrypto) *goja.Object
}

type cipherImpl interface {
	encrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte
	decrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte
}

type signImpl interface {
	sign(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte
	verify(w *webCrypto, p *params, k *cryptoKey, sig, data []byte) bool
}

// deriveImpl derives length bits (-1: the algorithm's natural length).
type deriveImpl interface {
	deriveBits(w *webCrypto, p *params, k *cryptoKey, length int) []byte
}

type exportImpl interface {
	exportKey(w *webCrypto, k *cryptoKey, format string) exported
}

// wrapImpl is for algorithms whose wrapKey is not their encrypt (AES-KW).
type wrapImpl interface {
	wrapKey(w *webCrypto, p *params, k *cryptoKey, plain []byte) []byte
	unwrapKey(w *webCrypto, p *params, k *cryptoKey, wrapped []byte) []byte
}

// exported is exportKey's result: raw bytes or a JWK.
type exported struct {
	raw []byte
	jwk *jwk
}

// keyData is importKey's input: raw bytes (raw, spki, pkcs8) or a JWK.
type keyData struct {
	raw []byte
	jwk *jwk
}

type importArgs struct {
	format      string
	data        keyData
	p           *params
	extractable bool
	usages      []string
}

// algorithmSpec is one entry of the registry: how to import and generate
// keys of the algorithm. Every other operation goes through the key.
type algorithmSpec struct {
	name      string
	importKey func(w *webCrypto, a *importArgs) *cryptoKey
	generate  func(w *webCrypto, p *params, extractable bool, usages []string) goja.Value
}

// algorithmSpecs is keyed by upper-case name: names match
// case-insensitively, and a key takes the canonical spelling.
var algorithmSpecs = map[string]*algorithmSpec{
	"AES-CTR":           {name: "AES-CTR", importKey: importAES, generate: generateAES},
	"AES-CBC":           {name: "AES-CBC", importKey: importAES, generate: generateAES},
	"AES-GCM":           {name: "AES-GCM", importKey: importAES, generate: generateAES},
	"AES-KW":            {name: "AES-KW", importKey: importAES, generate: generateAES},
	"HMAC":              {name: "HMAC", importKey: importHMAC, generate: generateHMAC},
	"PBKDF2":            {name: "PBKDF2", importKey: importKDF},
	"HKDF":              {name: "HKDF", importKey: importKDF},
	"RSASSA-PKCS1-V1_5": {name: "RSASSA-PKCS1-v1_5", importKey: importRSA, generate: generateRSA},
	"RSA-PSS":           {name: "RSA-PSS", importKey: importRSA, generate: generateRSA},
	"RSA-OAEP":          {name: "RSA-OAEP", importKey: importRSA, generate: generateRSA},
	"ECDSA":             {name: "ECDSA", importKey: importEC, generate: generateEC},
	"ECDH":              {name: "ECDH", importKey: importEC, generate: generateEC},
	"NODE-ED25519":      {name: "NODE-ED25519", importKey: importOKP, generate: generateOKP},
	"ED25519":           {name: "Ed25519", importKey: importOKP, generate: generateOKP},
	"X25519":            {name: "X25519", importKey: importOKP, generate: generateOKP},
}

func lookupAlgorithm(name string) *algorithmSpec { return algorithmSpecs[strings.ToUpper(name)] }

// hashAlg is a digest a key or an operation names.
type hashAlg struct {
	name      string
	id        stdcrypto.Hash
	blockBits int // HMAC's default key length
}

// hashAlgs are the digests workerd accepts wherever a hash is named,
// MD5 included, keyed by upper-case name.
var hashAlgs = map[string]*hashAlg{
	"SHA-1":   {"SHA-1", stdcrypto.SHA1, 512},
	"SHA-256": {"SHA-256", stdcrypto.SHA256, 512},
	"SHA-384": {"SHA-384", stdcrypto.SHA384, 1024},
	"SHA-512": {"SHA-512", stdcrypto.SHA512, 1024},
	"MD5":     {"MD5", stdcrypto.MD5, 512},
}

func (w *webCrypto) lookupHash(name string) *hashAlg {
	h := hashAlgs[strings.ToUpper(name)]
	if h == nil {
		w.throw(errNotSupported, "Unrecognized or unimplemented digest algorithm requested.")
	}
	return h
}

func (h *hashAlg) sum(data []byte) []byte {
	d := h.id.New()
	d.Write(data)
	return d.Sum(nil)
}

func (h *hashAlg) hmac(key []byte) hash.Hash { return hmac.New(h.id.New, key) }

// ---- algorithm parameters ------------------------------------------------

// params is a normalized AlgorithmIdentifier. Members are read when an
// operation needs them, not all up front: every operation is synchronous, so
// the difference cannot be observed except by getters, and it keeps the hot
// path (sign with "HMAC") to one property read.
type params struct {
	w      *webCrypto
	name   string       // as the caller spelled it
	norm   string       // canonical name, once an algorithm spec matched
	obj    *goja.Object // nil when the algorithm was given as a string
	method string
}

func (w *webCrypto) params(v goja.Value, method string, index int) *params {
	p := &params{w: w, method: method}
	o, ok := v.(*goja.Object)
	if !ok {
		if goja.IsUndefined(v) {
			w.typeError(fmt.Sprintf("SubtleCrypto.%s: argument %d (algorithm) must be a string or an object", method, index))
		}
		p.name = v.String()
		return p
	}
	name := o.Get("name")
	if name == nil || goja.IsUndefined(name) {
		w.typeError(fmt.Sprintf(`SubtleCrypto.%s: argument %d (algorithm) is missing the required member "name"`, method, index))
	}
	p.name, p.obj = name.String(), o
	return p
}

// get returns member key, or nil when absent or undefined.
func (p *params) get(key string) goja.Value {
	if p.obj == nil {
		return nil
	}
	v := p.obj.Get(key)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}

// bytes reads a BufferSource member (not copied).
func (p *params) bytes(key string) ([]byte, bool) {
	v := p.get(key)
	if v == nil {
		return nil, false
	}
	b, ok := p.w.views.Bytes(v)
	if !ok {
		p.w.typeError(fmt.Sprintf("SubtleCrypto.%s: algorithm member %q must be an ArrayBuffer or ArrayBufferView", p.method, key))
	}
	return b, true
}

func (p *params) integer(key string) (int64, bool) {
	v := p.get(key)
	if v == nil {
		return 0, false
	}
	return toWebIDLInt(v), true
}

func (p *params) text(key string) (string, bool) {
	v := p.get(key)
	if v == nil {
		return "", false
	}
	return v.String(), true
}

// hashName reads the hash member (a string or a {name} dictionary); a
// missing hash is a TypeError with message missing.
func (p *params) hashName(missing string) string {
	v := p.get("hash")
	if v == nil {
		p.w.typeError(missing)
	}
	if o, ok := v.(*goja.Object); ok {
		n := o.Get("name")
		if n == nil || goja.IsUndefined(n) {
			p.w.typeError(fmt.Sprintf(`SubtleCrypto.%s: algorithm member "hash" is missing the required member "name"`, p.method))
		}
		return n.String()
	}
	return v.String()
}

func (p *params) cryptoKey(key string) (*cryptoKey, bool) {
	v := p.get(key)
	if v == nil {
		return nil, false
	}
	k := p.w.asKey(v)
	if k == nil {
		p.w.typeError(fmt.Sprintf("SubtleCrypto.%s: algorithm member %q must be a CryptoKey", p.method, key))
	}
	return k, true
}

// ---- the CryptoKey class ------------------------------------------------

func (w *webCrypto) installCryptoKey() {
	c := webidl.NewClass(w.vm, "CryptoKey", 0, nil)
	c.Getter("type", func(call goja.FunctionCall) goja.Value {
		return w.vm.ToValue(webidl.This[*cryptoKey](w.vm, call, "CryptoKey", "type").kind)
	})
	c.Getter("extractable", func(call goja.FunctionCall) goja.Value {
		return w.vm.ToValue(webidl.This[*cryptoKey](w.vm, call, "CryptoKey", "extractable").extractable)
	})
	c.Getter("algorithm", func(call goja.FunctionCall) goja.Value {
		k := webidl.This[*cryptoKey](w.vm, call, "CryptoKey", "algorithm")
		if k.algorithmObj == nil {
			k.algorithmObj = k.impl.algorithm(w)
		}
		return k.algorithmObj
	})
	c.Getter("usages", func(call goja.FunctionCall) goja.Value {
		k := webidl.This[*cryptoKey](w.vm, call, "CryptoKey", "usages")
		if k.usagesObj == nil {
			names := k.usages.names()
			items := make([]any, len(names))
			for i, n := range names {
				items[i] = n
			}
			k.usagesObj = w.vm.NewArray(items...)
		}
		return k.usagesObj
	})
	w.keyClass = c
}

func (w *webCrypto) keyObject(k *cryptoKey) *goja.Object {
	k.obj = w.keyClass.Instance(k)
	return k.obj
}

// algorithmObject builds a KeyAlgorithm dictionary from name/value pairs,
// in order (a nil value is skipped).
func (w *webCrypto) algorithmObject(kv ...any) *goja.Object {
	o := w.vm.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != nil {
			_ = o.Set(kv[i].(string), kv[i+1])
		}
	}
	return o
}

// hashObject is the {name} dictionary of a key's hash.
func (w *webCrypto) hashObject(h *hashAlg) *goja.Object {
	return w.algorithmObject("name", h.name)
}
