package kv

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// The checks below are the platform's, in the platform's order, with its
// words (reference section 1.3). The runtime (workerd validateKeyName)
// checks a key before any I/O and throws TypeErrors for the empty and dot
// names; everything else is the storage service answering with a status
// (Miniflare's validator.worker.ts and namespace.worker.ts).

const keyHint = `a key is 1 to 512 bytes of UTF-8 and not "." or ".."`

// checkKey is the runtime's check of a single key for op (GET, PUT, DELETE).
func checkKey(op, key string) *Error {
	switch key {
	case "":
		return typeError(ErrInvalidKey, "Key name cannot be empty.", keyHint)
	case ".", "..":
		return typeError(ErrInvalidKey, fmt.Sprintf(`"%s" is not allowed as a key name.`, key), keyHint)
	}
	return checkKeyLength(op, key)
}

// checkBulkKey is the storage service's check of one key of a bulk get. The
// runtime does not check bulk keys itself, so the words differ from
// checkKey's.
func checkBulkKey(key string) *Error {
	switch key {
	case "":
		return opError("GET_BULK", 400, ErrInvalidKey, "Key names must not be empty", keyHint)
	case ".", "..":
		return opError("GET_BULK", 400, ErrInvalidKey,
			fmt.Sprintf(`Illegal key name "%s". Please use a different name.`, key), keyHint)
	}
	return checkKeyLength("GET_BULK", key)
}

// checkKeyLength checks a key, or a list prefix, against MaxKeyBytes.
func checkKeyLength(op, key string) *Error {
	if len(key) > MaxKeyBytes {
		return opError(op, 414, ErrKeyTooLong,
			fmt.Sprintf("UTF-8 encoded length of %d exceeds key length limit of %d.", len(key), MaxKeyBytes),
			fmt.Sprintf("shorten it by %d bytes", len(key)-MaxKeyBytes))
	}
	return nil
}

// checkCacheTTL checks a read's cacheTtl. NaN reaches here as 0: the runtime
// converts the option to an int32 first.
func checkCacheTTL(op string, ttl *int64) *Error {
	if ttl != nil && *ttl < seconds(MinCacheTTL) {
		return opError(op, 400, ErrInvalidCacheTTL,
			fmt.Sprintf("Invalid cache_ttl of %d. Cache TTL must be at least %d.", *ttl, seconds(MinCacheTTL)),
			"leave cacheTtl out, or give at least 30 (seconds)")
	}
	return nil
}

// expirationFor validates a put's expiration options at now and returns the
// absolute expiration to store (unix seconds, 0 = never). expirationTtl wins
// when both are given, as it does on the platform.
func expirationFor(opts PutOptions, now time.Time) (int64, *Error) {
	nowSec := now.Unix()
	min := seconds(MinExpirationTTL)
	if opts.ExpirationTTL != nil {
		ttl := *opts.ExpirationTTL
		if ttl <= 0 {
			return 0, opError("PUT", 400, ErrInvalidExpiration,
				fmt.Sprintf("Invalid expiration_ttl of %d. Please specify integer greater than 0.", ttl),
				"expirationTtl is a number of seconds, at least 60")
		}
		if ttl < min {
			return 0, opError("PUT", 400, ErrInvalidExpiration,
				fmt.Sprintf("Invalid expiration_ttl of %d. Expiration TTL must be at least %d.", ttl, min),
				"expirationTtl is a number of seconds, at least 60")
		}
		if ttl > math.MaxInt64-nowSec {
			return math.MaxInt64, nil
		}
		return nowSec + ttl, nil
	}
	if opts.Expiration != nil {
		exp := *opts.Expiration
		if exp <= nowSec {
			return 0, opError("PUT", 400, ErrInvalidExpiration,
				fmt.Sprintf("Invalid expiration of %d. Please specify integer greater than the current number of seconds since the UNIX epoch.", exp),
				fmt.Sprintf("expiration is absolute unix seconds; now is %d", nowSec))
		}
		if exp < nowSec+min {
			return 0, opError("PUT", 400, ErrInvalidExpiration,
				fmt.Sprintf("Invalid expiration of %d. Expiration times must be at least %d seconds in the future.", exp, min),
				fmt.Sprintf("use at least %d, or expirationTtl", nowSec+min))
		}
		return exp, nil
	}
	return 0, nil
}

// checkMetadata checks a put's metadata JSON text.
func checkMetadata(meta json.RawMessage) *Error {
	if meta == nil {
		return nil
	}
	if len(meta) > MaxMetadataBytes {
		return opError("PUT", 413, ErrMetadataTooLarge,
			fmt.Sprintf("Metadata length of %d exceeds limit of %d.", len(meta), MaxMetadataBytes),
			"keep metadata small; store larger data in the value")
	}
	if !json.Valid(meta) {
		return opError("PUT", 400, ErrInvalidMetadata, "Metadata is not valid JSON.",
			"metadata must be JSON text, e.g. {\"owner\":\"alice\"}")
	}
	return nil
}

// checkValue checks a put's value size.
func checkValue(value []byte) *Error {
	if len(value) > MaxValueBytes {
		return opError("PUT", 413, ErrValueTooLarge,
			fmt.Sprintf("Value length of %d exceeds limit of %d.", len(value), MaxValueBytes),
			"values are at most 25 MiB")
	}
	return nil
}
