// ECDSA and ECDH on P-256, P-384 and P-521 for Web Crypto
// (https://w3c.github.io/webcrypto/#ecdsa, https://w3c.github.io/webcrypto/#ecdh),
// with workerd's checks and messages (src/workerd/api/crypto/ec.c++).
// Signatures are r||s, each padded to the curve's size, as Web Crypto
// wants, not the ASN.1 Go's crypto/ecdsa speaks.

package crypto

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/asn1"
	"fmt"
	"math/big"
	"strings"

	"github.com/dop251/goja"
)

type ecCurve struct {
	name   string
	curve  elliptic.Curve
	size   int    // bytes in a coordinate, a scalar, and r or s
	jwkAlg string // the ECDSA JWK "alg" for this curve
}

var ecCurves = map[string]*ecCurve{
	"P-256": {"P-256", elliptic.P256(), 32, "ES256"},
	"P-384": {"P-384", elliptic.P384(), 48, "ES384"},
	"P-521": {"P-521", elliptic.P521(), 66, "ES512"},
}

func (w *webCrypto) lookupCurve(name string) *ecCurve {
	c := ecCurves[strings.ToUpper(name)]
	if c == nil {
		w.throw(errNotSupported, "Unrecognized or unimplemented EC curve "+quote(name)+" requested.")
	}
	return c
}

func curveOf(c elliptic.Curve) *ecCurve {
	for _, ec := range ecCurves {
		if ec.curve == c {
			return ec
		}
	}
	return nil
}

type ecKey struct {
	name  string // ECDSA or ECDH
	curve *ecCurve
	pub   *ecdsa.PublicKey
	priv  *ecdsa.PrivateKey // nil for a public key
}

func (e *ecKey) algorithmName() string  { return e.name }
func (e *ecKey) algorithmShape() string { return "ec" }
func (e *ecKey) algorithm(w *webCrypto) *goja.Object {
	return w.algorithmObject("name", e.name, "namedCurve", e.curve.name)
}

func generateEC(w *webCrypto, p *params, extractable bool, usages []string) goja.Value {
	name := p.norm
	allowed := usageSign | usageVerify
	if name == "ECDH" {
		allowed = deriveUsages
	}
	set := w.validateUsages(name, ctxGenerate, usages, allowed)
	curveName, ok := p.text("namedCurve")
	if !ok {
		w.typeError(`Missing field "namedCurve" in "algorithm".`)
	}
	c := w.lookupCurve(curveName)
	w.requirePrivateUsages(set)
	priv, err := ecdsa.GenerateKey(c.curve, rand.Reader)
	if err != nil {
		w.throw(errOperation, "EC key generation failed: "+err.Error())
	}
	pubUsages := set & publicUsages
	if name == "ECDH" {
		pubUsages = 0
	}
	pub := &cryptoKey{kind: keyPublic, extractable: true, usages: pubUsages,
		impl: &ecKey{name: name, curve: c, pub: &priv.PublicKey}}
	prv := &cryptoKey{kind: keyPrivate, extractable: extractable, usages: set & privateUsages,
		impl: &ecKey{name: name, curve: c, pub: &priv.PublicKey, priv: priv}}
	return w.keyPair(pub, prv)
}

func importEC(w *webCrypto, a *importArgs) *cryptoKey {
	name := a.p.norm
	curveName, ok := a.p.text("namedCurve")
	if !ok {
		w.typeError(`Missing field "namedCurve" in "algorithm".`)
	}
	c := w.lookupCurve(curveName)
	allowed := usageSign | usageVerify
	if name == "ECDH" {
		allowed = deriveUsages
	}
	e := &ecKey{name: name, curve: c}
	k := &cryptoKey{extractable: a.extractable, impl: e}
	if a.format == "raw" {
		rawAllowed := usageVerify
		if name == "ECDH" {
			rawAllowed = deriveUsages // workerd without strict_crypto
		}
		k.kind, k.usages = keyPublic, w.validateUsages(name, ctxImportPublic, a.usages, rawAllowed)
		e.pub = w.ecPointFromRaw(c, a.data.raw)
		return k
	}
	key, kind, set := w.importAsymmetric(a, asymmetricImport{name: name, allowed: allowed,
		readJWK: func(j *jwk) any { return w.ecFromJWK(name, c, j) }})
	k.kind, k.usages = kind, set
	switch x := key.(type) {
	case *ecdsa.PublicKey:
		e.pub = x
	case *ecdsa.PrivateKey:
		e.pub, e.priv = &x.PublicKey, x
	default:
		w.throw(errData, "Input was not an EC key")
	}
	if curveOf(e.pub.Curve) != c {
		msg := `"algorithm.namedCurve" "` + curveName + `" does not match the curve specified by the input key data`
		if name == "ECDH" {
			msg = `"algorithm.namedCurve" "` + curveName + `", does not match the curve specified by the input key data`
		}
		w.throw(errData, msg)
	}
	return k
}

