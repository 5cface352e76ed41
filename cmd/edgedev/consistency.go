package main

import (
	"flag"
	"time"

	"edgedev/dev"
)

// consistencyFlags are the flags of KV's consistency simulation and of the
// session clock. `dev` and `pages dev` both register them, so the two
// commands spell and mean them the same way.
type consistencyFlags struct {
	fs                      *flag.FlagSet
	preset, locations, mode string
	clock                   string
	propagation             time.Duration
	cache, readYourWrites   bool
	seed                    uint64
}

// addConsistencyFlags registers the flags on fs.
func addConsistencyFlags(fs *flag.FlagSet) *consistencyFlags {
	f := &consistencyFlags{fs: fs}
	fs.StringVar(&f.preset, "kv-consistency", "strong", "KV consistency preset: strong (one location, like wrangler dev) or production-like (DFW,LHR,SIN, 5s propagation, read caching, random locations); other --kv-* flags override parts of it")
	fs.StringVar(&f.locations, "kv-locations", "", "simulate KV at these edge locations, `NAME,NAME,...` (e.g. LHR,SIN); the first is the default; a request picks one with the X-Edgedev-Location header")
	fs.DurationVar(&f.propagation, "kv-propagation", 0, "how long a KV write takes to reach cold reads at other locations (e.g. 10s)")
	fs.BoolVar(&f.cache, "kv-cache", false, "cache KV reads per location for their cacheTtl (default 60s), values and misses alike")
	fs.BoolVar(&f.readYourWrites, "kv-read-your-writes", true, "let the writing location see its own KV writes at once (the platform's usual, not guaranteed, behaviour)")
	fs.StringVar(&f.mode, "kv-location-mode", "", "location of a request without the header: sticky (the first location), round-robin or random (default sticky)")
	fs.Uint64Var(&f.seed, "kv-seed", 1, "seed for --kv-location-mode random: the same seed routes requests the same way every run")
	fs.StringVar(&f.clock, "clock", "real", "`MODE` of the clock for Date.now and KV expiry, caching and propagation: real, virtual (starts now, rounded down to the minute) or virtual@2026-01-01T00:00:00Z; advance it with POST /cdn-cgi/edgedev/clock/advance?by=90s")
	return f
}

// options returns the settings the flags ask for: the preset, then every
// flag given on the command line on top of it.
func (f *consistencyFlags) options() (dev.Consistency, error) {
	c, err := dev.ConsistencyPreset(f.preset)
	if err != nil {
		return c, err
	}
	f.fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "kv-locations":
			var locs []string
			if locs, err = dev.ParseLocations(f.locations); err == nil {
				c.Locations = locs
			}
		case "kv-propagation":
			c.Propagation = f.propagation
		case "kv-cache":
			c.Cache = f.cache
		case "kv-read-your-writes":
			c.WriterStale = !f.readYourWrites
		case "kv-location-mode":
			c.Mode = f.mode
		}
	})
	c.Seed, c.Clock = f.seed, f.clock
	return c, err
}
