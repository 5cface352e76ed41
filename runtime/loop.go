package runtime

import (
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// loop is the event loop that owns one worker instance's goja.Runtime.
//
// The rule, stated once: only the loop goroutine touches the VM. Any other
// goroutine that wants JS to run posts a job. Go work started from JS (an
// fsync'd KV write, an outbound fetch, reading a request body) reserves a slot
// with reserve() while on the loop, runs elsewhere, and hands back exactly one
// job through the function reserve returned; the loop counts such slots so
// that Close can wait for them. goja drains its microtask queue when the
// outermost call into JS returns, so every job leaves no microtasks behind.
type loop struct {
	jobs chan func()
	done chan struct{} // closed when the loop goroutine has exited

	// pending counts reserved slots, timers and waitUntil promises: the work
	// that keeps an instance alive after the last response was written. It
	// is atomic so that freeing a slot never needs a job on the loop: the
	// loop freeing one of its own slots must not post to its own queue,
	// which would block forever once the queue is full.
	pending atomic.Int64
	// expected counts work that may still run JS but does not keep the
	// instance alive (module.Host.Expect).
	expected atomic.Int64
	// idle is signalled (non-blocking) whenever pending drops to zero.
	idle chan struct{}

	// jobStart is the monotonic start time (ns since loop start) of the job
	// that is running now, or 0 when the loop waits; the watchdog reads it.
	jobStart atomic.Int64
	epoch    time.Time

	// after, when set, runs on the loop after every job (the instance uses
	// it to report unhandled rejections and to notice interrupts).
	after func()
	// panicked, when set, receives a panic that escaped a job (a bug in a
	// native function, never the user's JS, whose throws goja turns into
	// errors) with its Go stack; the loop then goes on with the next job.
	panicked func(v any, stack []byte)

	stopOnce sync.Once
	stop     chan struct{}
}

func newLoop() *loop {
	return &loop{
		jobs:  make(chan func(), 1024),
		done:  make(chan struct{}),
		idle:  make(chan struct{}, 1),
		stop:  make(chan struct{}),
		epoch: time.Now(),
	}
}

// run executes jobs until shutdown is called. It is the loop goroutine.
func (l *loop) run() {
	defer close(l.done)
	for {
		select {
		case job := <-l.jobs:
			select {
			case <-l.stop: // stopping wins over queued work
				return
			default:
			}
			l.jobStart.Store(int64(time.Since(l.epoch)) | 1)
			l.runJob(job)
			l.jobStart.Store(0)
			if l.after != nil {
				l.runJob(l.after)
			}
		case <-l.stop:
			return
		}
	}
}

// runJob runs one job; a panic out of it goes to panicked instead of taking
// the process down.
func (l *loop) runJob(job func()) {
	if l.panicked != nil {
		defer func() {
			if v := recover(); v != nil {
				l.panicked(v, debug.Stack())
			}
		}()
	}
	job()
}

// post queues fn to run on the loop. It reports false when the loop has
// stopped; fn then never runs.
func (l *loop) post(fn func()) bool {
	select {
	case <-l.stop:
		return false
	default:
	}
	select {
	case l.jobs <- fn:
		return true
	case <-l.stop:
		return false
	}
}

// postWait runs fn on the loop and waits for it. It reports false when the
// loop stopped before fn ran.
func (l *loop) postWait(fn func()) bool {
	ran := make(chan struct{})
	if !l.post(func() { fn(); close(ran) }) {
		return false
	}
	select {
	case <-ran:
		return true
	case <-l.done:
		return false
	}
}

// reserve marks one unit of pending work and returns the function that hands
// the follow-up job back to the loop. Call it on the loop; call the returned
// function exactly once, from any goroutine.
func (l *loop) reserve() func(job func()) {
	l.pending.Add(1)
	return func(job func()) {
		l.post(func() {
			l.release()
			job()
		})
	}
}

// hold and release count pending work (a timer, a waitUntil promise, a
// reserved slot); release may run on any goroutine.
func (l *loop) hold() { l.pending.Add(1) }

func (l *loop) release() {
	if l.pending.Add(-1) == 0 {
		select {
		case l.idle <- struct{}{}:
		default:
		}
	}
}

// running reports how long the current job has been running, or 0.
func (l *loop) running() time.Duration {
	s := l.jobStart.Load()
	if s == 0 {
		return 0
	}
	return time.Since(l.epoch) - time.Duration(s)
}

// shutdown stops the loop after the job in progress; queued jobs are dropped.
func (l *loop) shutdown() {
	l.stopOnce.Do(func() { close(l.stop) })
}
