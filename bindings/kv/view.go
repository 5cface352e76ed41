package kv

import "context"

// View is a namespace as one simulated location sees it: reads go through
// that location's cache and see writes only once they have propagated
// there; writes are made there. It is what a worker's env.NAME does at that
// location, as a Go API for tests and tools. A View is a small value, safe
// for concurrent use.
type View struct {
	n   *Namespace
	loc string
}

// View returns the namespace as seen from location. With the simulation off,
// or location "", the view is central: the Namespace's own methods.
func (n *Namespace) View(location string) View {
	if n.sim == nil {
		location = ""
	}
	return View{n: n, loc: location}
}

// Location returns the view's location, "" for central.
func (v View) Location() string { return v.loc }

// Get reads key at the view's location. The string is the cache status the
// worker would see in getWithMetadata's cacheStatus: "HIT" or "MISS" while
// the simulation is on, "" when it is off.
func (v View) Get(ctx context.Context, key string, opts GetOptions) (*Entry, string, error) {
	return v.n.get(ctx, v.loc, key, opts)
}

// GetBulk is a bulk read at the view's location.
func (v View) GetBulk(ctx context.Context, keys []string, opts BulkGetOptions) ([]*Entry, error) {
	return v.n.getBulk(ctx, v.loc, keys, opts)
}

// List lists at the view's location, with its cache status as for Get.
func (v View) List(ctx context.Context, opts ListOptions) (*ListResult, string, error) {
	return v.n.list(ctx, v.loc, opts)
}

// Put writes at the view's location and returns once the write is durable.
func (v View) Put(ctx context.Context, key string, value []byte, opts PutOptions) error {
	return v.n.put(ctx, v.loc, key, value, opts)
}

// Delete deletes at the view's location and returns once it is durable.
func (v View) Delete(ctx context.Context, key string) error {
	return v.n.delete(ctx, v.loc, key)
}