// ecPointFromRaw decodes an uncompressed (or compressed) SEC 1 point.
func (w *webCrypto) ecPointFromRaw(c *ecCurve, raw []byte) *ecdsa.PublicKey {
	if len(raw) == 1+c.size && (raw[0] == 2 || raw[0] == 3) {
		x, y := elliptic.UnmarshalCompressed(c.curve, raw)
		if x == nil {
			w.throw(errData, "Failed to import raw EC key data: Invalid compressed point.")
		}
		raw = uncompressedPoint(c, x, y)
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(c.curve, raw)
	if err != nil {
		w.throw(errData, "Failed to import raw EC key data")
	}
	return pub
}

func uncompressedPoint(c *ecCurve, x, y *big.Int) []byte {
	out := make([]byte, 1+2*c.size)
	out[0] = 4
	x.FillBytes(out[1 : 1+c.size])
	y.FillBytes(out[1+c.size:])
	return out
}

func (w *webCrypto) ecFromJWK(name string, c *ecCurve, j *jwk) any {
	if j.Kty != "EC" {
		w.throw(errData, `Elliptic curve "jwk" key import requires a JSON Web Key with Key Type parameter "kty" ("`+j.Kty+`") equal to "EC".`)
	}
	if name == "ECDSA" && j.Alg != nil {
		var match *ecCurve
		for _, ec := range ecCurves {
			if ec.jwkAlg == *j.Alg {
				match = ec
			}
		}
		if match == nil {
			w.throw(errNotSupported, `Unrecognized or unimplemented algorithm "`+*j.Alg+`" listed in JSON Web Key Algorithm parameter.`)
		}
		if match != c {
			w.throw(errData, `JSON Web Key Algorithm parameter "alg" ("`+*j.Alg+`") does not match requested curve.`)
		}
	}
	x := w.decodeB64URL(j.X, `Invalid EC key in JSON Web Key; missing "x".`)
	y := w.decodeB64URL(j.Y, `Invalid EC key in JSON Web Key; missing "y".`)
	var pub *ecdsa.PublicKey
	err := fmt.Errorf("coordinate too long")
	if len(x) <= c.size && len(y) <= c.size {
		pub, err = ecdsa.ParseUncompressedPublicKey(c.curve,
			uncompressedPoint(c, new(big.Int).SetBytes(x), new(big.Int).SetBytes(y)))
	}
	if err != nil {
		w.throw(errOperation, `Invalid EC key; public key coordinates "x" and "y" are invalid: Point is not on curve.`)
	}
	if j.D == nil {
		return pub
	}
	d := w.decodeB64URL(j.D, `Invalid EC key in JSON Web Key; missing or invalid private key component ("d").`)
	if len(d) > c.size {
		w.throw(errOperation, `Invalid EC key; private key component "d" is invalid`)
	}
	priv, err := ecdsa.ParseRawPrivateKey(c.curve, new(big.Int).SetBytes(d).FillBytes(make([]byte, c.size)))
	if err != nil {
		w.throw(errOperation, `Invalid EC key; private key component "d" is invalid`)
	}
	if !priv.PublicKey.Equal(pub) {
		w.throw(errData, "Invalid EC key in JSON Web Key")
	}
	return priv
}

// ecdsaHash is the hash ECDSA names at call time, not on the key.
func (e *ecKey) ecdsaHash(w *webCrypto, p *params) *hashAlg {
	if e.name != "ECDSA" {
		w.throw(errNotSupported, `The sign and verify operations are not implemented for "`+e.name+`".`)
	}
	return w.lookupHash(p.hashName(`Missing "hash" in AlgorithmIdentifier. (ECDSA requires that the hash algorithm be specified at call time rather than on the key. This differs from other WebCrypto algorithms for historical reasons.)`))
}

type ecdsaSignature struct{ R, S *big.Int }

func (e *ecKey) sign(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	if k.kind != keyPrivate {
		w.throw(errInvalidAccess, "Asymmetric signing requires a private key.")
	}
	h := e.ecdsaHash(w, p)
	der, err := ecdsa.SignASN1(rand.Reader, e.priv, h.sum(data))
	var sig ecdsaSignature
	if err == nil {
		_, err = asn1.Unmarshal(der, &sig)
	}
	if err != nil {
		w.throw(errOperation, "ECDSA signing failed: "+err.Error())
	}
	out := make([]byte, 2*e.curve.size)
	sig.R.FillBytes(out[:e.curve.size])
	sig.S.FillBytes(out[e.curve.size:])
	return out
}

func (e *ecKey) verify(w *webCrypto, p *params, k *cryptoKey, sig, data []byte) bool {
	if k.kind != keyPublic {
		w.throw(errInvalidAccess, "Asymmetric verification requires a public key.")
	}
	h := e.ecdsaHash(w, p)
	if len(sig) != 2*e.curve.size {
		return false // the wrong size is an invalid signature, not an error
	}
	der, err := asn1.Marshal(ecdsaSignature{
		R: new(big.Int).SetBytes(sig[:e.curve.size]),
		S: new(big.Int).SetBytes(sig[e.curve.size:]),
	})
	return err == nil && ecdsa.VerifyASN1(e.pub, h.sum(data), der)
}

// derivePeer runs the checks ECDH and X25519 share before deriving: the
// base key is private, algorithm member "public" is a public key of the
// same algorithm. It returns the peer key.
func (w *webCrypto) derivePeer(p *params, k *cryptoKey) *cryptoKey {
	name := k.impl.algorithmName()
	if k.kind != keyPrivate {
		w.throw(errInvalidAccess, `The deriveBits operation is only valid for a private key, not "`+k.kind+`".`)
	}
	peer, ok := p.cryptoKey("public")
	if !ok {
		w.typeError(`Missing field "public" in "derivedKeyParams".`)
	}
	if peer.kind != keyPublic {
		w.throw(errInvalidAccess, `The provided key has type "`+peer.kind+`", not "public"`)
	}
	peerName := peer.impl.algorithmName()
	if k.impl.algorithmShape() != peer.impl.algorithmShape() {
		w.throw(errInvalidAccess, "Base "+name+" private key cannot be used to derive a key from a peer "+peerName+" public key")
	}
	if name != peerName {
		w.throw(errInvalidAccess, `Private key for derivation is using "`+name+`" while public key is using "`+peerName+`".`)
	}
	return peer
}

// truncateBits returns the first length bits of secret (all of it for
// -1), masking the unused low bits of the last byte.
func (w *webCrypto) truncateBits(secret []byte, length int) []byte {
	if length < 0 {
		return secret
	}
	if length > len(secret)*8 {
		w.throw(errOperation, fmt.Sprintf("Derived key length (%d bits) is too long (should be at most %d bits).", length, len(secret)*8))
	}
	out := secret[:(length+7)/8]
	zeroTrailingBits(out, length)
	return out
}

func (e *ecKey) deriveBits(w *webCrypto, p *params, k *cryptoKey, length int) []byte {
	if e.name != "ECDH" {
		w.throw(errNotSupported, `The deriveBits operation is not implemented for "`+e.name+`".`)
	}
	peer := w.derivePeer(p, k).impl.(*ecKey)
	if peer.curve != e.curve {
		w.throw(errInvalidAccess, `Private key for derivation is using curve "`+e.curve.name+`" while public key is using "`+peer.curve.name+`".`)
	}
	priv, err1 := e.priv.ECDH()
	pub, err2 := peer.pub.ECDH()
	var secret []byte
	var err error
	if err = err1; err == nil {
		if err = err2; err == nil {
			secret, err = priv.ECDH(pub)
		}
	}
	if err != nil {
		w.throw(errOperation, "Failed to generate shared ECDH secret")
	}
	return w.truncateBits(secret, length)
}

func (e *ecKey) exportKey(w *webCrypto, k *cryptoKey, format string) exported {
	switch format {
	case "raw":
		if k.kind != keyPublic {
			w.throw(errInvalidAccess, "Raw export of elliptic curve keys is only allowed for public keys.")
		}
		b, err := e.pub.Bytes()
		if err != nil {
			w.throw(errOperation, "Public key export failed.")
		}
		return exported{raw: b}
	case "jwk":
		b, err := e.pub.Bytes()
		if err != nil {
			w.throw(errOperation, "Public key export failed.")
		}
		j := newExportJWK("EC", k)
		j.Crv = strPtr(e.curve.name)
		j.X, j.Y = b64url(b[1:1+e.curve.size]), b64url(b[1+e.curve.size:])
		if e.priv != nil {
			d, err := e.priv.Bytes()
			if err != nil {
				w.throw(errOperation, "Private key export failed.")
			}
			j.D = b64url(d)
		}
		return exported{jwk: j}
	}
	var priv any
	if e.priv != nil {
		priv = e.priv
	}
	return exported{raw: w.exportAsymmetric(k, format, e.pub, priv)}
}
