// Ed25519 and X25519 for Web Crypto (https://w3c.github.io/webcrypto/#ed25519,
// https://w3c.github.io/webcrypto/#x25519), including workerd's legacy
// spelling {name: "NODE-ED25519", namedCurve: "NODE-ED25519"}, with
// workerd's checks and messages (the EdDsaKey part of
// src/workerd/api/crypto/ec.c++).

package crypto

import (
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"

	"github.com/dop251/goja"
)

// okpKey is an Ed25519 (or NODE-ED25519) or X25519 key: one pair of the
// fields is set, the private one only for a private key.
type okpKey struct {
	name   string // Ed25519, NODE-ED25519 or X25519
	edPub  ed25519.PublicKey
	edPriv ed25519.PrivateKey
	xPub   *ecdh.PublicKey
	xPriv  *ecdh.PrivateKey
}

const nodeEd25519 = "NODE-ED25519"

func (o *okpKey) algorithmName() string { return o.name }

// algorithmShape: NODE-ED25519 keys describe themselves with the elliptic
// dictionary (they have a namedCurve), the others with the plain one.
func (o *okpKey) algorithmShape() string {
	if o.name == nodeEd25519 {
		return "ec"
	}
	return "plain"
}

func (o *okpKey) algorithm(w *webCrypto) *goja.Object {
	if o.name == nodeEd25519 {
		return w.algorithmObject("name", o.name, "namedCurve", o.name)
	}
	return w.algorithmObject("name", o.name)
}

// curve is the curve's name as JWKs and messages spell it.
func (o *okpKey) curve() string {
	if o.name == "X25519" {
		return "X25519"
	}
	return "Ed25519"
}

func okpUsages(name string) usageSet {
	if name == "X25519" {
		return deriveUsages
	}
	return usageSign | usageVerify
}

func (w *webCrypto) checkNodeCurve(p *params) {
	curve, ok := p.text("namedCurve")
	if !ok {
		w.typeError(`Missing field "namedCurve" in "algorithm".`)
	}
	if curve != nodeEd25519 {
		w.throw(errNotSupported, `EDDSA curve "`+curve+`" isn't supported.`)
	}
}

func generateOKP(w *webCrypto, p *params, extractable bool, usages []string) goja.Value {
	name := p.norm
	set := w.validateUsages(name, ctxGenerate, usages, okpUsages(name))
	if name == nodeEd25519 {
		w.checkNodeCurve(p)
	}
	w.requirePrivateUsages(set)
	pub, prv := &okpKey{name: name}, &okpKey{name: name}
	if name == "X25519" {
		priv, err := ecdh.X25519().GenerateKey(rand.Reader)
		if err != nil {
			w.throw(errOperation, "X25519 key generation failed: "+err.Error())
		}
		pub.xPub, prv.xPub, prv.xPriv = priv.PublicKey(), priv.PublicKey(), priv
	} else {
		edPub, edPriv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			w.throw(errOperation, "Ed25519 key generation failed: "+err.Error())
		}
		pub.edPub, prv.edPub, prv.edPriv = edPub, edPub, edPriv
	}
	return w.keyPair(
		&cryptoKey{kind: keyPublic, extractable: true, usages: set & publicUsages, impl: pub},
		&cryptoKey{kind: keyPrivate, extractable: extractable, usages: set & privateUsages, impl: prv})
}

func importOKP(w *webCrypto, a *importArgs) *cryptoKey {
	name := a.p.norm
	if name == nodeEd25519 {
		w.checkNodeCurve(a.p)
	}
	o := &okpKey{name: name}
	k := &cryptoKey{extractable: a.extractable, impl: o}
	if a.format == "raw" {
		allowed := usageVerify
		if name == "X25519" {
			allowed = 0
		}
		k.kind, k.usages = keyPublic, w.validateUsages(name, ctxImportPublic, a.usages, allowed)
		if len(a.data.raw) != 32 {
			w.throw(errData, fmt.Sprintf("%s raw keys must be exactly 32-bytes (provided %d).", o.curve(), len(a.data.raw)))
		}
		o.setPublic(w, a.data.raw)
		return k
	}
	key, kind, set := w.importAsymmetric(a, asymmetricImport{name: name, allowed: okpUsages(name),
		readJWK: func(j *jwk) any { return w.okpFromJWK(o, j) }})
	k.kind, k.usages = kind, set
	switch x := key.(type) {
	case ed25519.PublicKey:
		o.edPub = x
	case ed25519.PrivateKey:
		o.edPub, o.edPriv = x.Public().(ed25519.PublicKey), x
	case *ecdh.PublicKey:
		if x.Curve() == ecdh.X25519() {
			o.xPub = x
		}
	case *ecdh.PrivateKey:
		if x.Curve() == ecdh.X25519() {
			o.xPub, o.xPriv = x.PublicKey(), x
		}
	}
	if (name == "X25519") != (o.xPub != nil) || (o.xPub == nil && o.edPub == nil) {
		w.throw(errData, "Input was not an "+o.curve()+" key")
	}
	return k
}

