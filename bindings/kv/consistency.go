package kv

// The consistency simulator: KV's eventual consistency, reproduced on
// purpose and deterministically. It follows what the platform documents
// (reference section 2; developers.cloudflare.com/kv/concepts/how-kv-works/
// and the read, write and list pages):
//
//   - Central is persist: a write goes there at once (fact 1). The
//     simulator remembers, per key, the writes of the last D (the
//     propagation delay) so that it can answer "what does location L see
//     now" while a write is still on its way.
//   - Each location has a read cache of values and of misses (facts 1, 2,
//     6). A read is served from it while the entry is younger than the
//     read's cacheTtl (default 60 s, minimum 30 s); a read with a lower
//     cacheTtl shortens the entry for good (fact 7). Otherwise the read is
//     cold: it takes what central has that has reached this location, and
//     caches it.
//   - A write reaches cold reads at other locations D after it was made
//     (fact 4's "or more"; D = 0 by default). The writing location sees it
//     at once and its cache is refreshed (fact 3), unless WriterStale says
//     even that is not guaranteed.
//   - list() pages are cached per location for 60 s and see writes on the
//     same schedule as reads (fact 8). Expiration wins over any cached copy
//     (fact 10). Last write wins (fact 9): writes are ordered as they were
//     made.
//   - Knowingly left out: background refresh of hot keys before their
//     entry expires (fact 2; it changes latency, not what is served), and
//     the regional tier between a location and central.
//
// Everything reads one clock, so a test advances time instead of sleeping
// and gets the same stale read on every run. Memory is bounded: see the
// Max* constants below.

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"edgedev/persist"
)

// DefaultLocation is the one location of a simulation that names none: the
// colo Miniflare puts in request.cf when it has no real one.
const DefaultLocation = "DFW"

// Bounds on the simulator's memory. Dropping a cached copy or finishing a
// propagation early can only make reads fresher than the platform would,
// never staler, so hitting a bound loses fidelity, not correctness.
const (
	// MaxCachedKeys is how many values and misses one location caches per
	// namespace; beyond it the oldest-cached go first.
	MaxCachedKeys = 10_000
	// MaxCachedBytes caps the value bytes one location caches per namespace.
	MaxCachedBytes = 32 << 20
	// MaxCachedLists is how many list pages one location caches per
	// namespace.
	MaxCachedLists = 256
	// MaxTrackedKeys is how many keys per namespace may have a write still
	// propagating; beyond it the oldest writes are treated as arrived.
	MaxTrackedKeys = 100_000
	// DefaultTraceSize is how many recent reads and writes the trace keeps.
	DefaultTraceSize = 1024
)

// ConsistencyOptions configure a simulation. The zero value of each field
// but Now is the platform's default.
type ConsistencyOptions struct {
	// Now is the session's one clock; required. The Namespaces simulated
	// must have been given the same clock.
	Now func() time.Time
	// Locations are the simulated locations; the first one is the default.
	// Empty means one location, DefaultLocation.
	Locations []string
	// Propagation is D: how long a write takes to reach cold reads at
	// locations other than the writer's.
	Propagation time.Duration
	// Cache turns on the per-location read caches with cacheTtl semantics.
	// Off, every read is cold.
	Cache bool
	// WriterStale makes the writer's location wait D for its own writes
	// like everyone else, and leaves its cache alone: the platform says
	// read-your-writes is usual but not guaranteed.
	WriterStale bool
	// Log receives one self-explaining line per stale read; nil drops them.
	// It is called with the simulator's lock held and must not call back.
	Log func(line string)
	// TraceSize is how many recent operations Trace keeps; 0 means
	// DefaultTraceSize.
	TraceSize int
}

// Consistency is one simulation, shared by every namespace of a dev session
// (pass it to New with WithConsistency). It is safe for concurrent use.
type Consistency struct {
	opts ConsistencyOptions

	mu     sync.Mutex // guards spaces
	spaces map[string]*nsView

	trace *traceRing
}

