// AES for Web Crypto: AES-GCM, AES-CBC, AES-CTR and AES-KW
// (https://w3c.github.io/webcrypto/#aes-ctr and the sections after it), with
// workerd's checks and messages (src/workerd/api/crypto/aes.c++).
//
// Go's GCM takes either a custom nonce size or a custom tag size, never
// both; tags shorter than 16 bytes are made by truncating the full tag and
// checked by recomputing it (see gcmOpen). AES-KW (RFC 3394) is written out
// here because Go has no key-wrap package.

package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"math/big"

	"github.com/dop251/goja"
)

type aesKey struct {
	name   string // AES-GCM, AES-CBC, AES-CTR or AES-KW
	secret []byte
	block  cipher.Block
}

func (a *aesKey) algorithmName() string  { return a.name }
func (a *aesKey) algorithmShape() string { return "aes" }
func (a *aesKey) algorithm(w *webCrypto) *goja.Object {
	return w.algorithmObject("name", a.name, "length", len(a.secret)*8)
}

func (a *aesKey) exportKey(w *webCrypto, k *cryptoKey, format string) exported {
	switch format {
	case "raw":
		return exported{raw: append([]byte(nil), a.secret...)}
	case "jwk":
		j := newExportJWK("oct", k)
		j.Alg = strPtr(fmt.Sprintf("A%d%s", len(a.secret)*8, a.name[4:]))
		j.K = b64url(a.secret)
		return exported{jwk: j}
	}
	w.throw(errNotSupported, a.name+` key only supports exporting "raw" & "jwk", not "`+format+`".`)
	return exported{}
}

func aesUsages(name string) usageSet {
	if name == "AES-KW" {
		return usageWrapKey | usageUnwrapKey
	}
	return usageWrapKey | usageUnwrapKey | usageEncrypt | usageDecrypt
}

func newAESKey(name string, secret []byte) keyImpl {
	block, err := aes.NewCipher(secret)
	if err != nil {
		panic(err) // lengths are checked before
	}
	a := &aesKey{name: name, secret: secret, block: block}
	switch name {
	case "AES-GCM":
		return &aesGCMKey{a}
	case "AES-CBC":
		return &aesCBCKey{a}
	case "AES-CTR":
		return &aesCTRKey{a}
	}
	return &aesKWKey{a}
}

func generateAES(w *webCrypto, p *params, extractable bool, usages []string) goja.Value {
	set := w.validateUsages(p.norm, ctxGenerate, usages, aesUsages(p.norm))
	n, ok := p.integer("length")
	if !ok {
		w.typeError(`Missing field "length" in "algorithm".`)
	}
	if n != 128 && n != 192 && n != 256 {
		w.throw(errOperation, fmt.Sprintf("Generated AES key length must be 128, 192, or 256 bits but requested %d.", n))
	}
	secret := make([]byte, n/8)
	_, _ = rand.Read(secret)
	return w.secretKeyResult(&cryptoKey{kind: keySecret, extractable: extractable, usages: set, impl: newAESKey(p.norm, secret)})
}

func importAES(w *webCrypto, a *importArgs) *cryptoKey {
	name := a.p.norm
	set := w.validateUsages(name, ctxImportSecret, a.usages, aesUsages(name))
	checkLength := func(b []byte) {
		if n := len(b) * 8; n != 128 && n != 192 && n != 256 {
			w.throw(errData, fmt.Sprintf("Imported AES key length must be 128, 192, or 256 bits but provided %d.", n))
		}
	}
	var secret []byte
	switch a.format {
	case "raw":
		secret = a.data.raw
		checkLength(secret)
	case "jwk":
		j := a.data.jwk
		if j.Kty != "oct" {
			w.throw(errData, `Symmetric "jwk" key import requires a JSON Web Key with Key Type parameter "kty" equal to "oct" (encountered "`+j.Kty+`").`)
		}
		secret = w.decodeB64URL(j.K, `Symmetric "jwk" key import requires a base64Url encoding of the key.`)
		checkLength(secret)
		if want := fmt.Sprintf("A%d%s", len(secret)*8, name[4:]); j.Alg != nil && *j.Alg != want {
			w.throw(errData, `Symmetric "jwk" key contains invalid "alg" value "`+*j.Alg+`", expected "`+want+`".`)
		}
		w.checkSymmetricJWK(j, a.usages, a.extractable)
	default:
		w.throw(errNotSupported, "Unrecognized key import format "+quote(a.format)+".")
	}
	return &cryptoKey{kind: keySecret, extractable: a.extractable, usages: set, impl: newAESKey(name, secret)}
}

// decryptFailed is workerd's one message for every decryption failure.
func (w *webCrypto) decryptFailed(name string, in, out int) {
	w.throw(errOperation, fmt.Sprintf("Decryption failed. This could be due to a ciphertext authentication failure, bad padding, incorrect CryptoKey, or another algorithm-specific reason. Input length was %d, output length expected to be %d for %s", in, out, name))
}

