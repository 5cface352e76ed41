package kv

// The trace of recent simulated reads and writes, and the one-line log of
// every stale read. Reads record plain fields into a fixed ring; the words
// are only put together when someone asks for the trace, so a read pays no
// formatting unless it is stale.

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Results of a traced operation.
const (
	ResultHit   = "HIT"   // served from the location's cache, and central agrees
	ResultMiss  = "MISS"  // a cold read, and central agrees
	ResultStale = "STALE" // what was served differs from what central holds now
	ResultWrite = "WRITE" // a put or delete made at the location
)

// TraceEntry is one simulated operation, as the control endpoint shows it.
type TraceEntry struct {
	Seq       uint64    `json:"seq"`       // grows by one per operation traced
	Time      time.Time `json:"time"`      // the session clock's time
	Namespace string    `json:"namespace"` // namespace id
	Location  string    `json:"location"`  // "" for a write through the Go API (the CLI)
	Op        string    `json:"op"`        // get, list, put, delete
	Key       string    `json:"key"`       // for list: the prefix
	Result    string    `json:"result"`    // HIT, MISS, STALE or WRITE
	// CacheStatus is what the worker saw in cacheStatus (HIT or MISS);
	// empty for writes.
	CacheStatus string `json:"cacheStatus,omitempty"`
	Served      string `json:"served"`            // what the read returned or the write stored, shortened
	Central     string `json:"central,omitempty"` // what central held instead; only for STALE
	Why         string `json:"why"`
}

// Trace returns up to limit of the most recent operations, oldest first;
// limit <= 0 means all that are kept.
func (c *Consistency) Trace(limit int) []TraceEntry {
	recs := c.trace.last(limit)
	out := make([]TraceEntry, len(recs))
	for i := range recs {
		out[i] = c.entry(&recs[i])
	}
	return out
}

// why says what led to a result.
type why uint8

const (
	whyNoCache   why = iota // caching off: every read is cold
	whyNotCached            // nothing cached at the location
	whyTooOld               // the cached copy was past its cacheTtl
	whyExpired              // the cached copy's key had expired
	whyHit                  // served from the cache
	whyWrite                // a write
)

// traceRec is one operation as recorded. Values are kept short (see
// shorten) so the ring holds no large buffers alive.
type traceRec struct {
	seq     uint64
	at      time.Time
	ns, loc string
	op, key string
	kind    why
	cache   string
	stale   bool
	age     time.Duration // of the cached copy
	ttl     time.Duration // cacheTtl in force
	served  val
	central val // when stale
	pending val // when a cold read was stale: the write not yet arrived
	arrives time.Duration
	// lists
	page, centralPage *ListResult // only while recording; summarised below
	pageText          string
	centralText       string
}

// traceRing keeps the last n records.
type traceRing struct {
	mu   sync.Mutex
	recs []traceRec
	next uint64 // seq of the next record
}

func newTraceRing(n int) *traceRing { return &traceRing{recs: make([]traceRec, n)} }

func (r *traceRing) add(rec *traceRec) {
	r.mu.Lock()
	rec.seq = r.next
	r.recs[r.next%uint64(len(r.recs))] = *rec
	r.next++
	r.mu.Unlock()
}

func (r *traceRing) last(limit int) []traceRec {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := min(r.next, uint64(len(r.recs)))
	if limit > 0 && uint64(limit) < n {
		n = uint64(limit)
	}
	out := make([]traceRec, 0, n)
	for s := r.next - n; s < r.next; s++ {
		out = append(out, r.recs[s%uint64(len(r.recs))])
	}
	return out
}

// record adds rec to the trace and logs it if it is a stale read.
func (c *Consistency) record(rec *traceRec) {
	rec.served.e = shorten(rec.served.e)
	rec.central.e = shorten(rec.central.e)
	rec.pending.e = shorten(rec.pending.e)
	if rec.page != nil {
		rec.pageText = describePage(rec.page)
		rec.page = nil
	}
	if rec.centralPage != nil {
		rec.centralText = describePage(rec.centralPage)
		rec.centralPage = nil
	}
	c.trace.add(rec)
	if rec.stale && c.opts.Log != nil {
		c.opts.Log(c.staleLine(rec))
	}
}

// previewBytes is how much of a value the trace and the log show.
const previewBytes = 48

// shorten returns e, or a copy cut to what a preview shows.
func shorten(e *Entry) *Entry {
	if e == nil || len(e.Value) <= previewBytes && len(e.Metadata) <= previewBytes {
		return e
	}
	return &Entry{Value: preview(e.Value), Expiration: e.Expiration, Metadata: preview(e.Metadata)}
}

// preview marks a cut value by ending it in "…".
func preview(b []byte) []byte {
	if len(b) <= previewBytes {
		return b
	}
	cut := previewBytes
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return append(append([]byte{}, b[:cut]...), "…"...)
}

// describeVal is a value as the log shows it: a quoted string or null.
func describeVal(x val) string {
	if x.e == nil {
		return "null"
	}
	return strconv.Quote(string(x.e.Value))
}

