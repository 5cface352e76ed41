package crypto

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"errors"
	"hash"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// The RSA constants of crypto.constants that sign, verify and the
// encrypt functions read.
const (
	rsaPKCS1Padding     = 1
	rsaNoPadding        = 3
	rsaPKCS1OAEPPadding = 4
	rsaPKCS1PSSPadding  = 6
	pssSaltLenDigest    = -1
	pssSaltLenMaxSign   = -2
)

var errSignKey = errors.New("Invalid key for this operation")

// cryptoHash is the crypto.Hash of a digest name, for RSA and ECDSA.
func cryptoHash(name string) (crypto.Hash, bool) {
	switch digestName(name) {
	case "md5":
		return crypto.MD5, true
	case "sha1":
		return crypto.SHA1, true
	case "sha224":
		return crypto.SHA224, true
	case "sha256":
		return crypto.SHA256, true
	case "sha384":
		return crypto.SHA384, true
	case "sha512":
		return crypto.SHA512, true
	case "sha512-224":
		return crypto.SHA512_224, true
	case "sha512-256":
		return crypto.SHA512_256, true
	case "md5-sha1":
		return crypto.MD5SHA1, true
	}
	return 0, false
}

// signOpts are the options of sign and verify beyond the key.
type signOpts struct {
	digest     string // "" for Ed25519 (or the key's default)
	padding    int
	saltLength int
	p1363      bool // dsaEncoding "ieee-p1363"
}

func digestOf(h crypto.Hash, data []byte) []byte {
	if h == crypto.MD5SHA1 {
		m := newMD5SHA1()
		m.Write(data)
		return m.Sum(nil)
	}
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

func signData(k *asymKey, data []byte, o signOpts) ([]byte, error) {
	switch pk := k.priv.(type) {
	case ed25519.PrivateKey:
		return ed25519.Sign(pk, data), nil
	case *rsa.PrivateKey:
		h, ok := cryptoHash(orDefault(o.digest, "sha256"))
		if !ok {
			return nil, errInvalidDigest
		}
		d := digestOf(h, data)
		if o.padding == rsaPKCS1PSSPadding {
			salt := o.saltLength
			if salt == pssSaltLenMaxSign {
				salt = rsa.PSSSaltLengthAuto
			} else if salt == pssSaltLenDigest {
				salt = rsa.PSSSaltLengthEqualsHash
			}
			return rsa.SignPSS(rand.Reader, pk, h, d, &rsa.PSSOptions{SaltLength: salt, Hash: h})
		}
		return rsa.SignPKCS1v15(rand.Reader, pk, h, d)
	case *ecdsa.PrivateKey:
		h, ok := cryptoHash(orDefault(o.digest, "sha256"))
		if !ok {
			return nil, errInvalidDigest
		}
		der, err := ecdsa.SignASN1(rand.Reader, pk, digestOf(h, data))
		if err != nil || !o.p1363 {
			return der, err
		}
		return derToP1363(der, (pk.Curve.Params().BitSize+7)/8)
	}
	return nil, errSignKey
}

func verifyData(k *asymKey, data, sig []byte, o signOpts) (bool, error) {
	switch pk := k.public().(type) {
	case ed25519.PublicKey:
		return ed25519.Verify(pk, data, sig), nil
	case *rsa.PublicKey:
		h, ok := cryptoHash(orDefault(o.digest, "sha256"))
		if !ok {
			return false, errInvalidDigest
		}
		d := digestOf(h, data)
		if o.padding == rsaPKCS1PSSPadding {
			salt := o.saltLength
			if salt == pssSaltLenMaxSign {
				salt = rsa.PSSSaltLengthAuto
			} else if salt == pssSaltLenDigest {
				salt = rsa.PSSSaltLengthEqualsHash
			}
			return rsa.VerifyPSS(pk, h, d, sig, &rsa.PSSOptions{SaltLength: salt, Hash: h}) == nil, nil
		}
		return rsa.VerifyPKCS1v15(pk, h, d, sig) == nil, nil
	case *ecdsa.PublicKey:
		h, ok := cryptoHash(orDefault(o.digest, "sha256"))
		if !ok {
			return false, errInvalidDigest
		}
		if o.p1363 {
			size := (pk.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*size {
				return false, nil
			}
			sig = p1363ToDER(sig)
		}
		return ecdsa.VerifyASN1(pk, digestOf(h, data), sig), nil
	}
	return false, errSignKey
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func derToP1363(der []byte, size int) ([]byte, error) {
	var r, s big.Int
	in := cryptobyte.String(der)
	var inner cryptobyte.String
	if !in.ReadASN1(&inner, asn1.SEQUENCE) || !inner.ReadASN1Integer(&r) || !inner.ReadASN1Integer(&s) {
		return nil, errors.New("malformed ECDSA signature")
	}
	out := make([]byte, 2*size)
	r.FillBytes(out[:size])
	s.FillBytes(out[size:])
	return out, nil
}

func p1363ToDER(sig []byte) []byte {
	n := len(sig) / 2
	r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
	var b cryptobyte.Builder
	b.AddASN1(asn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1BigInt(r)
		b.AddASN1BigInt(s)
	})
	out, _ := b.Bytes()
	return out
}

// rsaCrypt is publicEncrypt (encrypt true) and privateDecrypt.
func rsaCrypt(k *asymKey, data []byte, encrypt bool, padding int, oaepHash string, label []byte) ([]byte, error) {
	if padding == 0 {
		padding = rsaPKCS1OAEPPadding
	}
	var h hash.Hash = sha1.New()
	if oaepHash != "" {
		if h = newDigest(oaepHash); h == nil {
			return nil, errInvalidDigest
		}
	}
	if encrypt {
		pub, ok := k.public().(*rsa.PublicKey)
		if !ok {
			return nil, errSignKey
		}
		if padding == rsaPKCS1Padding {
			return rsa.EncryptPKCS1v15(rand.Reader, pub, data)
		}
		return rsa.EncryptOAEP(h, rand.Reader, pub, data, label)
	}
	priv, ok := k.priv.(*rsa.PrivateKey)
	if !ok {
		return nil, errSignKey
	}
	if padding == rsaPKCS1Padding {
		return rsa.DecryptPKCS1v15(rand.Reader, priv, data)
	}
	return rsa.DecryptOAEP(h, rand.Reader, priv, data, label)
}
