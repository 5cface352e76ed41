package dev_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"edgedev/bindings/kv"
	"edgedev/dev"
)

// coloWorker answers with the location, the clock and, for ?k=, the key's
// value and cache status; PUT stores the body under ?k=.
const coloWorker = `export default {
  async fetch(req: Request, env: any) {
    const k = new URL(req.url).searchParams.get("k");
    if (req.method === "PUT") { await env.KV.put(k, await req.text()); return new Response("stored at " + req.cf.colo); }
    const r = k ? await env.KV.getWithMetadata(k) : null;
    return Response.json({ colo: req.cf.colo, now: new Date(Date.now()).toISOString(), value: r && r.value, cacheStatus: r && r.cacheStatus, header: req.headers.get("x-edgedev-location") });
  },
};
`

func coloProject(t *testing.T) string {
	return project(t, map[string]string{
		"wrangler.toml": toml + "[[kv_namespaces]]\nbinding = \"KV\"\nid = \"colo-kv\"\n",
		"src/index.ts":  coloWorker,
	})
}

type coloReply struct {
	Colo, Now, Header  string
	Value, CacheStatus *string
}

func (r *running) colo(t *testing.T, path string, hdr ...string) coloReply {
	t.Helper()
	got := r.do(t, "GET", path, "", hdr...)
	var c coloReply
	if err := json.Unmarshal([]byte(got.body), &c); err != nil {
		t.Fatalf("GET %s: %d %q", path, got.status, got.body)
	}
	return c
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

func TestConsistencyOff(t *testing.T) {
	r := start(t, dev.Options{Dir: coloProject(t)})
	if strings.Contains(r.out.String(), "consistency") || strings.Contains(r.out.String(), "Clock:") {
		t.Errorf("banner mentions the simulation while it is off:\n%s", r.out)
	}
	r.do(t, "PUT", "/?k=a", "1", dev.LocationHeader, "SIN")
	c := r.colo(t, "/?k=a", dev.LocationHeader, "SIN")
	if c.Colo != "DFW" || str(c.Value) != "1" || c.CacheStatus != nil || c.Header != "SIN" {
		t.Errorf("off, the header changes nothing: %+v", c)
	}
	if !strings.Contains(r.err.String(), "X-Edgedev-Location is ignored: the KV consistency simulation is off") {
		t.Errorf("no warning about the ignored header: %q", r.err)
	}
	if strings.Contains(r.out.String(), " at ") {
		t.Errorf("request log shows a location while the simulation is off:\n%s", r.out)
	}
	if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=90s", ""); got.status != 409 || !strings.Contains(got.body, "start the server with --clock virtual") {
		t.Errorf("advancing the real clock: %d %s", got.status, got.body)
	}
	if got := r.do(t, "GET", "/cdn-cgi/edgedev/clock", ""); got.status != 200 || !strings.Contains(got.body, `"virtual": false`) {
		t.Errorf("clock: %d %s", got.status, got.body)
	}
	if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/settle", ""); got.status != 200 || !strings.Contains(got.body, `"simulation": false`) {
		t.Errorf("settle: %d %s", got.status, got.body)
	}
	if got := r.do(t, "GET", "/cdn-cgi/edgedev/kv/trace", ""); got.status != 200 || !strings.Contains(got.body, `"trace": []`) {
		t.Errorf("trace: %d %s", got.status, got.body)
	}
}

