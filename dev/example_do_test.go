package dev_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"edgedev/dev"
)

// TestExampleDurableObjectRateLimiter drives the Durable Object section of
// examples/worker's README and docs/consistency.md's global fix: the
// RateLimiter object counts exactly across simulated locations (where the
// KV limiter undercounts), and the log names the object.
func TestExampleDurableObjectRateLimiter(t *testing.T) {
	dir := copyDir(t, "../examples/worker")
	os.RemoveAll(filepath.Join(dir, ".edgedev"))
	sim, err := dev.ConsistencyPreset(dev.PresetProductionLike)
	if err != nil {
		t.Fatal(err)
	}
	sim.Clock = "virtual@2026-01-01T00:00:00Z"
	r := start(t, dev.Options{Dir: dir, Consistency: sim})
	at := func(loc string) string {
		return r.do(t, "GET", "/limited-global", "", "X-Edgedev-Location", loc).body
	}
	for i := 1; i <= 5; i++ {
		want := `{"ok":true,"used":` + string(rune('0'+i)) + `,"limit":5,"colo":"LHR"}`
		if got := at("LHR"); got != want {
			t.Fatalf("request %d at LHR: %s, want %s", i, got, want)
		}
	}
	for _, loc := range []string{"SIN", "DFW"} {
		if got := at(loc); got != `{"error":"too many requests","retryAfter":60}` {
			t.Errorf("at %s after five at LHR: %s", loc, got)
		}
	}
	if got := r.do(t, "GET", "/limited-global", "", "X-Client-Id", "you", "X-Edgedev-Location", "LHR").body; got != `{"ok":true,"used":1,"limit":5,"colo":"LHR"}` {
		t.Errorf("another client: %s", got)
	}
	if !regexp.MustCompile(`-> RateLimiter\(idFromName "[^"]+"\) hit\(\)`).MatchString(r.out.String() + r.err.String()) {
		t.Errorf("the log does not name the object:\n%s", r.out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, ".edgedev/state/do/edgedev-example-RateLimiter/*.sqlite"))
	objects := 0
	for _, f := range files {
		if !strings.HasSuffix(f, "metadata.sqlite") {
			objects++
		}
	}
	if objects != 2 {
		t.Errorf("storage files: %v, want one per client (two)", files)
	}
}
