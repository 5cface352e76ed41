package kv_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
)

// sim is one simulated namespace on the test clock, with the stale-read log
// collected.
type sim struct {
	ns  *kv.Namespace
	c   *kv.Consistency
	clk *clock

	mu  sync.Mutex
	log []string
}

func newSim(t testing.TB, o kv.ConsistencyOptions) *sim {
	t.Helper()
	s := &sim{clk: newClock()}
	o.Now = s.clk.Now
	if o.Locations == nil {
		o.Locations = []string{"LHR", "SIN", "IAD"}
	}
	o.Log = func(line string) {
		s.mu.Lock()
		s.log = append(s.log, line)
		s.mu.Unlock()
	}
	c, err := kv.NewConsistency(o)
	if err != nil {
		t.Fatal(err)
	}
	s.c = c
	s.ns = kv.New(persisttest.Open(t), "sim-ns", s.clk.Now, kv.WithConsistency(c))
	return s
}

func (s *sim) logs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// put writes at a location and fails the test on error.
func (s *sim) put(t *testing.T, loc, key, value string, opts ...kv.PutOptions) {
	t.Helper()
	var o kv.PutOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if err := s.ns.View(loc).Put(ctx, key, []byte(value), o); err != nil {
		t.Fatalf("put %s at %s: %v", key, loc, err)
	}
}

// get reads at a location with an optional cacheTtl and returns "value
// STATUS", or "null STATUS".
func (s *sim) get(t *testing.T, loc, key string, cacheTTL ...int64) string {
	t.Helper()
	var o kv.GetOptions
	if len(cacheTTL) > 0 {
		o.CacheTTL = &cacheTTL[0]
	}
	e, st, err := s.ns.View(loc).Get(ctx, key, o)
	if err != nil {
		t.Fatalf("get %s at %s: %v", key, loc, err)
	}
	if e == nil {
		return "null " + st
	}
	return string(e.Value) + " " + st
}

// lastResult is the result and reason of the most recent traced operation.
func (s *sim) lastResult() (string, string) {
	tr := s.c.Trace(1)
	if len(tr) == 0 {
		return "", ""
	}
	return tr[0].Result, tr[0].Why
}

func TestConsistency_Off(t *testing.T) {
	clk := newClock()
	ns := kv.New(persisttest.Open(t), "plain", clk.Now)
	if err := ns.View("SIN").Put(ctx, "k", []byte("v1"), kv.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	e, st, err := ns.View("LHR").Get(ctx, "k", kv.GetOptions{})
	if err != nil || string(e.Value) != "v1" || st != "" {
		t.Fatalf("off: every location reads central at once with no cache status; got %v %q %v", e, st, err)
	}
	if ns.View("LHR").Location() != "" {
		t.Errorf("a view with the simulation off should be central")
	}
	r, st, err := ns.View("LHR").List(ctx, kv.ListOptions{})
	if err != nil || len(r.Keys) != 1 || st != "" {
		t.Errorf("list off: %v %q %v", r, st, err)
	}
}

func TestConsistency_Options(t *testing.T) {
	now := newClock().Now
	for _, tt := range []struct {
		name string
		o    kv.ConsistencyOptions
		err  string
	}{
		{"needs a clock", kv.ConsistencyOptions{}, "a clock is required"},
		{"names each location once", kv.ConsistencyOptions{Now: now, Locations: []string{"LHR", "LHR"}}, `location "LHR" is listed twice`},
		{"rejects odd names", kv.ConsistencyOptions{Now: now, Locations: []string{"L H R"}}, `location name "L H R" may only have letters, digits`},
		{"rejects empty names", kv.ConsistencyOptions{Now: now, Locations: []string{""}}, `must have 1 to 32 characters`},
		{"rejects negative delays", kv.ConsistencyOptions{Now: now, Propagation: -time.Second}, "propagation delay -1s is negative"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kv.NewConsistency(tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("got %v, want %q", err, tt.err)
			}
		})
	}
	c, err := kv.NewConsistency(kv.ConsistencyOptions{Now: now})
	if err != nil || !slices.Equal(c.Locations(), []string{kv.DefaultLocation}) || !c.HasLocation("DFW") || c.HasLocation("LHR") {
		t.Errorf("default locations: %v %v", c.Locations(), err)
	}
}

