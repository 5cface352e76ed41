package runtimetest

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Conformance checks the results of a conformance suite (WPT slices: URL,
// URLPattern) against its expected-failures file, as STYLE.md §4 asks: each
// result is [case id, failure message or ""]; a case that fails must be
// listed, a listed case that passes fails the test too (delete its line),
// and a listed id that is not a case is an error. It returns how many cases
// passed.
func Conformance(t testing.TB, results [][2]string, expectedFailures string) (pass int) {
	t.Helper()
	expected := ExpectedFailures(t, expectedFailures)
	file := filepath.Base(expectedFailures)
	seen := make(map[string]bool)
	for _, r := range results {
		id, msg := r[0], r[1]
		seen[id] = true
		_, known := expected[id]
		switch {
		case msg == "" && known:
			t.Errorf("%s passes now: remove it from %s", id, file)
		case msg == "":
			pass++
		case !known:
			t.Errorf("%s: %s", id, msg)
		}
	}
	for id := range expected {
		if !seen[id] {
			t.Errorf("%s lists %s, which is not a case", file, id)
		}
	}
	return pass
}

// ExpectedFailures reads an expected-failures file: "<case id> <reason>"
// lines; "#" starts a comment line. Every entry needs a reason.
func ExpectedFailures(t testing.TB, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string]string)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		id, reason, _ := strings.Cut(text, " ")
		if strings.TrimSpace(reason) == "" {
			t.Errorf("%s:%d: %s has no reason", path, line, id)
		}
		out[id] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
