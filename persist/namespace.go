package persist

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// NamespaceInfo describes one namespace of the store.
type NamespaceInfo struct {
	ID    string
	Title string // as given to CreateNamespace; "" for a namespace that a write created
}

// CreateNamespace creates an empty namespace with the given id and title. It
// returns an error wrapping ErrNamespaceExists if the id is taken. Writes
// create their namespace on the fly; this is for `kv namespace create`.
func (s *Store) CreateNamespace(id, title string) error {
	if id == "" {
		return ErrEmptyNamespace
	}
	err := s.update(func(tx *bolt.Tx) error {
		if nsBucket(tx, id) != nil {
			return ErrNamespaceExists
		}
		if _, err := createNS(tx, id); err != nil {
			return err
		}
		return tx.Bucket(bucketNSInfo).Put([]byte(id), []byte(title))
	})
	if err != nil {
		return fmt.Errorf("create namespace %q: %w", id, err)
	}
	return nil
}

// Namespaces lists every namespace, sorted by id.
func (s *Store) Namespaces() ([]NamespaceInfo, error) {
	var out []NamespaceInfo
	err := s.view(func(tx *bolt.Tx) error {
		info := tx.Bucket(bucketNSInfo)
		return forEachNS(tx, func(id string, _ *bolt.Bucket) error {
			out = append(out, NamespaceInfo{ID: id, Title: string(info.Get([]byte(id)))})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list namespaces: %w", err)
	}
	return out, nil
}

// DeleteNamespace removes a namespace and every entry in it. It returns an
// error wrapping ErrNamespaceNotFound if there is no such namespace.
func (s *Store) DeleteNamespace(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		if nsBucket(tx, id) == nil {
			return ErrNamespaceNotFound
		}
		if err := tx.DeleteBucket(nsBucketName(nil, id)); err != nil {
			return err
		}
		return tx.Bucket(bucketNSInfo).Delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("delete namespace %q: %w", id, err)
	}
	return nil
}
