package kv

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"edgedev/persist"
)

// Namespace is one KV namespace: the Go API that the JS binding (js.go) and
// the `edgedev kv` CLI share, so both apply the same rules. It is safe for
// concurrent use. A Namespace is also the bindings.Binding for its
// [[kv_namespaces]] entry.
type Namespace struct {
	store *persist.Store
	id    string
	now   func() time.Time
	sim   *Consistency // nil: one location, strongly consistent (consistency.go)
}

// New returns the namespace with the given id in store. clock is the one
// injected clock of the session; expiration is judged by it and by nothing
// else. The store is borrowed: the caller opens it once for the session and
// closes it after every Namespace is done. The local namespace id is
// preview_id ?? id ?? binding name, decided by the caller. Options such as
// WithConsistency turn on the consistency simulation.
func New(store *persist.Store, namespaceID string, clock func() time.Time, opts ...Option) *Namespace {
	if store == nil || namespaceID == "" || clock == nil {
		panic("kv.New: store, namespace id and clock are required")
	}
	n := &Namespace{store: store, id: namespaceID, now: clock}
	for _, o := range opts {
		o(n)
	}
	return n
}

// ID returns the local namespace id.
func (n *Namespace) ID() string { return n.id }

// Entry is a value as a read returns it. The caller owns its slices.
type Entry struct {
	Value      []byte          // never nil; may be empty
	Metadata   json.RawMessage // JSON text, nil when the key has none
	Expiration int64           // unix seconds, 0 = never
}

// GetOptions are the options of get and getWithMetadata. The type option
// only matters to the JS wrapper, which converts the bytes.
type GetOptions struct {
	// CacheTTL is the cacheTtl option in seconds, nil when not given. It is
	// validated like the platform does; it only has an effect on reads at a
	// simulated location with read caching on (consistency.go).
	CacheTTL *int64
}

// BulkGetOptions are the options of a bulk get.
type BulkGetOptions struct {
	Type     string // "", "text" or "json"; anything else is an error, as on the platform
	CacheTTL *int64 // as in GetOptions
}

// PutOptions are the options of put.
type PutOptions struct {
	Expiration    *int64          // absolute unix seconds, nil when not given
	ExpirationTTL *int64          // seconds from now, nil when not given; wins over Expiration
	Metadata      json.RawMessage // JSON text, nil for none; a put without metadata drops the old
}

// ListOptions are the options of list.
type ListOptions struct {
	Prefix string // only keys starting with it; byte-wise, case-sensitive
	Limit  int    // 1..MaxListLimit; 0 or less means MaxListLimit, as the runtime does
	Cursor string // from the previous page's ListResult, "" for the first page
}

// ListResult is one page of a list.
type ListResult struct {
	Keys         []ListKey
	ListComplete bool
	Cursor       string // "" when ListComplete
}

// ListKey is one key of a list page.
type ListKey struct {
	Name       string
	Expiration int64           // unix seconds, 0 when the key has none
	Metadata   json.RawMessage // nil when the key has none
}

// Get returns the live entry for key, or nil when there is none. It is also
// getWithMetadata: the Entry carries the metadata. Errors are *Error values
// with the platform's words (op "GET"). Get reads central (what the CLI
// sees), never a simulated location's view.
func (n *Namespace) Get(ctx context.Context, key string, opts GetOptions) (*Entry, error) {
	e, _, err := n.get(ctx, "", key, opts)
	return e, err
}

// get is Get as seen at a simulated location ("" = central). It also
// returns the cache status, "" when the simulation is off.
func (n *Namespace) get(ctx context.Context, loc, key string, opts GetOptions) (*Entry, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if e := checkKey("GET", key); e != nil {
		return nil, "", e
	}
	if e := checkCacheTTL("GET", opts.CacheTTL); e != nil {
		return nil, "", e
	}
	return n.readAt("GET", loc, key, opts.CacheTTL)
}

// readAt reads one key at loc: through the simulation when it is on and loc
// is a location, else straight from persist.
func (n *Namespace) readAt(op, loc, key string, cacheTTL *int64) (*Entry, string, error) {
	if n.sim != nil && loc != "" {
		ttl := DefaultCacheTTL
		if cacheTTL != nil {
			ttl = time.Duration(*cacheTTL) * time.Second
		}
		return n.sim.get(n, op, loc, key, ttl)
	}
	e, err := n.read(op, key)
	return e, "", err
}

