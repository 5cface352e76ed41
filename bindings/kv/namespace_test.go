package kv_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/bindings/kv"
	"edgedev/persist/persisttest"
)

// clock is the injected test clock; time only moves when a test says so.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Unix(1_700_000_000, 0)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func newNS(t testing.TB) (*kv.Namespace, *clock) {
	c := newClock()
	return kv.New(persisttest.Open(t), "test-ns", c.Now), c
}

var ctx = context.Background()

func i64(v int64) *int64 { return &v }

// wantErr checks that err is a *kv.Error with this class, message and kind.
func wantErr(t *testing.T, err error, class kv.Class, msg string, kind error) {
	t.Helper()
	var e *kv.Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v (%T), want *kv.Error %q", err, err, msg)
	}
	if e.Error() != msg {
		t.Errorf("message:\n got %q\nwant %q", e.Error(), msg)
	}
	if e.Class != class {
		t.Errorf("class %v, want %v", e.Class, class)
	}
	if !errors.Is(err, kind) {
		t.Errorf("errors.Is(%v) is false", kind)
	}
}

func mustPut(t *testing.T, n *kv.Namespace, key, value string, opts kv.PutOptions) {
	t.Helper()
	if err := n.Put(ctx, key, []byte(value), opts); err != nil {
		t.Fatal(err)
	}
}

// keyCases are the key checks every single-key operation runs.
func keyCases(op string) []struct {
	name, key, msg string
	class          kv.Class
	kind           error
} {
	return []struct {
		name, key, msg string
		class          kv.Class
		kind           error
	}{
		{"rejects an empty key", "", "Key name cannot be empty.", kv.ClassTypeError, kv.ErrInvalidKey},
		{`rejects "."`, ".", `"." is not allowed as a key name.`, kv.ClassTypeError, kv.ErrInvalidKey},
		{`rejects ".."`, "..", `".." is not allowed as a key name.`, kv.ClassTypeError, kv.ErrInvalidKey},
		{"rejects a 513-byte key", strings.Repeat("k", 513),
			"KV " + op + " failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.", kv.ClassError, kv.ErrKeyTooLong},
		{"counts UTF-8 bytes, not characters", strings.Repeat("é", 257),
			"KV " + op + " failed: 414 UTF-8 encoded length of 514 exceeds key length limit of 512.", kv.ClassError, kv.ErrKeyTooLong},
	}
}

