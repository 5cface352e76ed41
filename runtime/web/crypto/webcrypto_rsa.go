// RSA for Web Crypto: RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP
// (https://w3c.github.io/webcrypto/#rsassa-pkcs1 and the two sections after
// it), with workerd's checks and messages (src/workerd/api/crypto/rsa.c++,
// keys.c++). Key generation is the one Web Crypto operation slow enough
// (100+ ms for 2048 bits) to run off the event loop.
//
// Go's RSA-PSS API cannot express a zero-length salt (0 means "auto"), so
// saltLength 0 is done here: EMSA-PSS by hand, with math/big for the RSA
// operation (not constant-time; a development emulator's trade-off).

package crypto

import (
	"bytes"
	stdcrypto "crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"fmt"
	"math/big"
	"strings"

	"edgedev/runtime/module"

	"github.com/dop251/goja"
)

// minRSABits is the smallest modulus Go's crypto/rsa will use.
const minRSABits = 1024

type rsaKey struct {
	name     string // RSASSA-PKCS1-v1_5, RSA-PSS or RSA-OAEP
	hash     *hashAlg
	pub      *rsa.PublicKey
	priv     *rsa.PrivateKey // nil for a public key
	exponent []byte          // publicExponent as the algorithm reports it
	bits     int             // modulusLength as the algorithm reports it
}

func (r *rsaKey) algorithmName() string  { return r.name }
func (r *rsaKey) algorithmShape() string { return "rsa" }
func (r *rsaKey) algorithm(w *webCrypto) *goja.Object {
	return w.algorithmObject("name", r.name, "modulusLength", r.bits,
		"publicExponent", w.views.Uint8Array(append([]byte(nil), r.exponent...)), "hash", w.hashObject(r.hash))
}

func rsaUsages(name string) usageSet {
	if name == "RSA-OAEP" {
		return usageEncrypt | usageDecrypt | usageWrapKey | usageUnwrapKey
	}
	return usageSign | usageVerify
}

// rsaExponent reads a big-endian public exponent; workerd refuses any that
// does not fit in 32 bits, even on import.
func (w *webCrypto) rsaExponent(b []byte) int {
	b = bytes.TrimLeft(b, "\x00")
	if len(b) > 4 {
		w.throw(errOperation, `The "publicExponent" must be either 3 or 65537, but got a number larger than 2^32.`)
	}
	e := 0
	for _, c := range b {
		e = e<<8 | int(c)
	}
	return e
}

func generateRSA(w *webCrypto, p *params, extractable bool, usages []string) goja.Value {
	name := p.norm
	exp, ok := p.bytes("publicExponent")
	if !ok {
		w.typeError(`Missing field "publicExponent" in "algorithm".`)
	}
	exp = append([]byte(nil), exp...)
	hashName := p.hashName(`Missing field "hash" in "algorithm".`)
	bits, ok := p.integer("modulusLength")
	if !ok {
		w.typeError(`Missing field "modulusLength" in "algorithm".`)
	}
	if bits <= 0 {
		w.throw(errOperation, fmt.Sprintf("modulusLength must be greater than zero (requested %d).", bits))
	}
	h := w.lookupHash(hashName)
	set := w.validateUsages(name, ctxGenerate, usages, rsaUsages(name))
	if bits%8 != 0 || bits < 256 || bits > 16384 {
		w.throw(errOperation, fmt.Sprintf("The modulus length must be a multiple of 8 and between 256 and 16k, but %d was requested.", bits))
	}
	e := w.rsaExponent(exp)
	if e != 3 && e != 65537 {
		w.throw(errOperation, fmt.Sprintf(`The "publicExponent" must be either 3 or 65537, but got %d.`, e))
	}
	if e != 65537 {
		w.throw(errNotSupported, "edgedev cannot generate RSA keys with publicExponent 3 (Go's crypto/rsa always uses 65537); use 65537, or import a key made elsewhere.")
	}
	if bits < minRSABits {
		w.throw(errNotSupported, fmt.Sprintf("edgedev cannot generate %d-bit RSA keys (Go's crypto/rsa refuses keys under %d bits); use at least 2048.", bits, minRSABits))
	}
	w.requirePrivateUsages(set)
	pair := func(priv *rsa.PrivateKey) goja.Value {
		pub := &cryptoKey{kind: keyPublic, extractable: true, usages: set & publicUsages,
			impl: &rsaKey{name: name, hash: h, pub: &priv.PublicKey, exponent: exp, bits: int(bits)}}
		prv := &cryptoKey{kind: keyPrivate, extractable: extractable, usages: set & privateUsages,
			impl: &rsaKey{name: name, hash: h, pub: &priv.PublicKey, priv: priv, exponent: exp, bits: int(bits)}}
		return w.keyPair(pub, prv)
	}
	// Generating a 2048-bit key takes 100+ ms: do it off the loop and come
	// back to build the JS objects.
	promise, settle := w.async()
	go func() {
		priv, err := rsa.GenerateKey(rand.Reader, int(bits))
		settle(func() (goja.Value, error) {
			if err != nil {
				return nil, module.Reject(w.dom.DOMException(errOperation, "RSA key generation failed: "+err.Error()))
			}
			return pair(priv), nil
		})
	}()
	return w.vm.ToValue(promise)
}

