package kv

import (
	"errors"
	"fmt"
)

// Class is the JS error class the platform throws for an Error.
type Class int

const (
	// ClassError is a plain Error whose message is the platform's
	// "KV <OP> failed: <status> <text>", raised by the storage service.
	ClassError Class = iota
	// ClassTypeError is a TypeError the runtime throws before any storage
	// request is made (empty key, "." or "..", a bad value type).
	ClassTypeError
)

func (c Class) String() string {
	if c == ClassTypeError {
		return "TypeError"
	}
	return "Error"
}

// Error is a KV failure a worker sees, word for word as the platform words
// it (reference section 1.3). Error() is the JS message; Class says which
// constructor the JS wrapper throws. errors.Is matches the sentinel in Kind.
type Error struct {
	Class  Class
	Op     string // "GET", "GET_BULK", "PUT" or "DELETE"; list() reports as "GET"
	Status int    // the storage status in the message; 0 for a TypeError
	Text   string // the platform's text after the status (the whole message for a TypeError)
	Kind   error  // one of the sentinels below
	Hint   string // what to do about it, for the CLI's "hint:" line; not part of the message
	Cause  error  // the underlying failure for ErrStorage, else nil
}

// Error returns the message exactly as the platform shows it.
func (e *Error) Error() string {
	if e.Class == ClassTypeError {
		return e.Text
	}
	return fmt.Sprintf("KV %s failed: %d %s", e.Op, e.Status, e.Text)
}

// ErrorHint is the hint the CLI prints on its own line (see package hint).
func (e *Error) ErrorHint() string { return e.Hint }

// Unwrap returns Kind and Cause, so errors.Is(err, kv.ErrInvalidKey) and
// errors.Is(err, persist.ErrClosed) work.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Kind, e.Cause}
	}
	return []error{e.Kind}
}

// Keys.
var (
	// ErrInvalidKey is an empty key, "." or "..".
	ErrInvalidKey = errors.New("invalid key name")
	// ErrKeyTooLong is a key or list prefix over MaxKeyBytes.
	ErrKeyTooLong = errors.New("key too long")
)

// Reads.
var (
	// ErrInvalidType is a get type other than "text", "json",
	// "arrayBuffer" or "stream" (a TypeError, raised once a value is found).
	ErrInvalidType = errors.New("unknown response type")
	// ErrInvalidCacheTTL is a cacheTtl under MinCacheTTL.
	ErrInvalidCacheTTL = errors.New("invalid cacheTtl")
	// ErrBulkKeyCount is a bulk get of no keys or more than MaxBulkGetKeys.
	ErrBulkKeyCount = errors.New("bad number of keys for a bulk get")
	// ErrBulkType is a bulk get type other than "text" or "json".
	ErrBulkType = errors.New("bad type for a bulk get")
	// ErrNotJSON is a bulk get as "json" of a value that is not JSON.
	ErrNotJSON = errors.New("value is not JSON")
	// ErrBulkTooLarge is a bulk get whose values add up to more than
	// MaxBulkGetBytes.
	ErrBulkTooLarge = errors.New("bulk get too large")
)

// Writes.
var (
	// ErrInvalidValue is a JS put value that is not a string, ArrayBuffer,
	// ArrayBufferView or ReadableStream (a TypeError).
	ErrInvalidValue = errors.New("invalid value type")
	// ErrInvalidExpiration is a bad expiration or expirationTtl.
	ErrInvalidExpiration = errors.New("invalid expiration")
	// ErrMetadataTooLarge is metadata over MaxMetadataBytes of JSON.
	ErrMetadataTooLarge = errors.New("metadata too large")
	// ErrValueTooLarge is a value over MaxValueBytes.
	ErrValueTooLarge = errors.New("value too large")
	// ErrInvalidMetadata is metadata that is not JSON text. Only Go callers
	// can cause it (JS metadata is serialised by JSON.stringify), so its
	// message is edgedev's own.
	ErrInvalidMetadata = errors.New("metadata is not valid JSON")
)

// Lists.
var (
	// ErrInvalidListLimit is a list limit over MaxListLimit.
	ErrInvalidListLimit = errors.New("invalid list limit")
	// ErrInvalidCursor is a list cursor this emulator did not hand out.
	ErrInvalidCursor = errors.New("invalid list cursor")
)

// ErrStorage marks a failure of the store itself (a closed or unwritable
// file), not of the input. It reads like the platform's storage outage,
// "KV <OP> failed: 500 Internal Server Error", with the cause appended.
var ErrStorage = errors.New("storage failure")

func typeError(kind error, text, hint string) *Error {
	return &Error{Class: ClassTypeError, Text: text, Kind: kind, Hint: hint}
}

func opError(op string, status int, kind error, text, hint string) *Error {
	return &Error{Class: ClassError, Op: op, Status: status, Text: text, Kind: kind, Hint: hint}
}

// storageError wraps a persist failure for op.
func storageError(op string, err error) *Error {
	return &Error{
		Class:  ClassError,
		Op:     op,
		Status: 500,
		Text:   fmt.Sprintf("Internal Server Error (edgedev: %v)", err),
		Kind:   ErrStorage,
		Cause:  err,
	}
}
