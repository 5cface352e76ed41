package runtime

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// DefaultMemoryLimit is the Go heap a worker may grow the process to when
// Options.MemoryLimit is zero. The platform gives an isolate 128 MB of V8
// heap; goja's objects are larger than V8's, and the dev server, esbuild's
// context and the KV caches share the process's heap, so the limit is on
// the whole heap and generous. Measured with GODEBUG=gctrace=1 under wrk on
// this machine (December 2026): the example worker peaks at 4 MB of live
// heap, the hono app at 8 MB, a handler that renders a 20,000-row HTML
// table at 38 MB. At 1 GiB the runaway (100 MB strings, yielding
// between them) is stopped after 5.5 s and one that never yields after
// 5.0 s (RSS peaks near 1.5 GB), and RSS is back to 31 MB a second later.
const DefaultMemoryLimit = 1 << 30

// memoryOver reports whether the live Go heap is above limit, and how
// large it is: the live heap the last GC marked, which costs no GC to read
// (~0.3 µs), so garbage not yet collected never counts against a worker.
// The runtime collects as the heap grows (at GOGC over the last live
// figure), so a runaway is seen within a cycle or two. Only when the heap
// in use is half again over the limit and no GC has caught up does it
// collect itself, and only off the loop (mayGC: the watchdog), so a worker
// whose live heap fits is never made to wait for a forced GC.
func memoryOver(limit int64, mayGC bool) (int64, bool) {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	live, inUse := int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
	lastLive.Store(live)
	if live > limit {
		return live, true
	}
	if !mayGC || inUse <= limit+limit/2 {
		return live, false
	}
	runtime.GC()
	metrics.Read(s)
	live = int64(s[0].Value.Uint64())
	return live, live > limit
}

// lastLive is the live heap the last reading saw: every turn of the loop
// compares it with the limit (an atomic load), so the turn after a
// watchdog reading crosses the limit ends the runaway, between readings.
var lastLive atomic.Int64

// checkMemory ends the instance if the heap is over the limit: the JS
// running now is interrupted, the requests in flight fail with the
// platform's error, and afterJob retires the instance. From the watchdog
// it also posts an empty job so an idle loop gets to afterJob; the loop
// itself (onLoop) never posts to its own queue, which could be full.
func (inst *instance) checkMemory(onLoop bool) bool {
	limit := inst.w.opts.MemoryLimit
	if limit <= 0 || !inst.running.Load() {
		return false // not yet: start still holds the instance this one replaces
	}
	n, over := memoryOver(limit, !onLoop)
	if !over {
		return false
	}
	se := &ScriptError{Kind: KindMemoryLimit, Message: fmt.Sprintf(
		"Error: Worker exceeded memory limit. The process heap reached %d MB (the limit is %d MB; set it with --memory-limit, 0 to turn it off). "+
			"edgedev started a fresh instance of the worker, so module-level state was reset.", n>>20, limit>>20)}
	if inst.interrupted.CompareAndSwap(nil, se) {
		inst.vm.Interrupt(se)
		if !onLoop {
			inst.loop.post(func() {}) // an idle loop runs afterJob now, not at the next request
		}
	}
	return true
}

// freeMemory gives the heap a retired instance held back to the OS.
func freeMemory() { debug.FreeOSMemory() }
