package persist

import (
	"errors"
	"fmt"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Every write goes through one committer goroutine. A write call queues its
// operations and the committer takes everything queued so far, applies it in
// queue order in one bbolt transaction and fsyncs once, then reports to every
// writer in the batch. So:
//
//   - a lone write commits at once: unlike db.Batch there is no waiting for
//     company (db.Batch's 10 ms MaxBatchDelay is what a single writer pays);
//   - under load many writes share one fsync, which is what lets a worker
//     that writes on every request go faster than one fsync per request;
//   - writes queued from one goroutine are applied in the order queued, which
//     is what lets the JS binding queue writes on the event loop, in call
//     order, and wait for them elsewhere;
//   - no write is reported durable before the fsync of its transaction.
//
// If a shared transaction fails, each write of the batch is retried in a
// transaction of its own, so one bad write cannot fail its neighbours.

// maxBatchOps and maxBatchBytes bound one shared transaction.
const (
	maxBatchOps   = 10_000
	maxBatchBytes = 64 << 20
)

// op is one put or delete.
type op struct {
	del  bool
	item Item // for a put; item.Key is the key for a delete too
}

// write is one caller's unit of work: its ops commit together or not at all.
type write struct {
	ns   string
	ops  []op
	now  time.Time
	size int // bytes of values and metadata, for batch sizing

	// Results, set by the committer before done runs.
	versions []uint64 // one per put, in order
	deleted  int      // records that deletes removed
	err      error
	done     func(*write) // runs on the committer goroutine; must not block
}

type writer struct {
	s *Store

	mu      sync.Mutex
	queue   []*write
	closed  bool
	wake    chan struct{} // capacity 1
	drained chan struct{} // closed when the committer has exited
}

func newWriter(s *Store) *writer {
	w := &writer{s: s, wake: make(chan struct{}, 1), drained: make(chan struct{})}
	go w.run()
	return w
}

// submit queues wr. It never blocks. After close, wr fails with ErrClosed.
func (w *writer) submit(wr *write) {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		wr.err = ErrClosed
		wr.done(wr)
		return
	}
	w.queue = append(w.queue, wr)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// close stops taking writes, lets the committer finish what is queued, and
// waits for it. Safe to call more than once.
func (w *writer) close() {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	<-w.drained
}

func (w *writer) run() {
	defer close(w.drained)
	for range w.wake {
		for {
			batch, last := w.take()
			if len(batch) > 0 {
				w.commit(batch)
			}
			if last {
				return
			}
			if len(batch) == 0 {
				break
			}
		}
	}
}

// take removes the next batch from the queue. last reports that the writer
// is closed and the queue is now empty.
func (w *writer) take() (batch []*write, last bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ops, size, n := 0, 0, 0
	for n < len(w.queue) {
		wr := w.queue[n]
		if n > 0 && (ops+len(wr.ops) > maxBatchOps || size+wr.size > maxBatchBytes) {
			break
		}
		ops += len(wr.ops)
		size += wr.size
		n++
	}
	batch = append([]*write(nil), w.queue[:n]...)
	clear(w.queue[:n])
	w.queue = w.queue[n:]
	if len(w.queue) == 0 {
		w.queue = nil
	}
	return batch, w.closed && len(w.queue) == 0
}

func (w *writer) commit(batch []*write) {
	err := w.s.update(func(tx *bolt.Tx) error {
		changed := false
		for _, wr := range batch {
			c, err := apply(tx, wr)
			if err != nil {
				return err
			}
			changed = changed || c
		}
		if !changed {
			return errNoChange
		}
		return nil
	})
	if errors.Is(err, errNoChange) {
		err = nil
	}
	if err != nil && len(batch) > 1 {
		// Find the culprit: every write again, alone.
		for _, wr := range batch {
			w.commit([]*write{wr})
		}
		return
	}
	for _, wr := range batch {
		if err != nil {
			wr.versions, wr.deleted = nil, 0
			wr.err = err
		}
		wr.done(wr)
	}
}

// apply runs one write's ops inside tx and reports whether it changed
// anything.
func apply(tx *bolt.Tx, wr *write) (changed bool, err error) {
	wr.versions, wr.deleted = wr.versions[:0], 0
	var b *bolt.Bucket
	for _, o := range wr.ops {
		if o.del {
			if b == nil {
				b = nsBucket(tx, wr.ns)
			}
			k := []byte(o.item.Key)
			if b == nil || len(k) == 0 || b.Get(k) == nil {
				continue
			}
			if err := b.Delete(k); err != nil {
				return false, fmt.Errorf("delete %q from namespace %q: %w", o.item.Key, wr.ns, err)
			}
			wr.deleted++
			changed = true
			continue
		}
		if b == nil {
			if b, err = createNS(tx, wr.ns); err != nil {
				return false, fmt.Errorf("namespace %q: %w", wr.ns, err)
			}
		}
		v, err := putItem(b, o.item, wr.now)
		if err != nil {
			return false, fmt.Errorf("put %q into namespace %q: %w", o.item.Key, wr.ns, err)
		}
		wr.versions = append(wr.versions, v)
		changed = true
	}
	return changed, nil
}

// wait submits wr and blocks until it is committed or has failed.
func (w *writer) wait(wr *write) {
	ch := make(chan struct{})
	wr.done = func(*write) { close(ch) }
	w.submit(wr)
	<-ch
}

func newPut(ns string, items []Item, now time.Time) *write {
	wr := &write{ns: ns, now: now, ops: make([]op, len(items))}
	for i, it := range items {
		wr.ops[i] = op{item: it}
		wr.size += len(it.Value) + len(it.Metadata)
	}
	return wr
}

func newDelete(ns string, keys []string) *write {
	wr := &write{ns: ns, ops: make([]op, len(keys))}
	for i, k := range keys {
		wr.ops[i] = op{del: true, item: Item{Key: k}}
	}
	return wr
}
