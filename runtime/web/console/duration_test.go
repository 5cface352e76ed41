package console

import (
	"testing"
	"time"
)

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                     "0ms",
		1500 * time.Microsecond:               "1.5ms",
		999999 * time.Microsecond:             "999.999ms",
		time.Second:                           "1.000s",
		61*time.Second + 500*time.Millisecond: "1:01.500 (m:ss.mmm)",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03.000 (h:mm:ss.mmm)",
	} {
		if got := formatDuration(d); got != want {
			t.Errorf("formatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
