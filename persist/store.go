package persist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultLockTimeout is how long Open waits for the file lock when
// Options.LockTimeout is zero. Long enough to ride out a CLI command that
// holds the file for one operation, short enough that nobody wonders whether
// edgedev hangs.
const DefaultLockTimeout = 1 * time.Second

// initialMmapSize is the memory map bbolt reserves at open. Readers only wait
// for a writer when the file outgrows the map and bbolt remaps it, so a large
// map keeps reads off the writer's path. It is address space, not memory.
// Not used on Windows, where bbolt would grow the file itself to this size.
const initialMmapSize = 1 << 30

// Bucket names at the top level of the file.
var (
	bucketMeta   = []byte("meta")   // format marker
	bucketNSInfo = []byte("nsinfo") // namespace id -> title
	// and one bucket per namespace, named nsPrefix + id (kv.go)
	keyFormat = []byte("format")
)

// storeFormat is written to meta/format. Bump it when the layout changes
// incompatibly; Open refuses files with a format it does not know.
const storeFormat = "edgedev-store-1"

// Options configures Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// file. Zero means DefaultLockTimeout; Open never waits forever.
	LockTimeout time.Duration
}

// Store is an open store file. It is safe for concurrent use by many
// goroutines; Close it when done.
type Store struct {
	db    *bolt.DB
	path  string
	sweep *sweeper
	w     *writer
	// damaged is the first damage a call met; after it, writes fail at
	// once instead of writing more into a file known to be broken.
	damaged atomic.Pointer[error]
}

// Open opens the store at path, creating the file and its directory if
// needed. If another process holds the file for longer than the lock timeout
// it returns an error wrapping ErrLocked.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	bopts := &bolt.Options{
		Timeout:      timeout,
		FreelistType: bolt.FreelistMapType,
		NoStatistics: true,
	}
	if runtime.GOOS != "windows" {
		bopts.InitialMmapSize = initialMmapSize
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	db, err := openBolt(path, bopts)
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: waited %s: %w", path, timeout, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := initLayout(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	s.sweep = newSweeper(s)
	s.w = newWriter(s)
	return s, nil
}

// initLayout creates the top-level buckets of a new file and checks the
// format marker of an existing one.
func initLayout(db *bolt.DB) error {
	return db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			// A fresh file has no buckets at all; anything else is someone
			// else's bbolt database, which we must not scribble on.
			if k, _ := tx.Cursor().First(); k != nil {
				return ErrNotStore
			}
			var err error
			if meta, err = tx.CreateBucket(bucketMeta); err != nil {
				return err
			}
			if err := meta.Put(keyFormat, []byte(storeFormat)); err != nil {
				return err
			}
		} else if got := string(meta.Get(keyFormat)); got != storeFormat {
			return fmt.Errorf("format %q, want %q: %w", got, storeFormat, ErrNotStore)
		}
		_, err := tx.CreateBucketIfNotExists(bucketNSInfo)
		return err
	})
}

// Path returns the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close commits the writes already queued, stops the background sweeper,
// waits for running transactions and closes the file. Writes queued after
// Close fail with ErrClosed. Calling it again returns nil.
func (s *Store) Close() error {
	s.w.close()
	s.sweep.stop()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// view and update run fn in a read-only or fsync'd read-write transaction
// and turn bbolt's "not open" into ErrClosed.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverDamage(&err)
	return closedErr(s.db.View(fn))
}

func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if d := s.damaged.Load(); d != nil {
		return *d
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverDamage(&err)
	return closedErr(s.db.Update(fn))
}

// recoverDamage turns a panic inside bbolt, which is how it meets a page it
// cannot make sense of, into ErrDamaged naming the file: the call fails and
// the process lives on. (bbolt rolls the transaction back as the panic
// passes.) A page pointer past the end of a file bbolt mapped larger than
// it is would be SIGBUS, which kills a process; the callers turn that
// fault into a panic for the call (debug.SetPanicOnFault) first.
func (s *Store) recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = damagedError(s.path, fmt.Sprint(r))
		e := *err
		s.damaged.CompareAndSwap(nil, &e)
	}
}

// openBolt is bolt.Open with a panic on a damaged file made an error.
func openBolt(path string, opts *bolt.Options) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damagedError(path, fmt.Sprint(r))
		}
	}()
	return bolt.Open(path, 0o644, opts)
}

func closedErr(err error) error {
	if errors.Is(err, berrors.ErrDatabaseNotOpen) {
		return ErrClosed
	}
	return err
}
