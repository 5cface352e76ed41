// Package persisttest opens throwaway stores for tests: a real bbolt file in
// t.TempDir(), closed when the test ends.
//
// Imports: testing, path/filepath and persist. Only test code imports it.
package persisttest

import (
	"path/filepath"
	"testing"

	"edgedev/persist"
)

// Open opens a fresh store in a new temporary directory and closes it when
// the test and its subtests are done. It fails the test if the store cannot
// be opened or closed.
func Open(t testing.TB) *persist.Store {
	t.Helper()
	s, err := persist.Open(Path(t), persist.Options{})
	if err != nil {
		t.Fatalf("persisttest: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("persisttest: %v", err)
		}
	})
	return s
}

// Path returns a store path in a new temporary directory, for tests that
// open, close and reopen the file themselves.
func Path(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "state", "edgedev.db")
}