// read looks one key up at the clock's now.
func (n *Namespace) read(op, key string) (*Entry, error) {
	e, ok, err := n.store.Get(n.id, key, n.now())
	if err != nil {
		return nil, storageError(op, err)
	}
	if !ok {
		return nil, nil
	}
	return &Entry{Value: e.Value, Metadata: e.Metadata, Expiration: e.Expiration}, nil
}

// GetBulk reads up to MaxBulkGetKeys keys. The result has one element per
// key, nil for a missing key. With Type "json" every value found must be
// JSON. Errors are *Error values with op "GET_BULK". Like Get, it reads
// central.
func (n *Namespace) GetBulk(ctx context.Context, keys []string, opts BulkGetOptions) ([]*Entry, error) {
	return n.getBulk(ctx, "", keys, opts)
}

// getBulk is GetBulk at a simulated location ("" = central).
func (n *Namespace) getBulk(ctx context.Context, loc string, keys []string, opts BulkGetOptions) ([]*Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.Type != "" && opts.Type != "text" && opts.Type != "json" {
		return nil, opError("GET_BULK", 400, ErrBulkType,
			fmt.Sprintf(`"%s" is not a valid type. Use "json" or "text"`, opts.Type),
			`bulk reads return text or json; read other types one key at a time`)
	}
	if len(keys) > MaxBulkGetKeys {
		return nil, opError("GET_BULK", 400, ErrBulkKeyCount,
			fmt.Sprintf("You can request a maximum of %d keys", MaxBulkGetKeys),
			fmt.Sprintf("split the %d keys into reads of at most %d", len(keys), MaxBulkGetKeys))
	}
	if len(keys) < 1 {
		return nil, opError("GET_BULK", 400, ErrBulkKeyCount, "You must request a minimum of 1 key", "")
	}
	out := make([]*Entry, len(keys))
	total := 0
	for i, key := range keys {
		// Per key, in order, as the storage service does: the first bad key
		// or value decides the error.
		if e := checkBulkKey(key); e != nil {
			return nil, e
		}
		if e := checkCacheTTL("GET_BULK", opts.CacheTTL); e != nil {
			return nil, e
		}
		ent, _, err := n.readAt("GET_BULK", loc, key, opts.CacheTTL)
		if err != nil {
			return nil, err
		}
		if ent == nil {
			continue
		}
		if opts.Type == "json" && !json.Valid(ent.Value) {
			return nil, opError("GET_BULK", 400, ErrNotJSON,
				"At least one of the requested keys corresponds to a non-json value",
				fmt.Sprintf("the value of %q is not JSON; read it as text", key))
		}
		total += len(ent.Value)
		out[i] = ent
	}
	if total > MaxBulkGetBytes {
		return nil, opError("GET_BULK", 413, ErrBulkTooLarge,
			fmt.Sprintf("Total size of request exceeds the limit of %dMB", MaxBulkGetBytes>>20),
			"read fewer keys at a time")
	}
	return out, nil
}

// Put stores value under key. It returns once the write is durable. Errors
// are *Error values with the platform's words (op "PUT").
func (n *Namespace) Put(ctx context.Context, key string, value []byte, opts PutOptions) error {
	return n.put(ctx, "", key, value, opts)
}

// put is Put made at a simulated location ("" = through the Go API).
func (n *Namespace) put(ctx context.Context, loc, key string, value []byte, opts PutOptions) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := n.now()
	it, e := preparePut(key, value, opts, now)
	if e != nil {
		return e
	}
	seq := n.noteWrite(loc, it.Key, itemEntry(it), now)
	_, err := n.store.Put(n.id, it, now)
	n.writeDone(it.Key, seq, err)
	if err != nil {
		return storageError("PUT", err)
	}
	return nil
}

// noteWrite tells the simulation, if on, about a write about to be handed
// to persist (e nil: a delete), and returns its number for writeDone.
func (n *Namespace) noteWrite(loc, key string, e *Entry, now time.Time) uint64 {
	if n.sim == nil {
		return 0
	}
	return n.sim.noteWrite(n, loc, key, e, now)
}

// writeDone tells the simulation, if on, how write seq ended.
func (n *Namespace) writeDone(key string, seq uint64, err error) {
	if n.sim != nil {
		n.sim.writeDone(n, key, seq, err)
	}
}

// itemEntry is the entry a put stores.
func itemEntry(it persist.Item) *Entry {
	return &Entry{Value: it.Value, Metadata: it.Metadata, Expiration: it.Expiration}
}

