package dev

// The dashboard at /cdn-cgi/edgedev/ (issue 18): a page a developer keeps
// open beside the app, served from files embedded in the binary (no CDN,
// works offline). Its JSON comes from the control endpoints: KV reads and
// writes go through POST /cdn-cgi/edgedev/kv/{op}, the very endpoint
// `edgedev kv` uses, so the page and the CLI share bindings/kv's validation
// and its error texts; this file adds only what the page needs to look at
// (counts, the consistency view of a key, the request log, the bindings
// table). Everything here sits behind serveControl's gate; the page gets
// the control token inside its own HTML, which only a same-origin,
// loopback-Host request can read.

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"edgedev/bindings/builtin"
	"edgedev/bindings/kv"
)

//go:embed dashboard
var dashboardFiles embed.FS

// DashboardPath is where the dashboard lives.
const DashboardPath = "/cdn-cgi/edgedev/"

// routeDashboard registers the page and its JSON endpoints.
func (s *Server) routeDashboard() {
	if s.opts.NoDashboard {
		return
	}
	sub, _ := fs.Sub(dashboardFiles, "dashboard")
	index, err := fs.ReadFile(sub, "index.html")
	if err != nil {
		panic("dev: the dashboard's index.html is not embedded: " + err.Error())
	}
	static := http.StripPrefix(DashboardPath+"ui/", http.FileServerFS(sub))
	s.control.HandleFunc("GET "+DashboardPath+"{$}", func(rw http.ResponseWriter, r *http.Request) {
		h := rw.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		dashboardHeaders(h)
		page := bytes.Replace(index, []byte("{{TOKEN}}"), []byte(html.EscapeString(s.token)), 1)
		_, _ = rw.Write(page)
	})
	s.control.HandleFunc("GET "+DashboardPath+"ui/", func(rw http.ResponseWriter, r *http.Request) {
		dashboardHeaders(rw.Header())
		rw.Header().Set("Cache-Control", "no-cache")
		static.ServeHTTP(rw, r)
	})
	s.control.HandleFunc("GET "+DashboardPath+"api/overview", s.serveOverview)
	s.control.HandleFunc("GET "+DashboardPath+"api/kv/inspect", s.serveKVInspect)
	s.control.HandleFunc("GET "+DashboardPath+"api/requests", s.serveRequests)
}

