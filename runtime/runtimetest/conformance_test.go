package runtimetest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// recorder is a testing.TB that keeps the errors reported to it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatal(a ...any)            { r.errs = append(r.errs, fmt.Sprint(a...)) }

func TestConformance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "expected.txt")
	file := "# comment\n\nknown-bad still fails\nfixed used to fail\ngone not a case any more\nno-reason\n"
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	pass := Conformance(r, [][2]string{
		{"ok", ""}, {"known-bad", "wrong href"}, {"fixed", ""}, {"new-bad", "threw TypeError"},
	}, path)
	if pass != 1 {
		t.Errorf("pass = %d, want 1", pass)
	}
	slices.Sort(r.errs)
	want := []string{
		"expected.txt lists gone, which is not a case",
		"expected.txt lists no-reason, which is not a case",
		"fixed passes now: remove it from expected.txt",
		"new-bad: threw TypeError",
		path + ":6: no-reason has no reason",
	}
	slices.Sort(want)
	if !slices.Equal(r.errs, want) {
		t.Errorf("errors:\n%q\nwant:\n%q", r.errs, want)
	}
}
