package dev

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"edgedev/kvcontrol"
	"edgedev/persist"
)

// routeControl registers the /cdn-cgi/edgedev/ endpoints. They never shadow
// a user route outside that prefix, and serveControl guards them.
func (s *Server) routeControl() {
	s.control.HandleFunc("GET /cdn-cgi/edgedev/live-reload", s.reload.serve)
	s.control.HandleFunc("GET /cdn-cgi/edgedev/status", s.serveStatus)
	s.routeKV() // kvcontrol.go
	s.routeD1() // d1control.go

	// consistency.go: the clock and the KV consistency simulation
	s.control.HandleFunc("GET /cdn-cgi/edgedev/clock", s.serveClock)
	s.control.HandleFunc("POST /cdn-cgi/edgedev/clock/advance", s.serveClockAdvance)
	s.control.HandleFunc("POST /cdn-cgi/edgedev/kv/settle", s.serveKVSettle)
	s.control.HandleFunc("GET /cdn-cgi/edgedev/kv/trace", s.serveKVTrace)

	s.routeDashboard() // dashboard.go: the page and its JSON
}

// serveControl lets a request reach the control endpoints only as the
// browser's threat model allows (DESIGN.md, "Failure behaviour"):
//   - from a loopback client;
//   - addressed to a loopback host name, so a page that reaches the server
//     through a DNS name rebound to 127.0.0.1 is refused;
//   - with no Origin, or this server's own: a page on another site cannot
//     make the user's browser drive the endpoints;
//   - and, to change anything, with the server's per-process token (the
//     state directory's control-token file, which `edgedev kv` reads and no
//     web page can).
func (s *Server) serveControl(rw http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		http.Error(rw, "edgedev control endpoints answer loopback clients only", http.StatusForbidden)
		return
	}
	if !loopbackHost(r.Host) {
		http.Error(rw, fmt.Sprintf("edgedev control endpoints answer requests for 127.0.0.1, localhost or [::1] only, not Host %q", r.Host), http.StatusForbidden)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		http.Error(rw, fmt.Sprintf("edgedev control endpoints refuse requests from other sites (Origin %s)", o), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead &&
		subtle.ConstantTimeCompare([]byte(r.Header.Get(kvcontrol.TokenHeader)), []byte(s.token)) != 1 {
		http.Error(rw, fmt.Sprintf("this request changes the dev server's state, so it needs the server's control token: send the %s header with the contents of %s in the server's state directory (.edgedev/state, or --persist-to)",
			kvcontrol.TokenHeader, kvcontrol.TokenFileName), http.StatusForbidden)
		return
	}
	s.control.ServeHTTP(rw, r)
}

// loopbackHost reports whether a Host header names this machine:
// localhost, or a loopback address, with or without a port.
func loopbackHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	// localhost and *.localhost always name this machine (RFC 6761 §6.3),
	// so no DNS answer can rebind them.
	if l := strings.ToLower(h); l == "localhost" || strings.HasSuffix(l, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// stateDir is where the server keeps its state: --persist-to, or
// .edgedev/state in the project.
func (s *Server) stateDir() string {
	return filepath.Dir(persist.Locate(s.opts.PersistTo, s.cfg.Dir))
}

// absPath matches an absolute path in a message: one that starts the
// message or follows a space, quote or parenthesis ("lib/msg.ts" is not
// one), up to a space, a colon before a line number, or a quote.
var absPath = regexp.MustCompile(`(^|[\s"'(])(/[^\s:"'()]+)`)

// relToProject writes every absolute path in msg relative to the project
// directory ("src/index.ts", "../node_modules/x/index.js"): answers to
// clients carry no absolute paths. Only paths that exist on disk are
// rewritten, so a URL path in a message or a var ("/api/v1") stays as it
// is. Cold paths only: it stats each candidate.
func (s *Server) relToProject(msg string) string {
	if s.cfg == nil || s.cfg.Dir == "" {
		return msg
	}
	return absPath.ReplaceAllStringFunc(msg, func(m string) string {
		sub := absPath.FindStringSubmatch(m)
		if _, err := os.Stat(sub[2]); err != nil {
			return m
		}
		if r, err := filepath.Rel(s.cfg.Dir, sub[2]); err == nil {
			return sub[1] + r
		}
		return m
	})
}

// serveStatus reports what the server runs now: a quick check for scripts
// and the CLI that a dev server is up, and whether its last build failed.
func (s *Server) serveStatus(rw http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	st := struct {
		Name   string `json:"name"`
		Config string `json:"config"`
		Error  string `json:"error,omitempty"`
		// ServingPrevious: the last change failed (Error says why) and
		// the worker from before it still answers.
		ServingPrevious bool `json:"servingPrevious,omitempty"`
	}{Name: s.cfg.Name, Config: s.relToProject(s.cfg.Path)}
	lastErr := s.lastErr
	s.mu.Unlock()
	if b := s.active.Load(); b.err != nil {
		st.Error = s.relToProject(b.err.Error())
	} else if lastErr != "" {
		st.Error, st.ServingPrevious = s.relToProject(lastErr), true
	}
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(st)
}