func TestConsistencyOverHTTP(t *testing.T) {
	r := start(t, dev.Options{Dir: coloProject(t), Consistency: dev.Consistency{
		Locations: []string{"LHR", "SIN"}, Propagation: 10 * time.Second, Cache: true,
		Clock: "virtual@2026-01-01T00:00:00Z",
	}})
	for _, want := range []string{
		"KV consistency simulation: locations LHR, SIN (pick one with the X-Edgedev-Location header; otherwise sticky), propagation delay 10s, read caching on (cacheTtl)",
		"Clock: virtual at 2026-01-01T00:00:00Z (advance it: POST /cdn-cgi/edgedev/clock/advance?by=90s)",
	} {
		if !strings.Contains(r.out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, r.out)
		}
	}
	at := func(loc string) []string { return []string{dev.LocationHeader, loc} }
	advance := func(by string) {
		t.Helper()
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by="+by, ""); got.status != 200 {
			t.Fatalf("advance %s: %d %s", by, got.status, got.body)
		}
	}

	if c := r.colo(t, "/?k=s", at("SIN")...); c.Colo != "SIN" || str(c.Value) != "null" || str(c.CacheStatus) != "MISS" || c.Header != "" || c.Now != "2026-01-01T00:00:00.000Z" {
		t.Errorf("first read at SIN: %+v", c)
	}
	if got := r.do(t, "PUT", "/?k=s", "ann", at("LHR")...); got.body != "stored at LHR" {
		t.Fatalf("put: %q", got.body)
	}
	if c := r.colo(t, "/?k=s", at("LHR")...); str(c.Value) != "ann" || str(c.CacheStatus) != "HIT" {
		t.Errorf("the writer reads its write: %+v", c)
	}
	if c := r.colo(t, "/?k=s", at("SIN")...); str(c.Value) != "null" || str(c.CacheStatus) != "HIT" {
		t.Errorf("SIN serves its cached miss: %+v", c)
	}
	advance("10s")
	if c := r.colo(t, "/?k=s", at("SIN")...); str(c.Value) != "null" || c.Now != "2026-01-01T00:00:10.000Z" {
		t.Errorf("SIN after the propagation delay, still within cacheTtl: %+v", c)
	}
	advance("50s")
	if c := r.colo(t, "/?k=s", at("SIN")...); str(c.Value) != "ann" || str(c.CacheStatus) != "MISS" {
		t.Errorf("SIN once its cached miss is 60s old: %+v", c)
	}
	if c := r.colo(t, "/"); c.Colo != "LHR" {
		t.Errorf("sticky: a request without the header goes to the first location: %+v", c)
	}

	log := r.out.String()
	for _, want := range []string{
		`kv: stale read at SIN: get "s" in colo-kv served null (no such key); central holds "ann" (written 0s ago at LHR); why: served from the SIN cache: fetched 0s ago, cacheTtl 60s, 60s left; central has changed since`,
		`kv: stale read at SIN: get "s" in colo-kv served null (no such key); central holds "ann" (written 10s ago at LHR); why: served from the SIN cache: fetched 10s ago, cacheTtl 60s, 50s left; central has changed since`,
		"GET /?k=s 200 ", " at SIN\n", "PUT /?k=s 200 ",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}

	var tr struct {
		Simulation bool
		Settings   struct{ Locations []string }
		Clock      struct{ Virtual bool }
		Trace      []kv.TraceEntry
	}
	got := r.do(t, "GET", "/cdn-cgi/edgedev/kv/trace?limit=3", "")
	if err := json.Unmarshal([]byte(got.body), &tr); err != nil {
		t.Fatalf("trace: %v %s", err, got.body)
	}
	if !tr.Simulation || len(tr.Settings.Locations) != 2 || !tr.Clock.Virtual || len(tr.Trace) != 3 {
		t.Fatalf("trace: %s", got.body)
	}
	if e := tr.Trace[1]; e.Location != "SIN" || e.Result != "STALE" || e.Key != "s" || e.Served != "null" || e.Central != `"ann"` {
		t.Errorf("trace entry of the stale read: %+v", e)
	}
	if e := tr.Trace[2]; e.Location != "SIN" || e.Result != "MISS" || !strings.Contains(e.Why, "past its cacheTtl 60s") {
		t.Errorf("trace entry of the fresh read: %+v", e)
	}

	t.Run("settle makes every location read central", func(t *testing.T) {
		r.do(t, "PUT", "/?k=s", "bob", at("LHR")...)
		if c := r.colo(t, "/?k=s", at("SIN")...); str(c.Value) != "ann" {
			t.Fatalf("before settle: %+v", c)
		}
		got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/settle", "")
		if got.status != 200 || !strings.Contains(got.body, `"propagating": 1`) {
			t.Errorf("settle: %d %s", got.status, got.body)
		}
		if c := r.colo(t, "/?k=s", at("SIN")...); str(c.Value) != "bob" || str(c.CacheStatus) != "MISS" {
			t.Errorf("after settle: %+v", c)
		}
	})
	t.Run("bad requests", func(t *testing.T) {
		if got := r.do(t, "GET", "/", "", at("NRT")...); got.status != 400 || !strings.Contains(got.body, `X-Edgedev-Location: "NRT" is not a simulated location; use one of LHR, SIN (set them with --kv-locations)`) {
			t.Errorf("unknown location: %d %q", got.status, got.body)
		}
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=soon", ""); got.status != 400 || !strings.Contains(got.body, `by=\"soon\" is not a duration`) {
			t.Errorf("bad duration: %d %s", got.status, got.body)
		}
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/clock/advance?by=-1s", ""); got.status != 400 || !strings.Contains(got.body, "time only moves forward") {
			t.Errorf("negative duration: %d %s", got.status, got.body)
		}
		if got := r.do(t, "GET", "/cdn-cgi/edgedev/kv/trace?limit=x", ""); got.status != 400 {
			t.Errorf("bad limit: %d %s", got.status, got.body)
		}
	})
}

