package kv

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"edgedev/bindings"
	"edgedev/config"
	"edgedev/hint"
	"edgedev/persist"
)

// storeKey is the session resource the KV store is opened under.
const storeKey = "kv"

// Bindings is the KV kind's factory (the "kv_namespaces" line of
// bindings/builtin): one binding per configured namespace, each on the
// session's store (opened on first need, <state dir>/kv.db) under its local
// id (preview_id ?? id ?? binding, config.KVNamespace.LocalID) and the
// session's clock. opts go to every namespace (the consistency simulation).
func Bindings(s *bindings.Session, namespaces []config.KVNamespace, opts ...Option) ([]bindings.Named, error) {
	if len(namespaces) == 0 {
		return nil, nil
	}
	st, err := OpenStore(s)
	if err != nil {
		return nil, err
	}
	out := make([]bindings.Named, 0, len(namespaces))
	for _, ns := range namespaces {
		id := ns.LocalID()
		out = append(out, bindings.Named{Name: ns.Binding, Kind: "KV namespace", Detail: id + " (local)", Binding: New(st, id, s.Clock(), opts...)})
	}
	return out, nil
}

// OpenStore returns the session's KV store, opening it the first time. A
// store another process holds is an error that says what to do.
func OpenStore(s *bindings.Session) (*persist.Store, error) {
	r, err := s.Open(storeKey, func() (io.Closer, error) {
		path := filepath.Join(s.StateDir(), persist.FileName)
		st, err := persist.Open(path, persist.Options{})
		if errors.Is(err, persist.ErrLocked) {
			return nil, hint.With(fmt.Errorf("another edgedev process holds the KV store %s (a second `edgedev dev` on this project?)", path),
				"stop it, or give this one its own state with --persist-to DIR")
		}
		if err != nil {
			return nil, err
		}
		return st, nil
	})
	if err != nil {
		return nil, err
	}
	return r.(*persist.Store), nil
}

// OpenedStore returns the session's KV store if a KV binding opened it,
// else nil (the dev server announces it to `edgedev kv` once it exists).
func OpenedStore(s *bindings.Session) *persist.Store {
	st, _ := s.Opened(storeKey).(*persist.Store)
	return st
}