// Reference section 2, fact 3: the writer's location sees its write at
// once; fact 4: other locations once it has propagated.
func TestConsistency_WriterLocation(t *testing.T) {
	s := newSim(t, kv.ConsistencyOptions{Propagation: 10 * time.Second})
	s.put(t, "LHR", "k", "v1")
	if got := s.get(t, "LHR", "k"); got != "v1 MISS" {
		t.Errorf("writer, at once: %s", got)
	}
	if got := s.get(t, "SIN", "k"); got != "null MISS" {
		t.Errorf("elsewhere before D: %s", got)
	}
	if res, why := s.lastResult(); res != kv.ResultStale || !strings.Contains(why, "the write of 0s ago at LHR reaches SIN in 10s (propagation delay 10s)") {
		t.Errorf("trace: %s %s", res, why)
	}
	s.clk.Advance(9 * time.Second)
	if got := s.get(t, "IAD", "k"); got != "null MISS" {
		t.Errorf("elsewhere at D-1s: %s", got)
	}
	s.clk.Advance(time.Second)
	for _, loc := range []string{"SIN", "IAD"} {
		if got := s.get(t, loc, "k"); got != "v1 MISS" {
			t.Errorf("%s at D: %s", loc, got)
		}
	}

	t.Run("with caching, the writer's cache is refreshed", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		s.put(t, "LHR", "k", "v1")
		_ = s.get(t, "LHR", "k")
		s.put(t, "LHR", "k", "v2")
		if got := s.get(t, "LHR", "k"); got != "v2 HIT" {
			t.Errorf("writer after rewrite: %s", got)
		}
		if res, _ := s.lastResult(); res != kv.ResultHit {
			t.Errorf("trace: %s", res)
		}
	})
	t.Run("read-your-writes off: even the writer waits", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true, Propagation: 5 * time.Second, WriterStale: true})
		_ = s.get(t, "LHR", "k") // caches the miss
		s.put(t, "LHR", "k", "v1")
		if got := s.get(t, "LHR", "k"); got != "null HIT" {
			t.Errorf("writer with its cached miss: %s", got)
		}
		s.clk.Advance(60 * time.Second)
		if got := s.get(t, "LHR", "k"); got != "v1 MISS" {
			t.Errorf("writer after cacheTtl: %s", got)
		}
		s2 := newSim(t, kv.ConsistencyOptions{Propagation: 5 * time.Second, WriterStale: true})
		s2.put(t, "LHR", "k", "v1")
		if got := s2.get(t, "LHR", "k"); got != "null MISS" {
			t.Errorf("writer, uncached, before D: %s", got)
		}
	})
	t.Run("writes through the Go API propagate to every location", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Propagation: 5 * time.Second})
		if err := s.ns.Put(ctx, "k", []byte("cli"), kv.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := s.get(t, "LHR", "k"); got != "null MISS" {
			t.Errorf("before D: %s", got)
		}
		if e, err := s.ns.Get(ctx, "k", kv.GetOptions{}); err != nil || string(e.Value) != "cli" {
			t.Errorf("the Go API reads central: %v %v", e, err)
		}
		s.clk.Advance(5 * time.Second)
		if got := s.get(t, "LHR", "k"); got != "cli MISS" {
			t.Errorf("after D: %s", got)
		}
	})
}

