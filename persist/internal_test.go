package persist

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

var t0 = time.Unix(1_700_000_000, 0)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "s.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSweeper(t *testing.T) {
	s := openTest(t)
	exp := t0.Unix() + 60
	later := time.Unix(exp, 0)

	t.Run("a read that finds an entry expired removes it in the background", func(t *testing.T) {
		if _, err := s.Put("ns", Item{Key: "k", Value: []byte("v"), Expiration: exp}, t0); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Get("ns", "k", later); ok {
			t.Fatal("expired entry found")
		}
		s.sweep.flush()
		if _, ok, _ := s.Get("ns", "k", t0); ok {
			t.Fatal("expired entry still stored after the sweep")
		}
	})

	t.Run("a list that skips an expired entry removes it too", func(t *testing.T) {
		if _, err := s.Put("ns", Item{Key: "l", Expiration: exp}, t0); err != nil {
			t.Fatal(err)
		}
		if ks, _, _ := s.List("ns", ListOptions{}, later); len(ks) != 0 {
			t.Fatalf("listed %v", ks)
		}
		s.sweep.flush()
		if _, ok, _ := s.Get("ns", "l", t0); ok {
			t.Fatal("expired entry still stored after the sweep")
		}
	})

	t.Run("a newer write of the same key survives the sweep", func(t *testing.T) {
		old, err := s.Put("ns", Item{Key: "r", Expiration: exp}, t0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Put("ns", Item{Key: "r", Value: []byte("new")}, t0); err != nil {
			t.Fatal(err)
		}
		// A reader saw the old version expire just before the new put landed.
		s.sweep.add("ns", "r", old)
		s.sweep.flush()
		if e, ok, _ := s.Get("ns", "r", later); !ok || string(e.Value) != "new" {
			t.Fatalf("newer write lost: %+v %v", e, ok)
		}
	})
}

// TestReadsDoNotWaitForWriter holds bbolt's writer lock open (as a slow
// fsync would) and reads meanwhile. If reads queued behind the writer, this
// test would hang until the test binary's timeout.
func TestReadsDoNotWaitForWriter(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put("ns", Item{Key: "k", Value: []byte("v")}, t0); err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if e, ok, err := s.Get("ns", "k", t0); err != nil || !ok || string(e.Value) != "v" {
		t.Fatalf("Get during a write: %+v %v %v", e, ok, err)
	}
	if ks, _, err := s.List("ns", ListOptions{}, t0); err != nil || len(ks) != 1 {
		t.Fatalf("List during a write: %v %v", ks, err)
	}
}

func TestCorruptRecord(t *testing.T) {
	s := openTest(t)
	if _, err := s.Put("ns", Item{Key: "k"}, t0); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		return nsBucket(tx, "ns").Put([]byte("k"), []byte{9, 9})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Get("ns", "k", t0); err == nil {
		t.Fatal("Get of a corrupt record succeeded")
	}
	if _, _, err := s.List("ns", ListOptions{}, t0); err == nil {
		t.Fatal("List over a corrupt record succeeded")
	}
}

// TestWriter_Batching holds bbolt's writer lock so that writes pile up in the
// queue, then checks that they commit together, in order, and that one bad
// write does not fail its neighbours.
func TestWriter_Batching(t *testing.T) {
	s := openTest(t)
	// Occupy the committer with a first write stuck behind our transaction.
	tx, err := s.db.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		i   int
		err error
	}
	results := make(chan result, 100)
	for i := range 50 {
		key := "k"
		if i == 25 {
			key = string(make([]byte, 40_000)) // bbolt refuses a key this long
		}
		s.PutAsync("ns", Item{Key: key, Value: []byte{byte(i)}}, t0, func(_ uint64, err error) {
			results <- result{i, err}
		})
	}
	s.DeleteAsync("ns", "gone", func(existed bool, err error) {
		if existed || err != nil {
			t.Errorf("delete of a missing key: %v %v", existed, err)
		}
		results <- result{-1, err}
	})
	tx.Rollback()
	for range 51 {
		r := <-results
		if r.i == 25 {
			if r.err == nil {
				t.Error("the bad write succeeded")
			}
			continue
		}
		if r.err != nil {
			t.Errorf("write %d failed with its bad neighbour: %v", r.i, r.err)
		}
	}
	e, ok, err := s.Get("ns", "k", t0)
	if err != nil || !ok || e.Value[0] != 49 {
		t.Fatalf("last queued write did not win: %v %v %v", e.Value, ok, err)
	}
}

func TestWriter_Close(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "s.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 20)
	for i := range 20 {
		s.PutAsync("ns", Item{Key: string(rune('a' + i)), Value: []byte("v")}, t0, func(_ uint64, err error) { done <- err })
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Writes queued before Close are committed, not dropped.
	for range 20 {
		if err := <-done; err != nil {
			t.Errorf("queued write: %v", err)
		}
	}
	s.PutAsync("ns", Item{Key: "late"}, t0, func(_ uint64, err error) { done <- err })
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Errorf("write after Close: %v", err)
	}
}
