package durable

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/config"
	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

//go:embed durable.js
var durableJS string

var durableFile = module.NewJSFile("edgedev:durable/durable.js", durableJS)

// Dir is the folder of the state directory Durable Object storage lives in.
const Dir = "do"

// EntryGlobal is the global the bundle leaves the entry's exports in
// (bundler.GlobalName; a dev test checks the two agree), where a
// namespace finds its class.
const EntryGlobal = "__edgedev_worker"

// IdleTimeout is how long an object with no event is kept live before it
// is evicted (its in-memory state dropped, its storage kept), as workerd
// does locally ("Actor freed due to inactivity").
var IdleTimeout = 10 * time.Second

// Class is one Durable Object class's storage for a dev session: a folder
// of SQLite files, one per object, opened on first use and kept open for
// the session (across reloads, so a live object keeps its storage).
type Class struct {
	Name      string
	UniqueKey string // "<worker>-<class>", Miniflare's
	SQLite    bool   // new_sqlite_classes (else the SQL API is refused)
	dir       string
	ids       ids

	mu      sync.Mutex
	objects map[string]*Object
	closed  bool
	now     func() time.Time
	log     func(level, line string)
	alarms  *alarms
}

func openClass(stateDir, uniqueKey, name string, sqlite bool, now func() time.Time, log func(level, line string)) *Class {
	return &Class{Name: name, UniqueKey: uniqueKey, SQLite: sqlite, dir: filepath.Join(stateDir, Dir, uniqueKey),
		ids: newIDs(uniqueKey), objects: map[string]*Object{}, now: now, log: log}
}

// Object returns the object's storage, opening its file the first time.
func (c *Class) Object(id string) (*Object, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if o, ok := c.objects[id]; ok {
		return o, nil
	}
	if c.closed {
		return nil, fmt.Errorf("Durable Object storage of %s is closed (the dev server is stopping)", c.Name)
	}
	o, err := openObject(filepath.Join(c.dir, id+".sqlite"), id)
	if err != nil {
		return nil, err
	}
	c.objects[id] = o
	return o, nil
}

// Objects lists the ids of the class's objects that have storage on disk
// (one file each), sorted: what `edgedev` browses.
func (c *Class) Objects() ([]string, error) {
	m, err := filepath.Glob(filepath.Join(c.dir, "*.sqlite"))
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(m))
	for _, p := range m {
		if filepath.Base(p) == "metadata.sqlite" {
			continue
		}
		out = append(out, filepath.Base(p[:len(p)-len(".sqlite")]))
	}
	sort.Strings(out)
	return out, nil
}

