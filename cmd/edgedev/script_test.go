package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"edgedev/bindings/d1"
	"edgedev/dev"
	"edgedev/persist"
)

// The CLI tests are testscript files in testdata/script: each runs the real
// edgedev command (this test binary, re-executed as "edgedev") against a
// project in its own work directory and matches stdout, stderr and exit
// status. Commands that must live in the test process, such as a running
// dev server or a process that holds the store, are the custom commands
// below.

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"edgedev": func() {
			time.Local = time.UTC // as main does
			os.Exit(run(newState(), os.Args[1:]))
		},
	})
}

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":     cmdExits,
			"devserver": cmdDevServer,
			"fetch":     cmdFetch,
			"holdstore": cmdHoldStore,
			"holdd1":    cmdHoldD1,
			"unixtime":  cmdUnixTime,
			"repeat":    cmdRepeat,
		},
	})
}

// exits N command args...: runs the command like exec and checks that it
// exits with status N (0 ok, 1 user error, 2 usage). Its stdout and stderr
// can be matched afterwards.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// servers are the dev servers the scripts started, by script.
var servers sync.Map // *testscript.TestScript -> *dev.Server

// devserver start [--persist-to DIR] | devserver stop: a real dev server
// for the project in the current directory, on a free 127.0.0.1 port, in
// this process. start sets $DEV_URL. The script's end stops it.
func cmdDevServer(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: devserver start [--persist-to DIR] | devserver stop")
	}
	switch args[0] {
	case "start":
		opts := dev.Options{Dir: ts.MkAbs("."), Port: -1, Stdout: io.Discard, Stderr: io.Discard}
		if len(args) == 3 && args[1] == "--persist-to" {
			opts.PersistTo = ts.MkAbs(args[2])
		}
		srv, err := dev.New(opts)
		ts.Check(err)
		ts.Check(srv.Start())
		servers.Store(ts, srv)
		ts.Setenv("DEV_URL", srv.URL())
		ts.Defer(func() { stopServer(ts) })
	case "stop":
		stopServer(ts)
	default:
		ts.Fatalf("usage: devserver start | devserver stop")
	}
}

func stopServer(ts *testscript.TestScript) {
	v, ok := servers.LoadAndDelete(ts)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := v.(*dev.Server).Shutdown(ctx); err != nil {
		ts.Fatalf("dev server shutdown: %v", err)
	}
}

// fetch METHOD PATH [BODY]: an HTTP request to the script's dev server;
// prints the status code and the body on stdout.
func cmdFetch(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: fetch METHOD PATH [BODY]")
	}
	var body io.Reader
	if len(args) == 3 {
		body = strings.NewReader(args[2])
	}
	req, err := http.NewRequest(args[0], ts.Getenv("DEV_URL")+args[1], body)
	ts.Check(err)
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	ts.Check(err)
	fmt.Fprintf(ts.Stdout(), "%d\n%s", resp.StatusCode, b)
	if (resp.StatusCode >= 400) != neg {
		ts.Fatalf("%s %s: status %d", args[0], args[1], resp.StatusCode)
	}
}

// stores are the store files scripts hold open, by script.
var stores sync.Map // *testscript.TestScript -> *persist.Store

// holdstore [PATH] | holdstore release: opens the store file (default
// .edgedev/state/kv.db) in this process and keeps it open, the way another
// program would hold its lock.
func cmdHoldStore(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) == 1 && args[0] == "release" {
		if v, ok := stores.LoadAndDelete(ts); ok {
			ts.Check(v.(*persist.Store).Close())
		}
		return
	}
	path := persist.Locate("", ts.MkAbs("."))
	if len(args) == 1 {
		path = ts.MkAbs(args[0])
	}
	st, err := persist.Open(path, persist.Options{})
	ts.Check(err)
	stores.Store(ts, st)
	ts.Defer(func() {
		if v, ok := stores.LoadAndDelete(ts); ok {
			_ = v.(*persist.Store).Close()
		}
	})
}

// holdd1 PATH: opens the D1 database file PATH in this process (not a dev
// server) and keeps it open until the script ends, as another edgedev
// process holding it would.
func cmdHoldD1(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdd1 PATH")
	}
	db, err := d1.Open(ts.MkAbs(args[0]), nil)
	ts.Check(err)
	ts.Defer(func() { _ = db.Close() })
}

// unixtime VAR [+-SECONDS]: sets $VAR to the current unix time plus an
// offset, for --expiration tests.
func cmdUnixTime(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: unixtime VAR [OFFSET]")
	}
	off := int64(0)
	if len(args) == 2 {
		var err error
		off, err = strconv.ParseInt(args[1], 10, 64)
		ts.Check(err)
	}
	ts.Setenv(args[0], strconv.FormatInt(time.Now().Unix()+off, 10))
}

// repeat VAR N STR [PREFIX [SUFFIX]]: sets $VAR to PREFIX, then STR N
// times, then SUFFIX; for values at a size limit.
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 3 || len(args) > 5 {
		ts.Fatalf("usage: repeat VAR N STR [PREFIX [SUFFIX]]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	args = append(args, "", "")
	ts.Setenv(args[0], args[3]+strings.Repeat(args[2], n)+args[4])
}
