package persist_test

import (
	"fmt"
	"testing"

	"edgedev/persist"
	"edgedev/persist/persisttest"
)

func fill(b *testing.B, s *persist.Store, n, valueSize int) []string {
	b.Helper()
	keys := make([]string, n)
	items := make([]persist.Item, n)
	for i := range items {
		items[i] = persist.Item{
			Key:      fmt.Sprintf("key:%06d", i),
			Value:    make([]byte, valueSize),
			Metadata: []byte(fmt.Sprintf(`{"owner":"user-%d","tags":["a","b"],"n":%d}`, i, i)),
		}
	}
	for i := range items {
		keys[i] = items[i].Key
	}
	if err := s.PutMany("ns", items, t0); err != nil {
		b.Fatal(err)
	}
	return keys
}

// BenchmarkGet is a point read of a 1 KiB value among 10,000 keys, copy out
// included: the read a worker does on the event loop.
func BenchmarkGet(b *testing.B) {
	s := persisttest.Open(b)
	keys := fill(b, s, 10_000, 1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok, err := s.Get("ns", keys[i%len(keys)], t0); err != nil || !ok {
			b.Fatal(ok, err)
		}
		i++
	}
}

// BenchmarkGetParallel reads from every core at once.
func BenchmarkGetParallel(b *testing.B) {
	s := persisttest.Open(b)
	keys := fill(b, s, 10_000, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, _, err := s.Get("ns", keys[i%len(keys)], t0); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkPut is one fsync'd write of a 1 KiB value.
func BenchmarkPut(b *testing.B) {
	s := persisttest.Open(b)
	v := make([]byte, 1024)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Put("ns", persist.Item{Key: fmt.Sprintf("key:%06d", i), Value: v}, t0); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkPutParallel writes from 8 goroutines per core; bbolt serializes them.
func BenchmarkPutParallel(b *testing.B) {
	s := persisttest.Open(b)
	v := make([]byte, 1024)
	b.SetParallelism(8)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := s.Put("ns", persist.Item{Key: fmt.Sprintf("key:%p:%d", &i, i), Value: v}, t0); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkList1000 lists a full page of 1,000 keys with metadata out of
// 10,000 (target: <= 5 ms).
func BenchmarkList1000(b *testing.B) {
	s := persisttest.Open(b)
	fill(b, s, 10_000, 256)
	b.ReportAllocs()
	for b.Loop() {
		ks, more, err := s.List("ns", persist.ListOptions{Prefix: "key:", StartAfter: "key:004000", Limit: 1000}, t0)
		if err != nil || len(ks) != 1000 || !more {
			b.Fatal(len(ks), more, err)
		}
	}
}