// NewConsistency checks opts and returns a simulation.
func NewConsistency(opts ConsistencyOptions) (*Consistency, error) {
	if opts.Now == nil {
		return nil, fmt.Errorf("kv consistency: a clock is required")
	}
	if len(opts.Locations) == 0 {
		opts.Locations = []string{DefaultLocation}
	}
	seen := map[string]bool{}
	for _, l := range opts.Locations {
		if err := checkLocationName(l); err != nil {
			return nil, err
		}
		if seen[l] {
			return nil, fmt.Errorf("location %q is listed twice; name each simulated location once", l)
		}
		seen[l] = true
	}
	opts.Locations = slices.Clone(opts.Locations)
	if opts.Propagation < 0 {
		return nil, fmt.Errorf("propagation delay %s is negative; use 0 for none", opts.Propagation)
	}
	if opts.TraceSize <= 0 {
		opts.TraceSize = DefaultTraceSize
	}
	return &Consistency{opts: opts, spaces: map[string]*nsView{}, trace: newTraceRing(opts.TraceSize)}, nil
}

// checkLocationName accepts names that read well in a log line and a
// header: letters, digits, '-' and '_', at most 32 of them (IATA codes such
// as LHR are the usual choice).
func checkLocationName(l string) error {
	if l == "" || len(l) > 32 {
		return fmt.Errorf("location name %q must have 1 to 32 characters, like LHR", l)
	}
	for _, r := range l {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return fmt.Errorf("location name %q may only have letters, digits, '-' and '_', like LHR", l)
		}
	}
	return nil
}

// Options returns the simulation's settings, defaults filled in.
func (c *Consistency) Options() ConsistencyOptions {
	o := c.opts
	o.Locations = slices.Clone(o.Locations)
	return o
}

// Locations returns the simulated locations, the default first.
func (c *Consistency) Locations() []string { return slices.Clone(c.opts.Locations) }

// HasLocation reports whether name is one of the simulated locations.
func (c *Consistency) HasLocation(name string) bool { return slices.Contains(c.opts.Locations, name) }

// Option adjusts a Namespace made by New.
type Option func(*Namespace)

// WithConsistency runs the namespace's JS reads and all its writes through
// the simulation c. A nil c leaves the simulation off.
func WithConsistency(c *Consistency) Option { return func(n *Namespace) { n.sim = c } }

// SettleResult says what Settle finished.
type SettleResult struct {
	Propagating int `json:"propagating"` // writes that had not reached every location
	CachedKeys  int `json:"cachedKeys"`  // values and misses dropped from location caches
	CachedLists int `json:"cachedLists"` // list pages dropped
}

// Settle finishes every propagation now and empties every location cache:
// after it, every location reads what central holds, until the next write.
func (c *Consistency) Settle() SettleResult {
	var r SettleResult
	now := c.opts.Now()
	c.mu.Lock()
	views := make([]*nsView, 0, len(c.spaces))
	for _, v := range c.spaces {
		views = append(views, v)
	}
	c.mu.Unlock()
	for _, v := range views {
		v.mu.Lock()
		for _, h := range v.keys {
			for i := range h.versions {
				if !h.versions[i].settled && v.pendingAnywhere(h.versions[i], now) {
					r.Propagating++
				}
				h.versions[i].settled = true
			}
		}
		v.sweep(now)
		for _, lc := range v.locs {
			r.CachedKeys += len(lc.vals)
			r.CachedLists += len(lc.lists)
		}
		v.locs = map[string]*locCache{}
		v.gen++
		v.mu.Unlock()
	}
	return r
}

// view returns the state of namespace id, creating it on first use. Hot
// reloads build new Namespace values with the same id; they share it.
func (c *Consistency) view(id string) *nsView {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.spaces[id]
	if v == nil {
		v = &nsView{c: c, id: id, keys: map[string]*history{}, writers: map[string]val{}, locs: map[string]*locCache{}}
		c.spaces[id] = v
	}
	return v
}

// ---- state ----------------------------------------------------------------

// val is one state of a key: a value, or no key at all.
type val struct {
	e      *Entry    // nil: missing (never written, deleted or expired); never modified once made
	at     time.Time // when it was written centrally; zero if unknown
	writer string    // the location that wrote it; "" for the Go API (the CLI) or unknown
}

// history is what the simulator remembers of a key while a write to it may
// still be propagating. Keys without one read straight from persist.
type history struct {
	base     val       // what central held before the oldest remembered write
	versions []version // oldest first
}

type version struct {
	val
	seq     uint64
	done    bool // persist has it; only then may the history be dropped
	settled bool // Settle made it visible everywhere
}

