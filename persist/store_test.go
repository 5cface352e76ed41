package persist_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"edgedev/persist"
	"edgedev/persist/persisttest"
)

var t0 = time.Unix(1_700_000_000, 0)

func mustPut(t *testing.T, s *persist.Store, ns string, it persist.Item) uint64 {
	t.Helper()
	v, err := s.Put(ns, it, t0)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustGet(t *testing.T, s *persist.Store, ns, key string, now time.Time) (persist.Entry, bool) {
	t.Helper()
	e, ok, err := s.Get(ns, key, now)
	if err != nil {
		t.Fatal(err)
	}
	return e, ok
}

func TestOpen(t *testing.T) {
	t.Run("creates the directory and reopens with data intact", func(t *testing.T) {
		path := persisttest.Path(t)
		s, err := persist.Open(path, persist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		mustPut(t, s, "ns", persist.Item{Key: "k", Value: []byte("v"), Metadata: []byte(`{"a":1}`), Expiration: 2_000_000_000})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s, err = persist.Open(path, persist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		e, ok := mustGet(t, s, "ns", "k", t0)
		if !ok || string(e.Value) != "v" || string(e.Metadata) != `{"a":1}` || e.Expiration != 2_000_000_000 {
			t.Fatalf("after reopen: %+v, %v", e, ok)
		}
		if s.Path() != path {
			t.Errorf("Path() = %q, want %q", s.Path(), path)
		}
	})

	t.Run("times out with ErrLocked while another handle holds the file", func(t *testing.T) {
		path := persisttest.Path(t)
		s, err := persist.Open(path, persist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, err = persist.Open(path, persist.Options{LockTimeout: 20 * time.Millisecond})
		if !errors.Is(err, persist.ErrLocked) {
			t.Fatalf("second Open: got %v, want ErrLocked", err)
		}
	})

	t.Run("refuses a bbolt file edgedev did not write", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		db, err := bolt.Open(path, 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("theirs"))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = persist.Open(path, persist.Options{})
		if !errors.Is(err, persist.ErrNotStore) {
			t.Fatalf("got %v, want ErrNotStore", err)
		}
	})

	t.Run("refuses a file that is not a database", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "junk.db")
		if err := os.WriteFile(path, bytes.Repeat([]byte("junk"), 2048), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := persist.Open(path, persist.Options{}); err == nil {
			t.Fatal("Open of a junk file succeeded")
		}
	})
}

func TestStore_Close(t *testing.T) {
	s, err := persist.Open(persisttest.Path(t), persist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, _, err := s.Get("ns", "k", t0); !errors.Is(err, persist.ErrClosed) {
		t.Errorf("Get after Close: %v", err)
	}
	if _, err := s.Put("ns", persist.Item{Key: "k"}, t0); !errors.Is(err, persist.ErrClosed) {
		t.Errorf("Put after Close: %v", err)
	}
	if _, _, err := s.List("ns", persist.ListOptions{}, t0); !errors.Is(err, persist.ErrClosed) {
		t.Errorf("List after Close: %v", err)
	}
}

func TestStore_PutGet(t *testing.T) {
	s := persisttest.Open(t)

	t.Run("round-trips value, metadata, expiration, version and write time", func(t *testing.T) {
		v1 := mustPut(t, s, "ns", persist.Item{Key: "a", Value: []byte{0, 1, 2, 255}, Metadata: []byte(`{"x":true}`), Expiration: 1_800_000_000})
		e, ok := mustGet(t, s, "ns", "a", t0)
		if !ok {
			t.Fatal("not found")
		}
		if !bytes.Equal(e.Value, []byte{0, 1, 2, 255}) || string(e.Metadata) != `{"x":true}` ||
			e.Expiration != 1_800_000_000 || e.Version != v1 || !e.WriteTime.Equal(t0) {
			t.Fatalf("got %+v", e)
		}
	})

	t.Run("versions grow with every write to a namespace", func(t *testing.T) {
		a := mustPut(t, s, "ver", persist.Item{Key: "k", Value: []byte("1")})
		b := mustPut(t, s, "ver", persist.Item{Key: "other", Value: []byte("2")})
		c := mustPut(t, s, "ver", persist.Item{Key: "k", Value: []byte("3")})
		if !(a < b && b < c) {
			t.Fatalf("versions %d, %d, %d do not grow", a, b, c)
		}
	})

	t.Run("an empty value is found and empty, not nil", func(t *testing.T) {
		mustPut(t, s, "ns", persist.Item{Key: "empty", Value: nil})
		e, ok := mustGet(t, s, "ns", "empty", t0)
		if !ok || e.Value == nil || len(e.Value) != 0 || e.Metadata != nil {
			t.Fatalf("got %+v, %v", e, ok)
		}
	})

	t.Run("a missing key or namespace is not found", func(t *testing.T) {
		if _, ok := mustGet(t, s, "ns", "nope", t0); ok {
			t.Error("missing key found")
		}
		if _, ok := mustGet(t, s, "no-such-ns", "a", t0); ok {
			t.Error("key in missing namespace found")
		}
	})

	t.Run("namespaces are separate", func(t *testing.T) {
		mustPut(t, s, "one", persist.Item{Key: "k", Value: []byte("1")})
		mustPut(t, s, "two", persist.Item{Key: "k", Value: []byte("2")})
		e1, _ := mustGet(t, s, "one", "k", t0)
		e2, _ := mustGet(t, s, "two", "k", t0)
		if string(e1.Value) != "1" || string(e2.Value) != "2" {
			t.Fatalf("got %q and %q", e1.Value, e2.Value)
		}
	})

	t.Run("an overwrite replaces value, metadata and expiration together", func(t *testing.T) {
		mustPut(t, s, "ns", persist.Item{Key: "ow", Value: []byte("old"), Metadata: []byte(`1`), Expiration: 1_900_000_000})
		mustPut(t, s, "ns", persist.Item{Key: "ow", Value: []byte("new")})
		e, _ := mustGet(t, s, "ns", "ow", t0)
		if string(e.Value) != "new" || e.Metadata != nil || e.Expiration != 0 {
			t.Fatalf("got %+v", e)
		}
	})

	t.Run("neither side keeps the other's byte slices", func(t *testing.T) {
		in := []byte("original")
		meta := []byte(`"m"`)
		mustPut(t, s, "ns", persist.Item{Key: "copy", Value: in, Metadata: meta})
		copy(in, "XXXXXXXX")
		copy(meta, "XXX")
		e, _ := mustGet(t, s, "ns", "copy", t0)
		if string(e.Value) != "original" || string(e.Metadata) != `"m"` {
			t.Fatalf("store kept the caller's slices: %q %q", e.Value, e.Metadata)
		}
		copy(e.Value, "YYYYYYYY")
		e2, _ := mustGet(t, s, "ns", "copy", t0)
		if string(e2.Value) != "original" {
			t.Fatalf("Get returned memory the store still uses: %q", e2.Value)
		}
	})

	t.Run("rejects an empty key or namespace", func(t *testing.T) {
		if _, err := s.Put("ns", persist.Item{Key: ""}, t0); !errors.Is(err, persist.ErrEmptyKey) {
			t.Errorf("empty key: %v", err)
		}
		if _, err := s.Put("", persist.Item{Key: "k"}, t0); !errors.Is(err, persist.ErrEmptyNamespace) {
			t.Errorf("empty namespace: %v", err)
		}
	})

	t.Run("a 25 MiB value round-trips", func(t *testing.T) {
		big := bytes.Repeat([]byte("0123456789abcdef"), 25<<20/16)
		mustPut(t, s, "ns", persist.Item{Key: "big", Value: big})
		e, _ := mustGet(t, s, "ns", "big", t0)
		if !bytes.Equal(e.Value, big) {
			t.Fatal("big value changed")
		}
	})
}

func TestStore_Expiration(t *testing.T) {
	s := persisttest.Open(t)
	exp := t0.Unix() + 60
	mustPut(t, s, "ns", persist.Item{Key: "k", Value: []byte("v"), Expiration: exp})

	if _, ok := mustGet(t, s, "ns", "k", time.Unix(exp-1, 999_999_999)); !ok {
		t.Error("gone before its expiration second")
	}
	if _, ok := mustGet(t, s, "ns", "k", time.Unix(exp, 0)); ok {
		t.Error("still there at its expiration second")
	}
	keys, _, err := s.List("ns", persist.ListOptions{}, time.Unix(exp, 0))
	if err != nil || len(keys) != 0 {
		t.Errorf("List at expiration: %v, %v", keys, err)
	}
	keys, _, _ = s.List("ns", persist.ListOptions{}, time.Unix(exp-1, 0))
	if len(keys) != 1 || keys[0].Expiration != exp {
		t.Errorf("List before expiration: %+v", keys)
	}
}

func TestStore_Delete(t *testing.T) {
	s := persisttest.Open(t)
	mustPut(t, s, "ns", persist.Item{Key: "k", Value: []byte("v")})

	t.Run("removes a key and says it was there", func(t *testing.T) {
		ok, err := s.Delete("ns", "k")
		if err != nil || !ok {
			t.Fatalf("Delete: %v, %v", ok, err)
		}
		if _, found := mustGet(t, s, "ns", "k", t0); found {
			t.Fatal("still there")
		}
	})
	t.Run("a missing key or namespace is not an error", func(t *testing.T) {
		for _, ns := range []string{"ns", "no-such-ns", ""} {
			ok, err := s.Delete(ns, "k")
			if err != nil || ok {
				t.Errorf("Delete(%q): %v, %v", ns, ok, err)
			}
		}
	})
	t.Run("DeleteMany counts what was there", func(t *testing.T) {
		mustPut(t, s, "ns", persist.Item{Key: "a"})
		mustPut(t, s, "ns", persist.Item{Key: "b"})
		n, err := s.DeleteMany("ns", []string{"a", "b", "c", ""})
		if err != nil || n != 2 {
			t.Fatalf("DeleteMany: %d, %v", n, err)
		}
	})
}

func TestStore_PutMany(t *testing.T) {
	s := persisttest.Open(t)

	t.Run("writes everything and the last of a key wins", func(t *testing.T) {
		err := s.PutMany("ns", []persist.Item{
			{Key: "a", Value: []byte("1")},
			{Key: "b", Value: []byte("2"), Metadata: []byte(`{}`)},
			{Key: "a", Value: []byte("3")},
		}, t0)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := mustGet(t, s, "ns", "a", t0)
		b, _ := mustGet(t, s, "ns", "b", t0)
		if string(a.Value) != "3" || string(b.Value) != "2" || string(b.Metadata) != "{}" {
			t.Fatalf("a=%+v b=%+v", a, b)
		}
	})
	t.Run("writes nothing when one item is bad", func(t *testing.T) {
		err := s.PutMany("ns", []persist.Item{{Key: "c", Value: []byte("1")}, {Key: ""}}, t0)
		if !errors.Is(err, persist.ErrEmptyKey) {
			t.Fatalf("got %v", err)
		}
		if _, ok := mustGet(t, s, "ns", "c", t0); ok {
			t.Fatal("a good item of a failed batch was written")
		}
	})
}

func TestStore_List(t *testing.T) {
	s := persisttest.Open(t)
	// Byte order, not code-point-agnostic or locale order: "!" < ", " < "A"
	// < "a" < "é" (0xC3 0xA9) < "😀" (0xF0 ...).
	keys := []string{"a", "!", ", ", "A", "é", "😀", "ab", "abc", "b", "b/1", "b/2", "b/3"}
	for _, k := range keys {
		mustPut(t, s, "ns", persist.Item{Key: k, Metadata: []byte(fmt.Sprintf("%q", k))})
	}
	mustPut(t, s, "ns", persist.Item{Key: "b/gone", Expiration: t0.Unix()})

	names := func(ks []persist.KeyInfo) []string {
		out := []string{}
		for _, k := range ks {
			out = append(out, k.Key)
		}
		return out
	}
	list := func(o persist.ListOptions) ([]string, bool) {
		t.Helper()
		ks, more, err := s.List("ns", o, t0)
		if err != nil {
			t.Fatal(err)
		}
		return names(ks), more
	}

	tests := []struct {
		name string
		opts persist.ListOptions
		want []string
		more bool
	}{
		{"everything in byte order", persist.ListOptions{},
			[]string{"!", ", ", "A", "a", "ab", "abc", "b", "b/1", "b/2", "b/3", "é", "😀"}, false},
		{"a prefix", persist.ListOptions{Prefix: "b/"}, []string{"b/1", "b/2", "b/3"}, false},
		{"a prefix that is also a key", persist.ListOptions{Prefix: "ab"}, []string{"ab", "abc"}, false},
		{"a limit leaves more", persist.ListOptions{Limit: 2}, []string{"!", ", "}, true},
		{"start after a key", persist.ListOptions{StartAfter: "b/1", Prefix: "b/"}, []string{"b/2", "b/3"}, false},
		{"start after a key that does not exist", persist.ListOptions{StartAfter: "b/15", Prefix: "b/"}, []string{"b/2", "b/3"}, false},
		{"start after a key before the prefix", persist.ListOptions{StartAfter: "a", Prefix: "b/"}, []string{"b/1", "b/2", "b/3"}, false},
		{"start after the prefix key itself", persist.ListOptions{StartAfter: "ab", Prefix: "ab"}, []string{"abc"}, false},
		{"start after the last key", persist.ListOptions{StartAfter: "b/3", Prefix: "b/"}, []string{}, false},
		{"a limit that exactly fits, with only expired keys after", persist.ListOptions{Prefix: "b/", Limit: 3}, []string{"b/1", "b/2", "b/3"}, false},
		{"no match", persist.ListOptions{Prefix: "zzz"}, []string{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, more := list(tt.opts)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || more != tt.more {
				t.Fatalf("got %q more=%v, want %q more=%v", got, more, tt.want, tt.more)
			}
		})
	}

	t.Run("keys carry metadata copies and versions", func(t *testing.T) {
		ks, _, _ := s.List("ns", persist.ListOptions{Prefix: "é"}, t0)
		if len(ks) != 1 || string(ks[0].Metadata) != `"é"` || ks[0].Version == 0 || !ks[0].WriteTime.Equal(t0) {
			t.Fatalf("got %+v", ks)
		}
	})
	t.Run("a missing namespace lists nothing", func(t *testing.T) {
		ks, more, err := s.List("nope", persist.ListOptions{}, t0)
		if err != nil || len(ks) != 0 || more {
			t.Fatalf("got %v %v %v", ks, more, err)
		}
	})
	t.Run("paging with StartAfter visits every key once", func(t *testing.T) {
		var all []string
		after := ""
		for {
			ks, more, err := s.List("ns", persist.ListOptions{StartAfter: after, Limit: 5}, t0)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, names(ks)...)
			if !more {
				break
			}
			after = ks[len(ks)-1].Key
		}
		if len(all) != len(keys) {
			t.Fatalf("paged %d keys, want %d: %q", len(all), len(keys), all)
		}
	})
}

func TestStore_Namespaces(t *testing.T) {
	s := persisttest.Open(t)
	if err := s.CreateNamespace("id-b", "Second"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateNamespace("id-a", "First"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateNamespace("id-a", "Again"); !errors.Is(err, persist.ErrNamespaceExists) {
		t.Fatalf("duplicate create: %v", err)
	}
	if err := s.CreateNamespace("", "x"); !errors.Is(err, persist.ErrEmptyNamespace) {
		t.Fatalf("empty id: %v", err)
	}
	mustPut(t, s, "made-by-a-write", persist.Item{Key: "k"})

	got, err := s.Namespaces()
	if err != nil {
		t.Fatal(err)
	}
	want := []persist.NamespaceInfo{{"id-a", "First"}, {"id-b", "Second"}, {"made-by-a-write", ""}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Namespaces() = %v, want %v", got, want)
	}

	if err := s.DeleteNamespace("made-by-a-write"); err != nil {
		t.Fatal(err)
	}
	if _, ok := mustGet(t, s, "made-by-a-write", "k", t0); ok {
		t.Fatal("entry survived its namespace")
	}
	if err := s.DeleteNamespace("made-by-a-write"); !errors.Is(err, persist.ErrNamespaceNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if err := s.CreateNamespace("made-by-a-write", "reborn"); err != nil {
		t.Fatalf("re-create after delete: %v", err)
	}
}

func TestStore_PurgeExpired(t *testing.T) {
	s := persisttest.Open(t)
	mustPut(t, s, "a", persist.Item{Key: "old", Expiration: t0.Unix() - 1})
	mustPut(t, s, "b", persist.Item{Key: "old", Expiration: t0.Unix()})
	mustPut(t, s, "b", persist.Item{Key: "live", Expiration: t0.Unix() + 1})
	mustPut(t, s, "b", persist.Item{Key: "forever"})
	n, err := s.PurgeExpired(t0)
	if err != nil || n != 2 {
		t.Fatalf("PurgeExpired: %d, %v", n, err)
	}
	// Looking an hour back would show the old entries if they were still there.
	past := t0.Add(-time.Hour)
	for _, ns := range []string{"a", "b"} {
		if _, ok := mustGet(t, s, ns, "old", past); ok {
			t.Errorf("%s/old survived", ns)
		}
	}
	if _, ok := mustGet(t, s, "b", "live", t0); !ok {
		t.Error("live entry purged")
	}
	if n, _ := s.PurgeExpired(t0); n != 0 {
		t.Errorf("second purge removed %d", n)
	}
}

// TestStore_Concurrent runs writers and readers side by side: every
// acknowledged write must be readable afterwards, and -race must stay quiet.
func TestStore_Concurrent(t *testing.T) {
	s := persisttest.Open(t)
	const writers, perWriter = 8, 25
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range perWriter {
				key := fmt.Sprintf("w%d/%03d", w, i)
				if _, err := s.Put("ns", persist.Item{Key: key, Value: []byte(key)}, t0); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			for i := range 200 {
				if _, _, err := s.Get("ns", fmt.Sprintf("w%d/%03d", i%writers, i%perWriter), t0); err != nil {
					t.Error(err)
					return
				}
				if i%20 == 0 {
					if _, _, err := s.List("ns", persist.ListOptions{Prefix: "w1/"}, t0); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	ks, _, err := s.List("ns", persist.ListOptions{}, t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != writers*perWriter {
		t.Fatalf("%d keys after concurrent writes, want %d", len(ks), writers*perWriter)
	}
	for _, k := range ks {
		e, ok := mustGet(t, s, "ns", k.Key, t0)
		if !ok || string(e.Value) != k.Key {
			t.Fatalf("%s = %q, %v", k.Key, e.Value, ok)
		}
	}
}