// Close stops the alarms, commits and closes every open object.
func (c *Class) Close() error {
	c.mu.Lock()
	a := c.alarms
	c.mu.Unlock()
	var first error
	if a != nil {
		first = a.close()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for id, o := range c.objects {
		if err := o.Close(); err != nil && first == nil {
			first = err
		}
		delete(c.objects, id)
	}
	return first
}

// Bindings is the Durable Object kind's factory (the "durable_objects"
// line of bindings/builtin): one namespace per binding, each class's
// storage opened once per session. A binding to another worker's class is
// a start-up error until several workers run in one process.
func Bindings(s *bindings.Session, cfg *config.Config) ([]bindings.Named, error) {
	if len(cfg.DurableObjects) == 0 {
		return nil, nil
	}
	classes, err := config.DurableClasses(cfg.Migrations)
	if err != nil {
		return nil, fmt.Errorf("%s: migrations: %w", configName(cfg), err)
	}
	worker := cfg.Name
	if worker == "" {
		worker = "worker"
	}
	out := make([]bindings.Named, 0, len(cfg.DurableObjects))
	for i, b := range cfg.DurableObjects {
		if b.ScriptName != "" && b.ScriptName != cfg.Name {
			return nil, fmt.Errorf("%s line %d: durable_objects.bindings[%d] (%s) binds class %s of worker %q: edgedev runs one worker per server, so the class must be in this worker (%q); remove script_name, or run that worker's own edgedev dev",
				configName(cfg), b.Line, i, b.Name, b.ClassName, b.ScriptName, worker)
		}
		uk := worker + "-" + b.ClassName
		r, err := s.Open("do:"+uk, func() (io.Closer, error) {
			return openClass(s.StateDir(), uk, b.ClassName, classes[b.ClassName], s.Clock(), s.Log), nil
		})
		if err != nil {
			return nil, err
		}
		c := r.(*Class)
		out = append(out, bindings.Named{Name: b.Name, Kind: "Durable Object", Detail: b.ClassName + " (local)",
			Binding: &Namespace{class: c, log: s.Log}})
	}
	return out, nil
}

func configName(cfg *config.Config) string {
	if cfg.Path != "" {
		return filepath.Base(cfg.Path)
	}
	return "wrangler config"
}

// Namespace is one Durable Object namespace binding (env.NAME).
type Namespace struct {
	class *Class
	log   func(level, line string)
}

// Class is the namespace's class storage.
func (n *Namespace) Class() *Class { return n.class }

// Close implements bindings.Binding; the session closes the class.
func (n *Namespace) Close() error { return nil }

// Expose builds the namespace object for one worker instance.
func (n *Namespace) Expose(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	kit, err := webidl.Of(vm)
	if err != nil {
		return nil, err
	}
	c := n.class
	x := &exposed{n: n, h: h, vm: vm, kit: kit, commits: map[string]goja.Value{}}
	nat := module.NewNatives(vm)
	nat.Value("className", vm.ToValue(c.Name))
	nat.Value("sqlite", vm.ToValue(c.SQLite))
	nat.Value("entry", vm.ToValue(EntryGlobal))
	nat.Value("idleMs", vm.ToValue(IdleTimeout.Milliseconds()))
	nat.Func("idFromName", func(a goja.FunctionCall) goja.Value { return vm.ToValue(c.ids.fromName(a.Argument(0).String())) })
	nat.Func("newUniqueId", func(goja.FunctionCall) goja.Value { return vm.ToValue(c.ids.unique()) })
	nat.Func("checkId", func(a goja.FunctionCall) goja.Value { return vm.ToValue(c.ids.check(a.Argument(0).String())) })
	nat.Func("post", func(a goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(a.Argument(0))
		if !ok {
			panic(vm.NewTypeError("%s", "edgedev: post needs a function"))
		}
		back := h.Callback()
		go back(func() {
			if _, err := fn(goja.Undefined()); err != nil {
				h.ReportError("Uncaught exception in a Durable Object event", err)
			}
		})
		return goja.Undefined()
	})
	nat.Func("idle", func(a goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(a.Argument(0))
		time.AfterFunc(IdleTimeout, func() {
			h.Post(func() { _, _ = fn(goja.Undefined()) })
		})
		return goja.Undefined()
	})
	born := time.Now()
	nat.Func("monotonic", func(goja.FunctionCall) goja.Value { return vm.ToValue(time.Since(born).Milliseconds()) })
	// served logs which object served an event, once per request and
	// object/method (an RPC loop in one request is one line).
	var lastCtx context.Context
	var lastLabel string
	nat.Func("served", func(a goja.FunctionCall) goja.Value {
		ctx, label := h.Context(), a.Argument(0).String()
		if ctx == lastCtx && label == lastLabel {
			return goja.Undefined()
		}
		lastCtx, lastLabel = ctx, label
		h.Log("debug", label)
		return goja.Undefined()
	})
	nat.Func("get", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		keys := x.strings(a.Argument(1))
		es, err := o.Get(keys)
		x.check(err)
		sort.Slice(es, func(i, j int) bool { return es[i].Key < es[j].Key })
		return x.flat(es)
	})
	nat.Func("put", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		kv := x.strings(a.Argument(1))
		es := make([]Entry, 0, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			es = append(es, Entry{kv[i], []byte(kv[i+1])})
		}
		opened, err := o.Put(es)
		x.opened(o, opened)
		x.check(err)
		return goja.Undefined()
	})
	nat.Func("delete", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		k, opened, err := o.Delete(x.strings(a.Argument(1)))
		x.opened(o, opened)
		x.check(err)
		return vm.ToValue(k)
	})
	nat.Func("deleteAll", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		opened, err := o.DeleteAll()
		x.opened(o, opened)
		x.check(err)
		return goja.Undefined()
	})
	nat.Func("list", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		opt := ListOptions{Prefix: a.Argument(6).String(), Reverse: a.Argument(7).ToBoolean(), Limit: int(a.Argument(8).ToInteger())}
		if v := a.Argument(1); !goja.IsUndefined(v) {
			opt.Start, opt.HasStart, opt.StartAfter = v.String(), true, a.Argument(2).ToBoolean()
		}
		if v := a.Argument(3); !goja.IsUndefined(v) {
			opt.End, opt.HasEnd = v.String(), true
		}
		if goja.IsUndefined(a.Argument(6)) {
			opt.Prefix = ""
		}
		es, err := o.List(opt)
		x.check(err)
		return x.flat(es)
	})
	nat.Func("savepoint", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		opened, err := o.Savepoint(a.Argument(1).String())
		x.opened(o, opened)
		x.check(err)
		return goja.Undefined()
	})
	nat.Func("sql", func(a goja.FunctionCall) goja.Value {
		o := x.object(a.Argument(0))
		var params []any
		if arr, ok := a.Argument(2).(*goja.Object); ok {
			for _, k := range arr.Keys() {
				params = append(params, x.param(arr.Get(k)))
			}
		}
		res, opened, err := o.Exec(a.Argument(1).String(), params)
		x.opened(o, opened)
		x.check(err)
		rows := make([]any, len(res.Rows))
		for i, r := range res.Rows {
			row := make([]any, len(r))
			for j, v := range r {
				switch t := v.(type) {
				case int64:
					row[j] = float64(t)
				case []byte:
					row[j] = vm.NewArrayBuffer(bytes.Clone(t))
				default:
					row[j] = t
				}
			}
			rows[i] = vm.NewArray(row...)
		}
		cols := make([]any, len(res.Columns))
		for i, s := range res.Columns {
			cols[i] = s
		}
		return vm.NewArray(vm.NewArray(cols...), vm.NewArray(rows...), res.RowsRead, res.RowsWritten)
	})
	nat.Func("size", func(a goja.FunctionCall) goja.Value { return vm.ToValue(x.object(a.Argument(0)).Size()) })
	nat.Func("committed", func(a goja.FunctionCall) goja.Value {
		if p, ok := x.commits[a.Argument(0).String()]; ok {
			return p
		}
		return goja.Undefined()
	})
	alarmsOf := func() *alarms {
		a, err := c.alarmStore()
		x.check(err)
		return a
	}
	nat.Func("getAlarm", func(a goja.FunctionCall) goja.Value {
		ms, ok, err := alarmsOf().Get(a.Argument(0).String())
		x.check(err)
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(ms)
	})
	nat.Func("setAlarm", func(a goja.FunctionCall) goja.Value {
		x.check(alarmsOf().Set(a.Argument(0).String(), a.Argument(1).ToInteger()))
		return goja.Undefined()
	})
	nat.Func("deleteAlarm", func(a goja.FunctionCall) goja.Value {
		x.check(alarmsOf().Delete(a.Argument(0).String()))
		return goja.Undefined()
	})
	nat.Func("alarmFailed", func(a goja.FunctionCall) goja.Value {
		h.ReportError("Uncaught (in alarm)", a.Argument(0))
		return goja.Undefined()
	})
	fn, err := durableFile.Load(vm)
	if err != nil {
		return nil, err
	}
	ns, err := fn(goja.Undefined(), nat.Object())
	if err != nil {
		return nil, err
	}
	fire, ok := goja.AssertFunction(ns.ToObject(vm).Get("_fireAlarm"))
	if !ok {
		return nil, fmt.Errorf("edgedev: durable.js has no _fireAlarm")
	}
	_ = ns.ToObject(vm).Delete("_fireAlarm")
	// The newest instance runs the class's alarms (after a reload, the new
	// code); a restart finds the alarms set before it in metadata.sqlite.
	err = c.SetRunner(func(id string, retry int, done func(ran, ok bool)) {
		if !h.Post(func() {
			cb := vm.ToValue(func(ok bool) { done(true, ok) })
			if _, err := fire(goja.Undefined(), vm.ToValue(id), vm.ToValue(retry), cb); err != nil {
				done(true, false)
			}
		}) {
			done(false, false)
		}
	})
	return ns, err
}