// dashboardHeaders keep the page out of other sites' frames and let it
// load nothing but its own files.
func dashboardHeaders(h http.Header) {
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// overview is what the page loads first: the bindings table as the
// start-up banner prints it, the KV namespaces it can browse, and whether
// the consistency simulation and a virtual clock are on.
type overview struct {
	Name       string        `json:"name"`
	Config     string        `json:"config"`
	Error      string        `json:"error,omitempty"`
	Bindings   []bindingRow  `json:"bindings"`
	KV         []kvNamespace `json:"kv"`
	D1         []d1Database  `json:"d1"`
	Simulation *simSettings  `json:"simulation,omitempty"`
	Clock      clockState    `json:"clock"`
	Sections   []string      `json:"sections"`
}

type bindingRow struct {
	Binding     string `json:"binding"`
	Kind        string `json:"kind"`
	Value       string `json:"value"`
	NotEmulated bool   `json:"notEmulated,omitempty"`
}

type kvNamespace struct {
	Binding string `json:"binding,omitempty"` // "" for a namespace no binding names (made by `kv namespace create`)
	ID      string `json:"id"`
	Title   string `json:"title,omitempty"`
	Keys    int    `json:"keys"`
}

// d1Database is one D1 database the page can browse; its SQL goes
// through POST /cdn-cgi/edgedev/d1/run, the endpoint `edgedev d1` uses.
type d1Database struct {
	Binding string `json:"binding"`
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
}

type simSettings struct {
	Locations   []string `json:"locations"`
	Propagation string   `json:"propagation"`
	Cache       bool     `json:"cache"`
	WriterStale bool     `json:"writerStale"`
	Mode        string   `json:"mode"`
}

func (s *Server) simSettings() *simSettings {
	k := s.sim.kv
	if k == nil {
		return nil
	}
	o := k.Options()
	return &simSettings{Locations: o.Locations, Propagation: o.Propagation.String(), Cache: o.Cache, WriterStale: o.WriterStale, Mode: s.sim.mode}
}

// serveOverview answers GET /cdn-cgi/edgedev/api/overview.
func (s *Server) serveOverview(rw http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	ov := overview{Name: s.cfg.Name, Config: s.relToProject(s.cfg.Path), Bindings: []bindingRow{}, KV: []kvNamespace{},
		D1: []d1Database{}, Sections: []string{"kv", "consistency", "d1", "requests", "bindings"}}
	for _, d := range s.cfg.D1Databases {
		ov.D1 = append(ov.D1, d1Database{Binding: d.Binding, ID: d.LocalID(), Name: d.DatabaseName})
	}
	named := s.bindings
	store := s.sessionStore()
	lastErr := s.lastErr
	s.mu.Unlock()
	if b := s.active.Load(); b.err != nil {
		ov.Error = s.relToProject(b.err.Error())
	} else if lastErr != "" {
		ov.Error = s.relToProject(lastErr)
	}
	seen := map[string]bool{}
	for _, b := range named {
		ov.Bindings = append(ov.Bindings, bindingRow{Binding: envName(b), Kind: b.Kind, Value: s.relToProject(b.Detail), NotEmulated: builtin.NotEmulated(b)})
		if ns, ok := b.Binding.(*kv.Namespace); ok && store != nil {
			n, err := ns.Count(r.Context())
			if err != nil {
				writeJSON(rw, http.StatusInternalServerError, controlError(err.Error()))
				return
			}
			ov.KV = append(ov.KV, kvNamespace{Binding: b.Name, ID: ns.ID(), Keys: n})
			seen[ns.ID()] = true
		}
	}
	if store != nil {
		all, err := kv.ListNamespaces(store)
		if err != nil {
			writeJSON(rw, http.StatusInternalServerError, controlError(err.Error()))
			return
		}
		for _, info := range all {
			if seen[info.ID] {
				continue
			}
			n, err := kv.New(store, info.ID, s.opts.Now).Count(r.Context())
			if err != nil {
				writeJSON(rw, http.StatusInternalServerError, controlError(err.Error()))
				return
			}
			ov.KV = append(ov.KV, kvNamespace{ID: info.ID, Title: info.Title, Keys: n})
		}
	}
	ov.Simulation = s.simSettings()
	ov.Clock = s.clockState()
	writeJSON(rw, http.StatusOK, ov)
}

// serveKVInspect answers GET /cdn-cgi/edgedev/api/kv/inspect?ns=ID&key=K:
// the consistency view of one key (bindings/kv inspect.go).
func (s *Server) serveKVInspect(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id, key := q.Get("ns"), q.Get("key")
	if s.sim.kv == nil {
		writeJSON(rw, http.StatusConflict, controlError("the KV consistency simulation is off: start the server with --kv-locations NAME,NAME or --kv-consistency production-like"))
		return
	}
	store := s.kvStore()
	if store == nil {
		writeJSON(rw, http.StatusConflict, controlError("this dev server has no KV store open (its config has no kv_namespaces)"))
		return
	}
	if id == "" || key == "" {
		writeJSON(rw, http.StatusBadRequest, controlError("give the namespace id and the key: ?ns=ID&key=KEY"))
		return
	}
	st, err := s.sim.kv.Inspect(kv.New(store, id, s.opts.Now, s.kvOptions()...), key)
	if err != nil {
		writeJSON(rw, http.StatusInternalServerError, controlError(err.Error()))
		return
	}
	writeJSON(rw, http.StatusOK, st)
}

// ---- the request log --------------------------------------------------------

// requestLogSize is how many recent requests the dashboard's log keeps.
const requestLogSize = 500

// requestRecord is one request as the dashboard's log shows it.
type requestRecord struct {
	ID       uint64    `json:"id"`
	Time     time.Time `json:"time"`
	Method   string    `json:"method"`
	Path     string    `json:"path"`
	Status   int       `json:"status"`
	Ms       float64   `json:"ms"`
	Location string    `json:"location,omitempty"`
	// Error is the failure's message and source-mapped stack, for a
	// failed request.
	Error string `json:"error,omitempty"`
}

// requestLog is a ring of the most recent requests. A request reserves its
// id when it arrives (one atomic add), so that its error page can link to
// its entry; adding it when done is a lock and a struct copy, and the
// error text is only formatted for failures.
type requestLog struct {
	ids  atomic.Uint64 // ids handed out; the next request gets ids+1
	mu   sync.Mutex
	recs [requestLogSize]requestRecord
}

// reserve returns the id of a request that has just arrived.
func (l *requestLog) reserve() uint64 { return l.ids.Add(1) }

func (l *requestLog) add(rec requestRecord) {
	l.mu.Lock()
	l.recs[rec.ID%requestLogSize] = rec
	l.mu.Unlock()
}

// since returns the kept records with id > after, oldest first; a request
// still running is not among them yet.
func (l *requestLog) since(after uint64) []requestRecord {
	last := l.ids.Load()
	first := after + 1
	if last >= requestLogSize && first <= last-requestLogSize {
		first = last - requestLogSize + 1
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]requestRecord, 0, last+1-min(first, last+1))
	for id := first; id <= last; id++ {
		if r := l.recs[id%requestLogSize]; r.ID == id {
			out = append(out, r)
		}
	}
	return out
}

// logRequest keeps a finished request for the dashboard.
func (s *Server) logRequest(id uint64, r *http.Request, location string, status int, took time.Duration, err error) {
	if id == 0 {
		return
	}
	// The time is the session clock's, as in the trace; took is real.
	rec := requestRecord{ID: id, Time: s.opts.Now().UTC(), Method: r.Method, Path: r.RequestURI, Status: status, Ms: float64(took) / 1e6, Location: location}
	if err != nil {
		rec.Error = err.Error() // the stack's paths are project-relative already
	}
	s.requests.add(rec)
}

// serveRequests answers GET /cdn-cgi/edgedev/api/requests[?after=ID]: the
// kept requests after that id, oldest first.
func (s *Server) serveRequests(rw http.ResponseWriter, r *http.Request) {
	var after uint64
	if a := r.URL.Query().Get("after"); a != "" {
		n, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			writeJSON(rw, http.StatusBadRequest, controlError("after="+strconv.Quote(a)+" must be a request id (a whole number)"))
			return
		}
		after = n
	}
	writeJSON(rw, http.StatusOK, map[string]any{"requests": s.requests.since(after)})
}

// dashboardBanner adds the dashboard's address to the start-up banner.
func (s *Server) dashboardBanner(sb *strings.Builder) {
	if !s.opts.NoDashboard {
		fmt.Fprintf(sb, "Dashboard: %s%s\n", strings.TrimSuffix(s.url, "/"), DashboardPath)
	}
}
