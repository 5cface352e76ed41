package clock

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// ErrReal is returned by Advance on a real clock: real time cannot be
// moved.
var ErrReal = errors.New("the clock is real and cannot be advanced")

// Clock is either the real clock or a virtual one. The zero value and a nil
// *Clock are real.
type Clock struct {
	virtual bool
	now     atomic.Int64 // unix nanoseconds; virtual clocks only
}

// Real returns a clock that reads time.Now.
func Real() *Clock { return &Clock{} }

// Virtual returns a clock that reads start until Advance moves it.
func Virtual(start time.Time) *Clock {
	c := &Clock{virtual: true}
	c.now.Store(start.UnixNano())
	return c
}

// Now returns the clock's time. A virtual clock's time is in UTC.
func (c *Clock) Now() time.Time {
	if c == nil || !c.virtual {
		return time.Now()
	}
	return time.Unix(0, c.now.Load()).UTC()
}

// IsVirtual reports whether the clock is virtual.
func (c *Clock) IsVirtual() bool { return c != nil && c.virtual }

// Advance moves a virtual clock forward by d and returns the new time. It
// fails with ErrReal on a real clock and refuses to go backwards: nothing
// that read the clock expects time to run back.
func (c *Clock) Advance(d time.Duration) (time.Time, error) {
	if !c.IsVirtual() {
		return time.Time{}, ErrReal
	}
	if d < 0 {
		return time.Time{}, fmt.Errorf("cannot move the clock back by %s: time only moves forward", -d)
	}
	return time.Unix(0, c.now.Add(int64(d))).UTC(), nil
}

// String describes the clock for a start-up banner: "real", or "virtual at
// 2026-01-01T00:00:00Z".
func (c *Clock) String() string {
	if !c.IsVirtual() {
		return "real"
	}
	return "virtual at " + c.Now().Format(time.RFC3339Nano)
}

// Parse reads the value of a --clock flag:
//
//	real                        time.Now (the default; "" means the same)
//	virtual                     virtual, starting at now rounded down to the
//	                            whole minute, so per-minute windows line up
//	virtual@2026-01-01T00:00:00Z  virtual, starting at that RFC 3339 time
//
// now is the real time to start from; callers pass time.Now().
func Parse(s string, now time.Time) (*Clock, error) {
	switch {
	case s == "" || s == "real":
		return Real(), nil
	case s == "virtual":
		return Virtual(now.UTC().Truncate(time.Minute)), nil
	case strings.HasPrefix(s, "virtual@"):
		at := strings.TrimPrefix(s, "virtual@")
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return nil, fmt.Errorf("--clock %s: the start time must be RFC 3339, like virtual@2026-01-01T00:00:00Z (got %q)", s, at)
		}
		return Virtual(t), nil
	}
	return nil, fmt.Errorf("--clock %q: use real, virtual, or virtual@2026-01-01T00:00:00Z", s)
}
