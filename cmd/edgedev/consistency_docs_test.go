package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConsistencyDocs runs docs/consistency.md the way a reader would: each
// walk-through starts `edgedev dev` (in this process) on a fresh copy of
// examples/worker with the flags the page gives, runs every ```sh block with
// sh and curl, checks each command's output against the "# " lines under
// it, applies each ```ts fix to the copy and waits for the reload, and
// checks that each ```log block's lines appear in the server's output.
// Sections without a start command continue on the previous server.
func TestConsistencyDocs(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, "docs/consistency.md"))
	if err != nil {
		t.Fatal(err)
	}
	var srv *docServer
	checked := 0
	for _, sec := range docSections(string(src)) {
		for _, b := range sec.blocks {
			switch b.lang {
			case "shell":
				demo := filepath.Join(t.TempDir(), "kv-demo")
				for _, line := range b.lines {
					line = strings.ReplaceAll(line, "/tmp/kv-demo", demo)
					if args, ok := strings.CutPrefix(line, "go run ./cmd/edgedev d1 "); ok {
						// a d1 command (walk-through 4's migration), in this process
						var out strings.Builder
						st := &state{stdout: &out, stderr: &out, stdin: strings.NewReader(""), getenv: os.Getenv, wd: root, ctx: context.Background()}
						if code := run(st, append([]string{"d1"}, strings.Fields(args)...)); code != 0 {
							t.Fatalf("%s: %s: exit %d\n%s", sec.title, line, code, out.String())
						}
						continue
					}
					if args, ok := strings.CutPrefix(line, "go run ./cmd/edgedev "); ok {
						srv = startDocServer(t, root, strings.Fields(args))
						continue
					}
					line = strings.ReplaceAll(line, "examples/worker", filepath.Join(root, "examples/worker"))
					if out, err := exec.Command("sh", "-c", line).CombinedOutput(); err != nil {
						t.Fatalf("%s: %s: %v\n%s", sec.title, line, err, out)
					}
				}
				srv.demo = demo
			case "sh":
				if srv == nil {
					t.Fatalf("%s: a command block before any server was started", sec.title)
				}
				checked += srv.runBlock(t, sec.title, b)
			case "ts":
				path, ok := strings.CutPrefix(b.lines[0], "// /tmp/kv-demo/")
				if !ok {
					continue
				}
				reloads := srv.out.count("reloaded (")
				body := strings.Join(b.lines[1:], "\n") + "\n"
				if err := os.WriteFile(filepath.Join(srv.demo, path), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
				srv.out.waitFor(t, "reloaded (", reloads+1)
			case "log":
				for _, want := range b.lines {
					// The request log is flushed every few milliseconds.
					if !srv.out.waitMatch(regexp.MustCompile(placeholders(want))) {
						t.Errorf("%s: the server did not log\n  %s\nit logged:\n%s", sec.title, want, srv.out)
					}
					checked++
				}
			}
		}
	}
	if checked < 30 {
		t.Errorf("only %d expectations checked; the page's blocks may not have been parsed", checked)
	}
}

type docBlock struct {
	lang  string
	lines []string
}

type docSection struct {
	title  string
	blocks []docBlock
}

// docSections splits the page into its ## sections and their fenced blocks.
func docSections(src string) []docSection {
	var secs []docSection
	var cur *docBlock
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "## "):
			secs = append(secs, docSection{title: strings.TrimPrefix(line, "## ")})
		case cur == nil && strings.HasPrefix(line, "```") && len(secs) > 0:
			cur = &docBlock{lang: strings.TrimPrefix(line, "```")}
		case cur != nil && line == "```":
			s := &secs[len(secs)-1]
			s.blocks = append(s.blocks, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	return secs
}

// placeholders turns an expected line into a regexp: <id> is a UUID, <ms> a
// request time.
func placeholders(want string) string {
	p := regexp.QuoteMeta(want)
	p = strings.ReplaceAll(p, "<id>", "[0-9a-f-]{36}")
	p = strings.ReplaceAll(p, "<ms>", `[0-9.]+m?s`)
	return p
}

