// PBKDF2 and HKDF for Web Crypto (https://w3c.github.io/webcrypto/#pbkdf2,
// https://w3c.github.io/webcrypto/#hkdf), with workerd's checks, messages
// and its cap on PBKDF2 iterations (src/workerd/api/crypto/pbkdf2.c++,
// hkdf.c++).

package crypto

import (
	"crypto/hkdf"
	"crypto/pbkdf2"
	"fmt"

	"github.com/dop251/goja"
)

// maxPBKDF2Iterations is the most PBKDF2 iterations Workers accept; more is
// a NotSupportedError on the platform, so it is one here too.
const maxPBKDF2Iterations = 100000

// kdfKey is a PBKDF2 password or HKDF input keying material. Neither can be
// exported (import refuses extractable keys).
type kdfKey struct {
	name   string // PBKDF2 or HKDF
	secret []byte
}

func (k *kdfKey) algorithmName() string  { return k.name }
func (k *kdfKey) algorithmShape() string { return "plain" }
func (k *kdfKey) algorithm(w *webCrypto) *goja.Object {
	return w.algorithmObject("name", k.name)
}

func importKDF(w *webCrypto, a *importArgs) *cryptoKey {
	name := a.p.norm
	set := w.validateUsages(name, ctxImportSecret, a.usages, deriveUsages)
	if a.extractable {
		w.throw(errSyntax, name+" key cannot be extractable.")
	}
	if a.format != "raw" {
		msg := name + ` key must be imported in "raw" format (requested "` + a.format + `")`
		if name == "PBKDF2" {
			msg += "."
		}
		w.throw(errNotSupported, msg)
	}
	return &cryptoKey{kind: keySecret, usages: set, impl: &kdfKey{name: name, secret: a.data.raw}}
}

func (k *kdfKey) deriveBits(w *webCrypto, p *params, ck *cryptoKey, length int) []byte {
	h := w.lookupHash(p.hashName(`Missing field "hash" in "algorithm".`))
	salt, ok := p.bytes("salt")
	if !ok {
		w.typeError(`Missing field "salt" in "algorithm".`)
	}
	if k.name == "HKDF" {
		info, ok := p.bytes("info")
		if !ok {
			w.typeError(`Missing field "info" in "algorithm".`)
		}
		k.checkLength(w, length)
		out, err := hkdf.Key(h.id.New, k.secret, salt, string(info), length/8)
		if err != nil {
			w.throw(errOperation, "HKDF deriveBits failed.")
		}
		return out
	}
	iterations, ok := p.integer("iterations")
	if !ok {
		w.typeError(`Missing field "iterations" in "algorithm".`)
	}
	k.checkLength(w, length)
	if iterations <= 0 {
		w.throw(errOperation, fmt.Sprintf("PBKDF2 requires a positive iteration count (requested %d).", iterations))
	}
	if iterations > maxPBKDF2Iterations {
		w.throw(errNotSupported, fmt.Sprintf("Pbkdf2 failed: iteration counts above %d are not supported (requested %d).", maxPBKDF2Iterations, iterations))
	}
	out, err := pbkdf2.Key(h.id.New, string(k.secret), salt, int(iterations), length/8)
	if err != nil {
		w.throw(errOperation, "PBKDF2 deriveBits failed.")
	}
	return out
}

func (k *kdfKey) checkLength(w *webCrypto, length int) {
	if length < 0 {
		w.throw(errOperation, k.name+" cannot derive a key with null length.")
	}
	if length == 0 || length%8 != 0 {
		w.throw(errOperation, fmt.Sprintf("%s requires a derived key length that is a non-zero multiple of eight (requested %d).", k.name, length))
	}
}
