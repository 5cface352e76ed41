package runtime

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"edgedev/bindings"
)

// DefaultCPULimit bounds one uninterrupted stretch of JS (a job on the event
// loop) when Options.CPULimit is zero. The platform's paid default is 30 s of
// CPU per request, and goja runs plain JS 2-15x slower than V8, so a limit
// that would be faithful cannot be; this one only exists to stop runaway
// loops without waiting half a minute.
const DefaultCPULimit = 10 * time.Second

// Options configure a Worker.
type Options struct {
	// Script is the bundled worker (see bundler.Result.Script). Required.
	Script string
	// Filename is the name Script compiles under. Source-map paths in stack
	// traces are relative to its directory.
	Filename string
	// GlobalName is the global that holds the entry's exports after Script
	// ran; its "default" export makes a module-format worker. Empty means
	// service-worker format only.
	GlobalName string
	// Bindings become env.NAME (module format) or globals (service worker),
	// in this order.
	Bindings []bindings.Named
	// CPULimit stops a stretch of JS that runs longer than this without
	// yielding; 0 means DefaultCPULimit, negative means no limit.
	CPULimit time.Duration
	// MemoryLimit ends an instance that grows the process's Go heap past
	// this many bytes, as the platform ends an isolate past 128 MB; 0 means
	// DefaultMemoryLimit, negative means no limit.
	MemoryLimit int64
	// Log receives console output and runtime errors, one line at a time;
	// level is "log", "info", "warn", "error" or "debug". Nil discards.
	Log func(level, line string)
	// Now is the clock Date.now, bindings and timers-of-record read. Nil
	// means time.Now.
	Now func() time.Time
	// CF is the placeholder request.cf object (see DefaultCF).
	CF map[string]any
	// Node is the worker's Node.js compatibility: which node: modules the
	// module loader serves (loader.go) and which Node globals it has.
	Node NodeCompat
}

// Worker runs one bundled script. It serves requests on one instance at a
// time; when a request is stopped by the CPU limit the instance is thrown
// away and a fresh one takes its place (module state resets, as when the
// platform recycles an isolate).
//
// A Worker is safe for concurrent use by many HTTP goroutines.
type Worker struct {
	opts Options
	prg  *goja.Program

	mu   sync.Mutex // guards inst replacement
	inst atomic.Pointer[instance]

	gate   gate
	closed atomic.Bool

	source scriptSource // the script's text at an error's position, for V8's error texts
}

// New compiles the script and starts its first instance, running the
// script's top level. A syntax error or a throw at top level comes back as a
// *ScriptError; the caller may keep serving it as an error page.
func New(opts Options) (*Worker, error) {
	if opts.Filename == "" {
		opts.Filename = "worker.js"
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = func(string, string) {}
	}
	if opts.CPULimit == 0 {
		opts.CPULimit = DefaultCPULimit
	}
	if opts.MemoryLimit == 0 {
		opts.MemoryLimit = DefaultMemoryLimit
	}
	if opts.CF == nil {
		opts.CF = DefaultCF()
	}
	prg, err := goja.Compile(opts.Filename, opts.Script, true)
	if err != nil {
		return nil, compileError(err)
	}
	w := &Worker{opts: opts, prg: prg}
	inst, err := w.start()
	if err != nil {
		return nil, err
	}
	w.inst.Store(inst)
	return w, nil
}

// current returns the instance serving new requests.
func (w *Worker) current() *instance { return w.inst.Load() }

// replace swaps in a fresh instance for the broken one, unless that already
// happened. It runs on the goroutine that noticed the breakage, never on a
// loop.
func (w *Worker) replace(broken *instance) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.inst.Load() != broken || w.closed.Load() {
		return
	}
	inst, err := w.start()
	if err != nil {
		// The script ran fine before; a failure now is worth a log line,
		// and the broken instance keeps answering with its error.
		w.opts.Log("error", "restarting the worker after it was stopped: "+err.Error())
		return
	}
	w.inst.Store(inst)
	if se := broken.interrupted.Load(); se != nil && se.Kind == KindMemoryLimit {
		freeMemory() // the broken instance is unreachable now
	}
}

// Close stops accepting requests, waits until requests in flight and their
// waitUntil work finish (or ctx ends), then stops the instance. Bindings are
// not closed: they belong to whoever built them.
func (w *Worker) Close(ctx context.Context) error {
	if w.closed.Swap(true) {
		return nil
	}
	err := w.gate.closeAndWait(ctx)
	inst := w.current()
	if err == nil {
		err = inst.drain(ctx)
	}
	inst.stop()
	return err
}

// ErrClosed is returned by Serve on a worker that Close has begun to stop;
// a caller that swapped in a new worker retries there.
var ErrClosed = errors.New("worker is shutting down")

// gate counts requests in flight and, once closed, admits no more.
type gate struct {
	mu     sync.Mutex
	n      int
	closed bool
	zero   chan struct{} // made by closeAndWait; closed when n reaches 0
}

func (g *gate) enter() bool {
	g.mu.Lock()
	ok := !g.closed
	if ok {
		g.n++
	}
	g.mu.Unlock()
	return ok
}

func (g *gate) leave() {
	g.mu.Lock()
	g.n--
	if g.n == 0 && g.zero != nil {
		close(g.zero)
		g.zero = nil
	}
	g.mu.Unlock()
}

func (g *gate) closeAndWait(ctx context.Context) error {
	g.mu.Lock()
	g.closed = true
	if g.n == 0 {
		g.mu.Unlock()
		return nil
	}
	zero := make(chan struct{})
	g.zero = zero
	g.mu.Unlock()
	select {
	case <-zero:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("close worker: requests still running: %w", ctx.Err())
	}
}

// RunOnLoop runs fn on the event loop of the instance serving requests and
// waits for it, the way k6's RunOnEventLoop lets a test or a tool touch the
// VM (runtimetest uses it for benchmarks and Go-side checks). A goja
// exception fn panics with comes back as its error; JS that fn runs must not
// block.
func (w *Worker) RunOnLoop(fn func(vm *goja.Runtime) error) error {
	inst := w.current()
	var err error
	if !inst.loop.postWait(func() {
		defer func() {
			if r := recover(); r != nil {
				if v, ok := r.(goja.Value); ok {
					err = inst.describe(KindUncaught, v)
					return
				}
				panic(r)
			}
		}()
		err = fn(inst.vm)
	}) {
		return ErrClosed
	}
	return err
}