// ---- AES-GCM ----

type aesGCMKey struct{ *aesKey }

func (a *aesGCMKey) gcmParams(w *webCrypto, p *params) (gcm cipher.AEAD, iv, aad []byte, tagBytes int) {
	iv, ok := p.bytes("iv")
	if !ok {
		w.typeError(`Missing field "iv" in "algorithm".`)
	}
	if len(iv) == 0 {
		w.throw(errOperation, "AES-GCM IV must not be empty.")
	}
	aad, _ = p.bytes("additionalData")
	tagLength := int64(128)
	if n, ok := p.integer("tagLength"); ok {
		tagLength = n
	}
	switch tagLength {
	case 32, 64, 96, 104, 112, 120, 128:
	default:
		w.throw(errOperation, fmt.Sprintf("Invalid AES-GCM tag length %d.", tagLength))
	}
	gcm, err := cipher.NewGCMWithNonceSize(a.block, len(iv))
	if err != nil {
		w.throw(errOperation, "AES-GCM setup failed: "+err.Error())
	}
	return gcm, iv, aad, int(tagLength / 8)
}

func (a *aesGCMKey) encrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	gcm, iv, aad, tagBytes := a.gcmParams(w, p)
	out := gcm.Seal(nil, iv, data, aad)
	return out[:len(data)+tagBytes] // a short tag is a prefix of the full one
}

func (a *aesGCMKey) decrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	gcm, iv, aad, tagBytes := a.gcmParams(w, p)
	if len(data) < tagBytes {
		w.throw(errOperation, fmt.Sprintf("Ciphertext length of %d bits must be greater than or equal to the size of the AES-GCM tag length of %d bits.", len(data)*8, tagBytes*8))
	}
	plain, ok := gcmOpen(gcm, iv, data, aad, tagBytes)
	if !ok {
		n := len(data) - tagBytes
		w.decryptFailed(a.name, n, n)
	}
	return plain
}

// gcmOpen authenticates and decrypts data (ciphertext then a tagBytes-long
// tag). For a full tag it is gcm.Open. For a short one it recovers the
// plaintext with the keystream (the ciphertext of zeros under the same
// nonce), seals it again and compares the tag prefixes in constant time.
func gcmOpen(gcm cipher.AEAD, iv, data, aad []byte, tagBytes int) ([]byte, bool) {
	if tagBytes == gcm.Overhead() {
		plain, err := gcm.Open(nil, iv, data, aad)
		return plain, err == nil
	}
	body, tag := data[:len(data)-tagBytes], data[len(data)-tagBytes:]
	stream := gcm.Seal(nil, iv, make([]byte, len(body)), nil)
	plain := make([]byte, len(body))
	subtle.XORBytes(plain, body, stream[:len(body)])
	full := gcm.Seal(nil, iv, plain, aad)
	if subtle.ConstantTimeCompare(full[len(body):len(body)+tagBytes], tag) != 1 {
		return nil, false
	}
	return plain, true
}

// ---- AES-CBC ----

type aesCBCKey struct{ *aesKey }

func (a *aesCBCKey) encrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	iv, ok := p.bytes("iv")
	if !ok {
		w.typeError(`Missing field "iv" in "algorithm".`)
	}
	if len(iv) != aes.BlockSize {
		w.throw(errOperation, fmt.Sprintf("AES-CBC IV must be 16 bytes long (provided %d bytes).", len(iv)))
	}
	pad := aes.BlockSize - len(data)%aes.BlockSize
	out := make([]byte, len(data)+pad)
	copy(out, data)
	for i := len(data); i < len(out); i++ {
		out[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(a.block, iv).CryptBlocks(out, out)
	return out
}

func (a *aesCBCKey) decrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	iv, ok := p.bytes("iv")
	if !ok {
		w.typeError(`Missing field "iv" in "algorithm".`)
	}
	if len(iv) != aes.BlockSize {
		w.throw(errOperation, fmt.Sprintf("AES-CBC IV must be 16 bytes long (provided %d).", len(iv)))
	}
	// The output length in the message is what OpenSSL had produced before
	// it noticed: all whole blocks but the last one it holds back.
	n := len(data)
	if n == 0 || n%aes.BlockSize != 0 {
		w.decryptFailed(a.name, n, n-n%aes.BlockSize)
	}
	out := make([]byte, n)
	cipher.NewCBCDecrypter(a.block, iv).CryptBlocks(out, data)
	pad := int(out[n-1])
	bad := pad == 0 || pad > aes.BlockSize
	if !bad {
		for _, b := range out[n-pad:] {
			bad = bad || int(b) != pad
		}
	}
	if bad {
		w.decryptFailed(a.name, n, n-aes.BlockSize)
	}
	return out[:n-pad]
}

// ---- AES-CTR ----

type aesCTRKey struct{ *aesKey }

