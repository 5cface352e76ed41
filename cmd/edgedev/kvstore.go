package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"edgedev/bindings/kv"
	"edgedev/hint"
	"edgedev/kvcontrol"
	"edgedev/persist"
)

// kvBackend is where a kv command's operations go: the store file opened by
// this process, or the running `edgedev dev` that holds it. Both run the
// same bindings/kv API and return the same error values.
type kvBackend interface {
	Get(ctx context.Context, ns, key string) (*kv.Entry, error)
	Put(ctx context.Context, ns, key string, value []byte, opts kv.PutOptions) error
	Delete(ctx context.Context, ns, key string) error
	List(ctx context.Context, ns string, opts kv.ListOptions) (*kv.ListResult, error)
	GetBulk(ctx context.Context, ns string, keys []string, opts kv.BulkGetOptions) ([]*kv.Entry, error)
	PutBulk(ctx context.Context, ns string, writes []kv.Write) error
	DeleteBulk(ctx context.Context, ns string, keys []string) error
	CreateNamespace(ctx context.Context, title string) (kv.NamespaceInfo, error)
	ListNamespaces(ctx context.Context) ([]kv.NamespaceInfo, error)
	DeleteNamespace(ctx context.Context, id string) error
}

// kvLockWait is how long a kv command waits for the store file's lock when
// no dev server answers for it. A CLI command holds the file for
// milliseconds; anything holding it longer is reported, never waited out.
const kvLockWait = time.Second

// openKV reaches the store at path: through the dev server named in
// server.json when one answers for it, else by opening the file. The
// returned close func must be called when the command is done.
func openKV(ctx context.Context, path string) (kvBackend, func() error, error) {
	info, err := kvcontrol.ReadServerInfo(path)
	if err != nil {
		return nil, nil, hint.With(fmt.Errorf("read the dev server's address: %w", err), "delete the file if no `edgedev dev` is running")
	}
	var gone error // why the server in server.json could not be used
	if info != nil {
		c, err := serverBackend(ctx, info)
		if err == nil {
			return c, func() error { return nil }, nil
		}
		if !errors.Is(err, kvcontrol.ErrServerGone) {
			return nil, nil, err
		}
		gone = err
	}
	store, err := persist.Open(path, persist.Options{LockTimeout: kvLockWait})
	if err == nil {
		if info != nil {
			// We hold the lock, so no server holds the store: the file
			// is left over from a dev server that was killed.
			_ = os.Remove(kvcontrol.ServerFile(path))
		}
		return &directBackend{store: store, now: time.Now}, store.Close, nil
	}
	if !errors.Is(err, persist.ErrLocked) {
		return nil, nil, err
	}
	// A dev server may have opened the store after we looked; it writes
	// server.json as soon as it listens.
	if again, _ := kvcontrol.ReadServerInfo(path); again != nil && (info == nil || *again != *info) {
		c, err := serverBackend(ctx, again)
		if err == nil {
			return c, func() error { return nil }, nil
		}
		info, gone = again, err
	}
	return nil, nil, lockedError(path, info, gone)
}

// serverBackend returns a client for the server in info once it has
// answered for the store.
func serverBackend(ctx context.Context, info *kvcontrol.ServerInfo) (kvBackend, error) {
	c, err := kvcontrol.NewClient(info)
	if err != nil {
		return nil, err
	}
	if _, err := c.ListNamespaces(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// lockedError says who holds the store and what to do.
func lockedError(path string, info *kvcontrol.ServerInfo, gone error) error {
	holder := ""
	if pid, cmd := lockHolder(path); pid > 0 {
		holder = fmt.Sprintf(" (pid %d", pid)
		if cmd != "" {
			holder += ": " + cmd
		}
		holder += ")"
	}
	if info != nil {
		return hint.With(fmt.Errorf("another process%s holds the KV store %s. %s names an edgedev dev server (pid %d, %s), but it cannot serve this command: %v",
			holder, path, kvcontrol.ServerFile(path), info.PID, info.URL, gone),
			fmt.Sprintf("if that dev server is stuck, stop it (kill %d) and run the command again; or give this command another store with --persist-to DIR", info.PID))
	}
	return hint.With(fmt.Errorf("another process%s holds the KV store %s (waited %s for its lock). It is not a running `edgedev dev`: those write %s, and there is none",
		holder, path, kvLockWait, kvcontrol.ServerFile(path)),
		"stop that process and run the command again, or give this command another store with --persist-to DIR")
}

// directBackend runs operations on a store file this process holds.
type directBackend struct {
	store *persist.Store
	now   func() time.Time
}

func (d *directBackend) ns(id string) *kv.Namespace { return kv.New(d.store, id, d.now) }

func (d *directBackend) Get(ctx context.Context, ns, key string) (*kv.Entry, error) {
	return d.ns(ns).Get(ctx, key, kv.GetOptions{})
}

func (d *directBackend) Put(ctx context.Context, ns, key string, value []byte, opts kv.PutOptions) error {
	return d.ns(ns).Put(ctx, key, value, opts)
}

func (d *directBackend) Delete(ctx context.Context, ns, key string) error {
	return d.ns(ns).Delete(ctx, key)
}

func (d *directBackend) List(ctx context.Context, ns string, opts kv.ListOptions) (*kv.ListResult, error) {
	return d.ns(ns).List(ctx, opts)
}

func (d *directBackend) GetBulk(ctx context.Context, ns string, keys []string, opts kv.BulkGetOptions) ([]*kv.Entry, error) {
	return d.ns(ns).GetBulk(ctx, keys, opts)
}

func (d *directBackend) PutBulk(ctx context.Context, ns string, writes []kv.Write) error {
	return d.ns(ns).PutBulk(ctx, writes)
}

func (d *directBackend) DeleteBulk(ctx context.Context, ns string, keys []string) error {
	return d.ns(ns).DeleteBulk(ctx, keys)
}

func (d *directBackend) CreateNamespace(_ context.Context, title string) (kv.NamespaceInfo, error) {
	return kv.CreateNamespace(d.store, title)
}

func (d *directBackend) ListNamespaces(context.Context) ([]kv.NamespaceInfo, error) {
	return kv.ListNamespaces(d.store)
}

func (d *directBackend) DeleteNamespace(_ context.Context, id string) error {
	return kv.DeleteNamespace(d.store, id)
}

var (
	_ kvBackend = (*directBackend)(nil)
	_ kvBackend = (*kvcontrol.Client)(nil)
)
