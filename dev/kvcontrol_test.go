package dev_test

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"edgedev/bindings/kv"
	"edgedev/dev"
	"edgedev/kvcontrol"
	"edgedev/persist"
)

func kvProject(t *testing.T) string {
	return project(t, map[string]string{
		"wrangler.toml": toml + "[[kv_namespaces]]\nbinding = \"NOTES\"\nid = \"notes\"\n",
		"src/index.ts":  kvWorker,
	})
}

func TestServerFile(t *testing.T) {
	dir := kvProject(t)
	r := start(t, dev.Options{Dir: dir})
	store := filepath.Join(dir, ".edgedev/state/kv.db")
	info, err := kvcontrol.ReadServerInfo(store)
	if err != nil || info == nil {
		t.Fatalf("server.json after Start: %v, %v", info, err)
	}
	if info.URL != r.url || info.PID != os.Getpid() || info.Store != store {
		t.Errorf("server.json = %+v, want url %s, pid %d, store %s", info, r.url, os.Getpid(), store)
	}
	if err := r.srv.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kvcontrol.ServerFile(store)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("server.json after Shutdown: %v", err)
	}

	t.Run("a config reload that adds KV opens the store and announces it", func(t *testing.T) {
		dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.ts": kvWorker})
		start(t, dev.Options{Dir: dir, Watch: true})
		store := filepath.Join(dir, ".edgedev/state/kv.db")
		write(t, filepath.Join(dir, "wrangler.toml"), toml+"[[kv_namespaces]]\nbinding = \"NOTES\"\n")
		eventually(t, "server.json after the reload", func() bool {
			info, _ := kvcontrol.ReadServerInfo(store)
			return info != nil && info.PID == os.Getpid()
		})
	})

	t.Run("a server without KV namespaces announces nothing and has no KV control", func(t *testing.T) {
		dir := project(t, map[string]string{"wrangler.toml": toml, "src/index.ts": kvWorker})
		r := start(t, dev.Options{Dir: dir})
		if info, err := kvcontrol.ReadServerInfo(filepath.Join(dir, ".edgedev/state/kv.db")); info != nil || err != nil {
			t.Errorf("server.json = %+v, %v", info, err)
		}
		got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/get", `{"namespace":"n","key":"k"}`)
		if got.status != http.StatusConflict || !strings.Contains(got.body, "this dev server has no KV store open") {
			t.Errorf("KV control without a store: %d %s", got.status, got.body)
		}
	})
}

