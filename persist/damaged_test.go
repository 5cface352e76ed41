package persist_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"edgedev/hint"
	"edgedev/persist"
)

// filled writes a store with enough keys to span many pages, closes it and
// returns its path.
func filled(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kv.db")
	st, err := persist.Open(path, persist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	items := make([]persist.Item, 2000)
	for i := range items {
		items[i] = persist.Item{Key: fmt.Sprintf("key-%04d", i), Value: []byte(strings.Repeat("v", 200))}
	}
	if err := st.PutMany("ns", items, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func wantDamaged(t *testing.T, err error, what string) {
	t.Helper()
	if !errors.Is(err, persist.ErrDamaged) || !strings.Contains(err.Error(), what) || !strings.Contains(hint.Of(err), "mv ") {
		t.Fatalf("err = %v (hint %q); want ErrDamaged saying %q", err, hint.Of(err), what)
	}
}

// TestDamagedStore: a damaged file is an error that names it and says what
// to do; it never crashes the process (SIGBUS, or a panic inside bbolt).
func TestDamagedStore(t *testing.T) {
	t.Run("cut short below its data", func(t *testing.T) {
		path := filled(t) // ~130 pages of data in a file bbolt grew to 16 MB
		if err := os.Truncate(path, 20*4096); err != nil {
			t.Fatal(err)
		}
		_, err := persist.Open(path, persist.Options{})
		wantDamaged(t, err, "it was cut short")
	})
	t.Run("empty", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kv.db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := persist.Open(path, persist.Options{})
		wantDamaged(t, err, "the file is empty (0 bytes)")
	})
	t.Run("not a store header", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kv.db")
		if err := os.WriteFile(path, []byte(strings.Repeat("garbage!", 4096)), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := persist.Open(path, persist.Options{})
		wantDamaged(t, err, "its first page is not a store header")
	})
	t.Run("garbage inside the data pages fails the calls, not the process", func(t *testing.T) {
		path := filled(t)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		const page = 4096
		for off := 4 * page; off+page <= len(b); off += page {
			for i := off; i < off+page; i++ {
				b[i] = 0xA5
			}
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		st, err := persist.Open(path, persist.Options{})
		if err != nil {
			wantDamaged(t, err, "")
			return
		}
		defer st.Close()
		_, _, err = st.List("ns", persist.ListOptions{Limit: 1000}, time.Now())
		wantDamaged(t, err, path)
		_, _, err = st.Get("ns", "key-0500", time.Now())
		wantDamaged(t, err, path)
		_, err = st.Put("ns", persist.Item{Key: "new", Value: []byte("x")}, time.Now())
		if err != nil {
			wantDamaged(t, err, path)
		}
	})
}

// TestDamagedMetaPointers: a header whose root page lies past the data
// (checksum intact) would make bbolt read beyond the file.
func TestDamagedMetaPointers(t *testing.T) {
	path := filled(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int{0, 4096} { // both meta pages
		m := b[off+16 : off+16+64]
		binary.LittleEndian.PutUint64(m[16:], 1<<20) // the root bucket's page
		h := fnv.New64a()
		h.Write(m[:56])
		binary.LittleEndian.PutUint64(m[56:], h.Sum64())
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = persist.Open(path, persist.Options{})
	wantDamaged(t, err, "its first page is not a store header")
}

// TestDamagedFreelist: a freelist page that is not one is refused before
// bbolt reads it (bbolt would panic holding the file's lock), so a second
// open says the same, not "locked".
func TestDamagedFreelist(t *testing.T) {
	path := filled(t)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var freelist uint64
	for _, off := range []int{0, 4096} {
		m := b[off+16 : off+16+64]
		if id := binary.LittleEndian.Uint64(m[32:]); id > freelist {
			freelist = id
		}
	}
	for _, id := range []uint64{freelist} {
		for i := int(id) * 4096; i < int(id+1)*4096; i++ {
			b[i] = 0xA5
		}
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, err := persist.Open(path, persist.Options{LockTimeout: 200 * time.Millisecond})
		wantDamaged(t, err, "page")
	}
}
