package persist

import (
	"encoding/binary"
	"fmt"
	"time"
)

// A stored record is one bbolt value:
//
//	offset size field
//	0      1    format, recordFormat (1)
//	1      8    expiration, int64 unix seconds, 0 = never   (big endian)
//	9      8    version, uint64                             (big endian)
//	17     8    write time, int64 unix nanoseconds          (big endian)
//	25     4    metadata length n, uint32, 0 = no metadata  (big endian)
//	29     n    metadata JSON text
//	29+n   ...  value bytes
//
// Empty metadata means none: the empty string is not valid JSON, so nothing
// is lost. The fixed header lets List read expiration and metadata without
// touching, let alone copying, the value.
const (
	recordFormat = 1
	headerSize   = 29
)

// header is a decoded record header.
type header struct {
	expiration int64
	version    uint64
	writeTime  int64 // unix nanoseconds
	metaLen    int
}

// encodeRecord builds the stored form of one entry.
func encodeRecord(value, metadata []byte, expiration int64, version uint64, writeTime time.Time) []byte {
	b := make([]byte, headerSize+len(metadata)+len(value))
	b[0] = recordFormat
	binary.BigEndian.PutUint64(b[1:], uint64(expiration))
	binary.BigEndian.PutUint64(b[9:], version)
	binary.BigEndian.PutUint64(b[17:], uint64(writeTime.UnixNano()))
	binary.BigEndian.PutUint32(b[25:], uint32(len(metadata)))
	copy(b[headerSize:], metadata)
	copy(b[headerSize+len(metadata):], value)
	return b
}

// decodeHeader reads the header of a stored record. rec is only borrowed.
// Callers add the key to the error.
func decodeHeader(rec []byte) (header, error) {
	if len(rec) < headerSize || rec[0] != recordFormat {
		return header{}, ErrCorrupt
	}
	h := header{
		expiration: int64(binary.BigEndian.Uint64(rec[1:])),
		version:    binary.BigEndian.Uint64(rec[9:]),
		writeTime:  int64(binary.BigEndian.Uint64(rec[17:])),
		metaLen:    int(binary.BigEndian.Uint32(rec[25:])),
	}
	if headerSize+h.metaLen > len(rec) {
		return header{}, fmt.Errorf("metadata runs past the record: %w", ErrCorrupt)
	}
	return h, nil
}

// expired reports whether an entry with this expiration is gone at now.
// Like Miniflare's get, an entry is expired from the very second it names:
// expiration <= now. Get and List use this one rule.
func expired(expiration int64, now time.Time) bool {
	return expiration != 0 && expiration <= now.Unix()
}

// metadata returns a copy of the record's metadata, or nil.
func (h header) metadata(rec []byte) []byte {
	if h.metaLen == 0 {
		return nil
	}
	return clone(rec[headerSize : headerSize+h.metaLen])
}

// value returns a copy of the record's value; never nil, so an empty value
// stays distinguishable from a missing one.
func (h header) value(rec []byte) []byte {
	v := rec[headerSize+h.metaLen:]
	out := make([]byte, len(v))
	copy(out, v)
	return out
}

func clone(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}
