package clock_test

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"edgedev/clock"
)

func TestClock(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t.Run("a virtual clock stands still until advanced", func(t *testing.T) {
		c := clock.Virtual(start)
		if !c.Now().Equal(start) || !c.Now().Equal(start) {
			t.Fatalf("moved by itself: %v", c.Now())
		}
		got, err := c.Advance(90 * time.Second)
		if err != nil || !got.Equal(start.Add(90*time.Second)) || !c.Now().Equal(got) {
			t.Fatalf("Advance: %v %v, Now %v", got, err, c.Now())
		}
	})
	t.Run("it refuses to run backwards", func(t *testing.T) {
		c := clock.Virtual(start)
		if _, err := c.Advance(-time.Second); err == nil || !strings.Contains(err.Error(), "only moves forward") {
			t.Errorf("got %v", err)
		}
		if !c.Now().Equal(start) {
			t.Errorf("moved: %v", c.Now())
		}
	})
	t.Run("the real clock cannot be advanced", func(t *testing.T) {
		for _, c := range []*clock.Clock{clock.Real(), nil} {
			if _, err := c.Advance(time.Second); !errors.Is(err, clock.ErrReal) {
				t.Errorf("got %v", err)
			}
			if c.IsVirtual() || time.Since(c.Now()) > time.Minute {
				t.Errorf("real clock is off: %v", c.Now())
			}
		}
	})
	t.Run("concurrent advances all count", func(t *testing.T) {
		c := clock.Virtual(start)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 100 {
					_, _ = c.Advance(time.Millisecond)
					_ = c.Now()
				}
			})
		}
		wg.Wait()
		if got := c.Now().Sub(start); got != 800*time.Millisecond {
			t.Errorf("advanced by %v, want 800ms", got)
		}
	})
}

func TestParse(t *testing.T) {
	now := time.Date(2026, 3, 4, 5, 6, 7, 8, time.UTC)
	tests := []struct {
		in, want, err string
	}{
		{"", "real", ""},
		{"real", "real", ""},
		{"virtual", "virtual at 2026-03-04T05:06:00Z", ""},
		{"virtual@2026-01-01T00:00:00Z", "virtual at 2026-01-01T00:00:00Z", ""},
		{"virtual@2026-01-01T01:00:00+01:00", "virtual at 2026-01-01T00:00:00Z", ""},
		{"virtual@tomorrow", "", `must be RFC 3339, like virtual@2026-01-01T00:00:00Z (got "tomorrow")`},
		{"fake", "", `--clock "fake": use real, virtual, or virtual@2026-01-01T00:00:00Z`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := clock.Parse(tt.in, now)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || c.String() != tt.want {
				t.Fatalf("got %v %v, want %s", c, err, tt.want)
			}
		})
	}
}