func importRSA(w *webCrypto, a *importArgs) *cryptoKey {
	name := a.p.norm
	hashName := a.p.hashName(`Missing field "hash" in "algorithm".`)
	h := w.lookupHash(hashName)
	key, kind, set := w.importAsymmetric(a, asymmetricImport{name: name, allowed: rsaUsages(name),
		readJWK: func(j *jwk) any { return w.rsaFromJWK(name, h, j) }})
	r := &rsaKey{name: name, hash: h}
	switch k := key.(type) {
	case *rsa.PublicKey:
		r.pub = k
	case *rsa.PrivateKey:
		r.pub, r.priv = &k.PublicKey, k
	default:
		w.throw(errData, "Input was not an RSA key")
	}
	r.exponent = big.NewInt(int64(r.pub.E)).Bytes()
	w.rsaExponent(r.exponent)
	r.bits = r.pub.Size() * 8
	return &cryptoKey{kind: kind, extractable: a.extractable, usages: set, impl: r}
}

// rsaJWKAlgs maps each RSA algorithm's JWK "alg" values to hashes.
var rsaJWKAlgs = map[string]map[string]string{
	"RSASSA-PKCS1-v1_5": {"RS1": "SHA-1", "RS256": "SHA-256", "RS384": "SHA-384", "RS512": "SHA-512"},
	"RSA-PSS":           {"PS1": "SHA-1", "PS256": "SHA-256", "PS384": "SHA-384", "PS512": "SHA-512"},
	"RSA-OAEP":          {"RSA-OAEP": "SHA-1", "RSA-OAEP-256": "SHA-256", "RSA-OAEP-384": "SHA-384", "RSA-OAEP-512": "SHA-512"},
}

