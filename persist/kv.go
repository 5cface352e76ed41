package persist

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Entry is one stored value as Get returns it. Value and Metadata are copies
// the caller owns.
type Entry struct {
	Value      []byte    // never nil for a found entry; may be empty
	Metadata   []byte    // JSON text, nil when the entry has none
	Expiration int64     // unix seconds, 0 = never expires
	Version    uint64    // from the namespace's write sequence; grows with every write
	WriteTime  time.Time // the now the writer passed to Put
}

// Item is one write for Put and PutMany. persist keeps exactly these bytes
// and does not check them beyond a non-empty key; the KV rules live in
// bindings/kv.
type Item struct {
	Key        string
	Value      []byte
	Metadata   []byte // JSON text, nil or empty for none
	Expiration int64  // unix seconds, 0 = never
}

// KeyInfo is one entry as List returns it: no value.
type KeyInfo struct {
	Key        string
	Metadata   []byte // JSON text copy, nil when none
	Expiration int64  // unix seconds, 0 = never
	Version    uint64
	WriteTime  time.Time
}

// ListOptions selects a page of keys.
type ListOptions struct {
	Prefix     string // only keys starting with these bytes
	StartAfter string // only keys strictly after this one ("" = from the start)
	Limit      int    // at most this many keys; <= 0 means no limit
}

// errNoChange rolls back a read-write transaction that found nothing to do,
// so a no-op write costs no fsync.
var errNoChange = errors.New("no change")

// Get returns the entry for key in namespace ns, or found == false when the
// key, or the namespace, does not exist or the entry has expired at now.
// Expired entries are queued for removal in the background.
func (s *Store) Get(ns, key string, now time.Time) (e Entry, found bool, err error) {
	// Begin/Rollback rather than View: no closure, so nothing here escapes
	// to the heap but the copies the caller gets. This is the read path of
	// every KV get on the event loop.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see recoverDamage
	var tx *bolt.Tx
	defer func() {
		if r := recover(); r != nil { // a damaged page (see recoverDamage)
			if tx != nil {
				_ = tx.Rollback()
			}
			e, found, err = Entry{}, false, damagedError(s.path, fmt.Sprint(r))
			d := err
			s.damaged.CompareAndSwap(nil, &d)
		}
	}()
	tx, err = s.db.Begin(false)
	if err != nil {
		return Entry{}, false, fmt.Errorf("get %q from namespace %q: %w", key, ns, closedErr(err))
	}
	b := nsBucket(tx, ns)
	if b == nil {
		tx.Rollback()
		return Entry{}, false, nil
	}
	rec := b.Get([]byte(key))
	if rec == nil {
		tx.Rollback()
		return Entry{}, false, nil
	}
	h, err := decodeHeader(rec)
	if err != nil {
		tx.Rollback()
		return Entry{}, false, fmt.Errorf("get %q from namespace %q: %w", key, ns, err)
	}
	if expired(h.expiration, now) {
		tx.Rollback()
		s.sweep.add(ns, key, h.version)
		return Entry{}, false, nil
	}
	e = Entry{
		Value:      h.value(rec),
		Metadata:   h.metadata(rec),
		Expiration: h.expiration,
		Version:    h.version,
		WriteTime:  time.Unix(0, h.writeTime),
	}
	tx.Rollback()
	return e, true, nil
}

// Put stores one item in namespace ns, creating the namespace if needed, and
// returns the version it was given. now is recorded as the write time. Put
// returns once the write is fsync'd (see writer.go for how concurrent writes
// share a commit).
func (s *Store) Put(ns string, it Item, now time.Time) (version uint64, err error) {
	if err := checkItems(ns, []Item{it}); err != nil {
		return 0, fmt.Errorf("put %q into namespace %q: %w", it.Key, ns, err)
	}
	wr := newPut(ns, []Item{it}, now)
	s.w.wait(wr)
	if wr.err != nil {
		return 0, wr.err
	}
	return wr.versions[0], nil
}

// PutAsync queues the same write as Put and returns at once. done runs on a
// goroutine of its own once the write is durable or has failed. Writes
// queued from one goroutine are applied in the order queued. The store reads
// it.Value and it.Metadata until done runs; the caller must not change them.
func (s *Store) PutAsync(ns string, it Item, now time.Time, done func(version uint64, err error)) {
	if err := checkItems(ns, []Item{it}); err != nil {
		go done(0, fmt.Errorf("put %q into namespace %q: %w", it.Key, ns, err))
		return
	}
	wr := newPut(ns, []Item{it}, now)
	wr.done = func(wr *write) {
		var v uint64
		if wr.err == nil {
			v = wr.versions[0]
		}
		go done(v, wr.err)
	}
	s.w.submit(wr)
}

// PutMany stores all items in one transaction: either every item is written
// or none is. Later items win over earlier ones with the same key.
func (s *Store) PutMany(ns string, items []Item, now time.Time) error {
	if err := checkItems(ns, items); err != nil {
		return fmt.Errorf("put %d items into namespace %q: %w", len(items), ns, err)
	}
	wr := newPut(ns, items, now)
	s.w.wait(wr)
	return wr.err
}

func checkItems(ns string, items []Item) error {
	if ns == "" {
		return ErrEmptyNamespace
	}
	for i, it := range items {
		if it.Key == "" {
			if len(items) == 1 {
				return ErrEmptyKey
			}
			return fmt.Errorf("item %d: %w", i, ErrEmptyKey)
		}
	}
	return nil
}