// nsView is one namespace's simulated state.
type nsView struct {
	c  *Consistency
	id string

	mu   sync.Mutex // guards everything below
	seq  uint64     // numbers writes through the simulator
	gen  uint64     // grows with every write and Settle; a cached copy fetched at the current gen is still central's
	keys map[string]*history
	// writers remembers who made each key's latest write, so that the log
	// can say so once the write is only in persist. Cleared when it grows
	// past MaxTrackedKeys.
	writers map[string]val
	order   []writeRef // writes in the order made, for sweep
	head    int        // order[:head] are swept
	locs    map[string]*locCache
}

type writeRef struct {
	key string
	seq uint64
}

// visibleAt is when version w reaches reads at loc; "" is central, which
// has every write at once.
func (v *nsView) visibleAt(w version, loc string) time.Time {
	switch {
	case w.settled:
		return time.Time{}
	case loc == "", w.writer == loc && !v.c.opts.WriterStale:
		return w.at
	}
	return w.at.Add(v.c.opts.Propagation)
}

// pendingAnywhere reports whether some location cannot see w yet.
func (v *nsView) pendingAnywhere(w version, now time.Time) bool {
	return !w.settled && w.at.Add(v.c.opts.Propagation).After(now)
}

// sweep forgets writes that every location can see, oldest first, so that
// their keys read straight from persist again. A write persist has not
// confirmed yet stops the sweep: until then persist may not have it.
func (v *nsView) sweep(now time.Time) {
	for v.head < len(v.order) {
		r := v.order[v.head]
		h := v.keys[r.key]
		i := -1
		if h != nil {
			i = slices.IndexFunc(h.versions, func(w version) bool { return w.seq == r.seq })
		}
		if i >= 0 {
			w := h.versions[i]
			if !w.done || v.pendingAnywhere(w, now) && len(v.keys) <= MaxTrackedKeys {
				break
			}
			h.base = w.val
			h.versions = slices.Delete(h.versions, 0, i+1)
			if len(h.versions) == 0 {
				delete(v.keys, r.key)
			}
		}
		v.order[v.head] = writeRef{}
		v.head++
	}
	if v.head > 1024 && v.head*2 > len(v.order) {
		v.order = slices.Delete(v.order, 0, v.head)
		v.head = 0
	}
}

// stored reads key from persist as a val.
func (v *nsView) stored(n *Namespace, op, key string, now time.Time) (val, error) {
	e, ok, err := n.store.Get(n.id, key, now)
	if err != nil {
		return val{}, storageError(op, err)
	}
	if !ok {
		return val{}, nil
	}
	got := val{e: &Entry{Value: e.Value, Metadata: e.Metadata, Expiration: e.Expiration}, at: e.WriteTime}
	if w, ok := v.writers[key]; ok && w.at.Equal(e.WriteTime) {
		got.writer = w.writer
	}
	return got, nil
}

// visible returns what a cold read at loc gets now, and the newest write it
// cannot see yet (nil when it sees central's latest).
func (v *nsView) visible(n *Namespace, op, loc, key string, now time.Time) (val, *version, error) {
	h := v.keys[key]
	if h == nil {
		got, err := v.stored(n, op, key, now)
		return got, nil, err
	}
	var pending *version
	for i := len(h.versions) - 1; i >= 0; i-- {
		w := &h.versions[i]
		if !v.visibleAt(*w, loc).After(now) {
			return w.val.live(now), pending, nil
		}
		if pending == nil {
			pending = w
		}
	}
	return h.base.live(now), pending, nil
}

// central returns what central holds for key now.
func (v *nsView) central(n *Namespace, op, key string, now time.Time) (val, error) {
	got, _, err := v.visible(n, op, "", key, now)
	return got, err
}

// live returns x, or a missing val when x's entry has expired at now:
// expiration wins over every copy.
func (x val) live(now time.Time) val {
	if x.e != nil && expiredAt(x.e.Expiration, now) {
		return val{}
	}
	return x
}

// expiredAt is persist's rule: a key is gone once its expiration second has
// come.
func expiredAt(expiration int64, now time.Time) bool {
	return expiration != 0 && expiration <= now.Unix()
}

// same reports whether two states look the same to a reader.
func same(a, b *Entry) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Expiration == b.Expiration && bytes.Equal(a.Value, b.Value) && bytes.Equal(a.Metadata, b.Metadata)
}

