package persist

import "errors"

// Opening the store.
var (
	// ErrLocked is returned by Open when another process holds the file's
	// lock for longer than Options.LockTimeout. Callers say who might hold
	// it, e.g. "another edgedev process holds <path>".
	ErrLocked = errors.New("store is locked by another process")

	// ErrNotStore is returned by Open when the file is a bbolt database that
	// edgedev did not write, or one written by a newer edgedev.
	ErrNotStore = errors.New("not an edgedev store")

	// ErrDamaged is returned by Open for a file that was cut short or whose
	// header is not bbolt's, and by any call that meets a page bbolt cannot
	// make sense of. The error names the file; its hint says what to do.
	ErrDamaged = errors.New("the KV store file is damaged")
)

// Using the store.
var (
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("store is closed")

	// ErrEmptyNamespace is returned when a namespace id is empty.
	ErrEmptyNamespace = errors.New("namespace id is empty")

	// ErrEmptyKey is returned when a key is empty.
	ErrEmptyKey = errors.New("key is empty")

	// ErrCorrupt is returned when a stored record cannot be decoded.
	ErrCorrupt = errors.New("corrupt record")
)

// Namespaces.
var (
	// ErrNamespaceExists is returned by CreateNamespace for an id in use.
	ErrNamespaceExists = errors.New("namespace already exists")

	// ErrNamespaceNotFound is returned by DeleteNamespace for an unknown id.
	ErrNamespaceNotFound = errors.New("namespace not found")
)
