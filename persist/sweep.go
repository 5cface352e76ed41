package persist

import (
	"sync"

	bolt "go.etcd.io/bbolt"
)

// sweeper removes entries that a read found expired. Reads run on the JS
// event loop and must not pay for an fsync, so they only queue the key; one
// goroutine deletes queued keys in batches, each batch one transaction.
//
// A key is deleted only if its record still has the version the reader saw
// expire, so a put that lands in between is never lost.
type sweeper struct {
	s *Store

	mu      sync.Mutex
	queue   map[staleKey]struct{}
	wake    chan struct{} // capacity 1: "the queue is not empty"
	done    chan struct{} // closed by stop
	exited  chan struct{} // closed when the goroutine returns
	stopped bool
	idle    *sync.Cond // signalled when a batch is finished; for tests
	busy    bool
}

type staleKey struct {
	ns, key string
	version uint64
}

// maxQueued bounds the queue; reads beyond it drop their key, and a later
// read or PurgeExpired will find it again.
const maxQueued = 4096

func newSweeper(s *Store) *sweeper {
	w := &sweeper{
		s:      s,
		queue:  make(map[staleKey]struct{}),
		wake:   make(chan struct{}, 1),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	w.idle = sync.NewCond(&w.mu)
	go w.run()
	return w
}

// add queues one expired key. It never blocks.
func (w *sweeper) add(ns, key string, version uint64) {
	w.mu.Lock()
	if !w.stopped && len(w.queue) < maxQueued {
		w.queue[staleKey{ns, key, version}] = struct{}{}
	}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *sweeper) run() {
	defer close(w.exited)
	for {
		select {
		case <-w.done:
			return
		case <-w.wake:
		}
		w.mu.Lock()
		batch := w.queue
		w.queue = make(map[staleKey]struct{})
		w.busy = true
		w.mu.Unlock()
		if len(batch) > 0 {
			// Errors are dropped on purpose: the store may be closing, and
			// an entry left behind still reads as missing.
			_ = w.s.update(func(tx *bolt.Tx) error {
				changed := false
				for sk := range batch {
					b := nsBucket(tx, sk.ns)
					if b == nil {
						continue
					}
					rec := b.Get([]byte(sk.key))
					if rec == nil {
						continue
					}
					h, err := decodeHeader(rec)
					if err != nil || h.version != sk.version {
						continue
					}
					if err := b.Delete([]byte(sk.key)); err != nil {
						return err
					}
					changed = true
				}
				if !changed {
					return errNoChange
				}
				return nil
			})
		}
		w.mu.Lock()
		w.busy = false
		w.idle.Broadcast()
		w.mu.Unlock()
	}
}

// flush waits until every key queued before the call has been handled.
// Tests use it to observe lazy removal without sleeping.
func (w *sweeper) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for (len(w.queue) > 0 || w.busy) && !w.stopped {
		if len(w.queue) > 0 {
			select {
			case w.wake <- struct{}{}:
			default:
			}
		}
		w.idle.Wait()
	}
}

// stop ends the goroutine and waits for it. Safe to call more than once.
func (w *sweeper) stop() {
	w.mu.Lock()
	if w.stopped {
		w.mu.Unlock()
		<-w.exited
		return
	}
	w.stopped = true
	w.idle.Broadcast()
	w.mu.Unlock()
	close(w.done)
	<-w.exited
}
