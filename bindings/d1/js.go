package d1

// The JS side of a D1 binding: d1.js holds the classes (their shapes and
// error texts follow workerd's d1-api.ts); this file gives it native.run,
// which converts the queries on the loop, runs them on the database's own
// goroutine, and settles the promise back on the loop. No SQL ever runs on
// the event loop.

import (
	_ "embed"
	"fmt"
	"math"

	"github.com/dop251/goja"

	"edgedev/bindings"
	"edgedev/runtime/module"
)

//go:embed d1.js
var d1JS string

var d1File = module.NewJSFile("edgedev:d1.js", d1JS)

// Binding is one [[d1_databases]] entry: a database, exposed as a
// D1Database in every worker instance.
type Binding struct {
	db *Database
}

// NewBinding returns the binding of db. The binding does not own db.
func NewBinding(db *Database) *Binding { return &Binding{db: db} }

// Expose builds env.NAME for one worker instance.
func (b *Binding) Expose(h bindings.Host) (goja.Value, error) {
	vm := h.VM()
	n := module.NewNatives(vm)
	n.Func("run", func(call goja.FunctionCall) goja.Value {
		return b.run(h, call.Argument(0), call.Argument(1))
	})
	errorCtor := vm.Get("Error")
	n.Func("query", func(call goja.FunctionCall) goja.Value {
		return b.query(h, errorCtor, int(call.Argument(0).ToInteger()), call.Argument(1), call.Argument(2), call.Argument(3))
	})
	mk, err := d1File.Load(vm)
	if err != nil {
		return nil, fmt.Errorf("d1 binding: %w", err)
	}
	newDB, err := mk(goja.Undefined(), n.Object())
	if err != nil {
		return nil, fmt.Errorf("d1 binding: %w", err)
	}
	fn, ok := goja.AssertFunction(newDB)
	if !ok {
		return nil, fmt.Errorf("d1 binding: d1.js did not return a function")
	}
	v, err := fn(goja.Undefined())
	if err != nil {
		return nil, fmt.Errorf("d1 binding: %w", err)
	}
	if err := bindings.MarkUncloneable(vm, v.ToObject(vm), "A D1 database binding cannot be serialized."); err != nil {
		return nil, err
	}
	return v, nil
}

// Close does nothing: the database belongs to the session.
func (b *Binding) Close() error { return nil }

// run is native.run(sqls, params): it reads the arguments on the loop and
// hands the work to the database goroutine.
func (b *Binding) run(h bindings.Host, sqlsV, paramsV goja.Value) goja.Value {
	vm := h.VM()
	sqls := sqlsV.ToObject(vm)
	params := paramsV.ToObject(vm)
	n := int(sqls.Get("length").ToInteger())
	queries := make([]Query, 0, n)
	for i := 0; i < n; i++ {
		sql := sqls.Get(itoa(i)).String()
		ps := params.Get(itoa(i))
		// Miniflare drops statements that are only blanks before it runs a
		// call (reference section 1.5).
		if isBlank(sql) {
			continue
		}
		queries = append(queries, Query{SQL: sql, Params: paramValues(vm, ps)})
	}
	p, settle := h.Async()
	if len(queries) == 0 {
		settle(func() (goja.Value, error) { return nil, module.Reject(vm.ToValue(msgNoStatements)) })
		return vm.ToValue(p)
	}
	b.db.Run(queries, func(a Answer) {
		settle(func() (goja.Value, error) {
			if a.Err != nil {
				return nil, module.Reject(vm.ToValue(a.Err.Error()))
			}
			return answerValue(vm, a), nil
		})
	})
	return vm.ToValue(p)
}

// The kinds of native.query, one per D1PreparedStatement method.
const (
	kindFirst = iota
	kindAll   // all() and run(): the same D1Result
	kindRaw
	kindRawColumns // raw({columnNames: true})
)

// query is native.query(kind, sql, params, arg): one prepared statement on
// the always-primary session (the path nearly every request takes), with
// the method's final value built here, so the statement costs the worker
// one promise. arg is first()'s column name.
func (b *Binding) query(h bindings.Host, errorCtor goja.Value, kind int, sqlV, paramsV, arg goja.Value) goja.Value {
	vm := h.VM()
	sql := sqlV.String()
	p, settle := h.Async()
	if isBlank(sql) {
		settle(func() (goja.Value, error) {
			return nil, d1Reject(vm, errorCtor, "D1_ERROR", msgNoStatements, msgNoStatements)
		})
		return vm.ToValue(p)
	}
	col, hasCol := "", false
	if kind == kindFirst && !goja.IsUndefined(arg) {
		col, hasCol = arg.String(), true
	}
	q := []Query{{SQL: sql, Params: paramValues(vm, paramsV)}}
	b.db.Run(q, func(a Answer) {
		settle(func() (goja.Value, error) {
			if a.Err != nil {
				msg := a.Err.Error()
				return nil, d1Reject(vm, errorCtor, "D1_ERROR", msg, msg)
			}
			r := a.Results[0]
			switch kind {
			case kindFirst:
				if len(r.Rows) == 0 {
					return goja.Null(), nil
				}
				if hasCol {
					// A repeated column keeps its last value, as in the row object.
					for i := len(r.Columns) - 1; i >= 0; i-- {
						if r.Columns[i] == col {
							if v := cellValue(vm, r.Rows[0][i]); v != nil {
								return vm.ToValue(v), nil
							}
							return goja.Null(), nil
						}
					}
					return nil, d1Reject(vm, errorCtor, "D1_COLUMN_NOTFOUND", "Column not found ("+col+")", "Column not found")
				}
				return rowObject(vm, r.Columns, r.Rows[0]), nil
			case kindRaw, kindRawColumns:
				rows := make([]any, 0, len(r.Rows)+1)
				if kind == kindRawColumns {
					cols := make([]any, len(r.Columns))
					for i, c := range r.Columns {
						cols[i] = c
					}
					rows = append(rows, vm.NewArray(cols...))
				}
				for _, row := range r.Rows {
					cells := make([]any, len(row))
					for k, c := range row {
						cells[k] = cellValue(vm, c)
					}
					rows = append(rows, vm.NewArray(cells...))
				}
				return vm.NewArray(rows...), nil
			}
			results := make([]any, len(r.Rows))
			for i, row := range r.Rows {
				results[i] = rowObject(vm, r.Columns, row)
			}
			o := vm.NewObject()
			_ = o.Set("success", true)
			_ = o.Set("meta", metaValue(vm, r.Meta))
			_ = o.Set("results", vm.NewArray(results...))
			return o, nil
		})
	})
	return vm.ToValue(p)
}

