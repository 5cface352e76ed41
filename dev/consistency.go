package dev

// KV's eventual consistency, simulated on purpose (bindings/kv
// consistency.go has the model), and the session clock: the settings behind
// the --kv-* and --clock flags, which location serves each request, and the
// control endpoints that read and advance the clock, settle KV and show the
// trace of recent reads.

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"edgedev/bindings/kv"
	"edgedev/clock"
	"edgedev/runtime"
)

// LocationHeader names the simulated location that serves a request. The
// worker sees it as request.cf.colo; the header itself is removed.
const LocationHeader = "X-Edgedev-Location"

// Location modes: which location serves a request that does not say.
const (
	ModeSticky     = "sticky"      // always the first location
	ModeRoundRobin = "round-robin" // each location in turn, in arrival order
	ModeRandom     = "random"      // a random location from a generator seeded with Seed
)

// Consistency configures KV's consistency simulation and the session clock
// (flags --kv-locations, --kv-propagation, --kv-cache, --kv-seed,
// --kv-location-mode, --kv-read-your-writes, --kv-consistency and --clock).
// The zero value is today's behaviour: one location, no propagation delay,
// no read caching, strongly consistent KV on the real clock.
type Consistency struct {
	// Locations are the simulated locations; the first is the default.
	// Empty while another field turns the simulation on means one
	// location, kv.DefaultLocation.
	Locations []string
	// Propagation is how long a write takes to reach cold reads at other
	// locations (default 0).
	Propagation time.Duration
	// Cache turns on per-location read caches with cacheTtl semantics.
	Cache bool
	// WriterStale makes even the writer's location wait for its own writes
	// (--kv-read-your-writes=false): the platform does not guarantee them.
	WriterStale bool
	// Mode picks the location of a request without the header: ModeSticky
	// (default), ModeRoundRobin or ModeRandom.
	Mode string
	// Seed seeds ModeRandom (default 0; the flag's default is 1).
	Seed uint64
	// Clock is "real" (default), "virtual" or "virtual@<RFC 3339 time>";
	// see clock.Parse.
	Clock string
}

// On reports whether c turns the simulation on.
func (c Consistency) On() bool {
	return len(c.Locations) > 0 || c.Propagation > 0 || c.Cache || c.WriterStale || c.Mode != ""
}

// Presets of --kv-consistency.
const (
	PresetStrong         = "strong"          // the default: simulation off
	PresetProductionLike = "production-like" // three locations, 5 s propagation, caching, random routing
)

// ConsistencyPreset returns the settings a --kv-consistency value stands
// for. Flags given beside it override its fields.
func ConsistencyPreset(name string) (Consistency, error) {
	switch name {
	case PresetStrong, "":
		return Consistency{}, nil
	case PresetProductionLike:
		// Three locations on three continents; DFW first, so a request that
		// names none keeps Miniflare's placeholder colo. A 5 s replication
		// lag on top of the 60 s default cacheTtl: the platform's "up to 60
		// seconds or more". Requests without the header land on a random
		// location, as a roaming client's would, from seed 1.
		return Consistency{Locations: []string{"DFW", "LHR", "SIN"}, Propagation: 5 * time.Second,
			Cache: true, Mode: ModeRandom, Seed: 1}, nil
	}
	return Consistency{}, fmt.Errorf("--kv-consistency %q: use %s (the default) or %s", name, PresetStrong, PresetProductionLike)
}

// ParseLocations reads a --kv-locations value: NAME,NAME,...
func ParseLocations(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--kv-locations %q names no location; give NAME,NAME,... like LHR,SIN", s)
	}
	return out, nil
}

// simulation is a session's clock, KV consistency model and location
// picker. It outlives reloads.
type simulation struct {
	clock *clock.Clock     // nil when the caller's Options.Now is the clock
	now   func() time.Time // what everything reads
	kv    *kv.Consistency  // nil: simulation off
	mode  string

	mu   sync.Mutex // guards next and rng
	next int
	rng  *rand.Rand

	ignored sync.Once // the header was sent while the simulation is off
}