// Fact 6: a miss is cached like a value, so a new key is as late as an
// update.
func TestConsistency_NegativeCaching(t *testing.T) {
	s := newSim(t, kv.ConsistencyOptions{Cache: true})
	if got := s.get(t, "SIN", "session:1"); got != "null MISS" {
		t.Fatalf("first read: %s", got)
	}
	s.clk.Advance(10 * time.Second)
	s.put(t, "LHR", "session:1", "ann")
	if got := s.get(t, "SIN", "session:1"); got != "null HIT" {
		t.Errorf("cached miss within cacheTtl: %s", got)
	}
	if res, why := s.lastResult(); res != kv.ResultStale || why != "served from the SIN cache: fetched 10s ago, cacheTtl 60s, 50s left; central has changed since" {
		t.Errorf("trace: %s %q", res, why)
	}
	if got := s.get(t, "IAD", "session:1"); got != "ann MISS" {
		t.Errorf("a location that never looked: %s", got)
	}
	s.clk.Advance(50 * time.Second)
	if got := s.get(t, "SIN", "session:1"); got != "ann MISS" {
		t.Errorf("after cacheTtl: %s", got)
	}
	if res, why := s.lastResult(); res != kv.ResultMiss || !strings.Contains(why, "the SIN cache copy was 60s old, past its cacheTtl 60s") {
		t.Errorf("trace: %s %q", res, why)
	}
	logs := s.logs()
	want := `kv: stale read at SIN: get "session:1" in sim-ns served null (no such key); central holds "ann" (written 0s ago at LHR); why: served from the SIN cache: fetched 10s ago, cacheTtl 60s, 50s left; central has changed since`
	if len(logs) != 1 || logs[0] != want {
		t.Errorf("stale-read log:\n got %q\nwant %q", logs, want)
	}
}

// Fact 7: default 60 s, minimum 30 s, and a lower later cacheTtl shortens
// the cached entry for good.
func TestConsistency_CacheTTL(t *testing.T) {
	t.Run("default is 60 seconds", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		s.put(t, "LHR", "k", "v1")
		_ = s.get(t, "SIN", "k")
		s.put(t, "LHR", "k", "v2")
		s.clk.Advance(59 * time.Second)
		if got := s.get(t, "SIN", "k"); got != "v1 HIT" {
			t.Errorf("at 59s: %s", got)
		}
		s.clk.Advance(time.Second)
		if got := s.get(t, "SIN", "k"); got != "v2 MISS" {
			t.Errorf("at 60s: %s", got)
		}
	})
	t.Run("below 30 seconds is refused with the platform's message", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		ttl := int64(29)
		_, _, err := s.ns.View("SIN").Get(ctx, "k", kv.GetOptions{CacheTTL: &ttl})
		if err == nil || err.Error() != "KV GET failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30." {
			t.Errorf("got %v", err)
		}
		s.put(t, "LHR", "k", "v1")
		_ = s.get(t, "SIN", "k", 30)
		s.put(t, "LHR", "k", "v2")
		s.clk.Advance(29 * time.Second)
		if got := s.get(t, "SIN", "k", 30); got != "v1 HIT" {
			t.Errorf("30 s entry at 29 s: %s", got)
		}
		s.clk.Advance(time.Second)
		if got := s.get(t, "SIN", "k", 30); got != "v2 MISS" {
			t.Errorf("30 s entry at 30 s: %s", got)
		}
	})
	t.Run("a later lower cacheTtl shortens the entry", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		s.put(t, "LHR", "k", "v1")
		_ = s.get(t, "SIN", "k", 86400)
		s.put(t, "LHR", "k", "v2")
		s.clk.Advance(59 * time.Second)
		if got := s.get(t, "SIN", "k"); got != "v1 HIT" {
			t.Errorf("default read at 59 s: %s", got)
		}
		s.clk.Advance(time.Second)
		if got := s.get(t, "SIN", "k", 86400); got != "v2 MISS" {
			t.Errorf("long read at 60 s after a 60 s read shortened the entry: %s", got)
		}
	})
	t.Run("shortening sticks; a longer cacheTtl does not extend", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		s.put(t, "LHR", "k", "v1")
		_ = s.get(t, "SIN", "k", 86400)
		s.clk.Advance(10 * time.Second)
		_ = s.get(t, "SIN", "k", 30) // shortens to 30 s
		s.put(t, "LHR", "k", "v2")
		s.clk.Advance(19 * time.Second)
		if got := s.get(t, "SIN", "k", 86400); got != "v1 HIT" {
			t.Errorf("at 29 s: %s", got)
		}
		s.clk.Advance(time.Second)
		if got := s.get(t, "SIN", "k", 86400); got != "v2 MISS" {
			t.Errorf("at 30 s: %s", got)
		}
	})
}