// clone returns a copy the caller owns.
func (e *Entry) clone() *Entry {
	if e == nil {
		return nil
	}
	c := &Entry{Value: append(make([]byte, 0, len(e.Value)), e.Value...), Expiration: e.Expiration}
	if e.Metadata != nil {
		c.Metadata = append(make([]byte, 0, len(e.Metadata)), e.Metadata...)
	}
	return c
}

// ---- location caches --------------------------------------------------------

// locCache is one location's read cache for one namespace.
type locCache struct {
	vals  map[string]*cached
	queue []queued // eviction order: oldest-cached first; may hold replaced entries
	head  int
	tick  uint64
	bytes int64
	lists map[listArgs]*cachedList
}

// cached is one cached value or miss.
type cached struct {
	val
	fetched time.Time
	ttl     time.Duration // shortened by reads with a lower cacheTtl
	gen     uint64        // the namespace's gen when fetched
	fresh   bool          // it was central's latest when fetched
	seq     uint64        // the write that put it here (writer refresh), else 0
	tick    uint64
	size    int64
}

type queued struct {
	key  string
	tick uint64
}

type listArgs struct {
	prefix, cursor string
	limit          int
}

type cachedList struct {
	res     *ListResult
	fetched time.Time
	gen     uint64
	fresh   bool
}

func (v *nsView) loc(name string) *locCache {
	lc := v.locs[name]
	if lc == nil {
		lc = &locCache{vals: map[string]*cached{}, lists: map[listArgs]*cachedList{}}
		v.locs[name] = lc
	}
	return lc
}

func (lc *locCache) store(key string, ce *cached) {
	lc.drop(key)
	lc.tick++
	ce.tick = lc.tick
	ce.size = int64(len(key))
	if ce.e != nil {
		ce.size += int64(len(ce.e.Value) + len(ce.e.Metadata))
	}
	lc.vals[key] = ce
	lc.bytes += ce.size
	lc.queue = append(lc.queue, queued{key, ce.tick})
	for (len(lc.vals) > MaxCachedKeys || lc.bytes > MaxCachedBytes) && lc.head < len(lc.queue) {
		q := lc.queue[lc.head]
		lc.queue[lc.head] = queued{}
		lc.head++
		if old := lc.vals[q.key]; old != nil && old.tick == q.tick {
			lc.drop(q.key)
		}
	}
	if lc.head > 1024 && lc.head*2 > len(lc.queue) {
		lc.queue = slices.Delete(lc.queue, 0, lc.head)
		lc.head = 0
	}
}

func (lc *locCache) drop(key string) {
	if old := lc.vals[key]; old != nil {
		lc.bytes -= old.size
		delete(lc.vals, key)
	}
}

// ---- reads ----------------------------------------------------------------

// Cache statuses, as getWithMetadata's cacheStatus and list's report them
// while the simulation is on.
const (
	CacheHit  = "HIT"  // served from the location's cache
	CacheMiss = "MISS" // a cold read
)

// get is a read of key at loc with the given cacheTtl. It returns a copy the
// caller owns and the cache status.
func (c *Consistency) get(n *Namespace, op, loc, key string, ttl time.Duration) (*Entry, string, error) {
	now := c.opts.Now()
	v := c.view(n.id)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.sweep(now)
	lc := v.loc(loc)
	rec := traceRec{at: now, ns: n.id, loc: loc, op: "get", key: key, ttl: ttl, kind: whyNoCache}
	if c.opts.Cache {
		rec.kind = whyNotCached
		if ce := lc.vals[key]; ce != nil {
			eff := min(ce.ttl, ttl)
			rec.age, rec.ttl = now.Sub(ce.fetched), eff
			switch {
			case !now.Before(ce.fetched.Add(eff)):
				rec.kind = whyTooOld
			case ce.live(now).e != ce.e:
				rec.kind = whyExpired
				lc.drop(key)
			default:
				ce.ttl = eff
				rec.kind, rec.cache, rec.served = whyHit, CacheHit, ce.val
				if !ce.fresh || ce.gen != v.gen {
					cen, err := v.central(n, op, key, now)
					if err != nil {
						return nil, "", err
					}
					if !same(ce.e, cen.e) {
						rec.stale, rec.central = true, cen
					}
				}
				c.record(&rec)
				return ce.e.clone(), CacheHit, nil
			}
		}
	}
	got, pending, err := v.visible(n, op, loc, key, now)
	if err != nil {
		return nil, "", err
	}
	rec.cache, rec.served = CacheMiss, got
	if pending != nil {
		cen, err := v.central(n, op, key, now)
		if err != nil {
			return nil, "", err
		}
		if !same(got.e, cen.e) {
			rec.stale, rec.central = true, cen
			rec.pending, rec.arrives = pending.val, v.visibleAt(*pending, loc).Sub(now)
		}
	}
	if c.opts.Cache {
		lc.store(key, &cached{val: got, fetched: now, ttl: ttl, gen: v.gen, fresh: !rec.stale})
	}
	c.record(&rec)
	return got.e.clone(), CacheMiss, nil
}