func TestNamespace_Get(t *testing.T) {
	n, _ := newNS(t)
	mustPut(t, n, "k", "v", kv.PutOptions{Metadata: json.RawMessage(`{"a":1}`)})

	t.Run("returns value and metadata", func(t *testing.T) {
		e, err := n.Get(ctx, "k", kv.GetOptions{})
		if err != nil || e == nil || string(e.Value) != "v" || string(e.Metadata) != `{"a":1}` || e.Expiration != 0 {
			t.Fatalf("got %+v, %v", e, err)
		}
	})
	t.Run("returns nil for a missing key", func(t *testing.T) {
		e, err := n.Get(ctx, "missing", kv.GetOptions{})
		if err != nil || e != nil {
			t.Fatalf("got %+v, %v", e, err)
		}
	})
	t.Run("accepts a 512-byte key", func(t *testing.T) {
		if _, err := n.Get(ctx, strings.Repeat("k", 512), kv.GetOptions{}); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range keyCases("GET") {
		t.Run(tc.name, func(t *testing.T) {
			_, err := n.Get(ctx, tc.key, kv.GetOptions{})
			wantErr(t, err, tc.class, tc.msg, tc.kind)
		})
	}
	t.Run("rejects cacheTtl under 30", func(t *testing.T) {
		_, err := n.Get(ctx, "k", kv.GetOptions{CacheTTL: i64(10)})
		wantErr(t, err, kv.ClassError, "KV GET failed: 400 Invalid cache_ttl of 10. Cache TTL must be at least 30.", kv.ErrInvalidCacheTTL)
		_, err = n.Get(ctx, "k", kv.GetOptions{CacheTTL: i64(0)})
		wantErr(t, err, kv.ClassError, "KV GET failed: 400 Invalid cache_ttl of 0. Cache TTL must be at least 30.", kv.ErrInvalidCacheTTL)
	})
	t.Run("accepts cacheTtl of 30", func(t *testing.T) {
		if e, err := n.Get(ctx, "k", kv.GetOptions{CacheTTL: i64(30)}); err != nil || e == nil {
			t.Fatal(e, err)
		}
	})
	t.Run("checks the key before cacheTtl", func(t *testing.T) {
		_, err := n.Get(ctx, "", kv.GetOptions{CacheTTL: i64(1)})
		wantErr(t, err, kv.ClassTypeError, "Key name cannot be empty.", kv.ErrInvalidKey)
	})
	t.Run("stops on a cancelled context", func(t *testing.T) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := n.Get(c, "k", kv.GetOptions{}); !errors.Is(err, context.Canceled) {
			t.Fatal(err)
		}
	})
}

func TestNamespace_Put(t *testing.T) {
	n, clk := newNS(t)
	now := clk.Now().Unix()

	t.Run("an empty value is legal and reads back empty", func(t *testing.T) {
		mustPut(t, n, "empty", "", kv.PutOptions{})
		e, err := n.Get(ctx, "empty", kv.GetOptions{})
		if err != nil || e == nil || len(e.Value) != 0 {
			t.Fatalf("got %+v, %v", e, err)
		}
	})
	t.Run("binary values round-trip exactly", func(t *testing.T) {
		v := []byte{0, 0xff, 0xfe, 'a', 0x80}
		if err := n.Put(ctx, "bin", v, kv.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		e, _ := n.Get(ctx, "bin", kv.GetOptions{})
		if !bytes.Equal(e.Value, v) {
			t.Fatalf("got %x", e.Value)
		}
	})
	t.Run("expirationTtl becomes an absolute expiration", func(t *testing.T) {
		mustPut(t, n, "ttl", "v", kv.PutOptions{ExpirationTTL: i64(60)})
		e, _ := n.Get(ctx, "ttl", kv.GetOptions{})
		if e.Expiration != now+60 {
			t.Fatalf("expiration %d, want %d", e.Expiration, now+60)
		}
	})
	t.Run("expirationTtl wins over expiration", func(t *testing.T) {
		mustPut(t, n, "both", "v", kv.PutOptions{ExpirationTTL: i64(120), Expiration: i64(1)})
		e, _ := n.Get(ctx, "both", kv.GetOptions{})
		if e.Expiration != now+120 {
			t.Fatalf("expiration %d, want %d", e.Expiration, now+120)
		}
	})
	t.Run("an absolute expiration is kept as given", func(t *testing.T) {
		mustPut(t, n, "abs", "v", kv.PutOptions{Expiration: i64(now + 60)})
		e, _ := n.Get(ctx, "abs", kv.GetOptions{})
		if e.Expiration != now+60 {
			t.Fatalf("expiration %d", e.Expiration)
		}
	})
	t.Run("an overwrite without metadata drops the old metadata and expiration", func(t *testing.T) {
		mustPut(t, n, "ow", "1", kv.PutOptions{Metadata: json.RawMessage(`"m"`), ExpirationTTL: i64(100)})
		mustPut(t, n, "ow", "2", kv.PutOptions{})
		e, _ := n.Get(ctx, "ow", kv.GetOptions{})
		if string(e.Value) != "2" || e.Metadata != nil || e.Expiration != 0 {
			t.Fatalf("got %+v", e)
		}
	})
	t.Run("accepts the largest value and metadata", func(t *testing.T) {
		meta := json.RawMessage(`"` + strings.Repeat("m", kv.MaxMetadataBytes-2) + `"`)
		if err := n.Put(ctx, "max", make([]byte, kv.MaxValueBytes), kv.PutOptions{Metadata: meta}); err != nil {
			t.Fatal(err)
		}
	})

	for _, tc := range keyCases("PUT") {
		t.Run(tc.name, func(t *testing.T) {
			err := n.Put(ctx, tc.key, []byte("v"), kv.PutOptions{})
			wantErr(t, err, tc.class, tc.msg, tc.kind)
		})
	}
	errCases := []struct {
		name string
		opts kv.PutOptions
		size int
		msg  string
		kind error
	}{
		{"rejects expirationTtl 0", kv.PutOptions{ExpirationTTL: i64(0)}, 1,
			"KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.", kv.ErrInvalidExpiration},
		{"rejects a negative expirationTtl", kv.PutOptions{ExpirationTTL: i64(-5)}, 1,
			"KV PUT failed: 400 Invalid expiration_ttl of -5. Please specify integer greater than 0.", kv.ErrInvalidExpiration},
		{"rejects expirationTtl 30", kv.PutOptions{ExpirationTTL: i64(30)}, 1,
			"KV PUT failed: 400 Invalid expiration_ttl of 30. Expiration TTL must be at least 60.", kv.ErrInvalidExpiration},
		{"rejects expirationTtl 59", kv.PutOptions{ExpirationTTL: i64(59)}, 1,
			"KV PUT failed: 400 Invalid expiration_ttl of 59. Expiration TTL must be at least 60.", kv.ErrInvalidExpiration},
		{"rejects an expiration in the past", kv.PutOptions{Expiration: i64(now - 1)}, 1,
			fmt.Sprintf("KV PUT failed: 400 Invalid expiration of %d. Please specify integer greater than the current number of seconds since the UNIX epoch.", now-1), kv.ErrInvalidExpiration},
		{"rejects an expiration of now", kv.PutOptions{Expiration: i64(now)}, 1,
			fmt.Sprintf("KV PUT failed: 400 Invalid expiration of %d. Please specify integer greater than the current number of seconds since the UNIX epoch.", now), kv.ErrInvalidExpiration},
		{"rejects expiration 0", kv.PutOptions{Expiration: i64(0)}, 1,
			"KV PUT failed: 400 Invalid expiration of 0. Please specify integer greater than the current number of seconds since the UNIX epoch.", kv.ErrInvalidExpiration},
		{"rejects an expiration under 60 s ahead", kv.PutOptions{Expiration: i64(now + 59)}, 1,
			fmt.Sprintf("KV PUT failed: 400 Invalid expiration of %d. Expiration times must be at least 60 seconds in the future.", now+59), kv.ErrInvalidExpiration},
		{"rejects 1025 bytes of metadata", kv.PutOptions{Metadata: json.RawMessage(`"` + strings.Repeat("m", 1023) + `"`)}, 1,
			"KV PUT failed: 413 Metadata length of 1025 exceeds limit of 1024.", kv.ErrMetadataTooLarge},
		{"rejects metadata that is not JSON", kv.PutOptions{Metadata: json.RawMessage(`{oops`)}, 1,
			"KV PUT failed: 400 Metadata is not valid JSON.", kv.ErrInvalidMetadata},
		{"rejects a value over 25 MiB", kv.PutOptions{}, kv.MaxValueBytes + 1,
			"KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.", kv.ErrValueTooLarge},
		{"checks expiration before metadata and value", kv.PutOptions{ExpirationTTL: i64(1), Metadata: json.RawMessage(strings.Repeat("1", 2000))}, kv.MaxValueBytes + 1,
			"KV PUT failed: 400 Invalid expiration_ttl of 1. Expiration TTL must be at least 60.", kv.ErrInvalidExpiration},
		{"checks metadata before the value", kv.PutOptions{Metadata: json.RawMessage(strings.Repeat("1", 2000))}, kv.MaxValueBytes + 1,
			"KV PUT failed: 413 Metadata length of 2000 exceeds limit of 1024.", kv.ErrMetadataTooLarge},
	}
	for _, tc := range errCases {
		t.Run(tc.name, func(t *testing.T) {
			err := n.Put(ctx, "bad", make([]byte, tc.size), tc.opts)
			wantErr(t, err, kv.ClassError, tc.msg, tc.kind)
			if e, _ := n.Get(ctx, "bad", kv.GetOptions{}); e != nil {
				t.Fatal("a rejected put was stored")
			}
		})
	}
	t.Run("an error carries a hint", func(t *testing.T) {
		var e *kv.Error
		errors.As(n.Put(ctx, "", nil, kv.PutOptions{}), &e)
		if e == nil || e.Hint == "" {
			t.Fatalf("no hint: %+v", e)
		}
	})
}

func TestNamespace_Expiration(t *testing.T) {
	n, clk := newNS(t)
	mustPut(t, n, "session", "data", kv.PutOptions{ExpirationTTL: i64(60)})
	mustPut(t, n, "keep", "data", kv.PutOptions{})

	clk.Advance(59 * time.Second)
	if e, _ := n.Get(ctx, "session", kv.GetOptions{}); e == nil {
		t.Fatal("expired a second early")
	}
	clk.Advance(time.Second)
	if e, _ := n.Get(ctx, "session", kv.GetOptions{}); e != nil {
		t.Fatal("still readable at its expiration")
	}
	res, err := n.List(ctx, kv.ListOptions{})
	if err != nil || len(res.Keys) != 1 || res.Keys[0].Name != "keep" {
		t.Fatalf("list after expiry: %+v %v", res, err)
	}
	got, err := n.GetBulk(ctx, []string{"session", "keep"}, kv.BulkGetOptions{})
	if err != nil || got[0] != nil || got[1] == nil {
		t.Fatalf("bulk after expiry: %+v %v", got, err)
	}
	// A put with a fresh TTL brings the key back.
	mustPut(t, n, "session", "again", kv.PutOptions{ExpirationTTL: i64(60)})
	if e, _ := n.Get(ctx, "session", kv.GetOptions{}); e == nil || string(e.Value) != "again" {
		t.Fatalf("re-put: %+v", e)
	}
}

func TestNamespace_Delete(t *testing.T) {
	n, _ := newNS(t)
	mustPut(t, n, "k", "v", kv.PutOptions{})
	if err := n.Delete(ctx, "k"); err != nil {
		t.Fatal(err)
	}
	if e, _ := n.Get(ctx, "k", kv.GetOptions{}); e != nil {
		t.Fatal("still there")
	}
	t.Run("a missing key is not an error", func(t *testing.T) {
		if err := n.Delete(ctx, "never-was"); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range keyCases("DELETE") {
		t.Run(tc.name, func(t *testing.T) {
			wantErr(t, n.Delete(ctx, tc.key), tc.class, tc.msg, tc.kind)
		})
	}
}

func TestNamespace_List(t *testing.T) {
	n, clk := newNS(t)
	now := clk.Now().Unix()
	mustPut(t, n, "user:1", "", kv.PutOptions{Metadata: json.RawMessage(`{"plan":"pro"}`)})
	mustPut(t, n, "user:2", "", kv.PutOptions{ExpirationTTL: i64(3600)})
	mustPut(t, n, "user:3", "", kv.PutOptions{})
	mustPut(t, n, "!first", "", kv.PutOptions{})
	mustPut(t, n, "Zeta", "", kv.PutOptions{})
	mustPut(t, n, "alpha", "", kv.PutOptions{})

	names := func(r *kv.ListResult) string {
		var s []string
		for _, k := range r.Keys {
			s = append(s, k.Name)
		}
		return strings.Join(s, ",")
	}

	t.Run("lists everything in byte order with list_complete and no cursor", func(t *testing.T) {
		r, err := n.List(ctx, kv.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := names(r); got != "!first,Zeta,alpha,user:1,user:2,user:3" || !r.ListComplete || r.Cursor != "" {
			t.Fatalf("got %s complete=%v cursor=%q", got, r.ListComplete, r.Cursor)
		}
	})
	t.Run("metadata and expiration are present only when set", func(t *testing.T) {
		r, _ := n.List(ctx, kv.ListOptions{Prefix: "user:"})
		k1, k2, k3 := r.Keys[0], r.Keys[1], r.Keys[2]
		if string(k1.Metadata) != `{"plan":"pro"}` || k1.Expiration != 0 {
			t.Errorf("user:1 = %+v", k1)
		}
		if k2.Metadata != nil || k2.Expiration != now+3600 {
			t.Errorf("user:2 = %+v", k2)
		}
		if k3.Metadata != nil || k3.Expiration != 0 {
			t.Errorf("user:3 = %+v", k3)
		}
	})
	t.Run("the prefix is literal and case-sensitive", func(t *testing.T) {
		mustPut(t, n, "a%b", "", kv.PutOptions{})
		mustPut(t, n, "a_b", "", kv.PutOptions{})
		for prefix, want := range map[string]string{"a%": "a%b", "a_": "a_b", "z": "", "ALPHA": "", "al": "alpha"} {
			r, err := n.List(ctx, kv.ListOptions{Prefix: prefix})
			if err != nil || names(r) != want {
				t.Errorf("prefix %q: %q %v", prefix, names(r), err)
			}
		}
	})
	t.Run("a cursor walks the pages", func(t *testing.T) {
		r, err := n.List(ctx, kv.ListOptions{Prefix: "user:", Limit: 2})
		if err != nil || names(r) != "user:1,user:2" || r.ListComplete || r.Cursor == "" {
			t.Fatalf("page 1: %s %+v %v", names(r), r, err)
		}
		r, err = n.List(ctx, kv.ListOptions{Prefix: "user:", Limit: 2, Cursor: r.Cursor})
		if err != nil || names(r) != "user:3" || !r.ListComplete || r.Cursor != "" {
			t.Fatalf("page 2: %s %+v %v", names(r), r, err)
		}
	})
	t.Run("keys added behind a cursor are skipped, ahead of it are seen", func(t *testing.T) {
		r, _ := n.List(ctx, kv.ListOptions{Prefix: "user:", Limit: 2})
		mustPut(t, n, "user:0", "", kv.PutOptions{})
		mustPut(t, n, "user:4", "", kv.PutOptions{})
		r, _ = n.List(ctx, kv.ListOptions{Prefix: "user:", Cursor: r.Cursor})
		if names(r) != "user:3,user:4" {
			t.Fatalf("got %s", names(r))
		}
	})
	t.Run("limit 0 or below means the default", func(t *testing.T) {
		for _, l := range []int{0, -1} {
			r, err := n.List(ctx, kv.ListOptions{Limit: l})
			if err != nil || !r.ListComplete {
				t.Fatalf("limit %d: %+v %v", l, r, err)
			}
		}
	})
	t.Run("accepts limit 1000 and rejects 1001", func(t *testing.T) {
		if _, err := n.List(ctx, kv.ListOptions{Limit: 1000}); err != nil {
			t.Fatal(err)
		}
		_, err := n.List(ctx, kv.ListOptions{Limit: 1001})
		wantErr(t, err, kv.ClassError, "KV GET failed: 400 Invalid key_count_limit of 1001. Please specify an integer less than 1000.", kv.ErrInvalidListLimit)
	})
	t.Run("rejects a prefix over 512 bytes", func(t *testing.T) {
		_, err := n.List(ctx, kv.ListOptions{Prefix: strings.Repeat("p", 600)})
		wantErr(t, err, kv.ClassError, "KV GET failed: 414 UTF-8 encoded length of 600 exceeds key length limit of 512.", kv.ErrKeyTooLong)
	})
	t.Run("rejects a cursor it did not hand out", func(t *testing.T) {
		_, err := n.List(ctx, kv.ListOptions{Cursor: "!!not base64!!"})
		wantErr(t, err, kv.ClassError, `KV GET failed: 400 Invalid cursor "!!not base64!!".`, kv.ErrInvalidCursor)
	})
	t.Run("pages through 2,500 keys at the default limit", func(t *testing.T) {
		m, _ := newNS(t)
		var ws []kv.Write
		for i := range 2500 {
			ws = append(ws, kv.Write{Key: fmt.Sprintf("k%04d", i)})
		}
		if err := m.PutBulk(ctx, ws); err != nil {
			t.Fatal(err)
		}
		seen, pages, cursor := 0, 0, ""
		for {
			r, err := m.List(ctx, kv.ListOptions{Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			seen += len(r.Keys)
			pages++
			if r.ListComplete {
				break
			}
			cursor = r.Cursor
		}
		if seen != 2500 || pages != 3 {
			t.Fatalf("%d keys in %d pages", seen, pages)
		}
	})
}

func TestNamespace_GetBulk(t *testing.T) {
	n, _ := newNS(t)
	mustPut(t, n, "a", `{"n":1}`, kv.PutOptions{Metadata: json.RawMessage(`"meta-a"`)})
	mustPut(t, n, "b", "plain text", kv.PutOptions{})
	mustPut(t, n, "empty", "", kv.PutOptions{})
	mustPut(t, n, "zero", "0", kv.PutOptions{})

	t.Run("returns one entry per key, nil when missing, falsy values kept", func(t *testing.T) {
		got, err := n.GetBulk(ctx, []string{"a", "missing", "b", "empty", "zero"}, kv.BulkGetOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if string(got[0].Value) != `{"n":1}` || string(got[0].Metadata) != `"meta-a"` || got[1] != nil ||
			string(got[2].Value) != "plain text" || got[3] == nil || len(got[3].Value) != 0 || string(got[4].Value) != "0" {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("json type accepts JSON values", func(t *testing.T) {
		if _, err := n.GetBulk(ctx, []string{"a", "zero", "missing"}, kv.BulkGetOptions{Type: "json"}); err != nil {
			t.Fatal(err)
		}
	})
	keys101 := make([]string, 101)
	for i := range keys101 {
		keys101[i] = fmt.Sprint("k", i)
	}
	cases := []struct {
		name string
		keys []string
		opts kv.BulkGetOptions
		msg  string
		kind error
	}{
		{"rejects a json read of a non-JSON value", []string{"a", "b"}, kv.BulkGetOptions{Type: "json"},
			"KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value", kv.ErrNotJSON},
		{"rejects the arrayBuffer type", []string{"a"}, kv.BulkGetOptions{Type: "arrayBuffer"},
			`KV GET_BULK failed: 400 "arrayBuffer" is not a valid type. Use "json" or "text"`, kv.ErrBulkType},
		{"rejects the stream type", []string{"a"}, kv.BulkGetOptions{Type: "stream"},
			`KV GET_BULK failed: 400 "stream" is not a valid type. Use "json" or "text"`, kv.ErrBulkType},
		{"rejects 101 keys", keys101, kv.BulkGetOptions{},
			"KV GET_BULK failed: 400 You can request a maximum of 100 keys", kv.ErrBulkKeyCount},
		{"rejects no keys", []string{}, kv.BulkGetOptions{},
			"KV GET_BULK failed: 400 You must request a minimum of 1 key", kv.ErrBulkKeyCount},
		{"rejects an empty key", []string{"a", ""}, kv.BulkGetOptions{},
			"KV GET_BULK failed: 400 Key names must not be empty", kv.ErrInvalidKey},
		{`rejects "."`, []string{"."}, kv.BulkGetOptions{},
			`KV GET_BULK failed: 400 Illegal key name ".". Please use a different name.`, kv.ErrInvalidKey},
		{`rejects ".."`, []string{".."}, kv.BulkGetOptions{},
			`KV GET_BULK failed: 400 Illegal key name "..". Please use a different name.`, kv.ErrInvalidKey},
		{"rejects a long key", []string{strings.Repeat("x", 513)}, kv.BulkGetOptions{},
			"KV GET_BULK failed: 414 UTF-8 encoded length of 513 exceeds key length limit of 512.", kv.ErrKeyTooLong},
		{"rejects cacheTtl under 30", []string{"a"}, kv.BulkGetOptions{CacheTTL: i64(29)},
			"KV GET_BULK failed: 400 Invalid cache_ttl of 29. Cache TTL must be at least 30.", kv.ErrInvalidCacheTTL},
		{"checks the type before the key count", nil, kv.BulkGetOptions{Type: "arrayBuffer"},
			`KV GET_BULK failed: 400 "arrayBuffer" is not a valid type. Use "json" or "text"`, kv.ErrBulkType},
		{"reports the first bad key or value in order", []string{"b", ""}, kv.BulkGetOptions{Type: "json"},
			"KV GET_BULK failed: 400 At least one of the requested keys corresponds to a non-json value", kv.ErrNotJSON},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := n.GetBulk(ctx, tc.keys, tc.opts)
			wantErr(t, err, kv.ClassError, tc.msg, tc.kind)
		})
	}
	t.Run("accepts 100 keys", func(t *testing.T) {
		if _, err := n.GetBulk(ctx, keys101[:100], kv.BulkGetOptions{}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("rejects more than 25 MiB of values in total", func(t *testing.T) {
		half := make([]byte, kv.MaxBulkGetBytes/2+1)
		for _, k := range []string{"big1", "big2"} {
			if err := n.Put(ctx, k, half, kv.PutOptions{}); err != nil {
				t.Fatal(err)
			}
		}
		_, err := n.GetBulk(ctx, []string{"big1", "big2"}, kv.BulkGetOptions{})
		wantErr(t, err, kv.ClassError, "KV GET_BULK failed: 413 Total size of request exceeds the limit of 25MB", kv.ErrBulkTooLarge)
	})
}

func TestNamespace_PutBulk(t *testing.T) {
	n, _ := newNS(t)
	t.Run("reports every bad item by index and writes nothing", func(t *testing.T) {
		err := n.PutBulk(ctx, []kv.Write{
			{Key: "good", Value: []byte("1")},
			{Key: ""},
			{Key: "ttl", Options: kv.PutOptions{ExpirationTTL: i64(5)}},
			{Key: "also-good"},
		})
		var be *kv.BulkError
		if !errors.As(err, &be) || len(be.Items) != 2 || be.Items[0].Index != 1 || be.Items[1].Index != 2 {
			t.Fatalf("got %v", err)
		}
		if be.Items[1].Err.Error() != "KV PUT failed: 400 Invalid expiration_ttl of 5. Expiration TTL must be at least 60." {
			t.Errorf("item 2: %v", be.Items[1].Err)
		}
		if e, _ := n.Get(ctx, "good", kv.GetOptions{}); e != nil {
			t.Fatal("a good item of a bad batch was written")
		}
	})
	t.Run("writes a good batch", func(t *testing.T) {
		err := n.PutBulk(ctx, []kv.Write{
			{Key: "a", Value: []byte("1"), Options: kv.PutOptions{Metadata: json.RawMessage(`{}`)}},
			{Key: "b", Value: []byte("2")},
		})
		if err != nil {
			t.Fatal(err)
		}
		r, _ := n.List(ctx, kv.ListOptions{})
		if len(r.Keys) != 2 {
			t.Fatalf("%d keys", len(r.Keys))
		}
	})
	t.Run("DeleteBulk checks every key first", func(t *testing.T) {
		err := n.DeleteBulk(ctx, []string{"a", "..", "b"})
		var be *kv.BulkError
		if !errors.As(err, &be) || len(be.Items) != 1 || be.Items[0].Index != 1 {
			t.Fatalf("got %v", err)
		}
		if e, _ := n.Get(ctx, "a", kv.GetOptions{}); e == nil {
			t.Fatal("deleted despite a bad key")
		}
		if err := n.DeleteBulk(ctx, []string{"a", "b", "never"}); err != nil {
			t.Fatal(err)
		}
		if r, _ := n.List(ctx, kv.ListOptions{}); len(r.Keys) != 0 {
			t.Fatalf("left %+v", r.Keys)
		}
	})
}

func TestNamespace_Concurrent(t *testing.T) {
	n, _ := newNS(t)
	const workers, each = 8, 20
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				key := fmt.Sprintf("w%d:%d", w, i)
				if err := n.Put(ctx, key, []byte(key), kv.PutOptions{}); err != nil {
					t.Error(err)
					return
				}
				if e, err := n.Get(ctx, key, kv.GetOptions{}); err != nil || e == nil || string(e.Value) != key {
					t.Errorf("read-your-write %s: %+v %v", key, e, err)
					return
				}
				if _, err := n.List(ctx, kv.ListOptions{Prefix: fmt.Sprintf("w%d:", w)}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	r, err := n.List(ctx, kv.ListOptions{})
	if err != nil || len(r.Keys) != workers*each {
		t.Fatalf("%d keys after concurrent puts, want %d (%v)", len(r.Keys), workers*each, err)
	}
}

func TestNamespace_StoreClosed(t *testing.T) {
	c := newClock()
	s := persisttest.Open(t)
	n := kv.New(s, "ns", c.Now)
	s.Close()
	err := n.Put(ctx, "k", []byte("v"), kv.PutOptions{})
	var e *kv.Error
	if !errors.As(err, &e) || !errors.Is(err, kv.ErrStorage) || !strings.HasPrefix(e.Error(), "KV PUT failed: 500 Internal Server Error") {
		t.Fatalf("got %v", err)
	}
}
