package dev

import (
	"encoding/json"
	"net"
	"net/http"
)

// routeControl registers the /cdn-cgi/edgedev/ endpoints. They answer only
// loopback clients and never shadow a user route outside that prefix.
func (s *Server) routeControl() {
	s.control.HandleFunc("GET /cdn-cgi/edgedev/live-reload", s.reload.serve)
	s.control.HandleFunc("GET /cdn-cgi/edgedev/status", s.serveStatus)
	s.routeKV() // kvcontrol.go

	// consistency.go: the clock and the KV consistency simulation
	s.control.HandleFunc("GET /cdn-cgi/edgedev/clock", s.serveClock)
	s.control.HandleFunc("POST /cdn-cgi/edgedev/clock/advance", s.serveClockAdvance)
	s.control.HandleFunc("POST /cdn-cgi/edgedev/kv/settle", s.serveKVSettle)
	s.control.HandleFunc("GET /cdn-cgi/edgedev/kv/trace", s.serveKVTrace)
}

func (s *Server) serveControl(rw http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		http.Error(rw, "edgedev control endpoints answer loopback clients only", http.StatusForbidden)
		return
	}
	s.control.ServeHTTP(rw, r)
}

// serveStatus reports what the server runs now: a quick check for scripts
// and the CLI that a dev server is up, and whether its last build failed.
func (s *Server) serveStatus(rw http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	st := struct {
		Name   string `json:"name"`
		Config string `json:"config"`
		Error  string `json:"error,omitempty"`
	}{Name: s.cfg.Name, Config: s.cfg.Path}
	s.mu.Unlock()
	if b := s.active.Load(); b.err != nil {
		st.Error = b.err.Error()
	}
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(st)
}