func (w *webCrypto) rsaFromJWK(name string, h *hashAlg, j *jwk) any {
	if j.Kty != "RSA" {
		w.throw(errData, `RSASSA-PKCS1-v1_5 "jwk" key import requires a JSON Web Key with Key Type parameter "kty" ("`+j.Kty+`") equal to "RSA".`)
	}
	if j.Alg != nil {
		want, ok := rsaJWKAlgs[name][*j.Alg]
		if !ok {
			w.throw(errNotSupported, `Unrecognized or unimplemented algorithm "`+*j.Alg+`" listed in JSON Web Key Algorithm parameter.`)
		}
		if want != h.name {
			w.throw(errData, `JSON Web Key Algorithm parameter "alg" ("`+*j.Alg+`") does not match requested hash algorithm "`+h.name+`".`)
		}
	}
	n := w.decodeB64URL(j.N, `Invalid RSA key in JSON Web Key; missing or invalid Modulus parameter ("n").`)
	e := w.decodeB64URL(j.E, `Invalid RSA key in JSON Web Key; missing or invalid Exponent parameter ("e").`)
	pub := rsa.PublicKey{N: new(big.Int).SetBytes(n), E: w.rsaExponent(e)}
	if j.D == nil {
		return &pub
	}
	d := w.decodeB64URL(j.D, `Invalid RSA key in JSON Web Key; missing or invalid Private Exponent parameter ("d").`)
	crt := []struct {
		v    *string
		what string
	}{
		{j.P, `First Prime Factor parameter ("p")`}, {j.Q, `Second Prime Factor parameter ("q")`},
		{j.DP, `First Factor CRT Exponent parameter ("dp")`}, {j.DQ, `Second Factor CRT Exponent parameter ("dq")`},
		{j.QI, `First CRT Coefficient parameter ("qi")`},
	}
	present := 0
	for _, c := range crt {
		if c.v != nil {
			present++
		}
	}
	if present == 0 {
		w.throw(errNotSupported, `edgedev cannot import an RSA private JWK without its prime factors and CRT parameters ("p", "q", "dp", "dq", "qi"): Go's crypto/rsa needs them.`)
	}
	if present != len(crt) {
		w.throw(errData, `Invalid RSA private key in JSON Web Key; if one Prime Factor or CRT Exponent/Coefficient parameter is present, then they must all be present ("p", "q", "dp", "dq", "qi").`)
	}
	vals := make([]*big.Int, len(crt))
	for i, c := range crt {
		vals[i] = new(big.Int).SetBytes(w.decodeB64URL(c.v, "Invalid RSA key in JSON Web Key; invalid "+c.what+"."))
	}
	priv := &rsa.PrivateKey{PublicKey: pub, D: new(big.Int).SetBytes(d), Primes: []*big.Int{vals[0], vals[1]}}
	if err := priv.Validate(); err != nil {
		w.throw(errData, "Invalid RSA private key in JSON Web Key: "+strings.TrimPrefix(err.Error(), "crypto/rsa: ")+".")
	}
	priv.Precompute()
	pc := priv.Precomputed
	if pc.Dp.Cmp(vals[2]) != 0 || pc.Dq.Cmp(vals[3]) != 0 || pc.Qinv.Cmp(vals[4]) != 0 {
		w.throw(errData, `Invalid RSA private key in JSON Web Key; the CRT parameters ("dp", "dq", "qi") do not match the key.`)
	}
	return priv
}

// usable refuses keys Go's crypto/rsa will not operate on.
func (r *rsaKey) usable(w *webCrypto) {
	if n := r.pub.N.BitLen(); n < minRSABits {
		w.throw(errNotSupported, fmt.Sprintf("edgedev cannot use a %d-bit RSA key (Go's crypto/rsa refuses keys under %d bits); use at least 2048.", n, minRSABits))
	}
}

func (r *rsaKey) sign(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	if k.kind != keyPrivate {
		w.throw(errInvalidAccess, "Asymmetric signing requires a private key.")
	}
	if r.name == "RSA-OAEP" {
		w.throw(errNotSupported, `The sign and verify operations are not implemented for "RSA-OAEP".`)
	}
	size, hashSize := r.pub.Size(), r.hash.id.Size()
	var sig []byte
	var err error
	if r.name == "RSA-PSS" {
		salt, ok := p.integer("saltLength")
		if !ok {
			w.throw(errData, "Failed to provide salt for RSA-PSS key operation which requires a salt")
		}
		if salt < 0 {
			w.throw(errData, fmt.Sprintf("SaltLength for RSA-PSS must be non-negative (provided %d).", salt))
		}
		if hashSize+2 > size {
			w.throw(errOperation, "key too small for signing with given digest")
		}
		if salt > int64(size-hashSize-2) {
			w.throw(errOperation, "key too small for signing with given digest and salt length")
		}
		r.usable(w)
		digest := r.hash.sum(data)
		if salt == 0 {
			sig, err = pssSignNoSalt(r.priv, r.hash.id, digest)
		} else {
			sig, err = rsa.SignPSS(rand.Reader, r.priv, r.hash.id, digest, &rsa.PSSOptions{SaltLength: int(salt)})
		}
	} else {
		if hashSize+32 > size {
			w.throw(errOperation, fmt.Sprintf("key too small for signing with given digest, need at least %dbits.", 8*(hashSize+32)))
		}
		r.usable(w)
		sig, err = rsa.SignPKCS1v15(nil, r.priv, r.hash.id, r.hash.sum(data))
	}
	if err != nil {
		w.throw(errOperation, r.name+" signing failed: "+err.Error())
	}
	return sig
}

