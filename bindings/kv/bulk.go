package kv

import (
	"context"
	"fmt"
	"strings"

	"edgedev/persist"
)

// Write is one item of PutBulk.
type Write struct {
	Key     string
	Value   []byte
	Options PutOptions
}

// BulkError lists every bad item of a PutBulk or DeleteBulk, by index, in
// order. Nothing was written.
type BulkError struct {
	Items []BulkItemError
}

// BulkItemError is one bad item.
type BulkItemError struct {
	Index int
	Key   string
	Err   *Error
}

func (e *BulkError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of the items are invalid:", len(e.Items))
	for _, it := range e.Items {
		fmt.Fprintf(&b, "\n  item %d (key %q): %s", it.Index, it.Key, it.Err)
	}
	return b.String()
}

// PutBulk checks every write and, only if all are valid, stores them in one
// transaction: all or nothing. Invalid writes are reported together in a
// *BulkError. The whole batch is checked at one clock reading. This is for
// the CLI's `kv bulk put`; it has no JS counterpart.
func (n *Namespace) PutBulk(ctx context.Context, writes []Write) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := n.now()
	items := make([]persist.Item, len(writes))
	var bad BulkError
	for i, w := range writes {
		it, e := preparePut(w.Key, w.Value, w.Options, now)
		if e != nil {
			bad.Items = append(bad.Items, BulkItemError{Index: i, Key: w.Key, Err: e})
			continue
		}
		items[i] = it
	}
	if len(bad.Items) > 0 {
		return &bad
	}
	if len(items) == 0 {
		return nil
	}
	seqs := make([]uint64, len(items))
	for i, it := range items {
		seqs[i] = n.noteWrite("", it.Key, itemEntry(it), now)
	}
	err := n.store.PutMany(n.id, items, now)
	for i, it := range items {
		n.writeDone(it.Key, seqs[i], err)
	}
	if err != nil {
		return storageError("PUT", err)
	}
	return nil
}

// DeleteBulk checks every key and, only if all are valid, deletes them in
// one transaction. Missing keys are not an error.
func (n *Namespace) DeleteBulk(ctx context.Context, keys []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var bad BulkError
	for i, k := range keys {
		if e := checkKey("DELETE", k); e != nil {
			bad.Items = append(bad.Items, BulkItemError{Index: i, Key: k, Err: e})
		}
	}
	if len(bad.Items) > 0 {
		return &bad
	}
	if len(keys) == 0 {
		return nil
	}
	seqs := make([]uint64, len(keys))
	for i, k := range keys {
		seqs[i] = n.noteWrite("", k, nil, n.now())
	}
	_, err := n.store.DeleteMany(n.id, keys)
	for i, k := range keys {
		n.writeDone(k, seqs[i], err)
	}
	if err != nil {
		return storageError("DELETE", err)
	}
	return nil
}
