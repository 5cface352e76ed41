package crypto

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"

	"golang.org/x/crypto/md4"
)

// digests are the hashes workerd's node:crypto offers (BoringSSL's:
// crypto.getHashes() under wrangler 4.86.0 lists md4, md5, sha1, sha224,
// sha256, sha384, sha512, md5-sha1 and the RSA-/DSA-/ecdsa-with- aliases;
// sha512-224 and sha512-256 work though unlisted). BoringSSL has neither
// SHA-3 nor SHAKE nor RIPEMD-160, so createHash("sha3-256") fails there with
// "Digest method not supported", and here too.
var digests = map[string]func() hash.Hash{
	"md4":        md4.New,
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"md5-sha1":   newMD5SHA1,
}

// digestAliases are the other names OpenSSL/BoringSSL accept for a digest.
var digestAliases = map[string]string{
	"rsa-md4": "md4", "rsa-md5": "md5", "rsa-sha1": "sha1", "rsa-sha224": "sha224", "rsa-sha256": "sha256",
	"rsa-sha384": "sha384", "rsa-sha512": "sha512", "dsa-sha": "sha1", "dsa-sha1": "sha1",
	"ecdsa-with-sha1": "sha1", "sha-1": "sha1", "sha-224": "sha224", "sha-256": "sha256", "sha-384": "sha384",
	"sha-512": "sha512", "rsa-sha512/224": "sha512-224", "rsa-sha512/256": "sha512-256",
	"sha512/224": "sha512-224", "sha512/256": "sha512-256", "sha1withrsaencryption": "sha1",
	"sha256withrsaencryption": "sha256", "sha384withrsaencryption": "sha384", "sha512withrsaencryption": "sha512",
}

// hashNames is crypto.getHashes() as workerd answers it.
var hashNames = []string{"md4", "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "md5-sha1", "RSA-MD5",
	"RSA-SHA1", "RSA-SHA224", "RSA-SHA256", "RSA-SHA384", "RSA-SHA512", "DSA-SHA", "DSA-SHA1", "ecdsa-with-SHA1"}

// digestName is the canonical name of a digest, or "" if there is none.
func digestName(name string) string {
	l := strings.ToLower(name)
	if _, ok := digests[l]; ok {
		return l
	}
	return digestAliases[l]
}

// newDigest returns a fresh hash for name (any case, any alias), or nil.
func newDigest(name string) hash.Hash {
	if n := digestName(name); n != "" {
		return digests[n]()
	}
	return nil
}

type md5sha1 struct{ m, s hash.Hash }

func newMD5SHA1() hash.Hash { return &md5sha1{md5.New(), sha1.New()} }

func (h *md5sha1) Write(p []byte) (int, error) { h.m.Write(p); return h.s.Write(p) }
func (h *md5sha1) Sum(b []byte) []byte         { return h.s.Sum(h.m.Sum(b)) }
func (h *md5sha1) Reset()                      { h.m.Reset(); h.s.Reset() }
func (h *md5sha1) Size() int                   { return md5.Size + sha1.Size }
func (h *md5sha1) BlockSize() int              { return 64 }
