package dev_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/dev"
)

// testClock is a settable clock for the worker and its bindings.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatalf("not JSON: %q", body)
	}
	return m
}

// TestExampleKVPatterns drives each KV pattern of examples/worker the way
// its README does, with a virtual clock for the TTLs.
func TestExampleKVPatterns(t *testing.T) {
	dir := copyDir(t, "../examples/worker")
	os.RemoveAll(filepath.Join(dir, ".edgedev"))
	clock := &testClock{now: time.Date(2026, 3, 1, 12, 0, 5, 0, time.UTC)}
	r := start(t, dev.Options{Dir: dir, Now: clock.Now})

	t.Run("sessions", func(t *testing.T) {
		got := r.do(t, "POST", "/sessions", `{"user":"ann"}`)
		if got.status != 201 || !strings.HasPrefix(got.header.Get("Set-Cookie"), "session=") {
			t.Fatalf("create: %d %q %v", got.status, got.body, got.header)
		}
		id := decode(t, got.body)["sessionId"].(string)
		me := r.do(t, "GET", "/sessions/me", "", "Authorization", "Bearer "+id)
		if me.status != 200 || decode(t, me.body)["user"] != "ann" {
			t.Fatalf("validate: %d %q", me.status, me.body)
		}
		clock.Advance(50 * time.Minute) // extended at the last use: still valid
		if me := r.do(t, "GET", "/sessions/me", "", "Cookie", "session="+id); me.status != 200 {
			t.Fatalf("after 50 min: %d %q", me.status, me.body)
		}
		clock.Advance(61 * time.Minute) // an hour after the last use: gone
		if me := r.do(t, "GET", "/sessions/me", "", "Authorization", "Bearer "+id); me.status != 401 {
			t.Fatalf("after expiry: %d %q", me.status, me.body)
		}
		got = r.do(t, "POST", "/sessions", `{"user":"bob"}`)
		id = decode(t, got.body)["sessionId"].(string)
		if out := r.do(t, "DELETE", "/sessions/me", "", "Authorization", "Bearer "+id); out.status != 204 {
			t.Fatalf("logout: %d", out.status)
		}
		if me := r.do(t, "GET", "/sessions/me", "", "Authorization", "Bearer "+id); me.status != 401 {
			t.Fatalf("after logout: %d %q", me.status, me.body)
		}
	})
	t.Run("fixed-window rate limit", func(t *testing.T) {
		for i := 1; i <= 5; i++ {
			if got := r.do(t, "GET", "/limited", "", "X-Client-Id", "c1"); got.status != 200 {
				t.Fatalf("request %d: %d %q", i, got.status, got.body)
			}
		}
		got := r.do(t, "GET", "/limited", "", "X-Client-Id", "c1")
		if got.status != 429 || got.header.Get("Retry-After") == "" {
			t.Fatalf("6th request: %d %q", got.status, got.body)
		}
		if other := r.do(t, "GET", "/limited", "", "X-Client-Id", "c2"); other.status != 200 {
			t.Errorf("another client: %d", other.status)
		}
		clock.Advance(time.Minute)
		if got := r.do(t, "GET", "/limited", "", "X-Client-Id", "c1"); got.status != 200 {
			t.Errorf("next window: %d %q", got.status, got.body)
		}
	})
	t.Run("feature flags with per-user overrides", func(t *testing.T) {
		r.do(t, "PUT", "/flags/new-ui", `{"enabled":false,"users":{"ann":true}}`)
		if got := decode(t, r.do(t, "GET", "/flags/new-ui?user=ann", "").body); got["enabled"] != true {
			t.Errorf("ann: %v", got)
		}
		if got := decode(t, r.do(t, "GET", "/flags/new-ui?user=bob", "").body); got["enabled"] != false {
			t.Errorf("bob: %v", got)
		}
	})
	t.Run("cached lookup with a TTL", func(t *testing.T) {
		if got := decode(t, r.do(t, "GET", "/fib/25", "").body); got["cached"] != false || got["value"] != float64(75025) {
			t.Errorf("first: %v", got)
		}
		if got := decode(t, r.do(t, "GET", "/fib/25", "").body); got["cached"] != true {
			t.Errorf("second: %v", got)
		}
		clock.Advance(61 * time.Second)
		if got := decode(t, r.do(t, "GET", "/fib/25", "").body); got["cached"] != false {
			t.Errorf("after the TTL: %v", got)
		}
	})
	t.Run("API keys", func(t *testing.T) {
		key := decode(t, r.do(t, "POST", "/apikeys", `{"owner":"ci"}`).body)["apiKey"].(string)
		if got := r.do(t, "GET", "/protected", ""); got.status != 401 {
			t.Errorf("no key: %d", got.status)
		}
		if got := r.do(t, "GET", "/protected", "", "X-API-Key", "nope"); got.status != 403 {
			t.Errorf("bad key: %d", got.status)
		}
		if got := r.do(t, "GET", "/protected", "", "X-API-Key", key); got.status != 200 || decode(t, got.body)["owner"] != "ci" {
			t.Errorf("good key: %d %q", got.status, got.body)
		}
		r.do(t, "DELETE", "/apikeys/"+key, "")
		if got := r.do(t, "GET", "/protected", "", "X-API-Key", key); got.status != 403 {
			t.Errorf("revoked key: %d", got.status)
		}
	})
	t.Run("email verification codes", func(t *testing.T) {
		code := decode(t, r.do(t, "POST", "/verify/start", `{"email":"a@x.io"}`).body)["devCode"].(string)
		if got := r.do(t, "POST", "/verify/check", `{"email":"a@x.io","code":"000000x"}`); got.status != 400 {
			t.Errorf("wrong code: %d", got.status)
		}
		if got := r.do(t, "POST", "/verify/check", `{"email":"a@x.io","code":"`+code+`"}`); got.status != 200 {
			t.Errorf("right code: %d %q", got.status, got.body)
		}
		if got := r.do(t, "POST", "/verify/check", `{"email":"a@x.io","code":"`+code+`"}`); got.status != 410 {
			t.Errorf("second use: %d", got.status)
		}
		code = decode(t, r.do(t, "POST", "/verify/start", `{"email":"b@x.io"}`).body)["devCode"].(string)
		clock.Advance(16 * time.Minute)
		if got := r.do(t, "POST", "/verify/check", `{"email":"b@x.io","code":"`+code+`"}`); got.status != 410 {
			t.Errorf("after 16 minutes: %d", got.status)
		}
	})
	t.Run("shopping cart", func(t *testing.T) {
		r.do(t, "POST", "/cart/ann/items", `{"sku":"apple","qty":2}`)
		r.do(t, "POST", "/cart/ann/items", `{"sku":"pear"}`)
		r.do(t, "POST", "/cart/ann/items", `{"sku":"apple"}`)
		got := decode(t, r.do(t, "GET", "/cart/ann", "").body)
		if got["count"] != float64(4) {
			t.Errorf("cart: %v", got)
		}
		got = decode(t, r.do(t, "DELETE", "/cart/ann/items/apple", "").body)
		if got["count"] != float64(1) {
			t.Errorf("after removing apples: %v", got)
		}
	})
	t.Run("stale-while-revalidate", func(t *testing.T) {
		if got := r.do(t, "GET", "/price", ""); got.header.Get("X-Cache") != "MISS" {
			t.Errorf("first: %q", got.body)
		}
		if got := r.do(t, "GET", "/price", ""); got.header.Get("X-Cache") != "HIT" {
			t.Errorf("fresh: %q", got.body)
		}
		clock.Advance(11 * time.Second)
		stale := r.do(t, "GET", "/price", "")
		if stale.header.Get("X-Cache") != "STALE" {
			t.Errorf("old: %q", stale.body)
		}
		old := decode(t, stale.body)["version"]
		eventually(t, "the background refresh", func() bool {
			got := r.do(t, "GET", "/price", "")
			return got.header.Get("X-Cache") == "HIT" && decode(t, got.body)["version"] != old
		})
	})
	t.Run("filtering a list by metadata", func(t *testing.T) {
		for _, p := range []string{
			`{"id":"p1","name":"Apple","category":"fruit","price":3}`,
			`{"id":"p2","name":"Kale","category":"veg","price":4}`,
			`{"id":"p3","name":"Mango","category":"fruit","price":9}`,
		} {
			if got := r.do(t, "POST", "/products", p); got.status != 201 {
				t.Fatalf("add: %d %q", got.status, got.body)
			}
		}
		got := r.do(t, "GET", "/products?category=fruit&maxPrice=5", "")
		if got.body != `{"count":1,"products":[{"id":"p1","category":"fruit","price":3}]}` {
			t.Errorf("filter: %s", got.body)
		}
	})
}
