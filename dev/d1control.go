package dev

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"edgedev/bindings/d1"
	"edgedev/d1control"
)

// This file connects the dev server to package d1control, the loopback
// protocol that lets `edgedev d1` reach the D1 databases this server holds.

// announceD1 writes <state>/d1/server.json once the server listens and its
// config binds a D1 database. The caller holds mu.
func (s *Server) announceD1() {
	if s.session == nil || s.ln == nil || s.announcedD1 || s.cfg == nil || len(s.cfg.D1Databases) == 0 {
		return
	}
	s.announcedD1 = true
	info := d1control.ServerInfo{URL: loopbackURL(s.ln.Addr()), PID: os.Getpid(), State: s.session.StateDir(), Since: time.Now().UTC()}
	if err := d1control.Announce(info); err != nil {
		s.log.warn(fmt.Sprintf("could not write %s, so `edgedev d1` cannot reach this server's databases while it runs: %v", d1control.ServerFile(info.State), err))
	}
}

// retractD1 removes the announcement before the databases are closed.
func (s *Server) retractD1() {
	if s.session != nil && s.announcedD1 {
		d1control.Retract(s.session.StateDir(), os.Getpid())
	}
}

// routeD1 registers the D1 control endpoint. The server opens a database
// the CLI names even if no binding uses it yet: only one process may hold
// a database file, and this one holds the state directory.
func (s *Server) routeD1() {
	s.control.HandleFunc(d1control.Pattern, func(rw http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		session := s.session
		s.mu.Unlock()
		var open d1control.Opener
		if session != nil {
			open = func(id string) (*d1.Database, error) { return d1.OpenDatabase(session, id) }
		}
		d1control.Serve(rw, r, open)
	})
}
