package crypto

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/pbkdf2"
	"errors"
	"hash"

	"golang.org/x/crypto/scrypt"
)

var (
	errInvalidDigest = errors.New("Digest method not supported")
	errScrypt        = errors.New("Scrypt failed")
)

func hashFunc(name string) (func() hash.Hash, bool) {
	n := digestName(name)
	if n == "" {
		return nil, false
	}
	return digests[n], true
}

func newHMAC(name string, key []byte) hash.Hash {
	f, ok := hashFunc(name)
	if !ok {
		return nil
	}
	return hmac.New(f, key)
}

func pbkdf2Key(password, salt []byte, iter, keyLen int, digest string) ([]byte, error) {
	f, ok := hashFunc(digest)
	if !ok {
		return nil, errInvalidDigest
	}
	if keyLen == 0 {
		return []byte{}, nil
	}
	return pbkdf2.Key(f, string(password), salt, iter, keyLen)
}

func hkdfKey(digest string, ikm, salt, info []byte, keyLen int) ([]byte, error) {
	f, ok := hashFunc(digest)
	if !ok {
		return nil, errInvalidDigest
	}
	return hkdf.Key(f, ikm, salt, string(info), keyLen)
}

// scryptKey is scrypt with Node's checks: N a power of two above 1, and the
// memory bound maxmem (Node's default 32 MiB) on 128*N*r*(p+... ) bytes.
func scryptKey(password, salt []byte, n, r, p, keyLen int, maxmem int64) ([]byte, error) {
	if n < 2 || n&(n-1) != 0 || r < 1 || p < 1 {
		return nil, errScrypt
	}
	if int64(128)*int64(n)*int64(r)+int64(128)*int64(r)*int64(p) > maxmem {
		return nil, errScrypt
	}
	k, err := scrypt.Key(password, salt, n, r, p, keyLen)
	if err != nil {
		return nil, errScrypt
	}
	return k, nil
}