// docServer is `edgedev dev` running in this process.
type docServer struct {
	port int
	out  *watchedBuffer
	demo string
}

func startDocServer(t *testing.T, root string, args []string) *docServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	s := &docServer{port: port, out: newWatchedBuffer()}
	ctx, cancel := context.WithCancel(context.Background())
	st := &state{stdout: s.out, stderr: s.out, stdin: strings.NewReader(""), getenv: os.Getenv, wd: root, ctx: ctx}
	done := make(chan int, 1)
	go func() { done <- run(st, append(args, "--port", strconv.Itoa(port))) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("edgedev %s exited with %d:\n%s", strings.Join(args, " "), code, s.out)
		}
	})
	s.out.waitFor(t, "Ready on ", 1)
	return s
}

// runBlock runs a ```sh block in one shell and compares each command's
// output with the "# " lines under it. It returns how many it compared.
func (s *docServer) runBlock(t *testing.T, title string, b docBlock) int {
	t.Helper()
	type command struct {
		line   string
		expect []string
	}
	var cmds []command
	for _, line := range b.lines {
		if want, ok := strings.CutPrefix(line, "# "); ok && len(cmds) > 0 {
			cmds[len(cmds)-1].expect = append(cmds[len(cmds)-1].expect, want)
		} else if strings.TrimSpace(line) != "" {
			cmds = append(cmds, command{line: line})
		}
	}
	var script strings.Builder
	for i, c := range cmds {
		line := strings.ReplaceAll(c.line, "localhost:8787", "127.0.0.1:"+strconv.Itoa(s.port))
		line = strings.ReplaceAll(line, "/tmp/kv-demo", s.demo)
		fmt.Fprintf(&script, "echo '@@@%d'\n%s\n", i, line)
	}
	out, err := exec.Command("sh", "-c", script.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: block failed: %v\n%s\n%s", title, err, script.String(), out)
	}
	parts := regexp.MustCompile(`@@@\d+\n`).Split(string(out), -1)[1:]
	n := 0
	for i, c := range cmds {
		if c.expect == nil {
			continue
		}
		n++
		got := strings.TrimRight(parts[i], "\n")
		want := strings.Join(c.expect, "\n")
		if !regexp.MustCompile("^" + placeholders(want) + "$").MatchString(got) {
			t.Errorf("%s: the command\n  %s\nprinted\n  %s\nthe page says\n  %s", title, c.line,
				strings.ReplaceAll(got, "\n", "\n  "), strings.ReplaceAll(want, "\n", "\n  "))
		}
	}
	return n
}

// watchedBuffer collects the server's output and lets the test wait for a
// line to appear, without sleeping.
type watchedBuffer struct {
	mu      sync.Mutex
	b       strings.Builder
	changed chan struct{} // closed and replaced on every write
}

func newWatchedBuffer() *watchedBuffer { return &watchedBuffer{changed: make(chan struct{})} }

func (w *watchedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	close(w.changed)
	w.changed = make(chan struct{})
	return len(p), nil
}

func (w *watchedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

func (w *watchedBuffer) count(s string) int { return strings.Count(w.String(), s) }

// waitMatch reports whether re matches the output within a few seconds.
func (w *watchedBuffer) waitMatch(re *regexp.Regexp) bool {
	deadline := time.After(5 * time.Second)
	for {
		w.mu.Lock()
		ok := re.MatchString(w.b.String())
		ch := w.changed
		w.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

// waitFor returns once s has appeared n times, or fails the test after a
// generous deadline (a build takes well under a second).
func (w *watchedBuffer) waitFor(t *testing.T, s string, n int) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		w.mu.Lock()
		ok := strings.Count(w.b.String(), s) >= n
		ch := w.changed
		w.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("waited 30s for %q (%d times); the server printed:\n%s", s, n, w.String())
		}
	}
}