// describeWhen says when and where x was written, relative to now.
func describeWhen(x val, now time.Time) string {
	switch {
	case x.at.IsZero() && x.e == nil:
		return "no such key"
	case x.at.IsZero():
		return "written before the simulation saw it"
	}
	s := "written "
	if x.e == nil {
		s = "deleted "
	}
	s += dur(now.Sub(x.at)) + " ago"
	if x.writer != "" {
		s += " at " + x.writer
	}
	return s
}

func describePage(r *ListResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d keys", len(r.Keys))
	for i, k := range r.Keys {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		if i == 5 {
			b.WriteString("…")
			break
		}
		b.WriteString(strconv.Quote(k.Name))
	}
	return b.String()
}

// dur prints a duration the way people say it: 250ms, 12s, 90s, 1h0m0s.
func dur(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < 10*time.Minute:
		return strconv.FormatInt(int64(d.Round(time.Second)/time.Second), 10) + "s"
	}
	return d.Round(time.Second).String()
}

// reason explains rec in words.
func (c *Consistency) reason(rec *traceRec) string {
	loc := rec.loc
	var s string
	switch rec.kind {
	case whyWrite:
		switch {
		case loc == "":
			return fmt.Sprintf("written through the Go API (CLI): central has it now; cold reads everywhere see it after the %s propagation delay", dur(c.opts.Propagation))
		case c.opts.WriterStale:
			return fmt.Sprintf("written at %s: central has it now; cold reads everywhere, %s included (--kv-read-your-writes=false), see it after the %s propagation delay", loc, loc, dur(c.opts.Propagation))
		}
		return fmt.Sprintf("written at %s: %s sees it at once; cold reads elsewhere see it after the %s propagation delay", loc, loc, dur(c.opts.Propagation))
	case whyHit:
		s = fmt.Sprintf("served from the %s cache: fetched %s ago, cacheTtl %s, %s left", loc, dur(rec.age), dur(rec.ttl), dur(rec.ttl-rec.age))
		if rec.stale {
			s += "; central has changed since"
		}
		return s
	case whyNoCache:
		s = "cold read (read caching is off)"
	case whyNotCached:
		s = fmt.Sprintf("cold read: not in the %s cache", loc)
	case whyTooOld:
		s = fmt.Sprintf("cold read: the %s cache copy was %s old, past its cacheTtl %s", loc, dur(rec.age), dur(rec.ttl))
	case whyExpired:
		s = fmt.Sprintf("cold read: the %s cache copy had expired (expiration wins over caching)", loc)
	}
	if rec.stale && rec.op == "get" {
		verb := "write"
		if rec.pending.e == nil {
			verb = "delete"
		}
		w := ""
		if rec.pending.writer != "" {
			w = " at " + rec.pending.writer
		}
		s += fmt.Sprintf("; the %s of %s ago%s reaches %s in %s (propagation delay %s)",
			verb, dur(rec.at.Sub(rec.pending.at)), w, loc, dur(rec.arrives), dur(c.opts.Propagation))
	} else if rec.stale {
		s += fmt.Sprintf("; writes made in the last %s (propagation delay) have not reached %s", dur(c.opts.Propagation), loc)
	}
	if rec.kind != whyHit && c.opts.Cache {
		s += fmt.Sprintf("; cached for %s", dur(rec.ttl))
	}
	return s
}

func (c *Consistency) entry(rec *traceRec) TraceEntry {
	te := TraceEntry{
		Seq: rec.seq, Time: rec.at, Namespace: rec.ns, Location: rec.loc, Op: rec.op, Key: rec.key,
		CacheStatus: rec.cache, Why: c.reason(rec),
	}
	switch {
	case rec.kind == whyWrite:
		te.Result = ResultWrite
	case rec.stale:
		te.Result = ResultStale
	case rec.cache == CacheHit:
		te.Result = ResultHit
	default:
		te.Result = ResultMiss
	}
	if rec.op == "list" {
		te.Served = rec.pageText
		te.Central = rec.centralText
	} else {
		te.Served = describeVal(rec.served)
		if rec.stale {
			te.Central = describeVal(rec.central)
		}
	}
	return te
}

// staleLine is the log line of a stale read: which key, where, what was
// served and how old it was, what central holds, and why.
func (c *Consistency) staleLine(rec *traceRec) string {
	what := fmt.Sprintf("get %q", rec.key)
	served, central := describeVal(rec.served), describeVal(rec.central)
	servedWhen, centralWhen := describeWhen(rec.served, rec.at), describeWhen(rec.central, rec.at)
	if rec.op == "list" {
		what = fmt.Sprintf("list prefix %q", rec.key)
		served, central = rec.pageText, rec.centralText
		servedWhen, centralWhen = "", ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "kv: stale read at %s: %s in %s served %s", rec.loc, what, rec.ns, served)
	if servedWhen != "" {
		fmt.Fprintf(&b, " (%s)", servedWhen)
	}
	fmt.Fprintf(&b, "; central holds %s", central)
	if centralWhen != "" {
		fmt.Fprintf(&b, " (%s)", centralWhen)
	}
	fmt.Fprintf(&b, "; why: %s", c.reason(rec))
	return b.String()
}
