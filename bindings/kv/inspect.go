package kv

import (
	"context"
	"time"
)

// This file lets a person look inside the simulation for one key: what
// central holds, what each location's cache holds and whether it is stale,
// and which writes are still on their way (the dashboard's consistency
// view). Looking changes nothing: no cache is filled, nothing is traced.

// Count returns how many live keys the namespace holds centrally.
func (n *Namespace) Count(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	c, err := n.store.Count(n.id, n.now())
	if err != nil {
		return 0, storageError("LIST", err)
	}
	return c, nil
}

// KeyValue is one state of a key as the consistency view shows it; Missing
// when there is no key (never written, deleted or expired).
type KeyValue struct {
	Missing    bool       `json:"missing,omitempty"`
	Value      string     `json:"value,omitempty"`    // shortened like the trace's
	Metadata   string     `json:"metadata,omitempty"` // JSON text, shortened like the value
	Expiration int64      `json:"expiration,omitempty"`
	WrittenAt  *time.Time `json:"writtenAt,omitempty"`
	Writer     string     `json:"writer,omitempty"` // the location that wrote it; "" for the CLI or unknown
}

// CachedCopy is one location's cached copy of a key.
type CachedCopy struct {
	KeyValue
	Age     time.Duration `json:"age"`
	TTLLeft time.Duration `json:"ttlLeft"`
	// Stale: the copy differs from what central holds now, so a read
	// served from it is a stale read.
	Stale bool `json:"stale"`
}

// LocationState is what one location would serve for a key now.
type LocationState struct {
	Location string      `json:"location"`
	Cached   *CachedCopy `json:"cached,omitempty"` // nil: no live cached copy
	// Cold is what a read that misses the cache gets now.
	Cold KeyValue `json:"cold"`
	// Stale: the next read here (from the cache if it has a copy, cold
	// otherwise) would differ from central.
	Stale bool `json:"stale"`
}

// PendingWrite is a write some locations cannot see yet.
type PendingWrite struct {
	KeyValue
	// Arrives is when the write reaches cold reads at each location that
	// cannot see it yet.
	Arrives map[string]time.Time `json:"arrives"`
}

// KeyState is the consistency view of one key.
type KeyState struct {
	Namespace string          `json:"namespace"`
	Key       string          `json:"key"`
	Now       time.Time       `json:"now"`
	Central   KeyValue        `json:"central"`
	Locations []LocationState `json:"locations"`
	Pending   []PendingWrite  `json:"pending"`
}

// Inspect returns the consistency view of key in namespace n, which must
// have been made with WithConsistency(c).
func (c *Consistency) Inspect(n *Namespace, key string) (*KeyState, error) {
	now := c.opts.Now()
	v := c.view(n.id)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.sweep(now)
	cen, err := v.central(n, "GET", key, now)
	if err != nil {
		return nil, err
	}
	st := &KeyState{Namespace: n.id, Key: key, Now: now, Central: keyValue(cen), Locations: make([]LocationState, 0, len(c.opts.Locations)), Pending: []PendingWrite{}}
	for _, loc := range c.opts.Locations {
		ls := LocationState{Location: loc}
		cold, _, err := v.visible(n, "GET", loc, key, now)
		if err != nil {
			return nil, err
		}
		ls.Cold = keyValue(cold)
		ls.Stale = !same(cold.e, cen.e)
		if lc := v.locs[loc]; c.opts.Cache && lc != nil {
			if ce := lc.vals[key]; ce != nil && now.Before(ce.fetched.Add(ce.ttl)) && ce.live(now).e == ce.e {
				stale := !same(ce.e, cen.e)
				ls.Cached = &CachedCopy{KeyValue: keyValue(ce.val), Age: now.Sub(ce.fetched), TTLLeft: ce.fetched.Add(ce.ttl).Sub(now), Stale: stale}
				ls.Stale = stale
			}
		}
		st.Locations = append(st.Locations, ls)
	}
	if h := v.keys[key]; h != nil {
		for _, w := range h.versions {
			if !v.pendingAnywhere(w, now) {
				continue
			}
			pw := PendingWrite{KeyValue: keyValue(w.val), Arrives: map[string]time.Time{}}
			for _, loc := range c.opts.Locations {
				if at := v.visibleAt(w, loc); at.After(now) {
					pw.Arrives[loc] = at
				}
			}
			if len(pw.Arrives) > 0 {
				st.Pending = append(st.Pending, pw)
			}
		}
	}
	return st, nil
}

func keyValue(x val) KeyValue {
	var kv KeyValue
	if !x.at.IsZero() {
		at := x.at.UTC()
		kv.WrittenAt = &at
	}
	kv.Writer = x.writer
	if x.e == nil {
		kv.Missing = true
		return kv
	}
	e := shorten(x.e)
	kv.Value, kv.Metadata, kv.Expiration = string(e.Value), string(e.Metadata), e.Expiration
	return kv
}
