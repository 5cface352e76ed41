// JSON Web Keys (RFC 7517, https://w3c.github.io/webcrypto/#JsonWebKey-dictionary)
// for the Web Crypto key operations, and the import steps every asymmetric
// algorithm shares (jwk, spki, pkcs8), after workerd's
// importAsymmetricForWebCrypto and AsymmetricKeyCryptoKeyImpl::exportKey.

package crypto

import (
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"edgedev/runtime/web/encoding"

	"crypto/x509"

	"github.com/dop251/goja"
)

// jwk is a JsonWebKey. Optional members are pointers so that absent and
// empty differ; the field order is workerd's, which is the order exported
// JWKs list their members in (JS objects and wrapped JSON alike).
type jwk struct {
	Kty    string    `json:"kty"`
	Use    *string   `json:"use,omitempty"`
	KeyOps *[]string `json:"key_ops,omitempty"`
	Alg    *string   `json:"alg,omitempty"`
	Ext    *bool     `json:"ext,omitempty"`
	Crv    *string   `json:"crv,omitempty"`
	X      *string   `json:"x,omitempty"`
	Y      *string   `json:"y,omitempty"`
	D      *string   `json:"d,omitempty"`
	N      *string   `json:"n,omitempty"`
	E      *string   `json:"e,omitempty"`
	P      *string   `json:"p,omitempty"`
	Q      *string   `json:"q,omitempty"`
	DP     *string   `json:"dp,omitempty"`
	DQ     *string   `json:"dq,omitempty"`
	QI     *string   `json:"qi,omitempty"`
	K      *string   `json:"k,omitempty"`
	// hasOth records a present "oth" (multi-prime RSA), which is refused.
	hasOth bool
}

// jwkStringMembers lists the optional string members, in order.
func (j *jwk) stringMembers() []struct {
	name string
	ptr  **string
} {
	return []struct {
		name string
		ptr  **string
	}{
		{"use", &j.Use}, {"alg", &j.Alg}, {"crv", &j.Crv}, {"x", &j.X}, {"y", &j.Y}, {"d", &j.D},
		{"n", &j.N}, {"e", &j.E}, {"p", &j.P}, {"q", &j.Q}, {"dp", &j.DP}, {"dq", &j.DQ}, {"qi", &j.QI}, {"k", &j.K},
	}
}

// jwkFromJS converts a JsonWebKey dictionary (kty is required).
func (w *webCrypto) jwkFromJS(o *goja.Object, method string) *jwk {
	member := func(name string) goja.Value {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) {
			return nil
		}
		return v
	}
	j := &jwk{}
	kty := member("kty")
	if kty == nil {
		w.typeError(fmt.Sprintf(`SubtleCrypto.%s: JsonWebKey is missing the required member "kty"`, method))
	}
	j.Kty = kty.String()
	for _, m := range j.stringMembers() {
		if v := member(m.name); v != nil {
			s := v.String()
			*m.ptr = &s
		}
	}
	if v := member("key_ops"); v != nil {
		ops := w.views.StringSequence(v, fmt.Sprintf(`SubtleCrypto.%s: JsonWebKey member "key_ops"`, method))
		j.KeyOps = &ops
	}
	if v := member("ext"); v != nil {
		b := v.ToBoolean()
		j.Ext = &b
	}
	j.hasOth = member("oth") != nil
	return j
}

// parseWrappedJWK reads the JSON unwrapKey decrypted, as JSON.parse does.
func (w *webCrypto) parseWrappedJWK(b []byte) *jwk {
	v, err := w.views.ParseJSON(encoding.DecodeUTF8(b))
	if err != nil {
		panic(err)
	}
	o, ok := v.(*goja.Object)
	if !ok || o.Get("kty") == nil || goja.IsUndefined(o.Get("kty")) {
		w.throw(errData, `Missing "kty" field or corrupt JSON unwrapping key?`)
	}
	return w.jwkFromJS(o, "unwrapKey")
}

// toJS makes the JsonWebKey object exportKey resolves with.
func (j *jwk) toJS(vm *goja.Runtime) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("kty", j.Kty)
	set := func(name string, s *string) {
		if s != nil {
			_ = o.Set(name, *s)
		}
	}
	set("use", j.Use)
	if j.KeyOps != nil {
		ops := make([]any, len(*j.KeyOps))
		for i, s := range *j.KeyOps {
			ops[i] = s
		}
		_ = o.Set("key_ops", vm.NewArray(ops...))
	}
	set("alg", j.Alg)
	if j.Ext != nil {
		_ = o.Set("ext", *j.Ext)
	}
	for _, m := range j.stringMembers()[2:] { // use and alg are placed above
		set(m.name, *m.ptr)
	}
	return o
}

