package durable

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// ids computes a namespace's Durable Object ids as workerd does locally
// (src/workerd/server/server.c++, ActorIdFactoryImpl), byte for byte:
// key = SHA-256(uniqueKey) where Miniflare's uniqueKey is
// "<workerName>-<className>"; idFromName's first 16 bytes are
// HMAC-SHA256(key, name), a unique id's are random; the last 16 are
// HMAC-SHA256(key, first 16), which is what idFromString checks. So a name
// gives the same id on every run and the same id wrangler dev gives
// (durable/testdata/wrangler-4.86.0-probe.json).
type ids struct{ key [32]byte }

func newIDs(uniqueKey string) ids { return ids{key: sha256.Sum256([]byte(uniqueKey))} }

func (x ids) mac(id []byte) {
	m := hmac.New(sha256.New, x.key[:])
	m.Write(id[:16])
	copy(id[16:], m.Sum(nil)[:16])
}

// fromName is idFromName's id, as 64 lowercase hex digits.
func (x ids) fromName(name string) string {
	m := hmac.New(sha256.New, x.key[:])
	m.Write([]byte(name))
	var id [32]byte
	copy(id[:16], m.Sum(nil)[:16])
	x.mac(id[:])
	return hex.EncodeToString(id[:])
}

// unique is newUniqueId's id.
func (x ids) unique() string {
	var id [32]byte
	_, _ = rand.Read(id[:16])
	x.mac(id[:])
	return hex.EncodeToString(id[:])
}

// Results of check.
const (
	idOK = iota
	idMalformed
	idOtherNamespace
)

// check validates an id string as idFromString does.
func (x ids) check(s string) int {
	if len(s) != 64 {
		return idMalformed
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return idMalformed
	}
	want := make([]byte, 32)
	copy(want, b[:16])
	x.mac(want)
	if !hmac.Equal(want[16:], b[16:]) {
		return idOtherNamespace
	}
	return idOK
}
