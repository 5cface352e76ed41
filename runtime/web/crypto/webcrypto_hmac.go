// HMAC for Web Crypto (https://w3c.github.io/webcrypto/#hmac), with
// workerd's checks and messages (src/workerd/api/crypto/hmac.c++): any
// digest crypto.subtle.digest knows, MD5 included; raw and jwk formats.

package crypto

import (
	"crypto/hmac"
	"crypto/rand"
	"fmt"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

type hmacKey struct {
	secret []byte
	hash   *hashAlg
	length int // bits
	// mac is reused across operations (Reset keeps the keyed state), which
	// saves setting the key up on every sign. Only the loop uses a key.
	mac hash.Hash
}

func (h *hmacKey) algorithmName() string  { return "HMAC" }
func (h *hmacKey) algorithmShape() string { return "hmac" }
func (h *hmacKey) algorithm(w *webCrypto) *goja.Object {
	return w.algorithmObject("name", "HMAC", "hash", w.hashObject(h.hash), "length", h.length)
}

func (h *hmacKey) compute(data []byte) []byte {
	if h.mac == nil {
		h.mac = h.hash.hmac(h.secret)
	} else {
		h.mac.Reset()
	}
	h.mac.Write(data)
	return h.mac.Sum(nil)
}

func (h *hmacKey) sign(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	return h.compute(data) // the hash is the key's, whatever the call names
}

func (h *hmacKey) verify(w *webCrypto, p *params, k *cryptoKey, sig, data []byte) bool {
	return hmac.Equal(h.compute(data), sig)
}

func (h *hmacKey) exportKey(w *webCrypto, k *cryptoKey, format string) exported {
	switch format {
	case "raw":
		return exported{raw: append([]byte(nil), h.secret...)}
	case "jwk":
		if !strings.HasPrefix(h.hash.name, "SHA-") {
			w.throw(errNotSupported, "Unimplemented JWK key export format for key algorithm "+quote(h.hash.name)+".")
		}
		j := newExportJWK("oct", k)
		j.Alg = strPtr("HS" + h.hash.name[4:])
		j.K = b64url(h.secret)
		return exported{jwk: j}
	}
	w.throw(errNotSupported, "Unimplemented key export format "+quote(format)+".")
	return exported{}
}

func generateHMAC(w *webCrypto, p *params, extractable bool, usages []string) goja.Value {
	h := w.lookupHash(p.hashName(`Missing field "hash" in "algorithm".`))
	set := w.validateUsages("HMAC", ctxGenerate, usages, usageSign|usageVerify)
	length := int64(h.blockBits)
	if n, ok := p.integer("length"); ok {
		length = n
	}
	if length <= 0 {
		w.throw(errOperation, fmt.Sprintf("HMAC key length must be a non-zero unsigned long integer (requested %d).", length))
	}
	secret := make([]byte, (length+7)/8)
	_, _ = rand.Read(secret)
	zeroTrailingBits(secret, int(length))
	k := &cryptoKey{kind: keySecret, extractable: extractable, usages: set,
		impl: &hmacKey{secret: secret, hash: h, length: int(length)}}
	return w.secretKeyResult(k)
}

func importHMAC(w *webCrypto, a *importArgs) *cryptoKey {
	set := w.validateUsages("HMAC", ctxImportSecret, a.usages, usageSign|usageVerify)
	hashName := a.p.hashName(`Missing field "hash" in "algorithm".`)
	var secret []byte
	switch a.format {
	case "raw":
		secret = a.data.raw
	case "jwk":
		j := a.data.jwk
		if j.Kty != "oct" {
			w.throw(errData, `HMAC "jwk" key import requires a JSON Web Key with Key Type parameter ("kty") equal to "oct" (encountered "`+j.Kty+`").`)
		}
		secret = w.decodeB64URL(j.K, `HMAC "jwk" key import requires a base64Url encoding of the key`)
		if j.Alg != nil {
			if !strings.HasPrefix(strings.ToUpper(hashName), "SHA-") {
				w.throw(errNotSupported, "Unrecognized or unimplemented hash algorithm requested"+*j.Alg)
			}
			if want := "HS" + hashName[4:]; *j.Alg != want {
				w.throw(errData, `HMAC "jwk" key import specifies "alg" that is incompatible with the hash name (encountered "`+*j.Alg+`", expected "`+want+`").`)
			}
		}
	default:
		w.throw(errNotSupported, "Unrecognized key import format "+quote(a.format)+".")
	}
	size := int64(len(secret)) * 8
	length := size
	if n, ok := a.p.integer("length"); ok {
		length = n
	}
	if length <= 0 || length > size || length <= size-8 {
		w.throw(errData, fmt.Sprintf("Imported HMAC key length (%d) must be a non-zero value up to 7 bits less than, and no greater than, the bit length of the raw key data (%d).", length, size))
	}
	zeroTrailingBits(secret, int(length))
	h := w.lookupHash(hashName)
	return &cryptoKey{kind: keySecret, extractable: a.extractable, usages: set,
		impl: &hmacKey{secret: secret, hash: h, length: int(length)}}
}

// zeroTrailingBits clears the bits of b past the first bits, as Chrome and
// workerd do for keys whose length is not a whole number of bytes.
func zeroTrailingBits(b []byte, bits int) {
	if extra := len(b)*8 - bits; extra > 0 && len(b) > 0 {
		b[len(b)-1] &= 0xff << extra
	}
}
