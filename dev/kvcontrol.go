package dev

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"edgedev/bindings/kv"
	"edgedev/kvcontrol"
	"edgedev/persist"
)

// This file connects the dev server to package kvcontrol, the loopback
// protocol that lets `edgedev kv` reach the KV store this server holds.

// announce is announceStore for callers that do not hold mu (Start).
func (s *Server) announce() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.announceStore()
}

// announceStore writes server.json once the server both listens and holds
// the store (the session's, once a KV binding opened it). The caller holds
// mu, or is New (before Start, when it does nothing). A failure only costs
// the CLI its way in, so it is a warning.
func (s *Server) announceStore() {
	s.announceD1()
	st := s.sessionStore()
	if st == nil || s.ln == nil || s.announced {
		return
	}
	s.announced = true
	info := kvcontrol.ServerInfo{URL: loopbackURL(s.ln.Addr()), PID: os.Getpid(), Store: st.Path(), Since: time.Now().UTC()}
	if err := kvcontrol.Announce(info); err != nil {
		s.log.warn(fmt.Sprintf("could not write %s, so `edgedev kv` cannot reach this server's KV store while it runs: %v", kvcontrol.ServerFile(info.Store), err))
	}
}

// retractStore removes server.json before the store is closed, if it is
// still this process's.
func (s *Server) retractStore() {
	if st := s.sessionStore(); st != nil {
		kvcontrol.Retract(st.Path(), os.Getpid())
	}
}

// sessionStore is the session's KV store, or nil before a KV binding opened
// it. The caller holds mu (or is New).
func (s *Server) sessionStore() *persist.Store {
	if s.session == nil {
		return nil
	}
	return kv.OpenedStore(s.session)
}

// loopbackURL is the base URL a local client uses to reach a listener:
// 127.0.0.1 (or ::1) when it listens on every address.
func loopbackURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	ip := tcp.IP
	switch {
	case ip == nil || ip.Equal(net.IPv4zero):
		ip = net.IPv4(127, 0, 0, 1)
	case ip.Equal(net.IPv6unspecified):
		ip = net.IPv6loopback
	}
	return "http://" + net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
}

// routeKV registers the KV control endpoints.
func (s *Server) routeKV() {
	s.control.HandleFunc(kvcontrol.Pattern, func(rw http.ResponseWriter, r *http.Request) {
		kvcontrol.Serve(rw, r, s.kvStore(), s.opts.Now, s.kvOptions()...)
	})
}

// kvStore returns the store the server holds, or nil.
func (s *Server) kvStore() *persist.Store {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessionStore()
}