// list is one page of keys as loc sees it now.
func (c *Consistency) list(n *Namespace, loc string, a listArgs, startAfter string, now time.Time) (*ListResult, string, error) {
	v := c.view(n.id)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.sweep(now)
	lc := v.loc(loc)
	rec := traceRec{at: now, ns: n.id, loc: loc, op: "list", key: a.prefix, ttl: DefaultCacheTTL, kind: whyNoCache}
	if c.opts.Cache {
		rec.kind = whyNotCached
		if cl := lc.lists[a]; cl != nil {
			rec.age = now.Sub(cl.fetched)
			if now.Before(cl.fetched.Add(DefaultCacheTTL)) {
				res := liveKeys(cl.res, now)
				rec.kind, rec.cache, rec.page = whyHit, CacheHit, res
				if !cl.fresh || cl.gen != v.gen {
					cen, err := v.page(n, "", a, startAfter, now)
					if err != nil {
						return nil, "", err
					}
					if !samePage(res, cen) {
						rec.stale, rec.centralPage = true, cen
					}
				}
				c.record(&rec)
				return clonePage(res), CacheHit, nil
			}
			rec.kind = whyTooOld
		}
	}
	res, err := v.page(n, loc, a, startAfter, now)
	if err != nil {
		return nil, "", err
	}
	rec.cache, rec.page = CacheMiss, res
	if v.diverges(loc, a.prefix, startAfter, now) {
		cen, err := v.page(n, "", a, startAfter, now)
		if err != nil {
			return nil, "", err
		}
		if !samePage(res, cen) {
			rec.stale, rec.centralPage = true, cen
		}
	}
	if c.opts.Cache {
		if len(lc.lists) >= MaxCachedLists {
			for k := range lc.lists {
				delete(lc.lists, k)
				break
			}
		}
		lc.lists[a] = &cachedList{res: res, fetched: now, gen: v.gen, fresh: !rec.stale}
	}
	c.record(&rec)
	return clonePage(res), CacheMiss, nil
}