// marshal is the JSON wrapKey encrypts.
func (j *jwk) marshal() []byte {
	b, err := json.Marshal(j)
	if err != nil {
		panic(err) // strings, bools and string slices always marshal
	}
	return b
}

// newExportJWK starts an exported JWK: kty, the key's usages, ext.
func newExportJWK(kty string, k *cryptoKey) *jwk {
	ops := k.usages.names()
	if ops == nil {
		ops = []string{}
	}
	ext := true // exportKey already refused non-extractable keys
	return &jwk{Kty: kty, KeyOps: &ops, Ext: &ext}
}

func strPtr(s string) *string { return &s }

func b64url(b []byte) *string { return strPtr(base64.RawURLEncoding.EncodeToString(b)) }

// decodeB64URL decodes a JWK member leniently (padding and the standard
// alphabet are accepted, as workerd's decoder does); a missing or invalid
// member is a DataError with message msg.
func (w *webCrypto) decodeB64URL(s *string, msg string) []byte {
	if s == nil {
		w.throw(errData, msg)
	}
	t := strings.TrimRight(*s, "=")
	t = strings.NewReplacer("+", "-", "/", "_").Replace(t)
	b, err := base64.RawURLEncoding.DecodeString(t)
	if err != nil {
		w.throw(errData, msg)
	}
	return b
}

// ---- asymmetric import and export --------------------------------------

// asymmetricImport describes one algorithm's use of importAsymmetric.
type asymmetricImport struct {
	name    string   // normalized algorithm name
	allowed usageSet // every usage a key of this algorithm may have
	// readJWK turns a JWK into a Go key (public or private).
	readJWK func(j *jwk) any
}

// importAsymmetric parses jwk, spki or pkcs8 key data into a Go key (as
// crypto/x509 returns them) and validates the usages for its type.
func (w *webCrypto) importAsymmetric(a *importArgs, spec asymmetricImport) (key any, kind string, usages usageSet) {
	publicAllowed := spec.allowed & publicUsages
	switch a.format {
	case "jwk":
		j := a.data.jwk
		if j.D != nil {
			kind = keyPrivate
			usages = w.validateUsages(spec.name, ctxImportPrivate, a.usages, spec.allowed&privateUsages)
			if j.hasOth {
				w.throw(errNotSupported, "Multi-prime private keys not supported.")
			}
		} else {
			kind = keyPublic
			allowed := publicAllowed
			if spec.name == "ECDH" {
				// workerd (without the strict_crypto flag) lets public ECDH
				// JWKs carry derive usages.
				allowed = spec.allowed & deriveUsages
			}
			usages = w.validateUsages(spec.name, ctxImportPublic, a.usages, allowed)
		}
		w.checkJWKUse(spec.name, j, a.usages)
		return spec.readJWK(j), kind, usages
	case "spki":
		der := w.singleDER(a.data.raw, "SPKI")
		pub, err := x509.ParsePKIXPublicKey(der)
		if err != nil {
			w.throw(errData, "Invalid SPKI input.")
		}
		if spec.name == "ECDH" {
			publicAllowed = 0
		}
		return pub, keyPublic, w.validateUsages(spec.name, ctxImportPublic, a.usages, publicAllowed)
	case "pkcs8":
		der := w.singleDER(a.data.raw, "PKCS8")
		priv, err := x509.ParsePKCS8PrivateKey(der)
		if err != nil {
			w.throw(errData, "Invalid PKCS8 input.")
		}
		return priv, keyPrivate, w.validateUsages(spec.name, ctxImportPrivate, a.usages, spec.allowed&privateUsages)
	}
	w.throw(errNotSupported, "Unrecognized key import format "+quote(a.format)+".")
	return nil, "", 0
}

// singleDER returns the one DER element b holds; trailing bytes are a
// DataError, as in workerd.
func (w *webCrypto) singleDER(b []byte, what string) []byte {
	rest, err := asn1.Unmarshal(b, &asn1.RawValue{})
	if err != nil {
		w.throw(errData, "Invalid "+what+" input.")
	}
	if len(rest) > 0 {
		w.throw(errData, fmt.Sprintf("Invalid %d trailing bytes after %s input.", len(rest), what))
	}
	return b
}