// queuePut queues a prepared put made at loc and returns at once; done runs
// on another goroutine when the write is durable or has failed. Puts and
// deletes queued from one goroutine commit in the order queued; the JS
// wrapper queues on the event loop, so a worker's writes land in the order
// it made them. it.Value must not change until done runs.
func (n *Namespace) queuePut(loc string, it persist.Item, now time.Time, done func(error)) {
	seq := n.noteWrite(loc, it.Key, itemEntry(it), now)
	n.store.PutAsync(n.id, it, now, func(_ uint64, err error) {
		n.writeDone(it.Key, seq, err)
		if err != nil {
			done(storageError("PUT", err))
			return
		}
		done(nil)
	})
}

// preparePut runs every check of a put, in the platform's order, and builds
// the item to store.
func preparePut(key string, value []byte, opts PutOptions, now time.Time) (persist.Item, *Error) {
	if e := checkKey("PUT", key); e != nil {
		return persist.Item{}, e
	}
	exp, e := expirationFor(opts, now)
	if e != nil {
		return persist.Item{}, e
	}
	if e := checkMetadata(opts.Metadata); e != nil {
		return persist.Item{}, e
	}
	if e := checkValue(value); e != nil {
		return persist.Item{}, e
	}
	return persist.Item{Key: key, Value: value, Metadata: opts.Metadata, Expiration: exp}, nil
}

// Delete removes key. A missing key is not an error. Errors are *Error
// values with op "DELETE".
func (n *Namespace) Delete(ctx context.Context, key string) error {
	return n.delete(ctx, "", key)
}

// delete is Delete made at a simulated location ("" = through the Go API).
func (n *Namespace) delete(ctx context.Context, loc, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if e := checkKey("DELETE", key); e != nil {
		return e
	}
	seq := n.noteWrite(loc, key, nil, n.now())
	_, err := n.store.Delete(n.id, key)
	n.writeDone(key, seq, err)
	if err != nil {
		return storageError("DELETE", err)
	}
	return nil
}

// queueDelete is queuePut's counterpart for a key already checked.
func (n *Namespace) queueDelete(loc, key string, done func(error)) {
	seq := n.noteWrite(loc, key, nil, n.now())
	n.store.DeleteAsync(n.id, key, func(_ bool, err error) {
		n.writeDone(key, seq, err)
		if err != nil {
			done(storageError("DELETE", err))
			return
		}
		done(nil)
	})
}

// List returns one page of live keys in byte order. Errors are *Error
// values with op "GET" (the platform reports list failures as GET). Like
// Get, it lists central.
func (n *Namespace) List(ctx context.Context, opts ListOptions) (*ListResult, error) {
	res, _, err := n.list(ctx, "", opts)
	return res, err
}

// list is List at a simulated location ("" = central), with its cache
// status ("" when the simulation is off).
func (n *Namespace) list(ctx context.Context, loc string, opts ListOptions) (*ListResult, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = MaxListLimit
	}
	if limit > MaxListLimit {
		return nil, "", opError("GET", 400, ErrInvalidListLimit,
			fmt.Sprintf("Invalid key_count_limit of %d. Please specify an integer less than %d.", limit, MaxListLimit),
			fmt.Sprintf("use a limit of at most %d and follow the cursor", MaxListLimit))
	}
	if e := checkKeyLength("GET", opts.Prefix); e != nil {
		return nil, "", e
	}
	startAfter := ""
	if opts.Cursor != "" {
		var ok bool
		if startAfter, ok = decodeCursor(opts.Cursor); !ok {
			return nil, "", opError("GET", 400, ErrInvalidCursor,
				fmt.Sprintf("Invalid cursor %q.", opts.Cursor),
				"pass the cursor of the previous list() result unchanged")
		}
	}
	if n.sim != nil && loc != "" {
		return n.sim.list(n, loc, listArgs{prefix: opts.Prefix, cursor: opts.Cursor, limit: limit}, startAfter, n.now())
	}
	keys, more, err := n.store.List(n.id, persist.ListOptions{
		Prefix: opts.Prefix, StartAfter: startAfter, Limit: limit,
	}, n.now())
	if err != nil {
		return nil, "", storageError("GET", err)
	}
	res := &ListResult{Keys: make([]ListKey, len(keys)), ListComplete: !more}
	for i, k := range keys {
		res.Keys[i] = ListKey{Name: k.Key, Expiration: k.Expiration, Metadata: k.Metadata}
	}
	if more {
		res.Cursor = encodeCursor(keys[len(keys)-1].Key)
	}
	return res, "", nil
}
