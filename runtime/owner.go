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

// tracker implements goja.AsyncContextTracker over instance.owner.
type tracker struct{ inst *instance }

func (t tracker) Grab() any {
	if c := t.inst.owner; c != nil {
		return c
	}
	return nil
}

func (t tracker) Resumed(obj any) {
	c, _ := obj.(*call)
	t.inst.owner = c
}

func (t tracker) Exited() { t.inst.owner = nil }

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