func (a *aesCTRKey) encrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	return a.crypt(w, p, data)
}

func (a *aesCTRKey) decrypt(w *webCrypto, p *params, k *cryptoKey, data []byte) []byte {
	return a.crypt(w, p, data)
}

// crypt runs AES-CTR where only the rightmost length bits of the counter
// block count: they wrap to zero without carrying into the rest of the
// block, which is not how Go's CTR (a 128-bit counter) behaves, so the
// input is split where the counter wraps.
func (a *aesCTRKey) crypt(w *webCrypto, p *params, data []byte) []byte {
	counter, ok := p.bytes("counter")
	if !ok {
		w.typeError(`Missing "counter" member in "algorithm".`)
	}
	if len(counter) != aes.BlockSize {
		w.throw(errOperation, fmt.Sprintf("Counter must have length of 16 bytes (provided %d).", len(counter)))
	}
	bits, ok := p.integer("length")
	if !ok {
		w.typeError(`Missing "length" member in "algorithm".`)
	}
	if bits <= 0 || bits > 128 {
		w.throw(errOperation, fmt.Sprintf("Invalid counter of %d bits length provided.", bits))
	}
	mask := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits)), big.NewInt(1))
	values := new(big.Int).Add(mask, big.NewInt(1)) // distinct counter values
	current := new(big.Int).And(new(big.Int).SetBytes(counter), mask)
	blocks := big.NewInt(int64((len(data) + aes.BlockSize - 1) / aes.BlockSize))
	if blocks.Cmp(values) > 0 {
		w.throw(errOperation, "Counter block values will repeat")
	}
	out := make([]byte, len(data))
	untilWrap := new(big.Int).Sub(values, current)
	if untilWrap.Cmp(blocks) >= 0 {
		cipher.NewCTR(a.block, counter).XORKeyStream(out, data)
		return out
	}
	first := int(untilWrap.Int64()) * aes.BlockSize
	cipher.NewCTR(a.block, counter).XORKeyStream(out[:first], data[:first])
	zeroed := new(big.Int).AndNot(new(big.Int).SetBytes(counter), mask).FillBytes(make([]byte, aes.BlockSize))
	cipher.NewCTR(a.block, zeroed).XORKeyStream(out[first:], data[first:])
	return out
}

// ---- AES-KW ----

type aesKWKey struct{ *aesKey }

// kwIV is RFC 3394's default initial value.
const kwIV = 0xA6A6A6A6A6A6A6A6

func (a *aesKWKey) wrapKey(w *webCrypto, p *params, k *cryptoKey, plain []byte) []byte {
	if len(plain)%8 != 0 {
		w.throw(errOperation, fmt.Sprintf("Unwrapped key bit length must be a multiple of 64 bits but unwrapped key has a length of %d bits.", len(plain)*8))
	}
	if len(plain) < 16 {
		w.throw(errOperation, fmt.Sprintf("Unwrapped key has length %d bytes but it should be greater than or equal to 16 and less than or equal to 18446744073709551607", len(plain)))
	}
	n := len(plain) / 8
	out := make([]byte, 8+len(plain))
	copy(out[8:], plain)
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], kwIV)
	for j := 0; j < 6; j++ {
		for i := 1; i <= n; i++ {
			copy(b[8:], out[8*i:8*i+8])
			a.block.Encrypt(b[:], b[:])
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(b[:8])^t)
			copy(out[8*i:], b[8:])
		}
	}
	copy(out[:8], b[:8])
	return out
}

func (a *aesKWKey) unwrapKey(w *webCrypto, p *params, k *cryptoKey, wrapped []byte) []byte {
	if len(wrapped)%8 != 0 {
		w.throw(errOperation, fmt.Sprintf("Provided a wrapped key to unwrap that is %d bits which isn't a multiple of 64 bits.", len(wrapped)*8))
	}
	if len(wrapped) < 24 {
		w.throw(errOperation, fmt.Sprintf("Provided a wrapped key to unwrap this is %d bits that is less than the minimal length of 192 bits.", len(wrapped)*8))
	}
	n := len(wrapped)/8 - 1
	out := make([]byte, len(wrapped))
	copy(out, wrapped)
	var b [16]byte
	copy(b[:8], out[:8])
	for j := 5; j >= 0; j-- {
		for i := n; i >= 1; i-- {
			t := uint64(n*j + i)
			binary.BigEndian.PutUint64(b[:8], binary.BigEndian.Uint64(b[:8])^t)
			copy(b[8:], out[8*i:8*i+8])
			a.block.Decrypt(b[:], b[:])
			copy(out[8*i:], b[8:])
		}
	}
	var iv [8]byte
	binary.BigEndian.PutUint64(iv[:], kwIV)
	if subtle.ConstantTimeCompare(b[:8], iv[:]) != 1 {
		w.throw(errOperation, "AES-KW key unwrapping failed")
	}
	return out[8:]
}
