package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"edgedev/hint"
)

// state is what a command may use from the outside world, so commands can
// run in-process in tests.
type state struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	wd             string
	// ctx ends when the process is asked to stop (SIGINT/SIGTERM).
	ctx context.Context
}

func newState() *state {
	wd, _ := os.Getwd()
	return &state{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, wd: wd, ctx: context.Background()}
}

// Exit codes: 0 success, 1 a user-facing error, 2 bad usage.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// usageError marks a command-line mistake (exit 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

const topUsage = `edgedev runs Cloudflare Workers and Pages projects on your machine.

Usage:
  edgedev dev [DIR|SCRIPT] [flags]     serve a worker, rebuilding on save
  edgedev pages dev [ASSETS_DIR]       serve a Pages project (static assets + functions/)
  edgedev kv <namespace|key|bulk> ...  manage local KV data (wrangler's kv commands)
  edgedev d1 <execute|migrations|...>  manage local D1 databases (wrangler's d1 commands)
  edgedev help <command>               show a command's flags

Run 'edgedev dev --help' for the flags.
`

func run(st *state, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(st.stderr, topUsage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "dev":
		err = runDev(st, args[1:])
	case "pages":
		err = runPages(st, args[1:])
	case "kv":
		err = runKV(st, args[1:])
	case "d1":
		err = runD1(st, args[1:])
	case "kv:namespace", "kv:key", "kv:bulk": // wrangler 3 spellings
		err = runKV(st, append([]string{strings.TrimPrefix(args[0], "kv:")}, args[1:]...))
	case "help", "-h", "--help":
		if len(args) > 1 {
			return run(st, []string{args[1], "--help"})
		}
		fmt.Fprint(st.stdout, topUsage)
		return exitOK
	case "version", "--version":
		fmt.Fprintln(st.stdout, "edgedev (development build)")
		return exitOK
	default:
		fmt.Fprintf(st.stderr, "edgedev: unknown command %q\n\n%s", args[0], topUsage)
		return exitUsage
	}
	return report(st, err)
}

func report(st *state, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err == errSilent {
		return exitError
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(st.stderr, "edgedev: %s\n", ue.msg)
		return exitUsage
	}
	fmt.Fprintf(st.stderr, "edgedev: %s\n", err)
	if h := hint.Of(err); h != "" {
		fmt.Fprintf(st.stderr, "hint: %s\n", h)
	}
	return exitError
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments, and returns the positionals; "--" ends the flags. A
// bad flag comes back as a usage error (exit 2), --help as flag.ErrHelp.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, usagef("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return pos, nil
}

// abs resolves a path flag against the working directory ("" stays "").
func (st *state) abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(st.wd, p)
}

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