func (r *rsaKey) verify(w *webCrypto, p *params, k *cryptoKey, sig, data []byte) bool {
	if k.kind != keyPublic {
		w.throw(errInvalidAccess, "Asymmetric verification requires a public key.")
	}
	if r.name == "RSA-OAEP" {
		w.throw(errNotSupported, `The sign and verify operations are not implemented for "RSA-OAEP".`)
	}
	if r.name == "RSA-PSS" {
		salt, ok := p.integer("saltLength")
		if !ok {
			w.typeError("Failed to provide salt for RSA-PSS key operation which requires a salt")
		}
		if salt < 0 {
			w.throw(errData, fmt.Sprintf("SaltLength for RSA-PSS must be non-negative (provided %d).", salt))
		}
		r.usable(w)
		digest := r.hash.sum(data)
		if salt == 0 {
			return pssVerifyNoSalt(r.pub, r.hash.id, digest, sig)
		}
		return rsa.VerifyPSS(r.pub, r.hash.id, digest, sig, &rsa.PSSOptions{SaltLength: int(salt)}) == nil
	}
	r.usable(w)
	return rsa.VerifyPKCS1v15(r.pub, r.hash.id, r.hash.sum(data), sig) == nil
}

func (r *rsaKey) encrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	if k.kind != keyPublic {
		w.throw(errInvalidAccess, `Encryption/key wrapping only works with public keys, not "`+k.kind+`".`)
	}
	r.usable(w)
	label, _ := p.bytes("label")
	out, err := rsa.EncryptOAEP(r.hash.id.New(), rand.Reader, r.pub, data, label)
	if err != nil {
		w.throw(errOperation, "RSA-OAEP failed encrypt/decrypt.")
	}
	return out
}

func (r *rsaKey) decrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	if k.kind != keyPrivate {
		w.throw(errInvalidAccess, `Decryption/key unwrapping only works with private keys, not "`+k.kind+`".`)
	}
	r.usable(w)
	label, _ := p.bytes("label")
	out, err := rsa.DecryptOAEP(r.hash.id.New(), nil, r.priv, data, label)
	if err != nil {
		w.throw(errOperation, "RSA-OAEP failed encrypt/decrypt.")
	}
	return out
}

func (r *rsaKey) exportKey(w *webCrypto, k *cryptoKey, format string) exported {
	switch format {
	case "raw":
		w.throw(errInvalidAccess, "Cannot export "+quote(r.name)+` in "raw" format.`)
	case "jwk":
		if !strings.HasPrefix(r.hash.name, "SHA") {
			w.throw(errNotSupported, `JWK export not supported for hash algorithm "`+r.hash.name+`".`)
		}
		bits := r.hash.name[4:]
		j := newExportJWK("RSA", k)
		switch {
		case r.name == "RSA-PSS":
			j.Alg = strPtr("PS" + bits)
		case r.name == "RSA-OAEP" && bits == "1":
			j.Alg = strPtr("RSA-OAEP")
		case r.name == "RSA-OAEP":
			j.Alg = strPtr("RSA-OAEP-" + bits)
		default:
			j.Alg = strPtr("RS" + bits)
		}
		j.N = b64url(r.pub.N.Bytes())
		j.E = b64url(big.NewInt(int64(r.pub.E)).Bytes())
		if r.priv != nil {
			pc := r.priv.Precomputed
			j.D, j.P, j.Q = b64url(r.priv.D.Bytes()), b64url(r.priv.Primes[0].Bytes()), b64url(r.priv.Primes[1].Bytes())
			j.DP, j.DQ, j.QI = b64url(pc.Dp.Bytes()), b64url(pc.Dq.Bytes()), b64url(pc.Qinv.Bytes())
		}
		return exported{jwk: j}
	}
	var priv any
	if r.priv != nil {
		priv = r.priv
	}
	return exported{raw: w.exportAsymmetric(k, format, r.pub, priv)}
}