// rowObject is one row as D1 returns it: {column: value}, a repeated
// column name keeping its last value (Object.fromEntries).
func rowObject(vm *goja.Runtime, cols []string, row []any) *goja.Object {
	o := vm.NewObject()
	for i, c := range cols {
		_ = o.Set(c, cellValue(vm, row[i]))
	}
	return o
}

// d1Reject is the error workerd's binding throws: an Error whose message
// has the prefix and whose cause is an Error with the bare text.
func d1Reject(vm *goja.Runtime, errorCtor goja.Value, prefix, msg, cause string) error {
	ctor := errorCtor.ToObject(vm)
	e, err := vm.New(ctor, vm.ToValue(prefix+": "+msg))
	if err != nil {
		return err
	}
	c, err := vm.New(ctor, vm.ToValue(cause))
	if err != nil {
		return err
	}
	_ = e.Set("cause", c)
	return module.Reject(e)
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

var smallInts = func() []string {
	s := make([]string, 64)
	for i := range s {
		s[i] = fmt.Sprint(i)
	}
	return s
}()

func itoa(i int) string {
	if i < len(smallInts) {
		return smallInts[i]
	}
	return fmt.Sprint(i)
}

// paramValues converts the params d1.js's bind produced: numbers, strings,
// null, and arrays of bytes (BLOBs). NaN and the infinities become NULL, as
// the platform's JSON transport makes them.
func paramValues(vm *goja.Runtime, v goja.Value) []any {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	n := int(o.Get("length").ToInteger())
	out := make([]any, n)
	for i := 0; i < n; i++ {
		e := o.Get(itoa(i))
		switch x := e.Export().(type) {
		case nil:
			out[i] = nil
		case int64:
			out[i] = float64(x)
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				out[i] = nil
			} else {
				out[i] = x
			}
		case string:
			out[i] = x
		default:
			arr := e.ToObject(vm)
			m := int(arr.Get("length").ToInteger())
			b := make([]byte, m)
			for j := 0; j < m; j++ {
				b[j] = byte(arr.Get(itoa(j)).ToInteger())
			}
			out[i] = b
		}
	}
	return out
}

// answerValue is [results, bookmark], each result [columns, rows, meta].
func answerValue(vm *goja.Runtime, a Answer) goja.Value {
	results := make([]any, len(a.Results))
	for i, r := range a.Results {
		cols := make([]any, len(r.Columns))
		for j, c := range r.Columns {
			cols[j] = c
		}
		rows := make([]any, len(r.Rows))
		for j, row := range r.Rows {
			cells := make([]any, len(row))
			for k, c := range row {
				cells[k] = cellValue(vm, c)
			}
			rows[j] = vm.NewArray(cells...)
		}
		results[i] = vm.NewArray(vm.NewArray(cols...), vm.NewArray(rows...), metaValue(vm, r.Meta))
	}
	return vm.NewArray(vm.NewArray(results...), a.Bookmark)
}

// cellValue maps a column value as the local platform does: integers are
// doubles (precision lost past 2^53), BLOBs arrays of byte values.
func cellValue(vm *goja.Runtime, c any) any {
	switch v := c.(type) {
	case int64:
		return float64(v)
	case []byte:
		out := make([]any, len(v))
		for i, b := range v {
			out[i] = int64(b)
		}
		return vm.NewArray(out...)
	}
	return c
}

func metaValue(vm *goja.Runtime, m Meta) *goja.Object {
	o := vm.NewObject()
	_ = o.Set("served_by", servedBy)
	_ = o.Set("duration", m.Duration)
	_ = o.Set("changes", m.Changes)
	_ = o.Set("last_row_id", float64(m.LastRowID))
	_ = o.Set("changed_db", m.ChangedDB)
	_ = o.Set("size_after", m.SizeAfter)
	_ = o.Set("rows_read", m.RowsRead)
	_ = o.Set("rows_written", m.RowsWritten)
	return o
}

var _ bindings.Binding = (*Binding)(nil)