// exposed is one instance's view of a namespace. Loop only.
type exposed struct {
	n       *Namespace
	h       bindings.Host
	vm      *goja.Runtime
	kit     *webidl.Kit
	commits map[string]goja.Value // id -> the promise of its open transaction's commit
}

func (x *exposed) object(id goja.Value) *Object {
	o, err := x.n.class.Object(id.String())
	x.check(err)
	return o
}

func (x *exposed) check(err error) {
	if err != nil {
		e, nerr := x.vm.New(x.vm.Get("Error"), x.vm.ToValue(err.Error()))
		if nerr != nil {
			panic(x.vm.NewGoError(err))
		}
		panic(e)
	}
}

// opened arranges the commit of a transaction a call just opened: in a
// later loop job (so the writes of this turn and its microtasks go in the
// same transaction), then the fsync off the loop, which settles the
// promise the output gate waits on with "" or the error's text.
func (x *exposed) opened(o *Object, opened bool) {
	if !opened {
		return
	}
	p, settle := x.h.Async()
	pv := x.vm.ToValue(p)
	x.commits[o.id] = pv
	// A later job: the writes of this turn, and of its microtasks, go in
	// the same transaction.
	back := x.h.Callback()
	go back(func() {
		err := o.Commit()
		finish := func(err error) {
			settle(func() (goja.Value, error) {
				if x.commits[o.id] == pv {
					delete(x.commits, o.id)
				}
				if err != nil {
					x.n.log("error", err.Error())
					return x.vm.ToValue(err.Error()), nil
				}
				return x.vm.ToValue(""), nil
			})
		}
		if err != nil {
			finish(err)
			return
		}
		o.Durable(finish)
	})
}

func (x *exposed) strings(v goja.Value) []string {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([]string, n)
	for i := range out {
		out[i] = o.Get(fmt.Sprint(i)).String()
	}
	return out
}

func (x *exposed) flat(es []Entry) goja.Value {
	out := make([]any, 0, 2*len(es))
	for _, e := range es {
		out = append(out, e.Key, string(e.Value))
	}
	return x.vm.NewArray(out...)
}

func (x *exposed) param(v goja.Value) any {
	if goja.IsNull(v) || goja.IsUndefined(v) {
		return nil
	}
	switch e := v.Export().(type) {
	case string:
		return e
	case int64:
		return e
	case float64:
		return e
	case bool:
		if e {
			return int64(1)
		}
		return int64(0)
	}
	if b, ok := x.kit.Bytes(v); ok {
		return bytes.Clone(b)
	}
	panic(x.vm.NewTypeError("%s", "Unsupported binding type: "+v.String()+" (a SQL binding is a string, a number, an ArrayBuffer or a view of one, or null)"))
}

var _ bindings.Binding = (*Namespace)(nil)