func putItem(b *bolt.Bucket, it Item, now time.Time) (uint64, error) {
	v, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	return v, b.Put([]byte(it.Key), encodeRecord(it.Value, it.Metadata, it.Expiration, v, now))
}

// Delete removes key from namespace ns and reports whether a record was
// there (expired or not). Deleting a missing key is not an error and costs
// no fsync.
func (s *Store) Delete(ns, key string) (bool, error) {
	n, err := s.DeleteMany(ns, []string{key})
	return n > 0, err
}

// DeleteAsync queues the same write as Delete and returns at once; done runs
// on a goroutine of its own, as for PutAsync.
func (s *Store) DeleteAsync(ns, key string, done func(existed bool, err error)) {
	wr := newDelete(ns, []string{key})
	wr.done = func(wr *write) { go done(wr.deleted > 0, wr.err) }
	s.w.submit(wr)
}

// DeleteMany removes keys from namespace ns in one transaction and returns
// how many records were there.
func (s *Store) DeleteMany(ns string, keys []string) (int, error) {
	wr := newDelete(ns, keys)
	s.w.wait(wr)
	return wr.deleted, wr.err
}

// List returns the live keys of namespace ns that start with opts.Prefix
// and sort after opts.StartAfter, in byte order, at most opts.Limit of them.
// more reports whether another live key follows the last one returned.
// Expired entries are skipped and queued for removal in the background.
func (s *Store) List(ns string, opts ListOptions, now time.Time) (keys []KeyInfo, more bool, err error) {
	var stale []staleKey
	prefix := []byte(opts.Prefix)
	err = s.view(func(tx *bolt.Tx) error {
		b := nsBucket(tx, ns)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		var k, rec []byte
		start := prefix
		if opts.StartAfter > opts.Prefix {
			start = []byte(opts.StartAfter)
		}
		k, rec = c.Seek(start)
		if k != nil && opts.StartAfter != "" && string(k) == opts.StartAfter {
			k, rec = c.Next()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, rec = c.Next() {
			h, err := decodeHeader(rec)
			if err != nil {
				return fmt.Errorf("key %q: %w", k, err)
			}
			if expired(h.expiration, now) {
				stale = append(stale, staleKey{ns: ns, key: string(k), version: h.version})
				continue
			}
			if opts.Limit > 0 && len(keys) == opts.Limit {
				more = true
				return nil
			}
			keys = append(keys, KeyInfo{
				Key:        string(k),
				Metadata:   h.metadata(rec),
				Expiration: h.expiration,
				Version:    h.version,
				WriteTime:  time.Unix(0, h.writeTime),
			})
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("list namespace %q: %w", ns, err)
	}
	for _, sk := range stale {
		s.sweep.add(sk.ns, sk.key, sk.version)
	}
	return keys, more, nil
}

// PurgeExpired removes every entry of every namespace that has expired at
// now, in one transaction, and returns how many it removed.
func (s *Store) PurgeExpired(now time.Time) (int, error) {
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		n = 0
		err := forEachNS(tx, func(_ string, b *bolt.Bucket) error {
			var gone [][]byte
			err := b.ForEach(func(k, rec []byte) error {
				h, err := decodeHeader(rec)
				if err != nil {
					return fmt.Errorf("key %q: %w", k, err)
				}
				if expired(h.expiration, now) {
					gone = append(gone, clone(k))
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, k := range gone {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			n += len(gone)
			return nil
		})
		if err == nil && n == 0 {
			return errNoChange
		}
		return err
	})
	if errors.Is(err, errNoChange) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("purge expired entries: %w", err)
	}
	return n, nil
}

// nsPrefix starts the name of every namespace bucket. Namespace buckets sit
// at the top level, so a point read opens one bucket, not two; the prefix
// keeps them apart from the "meta" and "nsinfo" buckets.
const nsPrefix = "kv/"

// nsBucketName returns the top-level bucket name of namespace ns, built in
// buf when it fits so the read path does not allocate for it.
func nsBucketName(buf []byte, ns string) []byte {
	return append(append(buf[:0], nsPrefix...), ns...)
}

// nsBucket returns the bucket of namespace ns, or nil.
func nsBucket(tx *bolt.Tx, ns string) *bolt.Bucket {
	if ns == "" {
		return nil
	}
	var buf [128]byte
	return tx.Bucket(nsBucketName(buf[:], ns))
}

// createNS returns the bucket of namespace ns, creating it if needed.
func createNS(tx *bolt.Tx, ns string) (*bolt.Bucket, error) {
	return tx.CreateBucketIfNotExists(nsBucketName(nil, ns))
}

// forEachNS calls fn with the id and bucket of every namespace, in id order.
func forEachNS(tx *bolt.Tx, fn func(id string, b *bolt.Bucket) error) error {
	c := tx.Cursor()
	for k, _ := c.Seek([]byte(nsPrefix)); k != nil && bytes.HasPrefix(k, []byte(nsPrefix)); k, _ = c.Next() {
		if err := fn(string(k[len(nsPrefix):]), tx.Bucket(k)); err != nil {
			return err
		}
	}
	return nil
}

// Count returns how many live keys namespace ns holds at now (0 for a
// namespace that does not exist). It reads headers only, in one read
// transaction; the dashboard shows it beside each namespace.
func (s *Store) Count(ns string, now time.Time) (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		b := nsBucket(tx, ns)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, rec := c.First(); k != nil; k, rec = c.Next() {
			h, err := decodeHeader(rec)
			if err != nil {
				return fmt.Errorf("key %q: %w", k, err)
			}
			if !expired(h.expiration, now) {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count namespace %q: %w", ns, err)
	}
	return n, nil
}