// startConsistency builds the session's clock and simulation from
// Options.Consistency and makes Options.Now the session clock. New calls it
// before anything reads the clock.
func (s *Server) startConsistency() error {
	c := s.opts.Consistency
	sim := &simulation{now: s.opts.Now}
	if c.Clock != "" || s.opts.Now == nil {
		clk, err := clock.Parse(c.Clock, time.Now())
		if err != nil {
			return err
		}
		sim.clock, sim.now = clk, clk.Now
	}
	if c.On() {
		mode := c.Mode
		switch mode {
		case "":
			mode = ModeSticky
		case ModeSticky, ModeRoundRobin, ModeRandom:
		default:
			return fmt.Errorf("--kv-location-mode %q: use %s, %s or %s", c.Mode, ModeSticky, ModeRoundRobin, ModeRandom)
		}
		k, err := kv.NewConsistency(kv.ConsistencyOptions{
			Now: sim.now, Locations: c.Locations, Propagation: c.Propagation, Cache: c.Cache,
			WriterStale: c.WriterStale, Log: func(line string) { s.log.print(line + "\n") },
		})
		if err != nil {
			return fmt.Errorf("--kv-locations: %w", err)
		}
		sim.kv, sim.mode = k, mode
		sim.rng = rand.New(rand.NewPCG(c.Seed, c.Seed))
	}
	s.sim, s.opts.Now = sim, sim.now
	return nil
}

// kvOptions are the options every kv.New of this session takes, so that
// writes through the control API are central writes the simulation sees.
func (s *Server) kvOptions() []kv.Option {
	return []kv.Option{kv.WithConsistency(s.sim.kv)}
}

// incoming picks the simulated location that serves r: the header's, or
// the mode's choice. With the simulation off, it is the zero Incoming (the
// header is ignored, with one warning). An unknown location is an error
// for the client.
func (s *Server) incoming(r *http.Request) (runtime.Incoming, error) {
	sim := s.sim
	name := r.Header.Get(LocationHeader)
	if sim.kv == nil {
		if name != "" {
			sim.ignored.Do(func() {
				s.log.warn(LocationHeader + " is ignored: the KV consistency simulation is off; start with --kv-locations NAME,NAME or --kv-consistency production-like")
			})
		}
		return runtime.Incoming{}, nil
	}
	if name != "" {
		if !sim.kv.HasLocation(name) {
			return runtime.Incoming{}, fmt.Errorf("%s: %q is not a simulated location; use one of %s (set them with --kv-locations)",
				LocationHeader, name, strings.Join(sim.kv.Locations(), ", "))
		}
		r.Header.Del(LocationHeader)
	} else {
		name = sim.pick()
	}
	return runtime.Incoming{Location: name}, nil
}

// pick is the mode's location for a request that names none.
func (sim *simulation) pick() string {
	locs := sim.kv.Locations()
	sim.mu.Lock()
	defer sim.mu.Unlock()
	switch sim.mode {
	case ModeRoundRobin:
		l := locs[sim.next%len(locs)]
		sim.next++
		return l
	case ModeRandom:
		return locs[sim.rng.IntN(len(locs))]
	}
	return locs[0]
}

// consistencyBanner adds the simulation's and the clock's lines to the
// start-up banner; nothing when both are at their defaults.
func (s *Server) consistencyBanner(sb *strings.Builder) {
	sim := s.sim
	if sim.kv != nil {
		o := sim.kv.Options()
		fmt.Fprintf(sb, "KV consistency simulation: locations %s (pick one with the %s header; otherwise %s",
			strings.Join(o.Locations, ", "), LocationHeader, sim.mode)
		if sim.mode == ModeRandom {
			fmt.Fprintf(sb, ", seed %d", s.opts.Consistency.Seed)
		}
		fmt.Fprintf(sb, "), propagation delay %s, read caching %s", o.Propagation, onOff(o.Cache))
		if o.WriterStale {
			sb.WriteString(", writers do not read their own writes")
		}
		sb.WriteString("\n  trace: GET /cdn-cgi/edgedev/kv/trace, settle: POST /cdn-cgi/edgedev/kv/settle\n")
	}
	if sim.clock.IsVirtual() {
		fmt.Fprintf(sb, "Clock: %s (advance it: POST /cdn-cgi/edgedev/clock/advance?by=90s)\n", sim.clock)
	}
}

