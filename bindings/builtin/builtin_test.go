package builtin_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"edgedev/bindings"
	"edgedev/bindings/builtin"
	"edgedev/bindings/kv"
	"edgedev/config"
	"edgedev/hint"
	"edgedev/persist"
)

func session(t *testing.T, dir string) *bindings.Session {
	s := bindings.NewSession(bindings.SessionOptions{StateDir: dir})
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestBuild(t *testing.T) {
	cfg := &config.Config{
		Vars:         []config.Var{{Name: "A", Value: "1"}, {Name: "B", Value: float64(2)}},
		KVNamespaces: []config.KVNamespace{{Binding: "KV", ID: "prod", PreviewID: "preview"}, {Binding: "CACHE"}},
	}
	t.Run("vars, secrets, flags, then KV, a later name replacing an earlier in place", func(t *testing.T) {
		s := session(t, t.TempDir())
		bs, err := builtin.Build(s, builtin.Sources{Config: cfg,
			Secrets: []config.Var{{Name: "A", Value: "secret"}, {Name: "TOKEN", Value: "t"}},
			Flags:   []config.Var{{Name: "B", Value: "flag"}}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range bs {
			got = append(got, b.Name+"="+b.Kind+":"+b.Detail)
		}
		want := "A=secret:(hidden) B=var:\"flag\" TOKEN=secret:(hidden) KV=KV namespace:preview (local) CACHE=KV namespace:CACHE (local)"
		if strings.Join(got, " ") != want {
			t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
		}
		if err := builtin.Close(bs); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("the KV store is opened once per session, in its state dir", func(t *testing.T) {
		dir := t.TempDir()
		s := session(t, dir)
		if kv.OpenedStore(s) != nil {
			t.Fatal("store open before any KV binding")
		}
		for range 2 { // a reload builds the bindings again
			bs, err := builtin.Build(s, builtin.Sources{Config: cfg})
			if err != nil {
				t.Fatal(err)
			}
			_ = builtin.Close(bs)
		}
		st := kv.OpenedStore(s)
		if st == nil || st.Path() != filepath.Join(dir, persist.FileName) {
			t.Fatalf("store = %v", st)
		}
		again, err := kv.OpenStore(s)
		if err != nil || again != st {
			t.Fatalf("a second open gave another store: %v %v", again, err)
		}
	})
	t.Run("no KV namespaces opens no store", func(t *testing.T) {
		s := session(t, t.TempDir())
		if _, err := builtin.Build(s, builtin.Sources{Config: &config.Config{Vars: cfg.Vars}}); err != nil {
			t.Fatal(err)
		}
		if kv.OpenedStore(s) != nil {
			t.Fatal("a store was opened for a config without KV")
		}
	})
	t.Run("a store another process holds says what to do", func(t *testing.T) {
		dir := t.TempDir()
		holder, err := persist.Open(filepath.Join(dir, persist.FileName), persist.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer holder.Close()
		s := session(t, dir)
		_, err = builtin.Build(s, builtin.Sources{Config: cfg})
		if err == nil || !strings.Contains(err.Error(), "another edgedev process holds the KV store") || !strings.Contains(hint.Of(err), "--persist-to") {
			t.Fatalf("err = %v, hint %q", err, hint.Of(err))
		}
	})
	t.Run("a closed session opens nothing", func(t *testing.T) {
		s := bindings.NewSession(bindings.SessionOptions{StateDir: t.TempDir()})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := builtin.Build(s, builtin.Sources{Config: cfg}); !errors.Is(err, bindings.ErrSessionClosed) {
			t.Fatalf("err = %v", err)
		}
	})
}