func (o *okpKey) setPublic(w *webCrypto, raw []byte) {
	if o.name != "X25519" {
		o.edPub = ed25519.PublicKey(append([]byte(nil), raw...))
		return
	}
	pub, err := ecdh.X25519().NewPublicKey(raw)
	if err != nil {
		w.throw(errData, "Invalid X25519 public key")
	}
	o.xPub = pub
}

// okpFromJWK reads an OKP JWK into the Go key importAsymmetric expects.
func (w *webCrypto) okpFromJWK(o *okpKey, j *jwk) any {
	curve := o.curve()
	if j.Kty != "OKP" {
		w.throw(errData, curve+` "jwk" key imports requires a JSON Web Key with Key Type parameter "kty" ("`+j.Kty+`") equal to "OKP".`)
	}
	if j.Crv == nil {
		w.throw(errData, `Missing field "crv" for `+curve+` key.`)
	}
	if *j.Crv != curve {
		w.throw(errNotSupported, "Only "+curve+` is supported but "`+*j.Crv+`" was requested.`)
	}
	if curve == "Ed25519" && j.Alg != nil && *j.Alg != "EdDSA" {
		w.throw(errData, `JSON Web Key Algorithm parameter "alg" ("`+*j.Alg+`") does not match requested Ed25519 curve.`)
	}
	x := w.decodeB64URL(j.X, "Invalid "+*j.Crv+` key in JSON WebKey; missing or invalid public key component ("x").`)
	if len(x) != 32 {
		w.throw(errData, fmt.Sprintf("Invalid length %d for public key", len(x)))
	}
	if j.D == nil {
		probe := &okpKey{name: o.name}
		probe.setPublic(w, x)
		if probe.xPub != nil {
			return probe.xPub
		}
		return probe.edPub
	}
	d := w.decodeB64URL(j.D, "Invalid "+curve+` key in JSON Web Key; missing or invalid private key component ("d").`)
	if len(d) != 32 {
		w.throw(errData, fmt.Sprintf("Invalid length %d for private key", len(d)))
	}
	if curve == "X25519" {
		priv, err := ecdh.X25519().NewPrivateKey(d)
		if err != nil {
			w.throw(errData, "Invalid X25519 private key")
		}
		return priv
	}
	return ed25519.NewKeyFromSeed(d)
}

func (o *okpKey) sign(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	if k.kind != keyPrivate {
		w.throw(errInvalidAccess, "Asymmetric signing requires a private key.")
	}
	if o.edPriv == nil {
		w.throw(errOperation, `Not implemented for algorithm "`+o.name+`".`)
	}
	return ed25519.Sign(o.edPriv, data)
}

func (o *okpKey) verify(w *webCrypto, p *params, k *cryptoKey, sig, data []byte) bool {
	if k.kind != keyPublic {
		w.throw(errInvalidAccess, "Asymmetric verification requires a public key.")
	}
	if o.edPub == nil {
		w.throw(errOperation, "Not implemented for this algorithm"+o.name)
	}
	if len(sig) != ed25519.SignatureSize {
		w.throw(errOperation, fmt.Sprintf("Invalid %s signature length %d", o.name, len(sig)))
	}
	return ed25519.Verify(o.edPub, data, sig)
}

func (o *okpKey) deriveBits(w *webCrypto, p *params, k *cryptoKey, length int) []byte {
	if o.name != "X25519" {
		w.throw(errNotSupported, `The deriveBits operation is not implemented for "`+o.name+`".`)
	}
	peer := w.derivePeer(p, k).impl.(*okpKey)
	if length > 256 {
		w.throw(errOperation, fmt.Sprintf("Derived key length (%d bits) is too long (should be at most 256 bits).", length))
	}
	secret, err := o.xPriv.ECDH(peer.xPub)
	if err != nil {
		// Go refuses an all-zero result, which is what small-order points give.
		w.throw(errOperation, "Detected small order secure curve points, aborting EDDH derivation")
	}
	return w.truncateBits(secret, length)
}

func (o *okpKey) exportKey(w *webCrypto, k *cryptoKey, format string) exported {
	var pubBytes []byte
	var pub, priv any
	if o.xPub != nil {
		pubBytes, pub = o.xPub.Bytes(), o.xPub
		if o.xPriv != nil {
			priv = o.xPriv
		}
	} else {
		pubBytes, pub = []byte(o.edPub), o.edPub
		if o.edPriv != nil {
			priv = o.edPriv
		}
	}
	switch format {
	case "raw":
		if k.kind != keyPublic {
			w.throw(errInvalidAccess, "Raw export of "+o.name+" keys is only allowed for public keys.")
		}
		return exported{raw: append([]byte(nil), pubBytes...)}
	case "jwk":
		j := newExportJWK("OKP", k)
		if o.name == "Ed25519" {
			j.Alg = strPtr("EdDSA")
		}
		j.Crv = strPtr(o.curve())
		j.X = b64url(pubBytes)
		switch {
		case o.xPriv != nil:
			j.D = b64url(o.xPriv.Bytes())
		case o.edPriv != nil:
			j.D = b64url(o.edPriv.Seed())
		}
		return exported{jwk: j}
	}
	return exported{raw: w.exportAsymmetric(k, format, pub, priv)}
}