func TestConsistencyLocationModes(t *testing.T) {
	dir := coloProject(t)
	sequence := func(c dev.Consistency) string {
		r := start(t, dev.Options{Dir: dir, PersistTo: t.TempDir(), Consistency: c})
		var got []string
		for range 8 {
			got = append(got, r.colo(t, "/").Colo)
		}
		return strings.Join(got, ",")
	}
	locs := []string{"LHR", "SIN", "IAD"}
	if got := sequence(dev.Consistency{Locations: locs, Mode: dev.ModeRoundRobin}); got != "LHR,SIN,IAD,LHR,SIN,IAD,LHR,SIN" {
		t.Errorf("round-robin: %s", got)
	}
	a := sequence(dev.Consistency{Locations: locs, Mode: dev.ModeRandom, Seed: 1})
	if b := sequence(dev.Consistency{Locations: locs, Mode: dev.ModeRandom, Seed: 1}); a != b {
		t.Errorf("random with the same seed: %s, then %s", a, b)
	}
	if c := sequence(dev.Consistency{Locations: locs, Mode: dev.ModeRandom, Seed: 2}); a == c {
		t.Errorf("random with seeds 1 and 2 gave the same sequence %s", a)
	}
	if strings.Count(a, strings.Split(a, ",")[0]) == 8 {
		t.Errorf("random stayed at one location: %s", a)
	}
	if got := sequence(dev.Consistency{Cache: true}); got != strings.Repeat("DFW,", 7)+"DFW" {
		t.Errorf("on with no locations named: one location, DFW: %s", got)
	}
}

func TestConsistencyOptionErrors(t *testing.T) {
	dir := coloProject(t)
	for _, tt := range []struct {
		c    dev.Consistency
		want string
	}{
		{dev.Consistency{Locations: []string{"LHR"}, Mode: "nearest"}, `--kv-location-mode "nearest": use sticky, round-robin or random`},
		{dev.Consistency{Locations: []string{"LHR", "LHR"}}, `--kv-locations: location "LHR" is listed twice`},
		{dev.Consistency{Clock: "slow"}, `--clock "slow": use real, virtual, or virtual@2026-01-01T00:00:00Z`},
	} {
		_, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: &syncBuffer{}, Stderr: &syncBuffer{}, Consistency: tt.c})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want %q", tt.c, err, tt.want)
		}
	}
	if _, err := dev.ConsistencyPreset("eventual"); err == nil || !strings.Contains(err.Error(), "use strong (the default) or production-like") {
		t.Errorf("preset: %v", err)
	}
	if _, err := dev.ParseLocations(" , "); err == nil {
		t.Errorf("empty --kv-locations accepted")
	}
	if l, err := dev.ParseLocations("LHR, SIN"); err != nil || strings.Join(l, "|") != "LHR|SIN" {
		t.Errorf("ParseLocations: %v %v", l, err)
	}
}