func onOff(b bool) string {
	if b {
		return "on (cacheTtl)"
	}
	return "off"
}

// ---- control endpoints ----------------------------------------------------

// clockState is what the clock endpoints answer.
type clockState struct {
	Now     time.Time `json:"now"`
	UnixMs  int64     `json:"unixMs"`
	Virtual bool      `json:"virtual"`
}

func (s *Server) clockState() clockState {
	now := s.sim.now()
	return clockState{Now: now.UTC(), UnixMs: now.UnixMilli(), Virtual: s.sim.clock.IsVirtual()}
}

// serveClock answers GET /cdn-cgi/edgedev/clock.
func (s *Server) serveClock(rw http.ResponseWriter, r *http.Request) {
	writeJSON(rw, http.StatusOK, s.clockState())
}

// serveClockAdvance answers POST /cdn-cgi/edgedev/clock/advance?by=90s.
func (s *Server) serveClockAdvance(rw http.ResponseWriter, r *http.Request) {
	by := r.URL.Query().Get("by")
	d, err := time.ParseDuration(by)
	if err != nil {
		if ms, ierr := strconv.ParseInt(by, 10, 64); ierr == nil {
			d, err = time.Duration(ms)*time.Millisecond, nil
		}
	}
	if err != nil {
		writeJSON(rw, http.StatusBadRequest, controlError(fmt.Sprintf("by=%q is not a duration; use by=90s, by=1m30s or by=500ms (a bare number is milliseconds)", by)))
		return
	}
	if _, err := s.sim.clock.Advance(d); err != nil {
		status := http.StatusBadRequest
		msg := err.Error()
		if errors.Is(err, clock.ErrReal) {
			status, msg = http.StatusConflict, "the clock is real and cannot be advanced; start the server with --clock virtual"
		}
		writeJSON(rw, status, controlError(msg))
		return
	}
	writeJSON(rw, http.StatusOK, s.clockState())
}

// serveKVSettle answers POST /cdn-cgi/edgedev/kv/settle: every write
// reaches every location and every location cache is emptied.
func (s *Server) serveKVSettle(rw http.ResponseWriter, r *http.Request) {
	if s.sim.kv == nil {
		writeJSON(rw, http.StatusOK, map[string]any{"simulation": false, "settled": kv.SettleResult{}})
		return
	}
	writeJSON(rw, http.StatusOK, map[string]any{"simulation": true, "settled": s.sim.kv.Settle()})
}

// serveKVTrace answers GET /cdn-cgi/edgedev/kv/trace[?limit=N]: the
// simulation's settings and its most recent reads and writes, oldest first.
func (s *Server) serveKVTrace(rw http.ResponseWriter, r *http.Request) {
	limit := 0
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 {
			writeJSON(rw, http.StatusBadRequest, controlError(fmt.Sprintf("limit=%q must be a whole number, 0 for all", l)))
			return
		}
		limit = n
	}
	type settings struct {
		Locations   []string `json:"locations"`
		Propagation string   `json:"propagation"`
		Cache       bool     `json:"cache"`
		WriterStale bool     `json:"writerStale"`
		Mode        string   `json:"mode"`
	}
	out := struct {
		Simulation bool            `json:"simulation"`
		Settings   *settings       `json:"settings,omitempty"`
		Clock      clockState      `json:"clock"`
		Trace      []kv.TraceEntry `json:"trace"`
	}{Clock: s.clockState(), Trace: []kv.TraceEntry{}}
	if k := s.sim.kv; k != nil {
		o := k.Options()
		out.Simulation = true
		out.Settings = &settings{Locations: o.Locations, Propagation: o.Propagation.String(), Cache: o.Cache, WriterStale: o.WriterStale, Mode: s.sim.mode}
		out.Trace = k.Trace(limit)
	}
	writeJSON(rw, http.StatusOK, out)
}

func controlError(msg string) map[string]string { return map[string]string{"error": msg} }

func writeJSON(rw http.ResponseWriter, status int, v any) {
	rw.Header().Set("Content-Type", "application/json")
	rw.WriteHeader(status)
	enc := json.NewEncoder(rw)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
