package runtime

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// DefaultMemoryLimit is the Go heap a worker may grow the process to when
// Options.MemoryLimit is zero. The platform gives an isolate 128 MB of V8
// heap; goja's objects are larger than V8's, and the dev server, esbuild's
// context and the KV caches share the process's heap, so the limit is on
// the whole heap and generous. Measured with GODEBUG=gctrace=1 under wrk on
// this machine (December 2026): the example worker peaks at 4 MB of live
// heap, the hono app at 8 MB, a handler that renders a 20,000-row HTML
// table at 38 MB. At 1 GiB the runaway (100 MB strings, yielding
// between them) is stopped after 5.4 s and one that never yields after
// 4.2 s, and RSS is back to 32 MB a second later.
const DefaultMemoryLimit = 1 << 30

// heapSample reads the bytes of heap objects (live and not yet swept): a
// read costs ~0.3 µs, so the watchdog and the loop can afford it.
var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// memoryOver reports whether the live Go heap is above limit, and how
// large it is. Only when the cheap reading is over does it run a GC, so
// garbage not yet collected never counts against a worker.
func memoryOver(limit int64) (int64, bool) {
	s := []metrics.Sample{heapSample[0]}
	metrics.Read(s)
	if int64(s[0].Value.Uint64()) <= limit {
		return 0, false
	}
	runtime.GC()
	metrics.Read(s)
	n := int64(s[0].Value.Uint64())
	return n, n > limit
}

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
	n, over := memoryOver(limit)
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
