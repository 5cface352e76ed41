package dev

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"edgedev/bundler"
	"edgedev/hint"
)

// logger writes the request log and the worker's console output. Lines go
// through one buffered writer flushed every few milliseconds, so a request
// costs no write syscall of its own under load while a person at the
// terminal still sees each line at once.
type logger struct {
	mu     sync.Mutex
	out    *bufio.Writer
	errw   io.Writer
	dirty  bool
	ticker *time.Ticker
	stop   chan struct{}
}

const logFlushEvery = 20 * time.Millisecond

func newLogger(out, errw io.Writer) *logger {
	l := &logger{out: bufio.NewWriterSize(out, 32<<10), errw: errw, stop: make(chan struct{})}
	l.ticker = time.NewTicker(logFlushEvery)
	go func() {
		for {
			select {
			case <-l.ticker.C:
			case <-l.stop:
				return
			}
			l.mu.Lock()
			if l.dirty {
				_ = l.out.Flush()
				l.dirty = false
			}
			l.mu.Unlock()
		}
	}()
	return l
}

// close flushes and stops the flusher; later lines are still written (and
// flushed by the next print).
func (l *logger) close() {
	l.flush()
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case <-l.stop:
	default:
		l.ticker.Stop()
		close(l.stop)
	}
}

func (l *logger) print(s string) {
	l.mu.Lock()
	_, _ = l.out.WriteString(s)
	_ = l.out.Flush()
	l.dirty = false
	l.mu.Unlock()
}

// requestAt logs one line per request: method, path, status, time, and
// the simulated location that served it ("GET / 200 0.41ms at LHR"; ""
// means none). A failed request adds its error below.
func (l *logger) requestAt(method, path, location string, status int, took time.Duration, err error) {
	var buf [128]byte
	b := buf[:0]
	b = append(b, method...)
	b = append(b, ' ')
	b = append(b, path...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	b = appendDuration(b, took)
	if location != "" {
		b = append(b, " at "...)
		b = append(b, location...)
	}
	b = append(b, '\n')
	l.mu.Lock()
	_, _ = l.out.Write(b)
	if err != nil {
		l.out.WriteString(indent(err.Error()))
		_ = l.out.Flush()
		l.dirty = false
	} else {
		l.dirty = true
	}
	l.mu.Unlock()
}

func appendDuration(b []byte, d time.Duration) []byte {
	switch {
	case d < time.Millisecond:
		return append(strconv.AppendFloat(b, float64(d)/1e6, 'f', 2, 64), "ms"...)
	case d < time.Second:
		return append(strconv.AppendFloat(b, float64(d)/1e6, 'f', 1, 64), "ms"...)
	default:
		return append(strconv.AppendFloat(b, d.Seconds(), 'f', 2, 64), 's')
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") + "\n"
}

// console receives the worker's console output and runtime errors.
func (l *logger) console(level, line string) {
	prefix := ""
	switch level {
	case "warn":
		prefix = "warning: "
	case "error":
		prefix = "error: "
	}
	l.print(prefix + line + "\n")
}

// binding receives what a binding kind has to say (bindings.Session.Log):
// warnings and errors go to stderr as dev's own do, the rest to stdout.
func (l *logger) binding(level, line string) {
	switch level {
	case "error":
		l.error(line)
	case "warn":
		l.warn(line)
	default:
		l.print(line + "\n")
	}
}

func (l *logger) warn(s string) {
	l.flush()
	fmt.Fprintf(l.errw, "warning: %s\n", strings.TrimPrefix(s, "warning: "))
}

// diagnostic prints a bundler message, which names its own kind after its
// location ("src/a.ts:3:7: warning: ...").
func (l *logger) diagnostic(m bundler.Message) {
	l.flush()
	fmt.Fprintln(l.errw, m.String())
}

func (l *logger) error(s string) {
	l.flush()
	fmt.Fprintf(l.errw, "error: %s\n", s)
}

func (l *logger) flush() {
	l.mu.Lock()
	_ = l.out.Flush()
	l.dirty = false
	l.mu.Unlock()
}

// withHint is err's message with its hint (package hint) on a line of its
// own, for the places dev itself prints an error rather than returning it
// to the CLI, which prints the hint the same way.
func withHint(err error) string {
	if h := hint.Of(err); h != "" {
		return err.Error() + "\nhint: " + h
	}
	return err.Error()
}
