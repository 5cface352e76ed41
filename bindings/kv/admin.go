package kv

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"edgedev/persist"
)

// This file is the namespace management behind `edgedev kv namespace
// create|list|delete`: the rules the CLI and the dev server's control API
// share when they manage whole namespaces rather than keys.

// MaxNamespaceTitleBytes is the longest namespace title. Cloudflare's API
// refuses longer titles (wrangler checks the same 512 in `kv namespace
// rename`).
const MaxNamespaceTitleBytes = 512

// NamespaceInfo is one namespace of a store, as `kv namespace list` prints
// it (wrangler's {id, title}).
type NamespaceInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Namespace management.
var (
	// ErrNamespaceTitle is an empty or too long title for CreateNamespace.
	ErrNamespaceTitle = errors.New("invalid namespace title")
	// ErrNamespaceTitleTaken is a CreateNamespace title that another
	// namespace of the store already has; Cloudflare refuses duplicates too.
	ErrNamespaceTitleTaken = errors.New("namespace title already in use")
	// ErrNoNamespace is a DeleteNamespace of an id the store does not have.
	ErrNoNamespace = errors.New("no such namespace")
)

// CreateNamespace creates an empty namespace with a new random id (32 hex
// digits, the shape of a Cloudflare namespace id) and the given title.
func CreateNamespace(store *persist.Store, title string) (NamespaceInfo, error) {
	if title == "" || len(title) > MaxNamespaceTitleBytes {
		return NamespaceInfo{}, fmt.Errorf("a namespace title is 1 to %d bytes, got %d: %w", MaxNamespaceTitleBytes, len(title), ErrNamespaceTitle)
	}
	all, err := ListNamespaces(store)
	if err != nil {
		return NamespaceInfo{}, err
	}
	for _, ns := range all {
		if ns.Title == title {
			return NamespaceInfo{}, fmt.Errorf("a KV namespace titled %q already exists (id %s): %w", title, ns.ID, ErrNamespaceTitleTaken)
		}
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return NamespaceInfo{}, fmt.Errorf("create namespace: %w", err)
	}
	info := NamespaceInfo{ID: hex.EncodeToString(b[:]), Title: title}
	if err := store.CreateNamespace(info.ID, info.Title); err != nil {
		return NamespaceInfo{}, err
	}
	return info, nil
}

// ListNamespaces returns every namespace of the store, sorted by id. A
// namespace that came into being through a write (a worker's or `kv key
// put`'s, under its binding's local id) has no title of its own; its id
// stands in as the title.
func ListNamespaces(store *persist.Store) ([]NamespaceInfo, error) {
	all, err := store.Namespaces()
	if err != nil {
		return nil, err
	}
	out := make([]NamespaceInfo, len(all))
	for i, ns := range all {
		out[i] = NamespaceInfo{ID: ns.ID, Title: ns.Title}
		if out[i].Title == "" {
			out[i].Title = ns.ID
		}
	}
	return out, nil
}

// DeleteNamespace removes a namespace and every key in it. It returns an
// error wrapping ErrNoNamespace when the store has no namespace with that
// id.
func DeleteNamespace(store *persist.Store, id string) error {
	err := store.DeleteNamespace(id)
	if errors.Is(err, persist.ErrNamespaceNotFound) {
		return fmt.Errorf("the store %s has no KV namespace with id %q: %w", store.Path(), id, ErrNoNamespace)
	}
	return err
}

// kinds are the sentinels an Error or a namespace operation may carry, for
// KindByName.
var kinds = []error{
	ErrInvalidKey, ErrKeyTooLong, ErrInvalidType, ErrInvalidCacheTTL, ErrBulkKeyCount, ErrBulkType,
	ErrNotJSON, ErrBulkTooLarge, ErrInvalidValue, ErrInvalidExpiration, ErrMetadataTooLarge,
	ErrValueTooLarge, ErrInvalidMetadata, ErrInvalidListLimit, ErrInvalidCursor, ErrStorage,
	ErrNamespaceTitle, ErrNamespaceTitleTaken, ErrNoNamespace,
}

// KindByName returns the sentinel error whose text is name, or nil. The dev
// server's control API sends an Error's Kind by its text, and the CLI uses
// this to rebuild the same Error on its side, so errors.Is works the same
// whether the CLI opened the store itself or asked the server.
func KindByName(name string) error {
	for _, k := range kinds {
		if k.Error() == name {
			return k
		}
	}
	return nil
}