// Fact 8: list is eventually consistent too.
func TestConsistency_List(t *testing.T) {
	names := func(t *testing.T, s *sim, loc string, o kv.ListOptions) string {
		t.Helper()
		r, st, err := s.ns.View(loc).List(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		var ks []string
		for _, k := range r.Keys {
			ks = append(ks, k.Name)
		}
		return fmt.Sprintf("%v %v %s", ks, r.ListComplete, st)
	}
	t.Run("a cached page hides new keys for 60 s", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Cache: true})
		s.put(t, "LHR", "p:a", "1")
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:"}); got != "[p:a] true MISS" {
			t.Fatalf("first list: %s", got)
		}
		s.put(t, "LHR", "p:b", "2")
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:"}); got != "[p:a] true HIT" {
			t.Errorf("cached: %s", got)
		}
		if res, _ := s.lastResult(); res != kv.ResultStale {
			t.Errorf("trace: %s", res)
		}
		if got := names(t, s, "LHR", kv.ListOptions{Prefix: "p:"}); got != "[p:a p:b] true MISS" {
			t.Errorf("the writer, never listed before: %s", got)
		}
		s.clk.Advance(60 * time.Second)
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:"}); got != "[p:a p:b] true MISS" {
			t.Errorf("after 60 s: %s", got)
		}
		if l := s.logs(); len(l) != 1 || !strings.Contains(l[0], `kv: stale read at SIN: list prefix "p:" in sim-ns served 1 keys: "p:a"; central holds 2 keys: "p:a", "p:b"`) {
			t.Errorf("log: %q", l)
		}
	})
	t.Run("uncached lists see writes as they propagate, pages stay full", func(t *testing.T) {
		s := newSim(t, kv.ConsistencyOptions{Propagation: 10 * time.Second})
		for _, k := range []string{"p:a", "p:c", "p:e"} {
			s.put(t, "LHR", k, "1")
		}
		s.clk.Advance(10 * time.Second)
		s.put(t, "LHR", "p:b", "1")
		if err := s.ns.View("LHR").Delete(ctx, "p:c"); err != nil {
			t.Fatal(err)
		}
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:", Limit: 2}); got != "[p:a p:c] false MISS" {
			t.Errorf("SIN page 1 before D: %s", got)
		}
		if got := names(t, s, "LHR", kv.ListOptions{Prefix: "p:", Limit: 2}); got != "[p:a p:b] false MISS" {
			t.Errorf("LHR page 1: %s", got)
		}
		r, _, _ := s.ns.View("SIN").List(ctx, kv.ListOptions{Prefix: "p:", Limit: 2})
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:", Limit: 2, Cursor: r.Cursor}); got != "[p:e] true MISS" {
			t.Errorf("SIN page 2: %s", got)
		}
		s.clk.Advance(10 * time.Second)
		if got := names(t, s, "SIN", kv.ListOptions{Prefix: "p:"}); got != "[p:a p:b p:e] true MISS" {
			t.Errorf("SIN after D: %s", got)
		}
	})
}

// Fact 10: expiration wins over any cached copy.
func TestConsistency_ExpirationWins(t *testing.T) {
	s := newSim(t, kv.ConsistencyOptions{Cache: true})
	ttl := int64(60)
	s.put(t, "LHR", "k", "v", kv.PutOptions{ExpirationTTL: &ttl})
	if got := s.get(t, "SIN", "k", 86400); got != "v MISS" {
		t.Fatalf("first read: %s", got)
	}
	s.clk.Advance(30 * time.Second)
	if r, _, _ := s.ns.View("SIN").List(ctx, kv.ListOptions{}); len(r.Keys) != 1 {
		t.Fatalf("first list: %v", r.Keys)
	}
	s.clk.Advance(29 * time.Second)
	if got := s.get(t, "SIN", "k", 86400); got != "v HIT" {
		t.Errorf("before expiry: %s", got)
	}
	s.clk.Advance(time.Second)
	if got := s.get(t, "SIN", "k", 86400); got != "null MISS" {
		t.Errorf("at expiry: %s", got)
	}
	if _, why := s.lastResult(); !strings.Contains(why, "expiration wins over caching") {
		t.Errorf("why: %s", why)
	}
	if got := s.get(t, "LHR", "k"); got != "null MISS" {
		t.Errorf("writer's refreshed copy at expiry: %s", got)
	}
	if r, st, _ := s.ns.View("SIN").List(ctx, kv.ListOptions{}); len(r.Keys) != 0 || st != kv.CacheHit {
		t.Errorf("a cached page drops expired keys: %v %s", r.Keys, st)
	}
}