// tracked returns the keys with a remembered write that fall in a list's
// range, sorted.
func (v *nsView) tracked(prefix, startAfter string) []string {
	var ks []string
	for k := range v.keys {
		if strings.HasPrefix(k, prefix) && k > startAfter {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return ks
}

// diverges reports whether some key in a list's range has a write loc
// cannot see yet.
func (v *nsView) diverges(loc, prefix, startAfter string, now time.Time) bool {
	for k, h := range v.keys {
		if !strings.HasPrefix(k, prefix) || k <= startAfter {
			continue
		}
		if w := h.versions; len(w) > 0 && v.visibleAt(w[len(w)-1], loc).After(now) {
			return true
		}
	}
	return false
}

// page lists what loc sees: persist's keys, with every key that has a
// remembered write replaced by the state loc sees of it. It asks persist
// for enough keys that dropping the remembered ones still fills the page.
func (v *nsView) page(n *Namespace, loc string, a listArgs, startAfter string, now time.Time) (*ListResult, error) {
	tr := v.tracked(a.prefix, startAfter)
	keys, more, err := n.store.List(n.id, persist.ListOptions{Prefix: a.prefix, StartAfter: startAfter, Limit: a.limit + len(tr)}, now)
	if err != nil {
		return nil, storageError("GET", err)
	}
	out := make([]ListKey, 0, len(keys)+len(tr))
	for _, k := range keys {
		if v.keys[k.Key] == nil {
			out = append(out, ListKey{Name: k.Key, Expiration: k.Expiration, Metadata: k.Metadata})
		}
	}
	for _, k := range tr {
		// Beyond the last key persist returned, persist's own order decides
		// what comes next; the next page will see it.
		if more && k > keys[len(keys)-1].Key {
			break
		}
		got, _, err := v.visible(n, "GET", loc, k, now)
		if err != nil {
			return nil, err
		}
		if got.e != nil {
			out = append(out, ListKey{Name: k, Expiration: got.e.Expiration, Metadata: got.e.Metadata})
		}
	}
	slices.SortFunc(out, func(x, y ListKey) int { return cmp.Compare(x.Name, y.Name) })
	if len(out) > a.limit {
		out, more = out[:a.limit], true
	}
	res := &ListResult{Keys: out, ListComplete: !more}
	if more && len(out) > 0 { // always: persist gave at least a.limit keys nobody remembers
		res.Cursor = encodeCursor(out[len(out)-1].Name)
	}
	return res, nil
}

// liveKeys drops the keys of a cached page that have expired since.
func liveKeys(r *ListResult, now time.Time) *ListResult {
	if !slices.ContainsFunc(r.Keys, func(k ListKey) bool { return expiredAt(k.Expiration, now) }) {
		return r
	}
	out := *r
	out.Keys = slices.DeleteFunc(slices.Clone(r.Keys), func(k ListKey) bool { return expiredAt(k.Expiration, now) })
	return &out
}

func samePage(a, b *ListResult) bool {
	return a.ListComplete == b.ListComplete && slices.EqualFunc(a.Keys, b.Keys, func(x, y ListKey) bool {
		return x.Name == y.Name && x.Expiration == y.Expiration && bytes.Equal(x.Metadata, y.Metadata)
	})
}

func clonePage(r *ListResult) *ListResult {
	out := *r
	out.Keys = slices.Clone(r.Keys)
	for i := range out.Keys {
		if m := out.Keys[i].Metadata; m != nil {
			out.Keys[i].Metadata = slices.Clone(m)
		}
	}
	return &out
}

// ---- writes ---------------------------------------------------------------

// noteWrite records a write of key (e nil: a delete) made at loc ("" for the
// Go API) at now before it is handed to persist, and returns its number for
// writeDone. Writes are ordered as noted; callers note them in the order
// persist will apply them, with the time they give persist.
func (c *Consistency) noteWrite(n *Namespace, loc, key string, e *Entry, now time.Time) uint64 {
	v := c.view(n.id)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.sweep(now)
	h := v.keys[key]
	if h == nil {
		// Every earlier write through the simulator is in persist (sweep
		// waits for that), so persist holds what central had until now.
		base, err := v.stored(n, "PUT", key, now)
		if err != nil {
			base = val{}
		}
		h = &history{base: base}
		v.keys[key] = h
	}
	v.seq++
	w := version{val: val{e: e.clone(), at: now, writer: loc}, seq: v.seq}
	h.versions = append(h.versions, w)
	v.order = append(v.order, writeRef{key, w.seq})
	if len(v.writers) >= MaxTrackedKeys {
		clear(v.writers)
	}
	v.writers[key] = val{at: now, writer: loc}
	v.gen++
	if c.opts.Cache && loc != "" && !c.opts.WriterStale {
		lc := v.loc(loc)
		ttl := DefaultCacheTTL
		if old := lc.vals[key]; old != nil {
			ttl = old.ttl
		}
		lc.store(key, &cached{val: w.val, fetched: now, ttl: ttl, gen: v.gen, fresh: true, seq: w.seq})
	}
	op := "put"
	if e == nil {
		op = "delete"
	}
	c.record(&traceRec{at: now, ns: n.id, loc: loc, op: op, key: key, kind: whyWrite, served: w.val})
	return w.seq
}

// writeDone records persist's answer to write seq. A failed write is
// forgotten, as if it had never been made.
func (c *Consistency) writeDone(n *Namespace, key string, seq uint64, err error) {
	v := c.view(n.id)
	v.mu.Lock()
	defer v.mu.Unlock()
	h := v.keys[key]
	if h == nil {
		return
	}
	i := slices.IndexFunc(h.versions, func(w version) bool { return w.seq == seq })
	if i < 0 {
		return
	}
	if err == nil {
		h.versions[i].done = true
		return
	}
	h.versions = slices.Delete(h.versions, i, i+1)
	for _, lc := range v.locs {
		if ce := lc.vals[key]; ce != nil && ce.seq == seq {
			lc.drop(key)
		}
	}
	if len(h.versions) == 0 {
		delete(v.keys, key)
	}
	v.gen++
}
