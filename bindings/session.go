package bindings

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Session is what every binding kind's factory gets: what the bindings of
// one dev session share. dev makes one per server and keeps it across
// reloads, so a store a kind opens stays open (and its data and locks stay
// put) while the worker is rebuilt around it.
//
// A kind opens its own store through Open, keyed by the kind, so the KV
// file, a D1 database or an R2 directory is opened once per session, on the
// first config that needs it, and closed by Close.
//
// Left out until something needs it: a dispatcher to call another worker
// (service bindings, Durable Objects of another script) joins the session
// when the first such kind arrives.
type Session struct {
	now      func() time.Time
	stateDir string
	log      func(level, line string)

	mu     sync.Mutex
	opened map[string]io.Closer
	order  []string // keys in the order opened; closed in reverse
	closed bool
}

// SessionOptions configure NewSession.
type SessionOptions struct {
	// Now is the session's one clock (expiration, cacheTtl, propagation);
	// nil means time.Now.
	Now func() time.Time
	// StateDir is the directory kinds keep their files in: --persist-to,
	// or .edgedev/state under the project (see persist.Locate).
	StateDir string
	// Log receives warnings a kind has for the user; nil discards.
	Log func(level, line string)
}

// NewSession returns a session; Close it when the server stops.
func NewSession(o SessionOptions) *Session {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = func(string, string) {}
	}
	return &Session{now: o.Now, stateDir: o.StateDir, log: o.Log, opened: map[string]io.Closer{}}
}

// Clock is the session's clock, to hand to a binding.
func (s *Session) Clock() func() time.Time { return s.now }

// StateDir is where kinds keep their files.
func (s *Session) StateDir() string { return s.stateDir }

// Log writes a line to the dev server's log.
func (s *Session) Log(level, line string) { s.log(level, line) }

// ErrSessionClosed is returned by Open after Close.
var ErrSessionClosed = errors.New("binding session is closed")

// Open returns the resource under key, opening it with open the first time
// a kind asks. It is safe for concurrent use; open runs at most once per
// key while it succeeds (a failed open is tried again next time).
func (s *Session) Open(key string, open func() (io.Closer, error)) (io.Closer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrSessionClosed
	}
	if r, ok := s.opened[key]; ok {
		return r, nil
	}
	r, err := open()
	if err != nil {
		return nil, err
	}
	s.opened[key] = r
	s.order = append(s.order, key)
	return r, nil
}

// Opened returns the resource under key, or nil when no kind opened it.
func (s *Session) Opened(key string) io.Closer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opened[key]
}

// Close closes every resource, the last opened first, and returns the
// errors joined. Bindings built on the session must be closed before.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var errs []error
	for i := len(s.order) - 1; i >= 0; i-- {
		if err := s.opened[s.order[i]].Close(); err != nil {
			errs = append(errs, fmt.Errorf("close %s: %w", s.order[i], err))
		}
	}
	return errors.Join(errs...)
}