// checkJWKUse applies the JWK "use" and "key_ops" rules for asymmetric keys.
func (w *webCrypto) checkJWKUse(name string, j *jwk, usages []string) {
	expectedUse, op0, op1 := "sig", "sign", "verify"
	switch name {
	case "RSA-OAEP":
		expectedUse, op0, op1 = "enc", "encrypt", "wrapKey"
	case "ECDH", "X25519":
		expectedUse, op0, op1 = "enc", "unused", "unused"
	}
	if len(usages) > 0 && j.Use != nil && *j.Use != expectedUse {
		w.throw(errData, `Asymmetric "jwk" key import with usages requires a JSON Web Key with Public Key Use parameter "use" ("`+*j.Use+`") equal to "sig".`)
	}
	if j.KeyOps == nil {
		return
	}
	ops := append([]string(nil), *j.KeyOps...)
	sort.Strings(ops)
	for i := 1; i < len(ops); i++ {
		if ops[i] == ops[i-1] {
			w.throw(errData, `A JSON Web Key's Key Operations parameter ("key_ops") must not contain duplicates.`)
		}
	}
	if j.Use != nil {
		if *j.Use != expectedUse {
			w.throw(errData, `Asymmetric "jwk" import requires a JSON Web Key with Public Key Use "use" ("`+*j.Use+`") equal to "`+expectedUse+`".`)
		}
		for _, op := range ops {
			if name == "ECDH" || name == "X25519" {
				w.throw(errData, `A JSON Web Key should have either a Public Key Use parameter ("use") or a Key Operations parameter ("key_ops"); otherwise, the parameters must be consistent with each other. For public `+name+` keys, there are no valid usages,so keys with a non-empty "key_ops" parameter are not allowed.`)
			}
			if op != op0 && op != op1 {
				w.throw(errData, `A JSON Web Key should have either a Public Key Use parameter ("use") or a Key Operations parameter ("key_ops"); otherwise, the parameters must be consistent with each other. A Public Key Use for `+name+` would allow a Key Operations array with only "`+op0+`" and/or "`+op1+`" values (not "`+op+`").`)
			}
		}
	}
	for _, u := range usages {
		if i := sort.SearchStrings(ops, u); i == len(ops) || ops[i] != u {
			w.throw(errData, `All specified key usages must be present in the JSON Web Key's Key Operations parameter ("key_ops").`)
		}
	}
}

// checkSymmetricJWK applies the JWK rules for secret keys (AES): use must
// be "enc" and key_ops must list every usage without duplicates.
func (w *webCrypto) checkSymmetricJWK(j *jwk, usages []string, extractable bool) {
	if len(usages) > 0 && j.Use != nil && *j.Use != "enc" {
		w.throw(errData, `Symmetric "jwk" key must have a "use" of "enc", not "`+*j.Use+`".`)
	}
	if j.KeyOps != nil {
		ops := append([]string(nil), *j.KeyOps...)
		sort.Strings(ops)
		for i := 1; i < len(ops); i++ {
			if ops[i] == ops[i-1] {
				w.throw(errData, `Symmetric "jwk" key contains duplicate value "`+ops[i]+`", in "key_op".`)
			}
		}
		for _, u := range usages {
			if i := sort.SearchStrings(ops, u); i == len(ops) || ops[i] != u {
				w.throw(errData, `"jwk" key missing usage "`+u+`", in "key_ops".`)
			}
		}
	}
	if j.Ext != nil && !*j.Ext && extractable {
		w.throw(errData, `"jwk" key has value "false", for "ext" that is incompatible with import extractability value "true".`)
	}
}

// exportAsymmetric handles the spki and pkcs8 formats for any asymmetric
// key; jwk and raw are the caller's.
func (w *webCrypto) exportAsymmetric(k *cryptoKey, format string, pub, priv any) []byte {
	switch format {
	case "pkcs8":
		if k.kind != keyPrivate {
			w.throw(errInvalidAccess, `Asymmetric pkcs8 export requires private key (not "`+k.kind+`").`)
		}
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		if err != nil {
			w.throw(errOperation, "Private key export failed.")
		}
		return der
	case "spki":
		if k.kind != keyPublic {
			w.throw(errInvalidAccess, `Asymmetric spki export requires public key (not "`+k.kind+`").`)
		}
		der, err := x509.MarshalPKIXPublicKey(pub)
		if err != nil {
			w.throw(errOperation, "Public key export failed.")
		}
		return der
	}
	w.throw(errInvalidAccess, "Cannot export "+quote(k.impl.algorithmName())+" in "+quote(format)+" format.")
	return nil
}