func TestConsistency_Settle(t *testing.T) {
	s := newSim(t, kv.ConsistencyOptions{Cache: true, Propagation: time.Hour})
	_ = s.get(t, "SIN", "a")
	s.put(t, "LHR", "a", "1")
	s.put(t, "LHR", "b", "2")
	r := s.c.Settle()
	if r.Propagating != 2 || r.CachedKeys != 3 { // SIN's miss, LHR's two writes
		t.Errorf("settle result: %+v", r)
	}
	for _, loc := range []string{"SIN", "IAD", "LHR"} {
		if got := s.get(t, loc, "a") + " " + s.get(t, loc, "b"); got != "1 MISS 2 MISS" {
			t.Errorf("%s after settle: %s", loc, got)
		}
	}
	s.put(t, "LHR", "a", "3")
	if got := s.get(t, "SIN", "a"); got != "1 HIT" {
		t.Errorf("a write after settle is eventual again: %s", got)
	}
}

func TestConsistency_Trace(t *testing.T) {
	s := newSim(t, kv.ConsistencyOptions{Cache: true, Propagation: 5 * time.Second, TraceSize: 3})
	s.put(t, "LHR", "k", strings.Repeat("x", 100))
	_ = s.get(t, "SIN", "k")
	_ = s.get(t, "SIN", "k")
	_ = s.get(t, "LHR", "k")
	tr := s.c.Trace(0)
	if len(tr) != 3 || tr[0].Seq != 1 || tr[2].Seq != 3 {
		t.Fatalf("ring keeps the last 3: %+v", tr)
	}
	want := []struct{ loc, op, result, cache, served string }{
		{"SIN", "get", "STALE", "MISS", "null"},
		{"SIN", "get", "STALE", "HIT", "null"},
		{"LHR", "get", "HIT", "HIT", `"` + strings.Repeat("x", 48) + `…"`},
	}
	for i, w := range want {
		e := tr[i]
		if e.Location != w.loc || e.Op != w.op || e.Result != w.result || e.CacheStatus != w.cache || e.Served != w.served || e.Namespace != "sim-ns" || e.Key != "k" {
			t.Errorf("trace[%d] = %+v, want %+v", i, e, w)
		}
	}
	if tr[0].Central == "" || tr[2].Central != "" {
		t.Errorf("central is shown for stale reads only: %+v", tr)
	}
	if got := s.c.Trace(1); len(got) != 1 || got[0].Seq != 3 {
		t.Errorf("Trace(1): %+v", got)
	}
}

// The caches are bounded: a location forgets its oldest entries first.
func TestConsistency_CacheBound(t *testing.T) {
	if testing.Short() {
		t.Skip("reads MaxCachedKeys keys")
	}
	s := newSim(t, kv.ConsistencyOptions{Cache: true})
	_ = s.get(t, "SIN", "first")
	s.put(t, "LHR", "first", "v")
	for i := range kv.MaxCachedKeys - 1 {
		_ = s.get(t, "SIN", fmt.Sprint("k", i))
	}
	if got := s.get(t, "SIN", "first"); got != "null HIT" {
		t.Fatalf("at the bound the first entry is still cached: %s", got)
	}
	_ = s.get(t, "SIN", "one-more")
	if got := s.get(t, "SIN", "first"); got != "v MISS" {
		t.Errorf("past the bound the oldest entry is dropped: %s", got)
	}
}