// TestKVClient runs every operation through a real server and checks that
// results and errors are what the same call on a store of its own gives.
func TestKVClient(t *testing.T) {
	dir := kvProject(t)
	r := start(t, dev.Options{Dir: dir})
	info, err := kvcontrol.ReadServerInfo(filepath.Join(dir, ".edgedev/state/kv.db"))
	if err != nil || info == nil {
		t.Fatal(info, err)
	}
	c, err := kvcontrol.NewClient(info)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ref, err := persist.Open(filepath.Join(t.TempDir(), "kv.db"), persist.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	local := kv.New(ref, "notes", time.Now)

	meta := json.RawMessage(`{"a":1}`)
	if err := c.Put(ctx, "notes", "k", []byte{0, 1, 0xff}, kv.PutOptions{Metadata: meta}); err != nil {
		t.Fatal(err)
	}
	if got := r.do(t, "GET", "/?k=k", ""); got.status != 200 || got.body != "\x00\x01\ufffd" {
		t.Errorf("worker reads %d %q", got.status, got.body)
	}
	e, err := c.Get(ctx, "notes", "k")
	if err != nil || e == nil || string(e.Value) != "\x00\x01\xff" || string(e.Metadata) != `{"a":1}` {
		t.Errorf("Get = %+v, %v", e, err)
	}
	if e, err := c.Get(ctx, "notes", "missing"); e != nil || err != nil {
		t.Errorf("Get(missing) = %+v, %v", e, err)
	}
	if err := c.Put(ctx, "notes", "empty", nil, kv.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	if e, err := c.Get(ctx, "notes", "empty"); err != nil || e == nil || e.Value == nil || len(e.Value) != 0 || e.Metadata != nil {
		t.Errorf("Get(empty) = %+v, %v", e, err)
	}
	l, err := c.List(ctx, "notes", kv.ListOptions{Limit: 1})
	if err != nil || len(l.Keys) != 1 || l.Keys[0].Name != "empty" || l.ListComplete || l.Cursor == "" {
		t.Fatalf("List page 1 = %+v, %v", l, err)
	}
	l, err = c.List(ctx, "notes", kv.ListOptions{Limit: 1, Cursor: l.Cursor})
	if err != nil || len(l.Keys) != 1 || l.Keys[0].Name != "k" || string(l.Keys[0].Metadata) != `{"a":1}` {
		t.Errorf("List page 2 = %+v, %v", l, err)
	}
	es, err := c.GetBulk(ctx, "notes", []string{"k", "nope"}, kv.BulkGetOptions{Type: "text"})
	if err != nil || len(es) != 2 || es[0] == nil || es[1] != nil {
		t.Errorf("GetBulk = %+v, %v", es, err)
	}
	if err := c.PutBulk(ctx, "notes", []kv.Write{{Key: "b1", Value: []byte("1")}, {Key: "b2", Value: []byte("2")}}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteBulk(ctx, "notes", []string{"b1", "b2", "k"}); err != nil {
		t.Fatal(err)
	}
	if got := r.do(t, "GET", "/?k=k", ""); got.status != 404 {
		t.Errorf("worker after DeleteBulk: %d %q", got.status, got.body)
	}
	if err := c.Delete(ctx, "notes", "empty"); err != nil {
		t.Fatal(err)
	}

	ttl := int64(30)
	cases := []struct {
		name     string
		remote   func() error
		local    func() error
		sentinel error
	}{
		{"bad ttl", func() error { return c.Put(ctx, "notes", "k", nil, kv.PutOptions{ExpirationTTL: &ttl}) },
			func() error { return local.Put(ctx, "k", nil, kv.PutOptions{ExpirationTTL: &ttl}) }, kv.ErrInvalidExpiration},
		{"empty key", func() error { _, err := c.Get(ctx, "notes", ""); return err },
			func() error { _, err := local.Get(ctx, "", kv.GetOptions{}); return err }, kv.ErrInvalidKey},
		{"long prefix", func() error {
			_, err := c.List(ctx, "notes", kv.ListOptions{Prefix: strings.Repeat("p", 600)})
			return err
		},
			func() error { _, err := local.List(ctx, kv.ListOptions{Prefix: strings.Repeat("p", 600)}); return err }, kv.ErrKeyTooLong},
		{"bulk get type", func() error {
			_, err := c.GetBulk(ctx, "notes", []string{"a"}, kv.BulkGetOptions{Type: "stream"})
			return err
		},
			func() error {
				_, err := local.GetBulk(ctx, []string{"a"}, kv.BulkGetOptions{Type: "stream"})
				return err
			}, kv.ErrBulkType},
		{"bulk put", func() error {
			return c.PutBulk(ctx, "notes", []kv.Write{{Key: "ok"}, {Key: ".."}, {Key: "t", Options: kv.PutOptions{ExpirationTTL: &ttl}}})
		}, func() error {
			return local.PutBulk(ctx, []kv.Write{{Key: "ok"}, {Key: ".."}, {Key: "t", Options: kv.PutOptions{ExpirationTTL: &ttl}}})
		}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rerr, lerr := tc.remote(), tc.local()
			if rerr == nil || lerr == nil || rerr.Error() != lerr.Error() {
				t.Fatalf("through the server: %v\nlocally: %v", rerr, lerr)
			}
			if !reflect.DeepEqual(errorShape(rerr), errorShape(lerr)) {
				t.Errorf("error values differ:\n%#v\n%#v", errorShape(rerr), errorShape(lerr))
			}
			if tc.sentinel != nil && !errors.Is(rerr, tc.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", rerr, tc.sentinel)
			}
		})
	}

	t.Run("namespaces", func(t *testing.T) {
		info, err := c.CreateNamespace(ctx, "cache")
		if err != nil || len(info.ID) != 32 || info.Title != "cache" {
			t.Fatalf("CreateNamespace = %+v, %v", info, err)
		}
		if _, err := c.CreateNamespace(ctx, "cache"); !errors.Is(err, kv.ErrNamespaceTitleTaken) {
			t.Errorf("second CreateNamespace: %v", err)
		}
		all, err := c.ListNamespaces(ctx)
		want := []kv.NamespaceInfo{info, {ID: "notes", Title: "notes"}} // by id; "notes" came from writes
		if info.ID > "notes" {
			want[0], want[1] = want[1], want[0]
		}
		if err != nil || !reflect.DeepEqual(all, want) {
			t.Errorf("ListNamespaces = %+v, %v; want %+v", all, err, want)
		}
		if err := c.DeleteNamespace(ctx, info.ID); err != nil {
			t.Fatal(err)
		}
		if err := c.DeleteNamespace(ctx, info.ID); !errors.Is(err, kv.ErrNoNamespace) {
			t.Errorf("second DeleteNamespace: %v", err)
		}
	})

	t.Run("another store is refused as not this server's", func(t *testing.T) {
		other := *info
		other.Store = filepath.Join(t.TempDir(), "kv.db")
		oc, err := kvcontrol.NewClient(&other)
		if err != nil {
			t.Fatal(err)
		}
		_, err = oc.Get(ctx, "notes", "k")
		if !errors.Is(err, kvcontrol.ErrServerGone) || !strings.Contains(err.Error(), "refused the control token") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("nobody listening is ErrServerGone", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		gone := *info
		gone.URL = "http://" + ln.Addr().String()
		ln.Close()
		gc, err := kvcontrol.NewClient(&gone)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := gc.ListNamespaces(ctx); !errors.Is(err, kvcontrol.ErrServerGone) {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("something else on the port is ErrServerGone", func(t *testing.T) {
		other := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			http.Error(rw, "<html>not edgedev</html>", http.StatusNotFound)
		}))
		defer other.Close()
		gone := *info
		gone.URL = other.URL
		gc, err := kvcontrol.NewClient(&gone)
		if err != nil {
			t.Fatal(err)
		}
		_, err = gc.ListNamespaces(ctx)
		if !errors.Is(err, kvcontrol.ErrServerGone) || !strings.Contains(err.Error(), "answered 404 Not Found, not as an edgedev dev server") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("malformed requests", func(t *testing.T) {
		for _, tc := range []struct{ op, body, want string }{
			{"get", "{", `{"error":{"message":"bad KV control request: unexpected EOF"}}`},
			{"frobnicate", `{"namespace":"n"}`, `{"error":{"message":"unknown KV control operation \"frobnicate\""}}`},
			{"get", `{}`, `{"error":{"message":"bad KV control request: no namespace"}}`},
		} {
			got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/"+tc.op, tc.body)
			if strings.TrimSpace(got.body) != tc.want || got.status < 400 {
				t.Errorf("%s %s: %d %s, want %s", tc.op, tc.body, got.status, got.body, tc.want)
			}
		}
	})

	t.Run("only loopback URLs", func(t *testing.T) {
		far := *info
		far.URL = "http://192.0.2.1:8787"
		if _, err := kvcontrol.NewClient(&far); err == nil || !strings.Contains(err.Error(), "not a loopback address") {
			t.Errorf("err = %v", err)
		}
	})
}

// errorShape is what a CLI can see of an error: kv.Error fields, or the
// bulk items' fields, or the message.
func errorShape(err error) any {
	var be *kv.BulkError
	if errors.As(err, &be) {
		var items []any
		for _, it := range be.Items {
			items = append(items, []any{it.Index, it.Key, errorShape(it.Err)})
		}
		return items
	}
	var ke *kv.Error
	if errors.As(err, &ke) {
		return []any{ke.Class, ke.Op, ke.Status, ke.Text, ke.Kind, ke.Hint}
	}
	return err.Error()
}

// TestKVControlSimulated: with the consistency simulation on, a write
// through the control API is a central write like a worker's: other
// locations see it only after the propagation delay. (Bypassing the
// simulation, it would show up everywhere at once.)
func TestKVControlSimulated(t *testing.T) {
	dir := coloProject(t)
	r := start(t, dev.Options{Dir: dir, Consistency: dev.Consistency{
		Locations: []string{"LHR", "SIN"}, Propagation: 10 * time.Second, Clock: "virtual@2026-01-01T00:00:00Z",
	}})
	info, err := kvcontrol.ReadServerInfo(filepath.Join(dir, ".edgedev/state/kv.db"))
	if err != nil || info == nil {
		t.Fatal(info, err)
	}
	c, err := kvcontrol.NewClient(info)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put(context.Background(), "colo-kv", "s", []byte("from the CLI"), kv.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := r.colo(t, "/?k=s", dev.LocationHeader, "SIN"); str(got.Value) != "null" {
		t.Errorf("SIN before the propagation delay: %+v", got)
	}
	if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=10s", ""); got.status != 200 {
		t.Fatalf("advance: %d %s", got.status, got.body)
	}
	if got := r.colo(t, "/?k=s", dev.LocationHeader, "SIN"); str(got.Value) != "from the CLI" {
		t.Errorf("SIN after the propagation delay: %+v", got)
	}
	if e, err := c.Get(context.Background(), "colo-kv", "s"); err != nil || e == nil || string(e.Value) != "from the CLI" {
		t.Errorf("the CLI reads central: %+v, %v", e, err)
	}
}