// ---- RSA-PSS with an empty salt -----------------------------------------

// pssSignNoSalt is RSASSA-PSS-SIGN (RFC 8017 §8.1.1) with sLen = 0.
func pssSignNoSalt(priv *rsa.PrivateKey, h stdcrypto.Hash, digest []byte) ([]byte, error) {
	emBits := priv.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	hLen := h.Size()
	if emLen < hLen+2 {
		return nil, fmt.Errorf("key too small for signing with given digest")
	}
	d := h.New()
	d.Write(make([]byte, 8))
	d.Write(digest)
	hv := d.Sum(nil)
	em := make([]byte, emLen)
	db := em[:emLen-hLen-1]
	db[len(db)-1] = 0x01 // PS is zeros, the salt is empty
	mgf1XOR(db, h, hv)
	db[0] &= 0xff >> (8*emLen - emBits)
	copy(em[emLen-hLen-1:], hv)
	em[emLen-1] = 0xbc
	m := new(big.Int).SetBytes(em)
	s := new(big.Int).Exp(m, priv.D, priv.N)
	if new(big.Int).Exp(s, big.NewInt(int64(priv.E)), priv.N).Cmp(m) != 0 {
		return nil, fmt.Errorf("RSA private key operation failed its check") // a fault: never return it
	}
	return s.FillBytes(make([]byte, priv.Size())), nil
}

// pssVerifyNoSalt is RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) with sLen = 0.
func pssVerifyNoSalt(pub *rsa.PublicKey, h stdcrypto.Hash, digest, sig []byte) bool {
	if len(sig) != pub.Size() {
		return false
	}
	s := new(big.Int).SetBytes(sig)
	if s.Cmp(pub.N) >= 0 {
		return false
	}
	m := new(big.Int).Exp(s, big.NewInt(int64(pub.E)), pub.N)
	emBits := pub.N.BitLen() - 1
	emLen := (emBits + 7) / 8
	hLen := h.Size()
	if m.BitLen() > emBits || emLen < hLen+2 {
		return false
	}
	em := m.FillBytes(make([]byte, emLen))
	if em[emLen-1] != 0xbc {
		return false
	}
	db := append([]byte(nil), em[:emLen-hLen-1]...)
	hv := em[emLen-hLen-1 : emLen-1]
	topMask := byte(0xff >> (8*emLen - emBits))
	if db[0]&^topMask != 0 {
		return false
	}
	mgf1XOR(db, h, hv)
	db[0] &= topMask
	for _, b := range db[:len(db)-1] {
		if b != 0 {
			return false
		}
	}
	if db[len(db)-1] != 0x01 {
		return false
	}
	d := h.New()
	d.Write(make([]byte, 8))
	d.Write(digest)
	return subtle.ConstantTimeCompare(d.Sum(nil), hv) == 1
}

// mgf1XOR XORs out with MGF1(seed, len(out)) (RFC 8017 §B.2.1).
func mgf1XOR(out []byte, h stdcrypto.Hash, seed []byte) {
	var counter [4]byte
	for done := 0; done < len(out); {
		d := h.New()
		d.Write(seed)
		d.Write(counter[:])
		for _, b := range d.Sum(nil) {
			if done == len(out) {
				break
			}
			out[done] ^= b
			done++
		}
		for i := 3; i >= 0; i-- {
			counter[i]++
			if counter[i] != 0 {
				break
			}
		}
	}
}
