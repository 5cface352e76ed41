package runtime

import (
	"context"
	"errors"
	"sync"
)

// Which request a piece of JS works for. workerd ties every timer, fetch and
// promise job to the request (its IoContext) that started it, and cancels
// them when that request's client goes away, unless the work was handed to
// ctx.waitUntil. edgedev follows the same thread: the handler runs with its
// call as the instance's owner; goja's AsyncContextTracker carries the owner
// into every promise job the handler's promises schedule; a Callback or
// Async slot taken under an owner runs its job under it again. Modules see
// the owner through Host.Context, which is then the request's context,
// cancelled on disconnect (timers clear themselves; fetch aborts).

// requestScope is a call's cancellation: made on first use, so a request
// that never asks costs nothing. Its context does not descend from the
// instance's, so it needs no cancelling when the request ends normally;
// work that must also stop on retirement watches the instance's context
// too.
type requestScope struct {
	once     sync.Once
	ctx      context.Context
	cancel   context.CancelCauseFunc
	detached bool // the request handed work to waitUntil: a disconnect cancels nothing; loop only
}

func (s *requestScope) context() context.Context {
	s.once.Do(func() { s.ctx, s.cancel = context.WithCancelCause(context.Background()) })
	return s.ctx
}

// abandon cancels the request's work after its client went away. Loop only.
func (s *requestScope) abandon() {
	if s.detached {
		return
	}
	s.context()
	s.cancel(ErrAbandoned)
}

// ErrAbandoned is why a request's work stops when its client leaves: what
// a fetch it started rejects with, in words.
var ErrAbandoned = errors.New("the client went away before the response, so edgedev stopped the work of its request (its timers and fetches), as the platform does; hand work that must finish to ctx.waitUntil")

// tracker implements goja.AsyncContextTracker over instance.owner and
// instance.frame. The frame is AsyncLocalStorage's (node:async_hooks, via
// Host.AsyncFrame): it travels the same roads as the owner, so a store set
// in a request is seen by that request's promise jobs, timers and
// callbacks, and by no other request's. While no frame is set (a worker
// without AsyncLocalStorage), the captured context is the owner itself,
// as before, with no allocation.
type tracker struct{ inst *instance }

// asyncContext is an owner and a frame captured together.
type asyncContext struct {
	owner *call
	frame any
}

func (t tracker) Grab() any {
	return t.inst.capture()
}

func (t tracker) Resumed(obj any) { t.inst.restore(obj) }

func (t tracker) Exited() { t.inst.owner, t.inst.frame = nil, nil }

// capture is the running JS's owner and frame, for restore later.
func (inst *instance) capture() any {
	if inst.frame != nil {
		return &asyncContext{owner: inst.owner, frame: inst.frame}
	}
	if c := inst.owner; c != nil {
		return c
	}
	return nil
}

// restore makes a capture's owner and frame the running ones.
func (inst *instance) restore(obj any) {
	switch v := obj.(type) {
	case *call:
		inst.owner, inst.frame = v, nil
	case *asyncContext:
		inst.owner, inst.frame = v.owner, v.frame
	default:
		inst.owner, inst.frame = nil, nil
	}
}

// withCaptured runs fn under a capture, restoring the previous state.
func (inst *instance) withCaptured(obj any, fn func()) {
	prevOwner, prevFrame := inst.owner, inst.frame
	inst.restore(obj)
	defer func() { inst.owner, inst.frame = prevOwner, prevFrame }()
	fn()
}

// AsyncFrame and SetAsyncFrame implement module.Host.
func (inst *instance) AsyncFrame() any     { return inst.frame }
func (inst *instance) SetAsyncFrame(f any) { inst.frame = f }

// withOwner runs fn with c as the owner, restoring the previous one.
func (inst *instance) withOwner(c *call, fn func()) {
	prev := inst.owner
	inst.owner = c
	defer func() { inst.owner = prev }()
	fn()
}

// abandon stops c's work after its client left, and says so once per
// instance in the log (the request log shows each one as a 499). Loop only.
func (inst *instance) abandon(c *call) {
	if c.scope.detached {
		return
	}
	c.scope.abandon()
	if !inst.abandonedOnce {
		inst.abandonedOnce = true
		inst.w.opts.Log("warn", ErrAbandoned.Error()+" (said once per worker instance)")
	}
}
