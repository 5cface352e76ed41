package d1

import (
	"context"
	"errors"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"

	"edgedev/sqlitefile"
)

// Database is one D1 database: one SQLite file, one connection, and one
// goroutine that runs every query on it in order. It is safe for
// concurrent use; Run never runs SQL on the caller's goroutine.
//
// Durability: the file is in WAL mode with synchronous=FULL, so a COMMIT
// returns only once the log is fsync'd. Requests that queue up while one
// commits are run together in the next transaction, each inside its own
// savepoint (so one request's failure rolls back only its own work), and
// all are answered after that one COMMIT (group commit). A request is
// never answered before its writes are on disk.
//
// One process: Open takes an exclusive flock on the file (SQLite's own
// locks are fcntl locks, which flock does not disturb), so a second
// edgedev process gets ErrLocked at once instead of waiting on SQLite's
// busy handler; other tools (the sqlite3 shell) can still read the file.
type Database struct {
	path string
	lock *os.File
	now  func() time.Time

	reqs chan *request
	quit chan struct{}
	done chan struct{}

	closeOnce sync.Once
	closeErr  error

	// Owned by the loop goroutine.
	conn     *sqlite3.Conn
	auth     authorizer
	internal map[string]*sqlite3.Stmt
	cache    stmtCache
	pageSize int64
	size     int64 // size_after of the last write
	// defersFKs: a statement of the current request was PRAGMA
	// defer_foreign_keys (resetDeferFKs undoes it).
	defersFKs bool
	bookmark  uint32
}

// Query is one SQL text and its parameters. A parameter is nil (NULL),
// float64 (a JS number, bound as REAL as workerd does), int64, string
// (TEXT) or []byte (BLOB).
type Query struct {
	SQL    string
	Params []any
}

// Result is one query's answer. Values in Rows are nil, int64, float64,
// string or []byte.
type Result struct {
	Columns []string
	Rows    [][]any
	Meta    Meta
}

// Meta is a result's meta object, as Miniflare fills it.
type Meta struct {
	Duration    float64
	Changes     int64
	LastRowID   int64
	ChangedDB   bool
	SizeAfter   int64
	RowsRead    int64
	RowsWritten int64
}

// Answer is what Run delivers: the results (one per query) and the
// session bookmark after them, or the error that rolled all of them back.
type Answer struct {
	Results  []Result
	Bookmark string
	Err      error
}

type request struct {
	queries []Query
	done    func(Answer)
	ans     Answer
}

// Open opens (creating if need be) the database file at path. now is the
// clock for meta.duration; nil means time.Now.
func Open(path string, now func() time.Time) (*Database, error) {
	if now == nil {
		now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	lf, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(lf); err != nil {
		lf.Close()
		return nil, err
	}
	db := &Database{path: path, lock: lf, now: now, reqs: make(chan *request, 1024),
		quit: make(chan struct{}), done: make(chan struct{}), internal: map[string]*sqlite3.Stmt{}}
	if err := db.open(); err != nil {
		if db.conn != nil {
			db.conn.Close()
		}
		unlockFile(lf)
		lf.Close()
		return nil, fmt.Errorf("open D1 database %s: %w", path, err)
	}
	go db.loop()
	return db, nil
}

// Path is the database file.
func (db *Database) Path() string { return db.path }

func (db *Database) open() error {
	c, err := sqlitefile.Open(db.path)
	if err != nil {
		return err
	}
	db.conn = c
	db.auth.trusted = true
	if err := c.SetAuthorizer(db.auth.authorize); err != nil {
		return err
	}
	for _, sql := range []string{"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT d1_request", "RELEASE d1_request",
		"ROLLBACK TO d1_request", "PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA page_size",
		"PRAGMA defer_foreign_keys", "PRAGMA defer_foreign_keys=OFF"} {
		st, _, err := c.Prepare(sql)
		if err != nil {
			return err
		}
		db.internal[sql] = st
	}
	db.auth.trusted = false
	db.pageSize = db.pragma("PRAGMA page_size")
	db.size = db.sizeNow()
	return nil
}

// internalExec runs one of edgedev's own statements.
func (db *Database) internalExec(sql string) error {
	st := db.internal[sql]
	db.auth.trusted = true
	defer func() { db.auth.trusted = false }()
	for st.Step() {
	}
	err := st.Err()
	st.Reset()
	return err
}

func (db *Database) pragma(sql string) int64 {
	st := db.internal[sql]
	db.auth.trusted = true
	defer func() { db.auth.trusted = false }()
	var v int64
	if st.Step() {
		v = st.ColumnInt64(0)
	}
	st.Reset()
	return v
}

func (db *Database) sizeNow() int64 {
	return (db.pragma("PRAGMA page_count") - db.pragma("PRAGMA freelist_count")) * db.pageSize
}

// Run queues queries to run as one transaction and calls done, from the
// database's goroutine, with the answer once it is durable. done must not
// block for long: every later request waits behind it.
func (db *Database) Run(queries []Query, done func(Answer)) {
	r := &request{queries: queries, done: done}
	select {
	case <-db.quit:
		done(Answer{Err: ErrClosed})
		return
	default:
	}
	select {
	case db.reqs <- r:
	case <-db.quit:
		done(Answer{Err: ErrClosed})
	}
}

// RunSync is Run for callers that can wait (the CLI, tests): it returns
// the answer, or ctx's error if ctx ends first (the queries may still run).
func (db *Database) RunSync(ctx context.Context, queries []Query) Answer {
	ch := make(chan Answer, 1)
	db.Run(queries, func(a Answer) { ch <- a })
	select {
	case a := <-ch:
		return a
	case <-ctx.Done():
		return Answer{Err: ctx.Err()}
	}
}

// Close stops the database goroutine after the queued requests and closes
// the file. It may be called more than once.
func (db *Database) Close() error {
	db.closeOnce.Do(func() {
		close(db.quit)
		<-db.done
		for _, st := range db.internal {
			st.Close()
		}
		db.cache.closeAll()
		db.closeErr = db.conn.Close()
		unlockFile(db.lock)
		if err := db.lock.Close(); db.closeErr == nil {
			db.closeErr = err
		}
	})
	return db.closeErr
}

func (db *Database) loop() {
	defer close(db.done)
	group := make([]*request, 0, maxGroup)
	for {
		var first *request
		select {
		case first = <-db.reqs:
		case <-db.quit:
			// Answer whatever is still queued.
			for {
				select {
				case r := <-db.reqs:
					db.runGroup([]*request{r})
				default:
					return
				}
			}
		}
		group = append(group[:0], first)
	fill:
		for len(group) < maxGroup {
			select {
			case r := <-db.reqs:
				group = append(group, r)
			default:
				break fill
			}
		}
		db.runGroup(group)
		clear(group)
	}
}

// runGroup runs requests in one transaction, each in a savepoint when
// there are several, commits once, then answers them all.
func (db *Database) runGroup(group []*request) {
	defer func() {
		if p := recover(); p != nil {
			// A panic inside SQLite's Go translation fails this group
			// only; the connection is rolled back to a clean state.
			if !db.conn.GetAutocommit() {
				_ = db.internalExec("ROLLBACK")
			}
			for _, r := range group {
				if r.done != nil {
					r.done(Answer{Err: fmt.Errorf("D1 database %s: internal error: %v", db.path, p)})
					r.done = nil
				}
			}
		}
	}()
	if err := db.internalExec("BEGIN"); err != nil {
		for _, r := range group {
			r.ans = Answer{Err: sqlError(err, "")}
		}
		db.answer(group)
		return
	}
	single := len(group) == 1
	for i := 0; i < len(group); i++ {
		r := group[i]
		if !single {
			if err := db.internalExec("SAVEPOINT d1_request"); err != nil {
				r.ans = Answer{Err: sqlError(err, "")}
				continue
			}
		}
		r.ans = db.runRequest(r.queries)
		if r.ans.Err == nil && db.deferredFKs() {
			r.ans = Answer{Err: &Error{Message: msgDeferredFK}}
		}
		if db.conn.GetAutocommit() {
			// SQLite rolled the whole transaction back (an I/O error,
			// a full disk): every earlier request in the group lost its
			// work too, so none of them may be acknowledged.
			for _, prev := range group[:i] {
				if prev.ans.Err == nil {
					prev.ans = Answer{Err: &Error{Message: "the transaction was rolled back by an error in another request; try again"}}
				}
			}
			if r.ans.Err == nil {
				r.ans.Err = &Error{Message: "the transaction was rolled back; try again"}
			}
			if err := db.internalExec("BEGIN"); err != nil {
				for _, rest := range group[i+1:] {
					rest.ans = Answer{Err: sqlError(err, "")}
				}
				db.answer(group)
				return
			}
			continue
		}
		if r.ans.Err != nil {
			if single {
				_ = db.internalExec("ROLLBACK")
				db.resetDeferFKs()
				db.answer(group)
				return
			}
			_ = db.internalExec("ROLLBACK TO d1_request")
		}
		db.resetDeferFKs()
		if !single {
			_ = db.internalExec("RELEASE d1_request")
		}
	}
	if err := db.internalExec("COMMIT"); err != nil {
		e := sqlError(err, "")
		if !db.conn.GetAutocommit() {
			_ = db.internalExec("ROLLBACK")
		}
		for _, r := range group {
			if r.ans.Err == nil {
				r.ans = Answer{Err: e}
			}
		}
	}
	db.answer(group)
}

func (db *Database) answer(group []*request) {
	for _, r := range group {
		if r.done != nil {
			r.done(r.ans)
			r.done = nil
		}
	}
}

// resetDeferFKs turns defer_foreign_keys off again after a request that
// turned it on: D1 applies the PRAGMA to its own transaction only, and here
// one transaction may carry several requests. It looks first, because
// setting a flag PRAGMA expires every compiled statement (the cache).
func (db *Database) resetDeferFKs() {
	if !db.defersFKs {
		return
	}
	db.defersFKs = false
	if db.pragma("PRAGMA defer_foreign_keys") != 0 {
		_ = db.internalExec("PRAGMA defer_foreign_keys=OFF")
	}
}

func (db *Database) deferredFKs() bool {
	n, _, err := db.conn.Status(sqlite3.DBSTATUS_DEFERRED_FKS, false)
	return err == nil && n > 0
}

// runRequest runs one request's queries inside the open transaction.
func (db *Database) runRequest(queries []Query) Answer {
	db.bookmark++
	ans := Answer{Results: make([]Result, 0, len(queries)), Bookmark: fmt.Sprintf("%08x-%08x-00000000-%032x", 0, db.bookmark, 0)}
	for _, q := range queries {
		res, err := db.runQuery(q)
		if err != nil {
			return Answer{Err: err}
		}
		ans.Results = append(ans.Results, res)
	}
	return ans
}

// runQuery runs one SQL text: every statement in it, in order; the result
// is the last statement's, and only the last may have parameters (as
// workerd's MULTI mode).
func (db *Database) runQuery(q Query) (Result, error) {
	start := db.now()
	before := db.conn.TotalChanges()
	lastBefore := db.conn.LastInsertRowID()
	var res Result
	wrote := false
	readsTable := false
	sql := q.SQL
	ran := false
	for {
		st, tail, flags, cached, err := db.prepare(sql)
		if err != nil {
			return res, err
		}
		if st == nil { // only comments or blanks were left
			if !ran {
				return res, &Error{Message: msgNoStatements}
			}
			break
		}
		ran = true
		readsTable = readsTable || flags.reads
		db.defersFKs = db.defersFKs || flags.defersFKs
		release := func() {
			if cached {
				db.cache.put(sql, st, flags)
			} else {
				st.Close()
			}
		}
		tail = strings.TrimLeft(tail, " \t\n\r\v\f")
		last := tail == ""
		if !last && st.BindCount() > 0 {
			release()
			return res, &Error{Message: msgMultiParams}
		}
		if last {
			if st.BindCount() != len(q.Params) {
				release()
				return res, &Error{Message: msgWrongParams}
			}
			if err := bind(st, q.Params); err != nil {
				release()
				return res, sqlError(err, "")
			}
		}
		if !st.ReadOnly() {
			wrote = true
		}
		cols, rows, err := collect(st, last)
		release()
		if err != nil {
			return Result{}, db.stepError(err)
		}
		if last {
			res.Columns, res.Rows = cols, rows
			break
		}
		sql = tail
	}
	changes := db.conn.TotalChanges() - before
	lastRowID := db.conn.LastInsertRowID()
	size := db.size
	if wrote {
		size = db.sizeNow()
	}
	m := Meta{
		Duration:    float64(db.now().Sub(start).Milliseconds()),
		Changes:     changes,
		LastRowID:   lastRowID,
		SizeAfter:   size,
		RowsWritten: changes,
	}
	m.ChangedDB = changes != 0 || lastRowID != lastBefore || size != db.size
	db.size = size
	// rows_read comes from workerd's patched SQLite counters, which stock
	// SQLite lacks: this counts the rows a table read returned plus the
	// rows written, which matches what the local platform reports for
	// point reads, scans without a filter and single-row writes.
	if readsTable {
		m.RowsRead = int64(len(res.Rows))
	}
	m.RowsRead += changes
	res.Meta = m
	return res, nil
}

// prepare compiles the first statement of sql, or takes it from the cache
// when sql is one statement seen before. cached says whether the statement
// goes back to the cache (put) instead of being closed.
func (db *Database) prepare(sql string) (st *sqlite3.Stmt, tail string, flags stmtFlags, cached bool, err error) {
	if st, flags, ok := db.cache.take(sql); ok {
		return st, "", flags, true, nil
	}
	db.auth.deniedTxn, db.auth.readsTable, db.auth.defersFKs = false, false, false
	st, tail, err = db.conn.Prepare(sql)
	if err != nil {
		if db.auth.deniedTxn {
			return nil, "", stmtFlags{}, false, &Error{Message: msgTransaction}
		}
		return nil, "", stmtFlags{}, false, sqlError(err, sql)
	}
	cached = st != nil && strings.TrimLeft(tail, " \t\n\r\v\f") == ""
	return st, tail, stmtFlags{reads: db.auth.readsTable, defersFKs: db.auth.defersFKs}, cached, nil
}

// stepError is sqlError for an error from a step. SQLite reports only the
// primary code there (the Go binding does not turn on extended result
// codes, and has no sqlite3_extended_errcode), while workerd prints the
// extended one: for constraint failures, the only ones users meet in
// practice, it is recovered from SQLite's message.
func (db *Database) stepError(err error) error {
	e := sqlError(err, "")
	var se *sqlite3.Error
	if !errors.As(err, &se) || se.Code() != sqlite3.CONSTRAINT {
		return e
	}
	if ext := db.constraintKind(strings.TrimSuffix(e.Message, ": SQLITE_CONSTRAINT")); ext != "" {
		e.Message += " (extended: " + ext + ")"
	}
	return e
}

// constraintKind names the extended code of a constraint failure from its
// message (sqlite3.c's sqlite3HaltConstraint callers).
func (db *Database) constraintKind(msg string) string {
	switch {
	case strings.HasPrefix(msg, "NOT NULL constraint failed"):
		return "SQLITE_CONSTRAINT_NOTNULL"
	case strings.HasPrefix(msg, "CHECK constraint failed"):
		return "SQLITE_CONSTRAINT_CHECK"
	case strings.HasPrefix(msg, "FOREIGN KEY constraint failed"):
		return "SQLITE_CONSTRAINT_FOREIGNKEY"
	case strings.HasPrefix(msg, "cannot store "):
		return "SQLITE_CONSTRAINT_DATATYPE"
	case strings.HasPrefix(msg, "UNIQUE constraint failed: "):
		if db.isPrimaryKey(strings.TrimPrefix(msg, "UNIQUE constraint failed: ")) {
			return "SQLITE_CONSTRAINT_PRIMARYKEY"
		}
		return "SQLITE_CONSTRAINT_UNIQUE"
	}
	return ""
}

// isPrimaryKey reports whether "t.a, t.b" are exactly the columns of t's
// primary key (SQLite says PRIMARYKEY, not UNIQUE, for those).
func (db *Database) isPrimaryKey(cols string) bool {
	var table string
	want := map[string]bool{}
	for _, c := range strings.Split(cols, ", ") {
		t, col, ok := strings.Cut(c, ".")
		if !ok || (table != "" && t != table) {
			return false
		}
		table = t
		want[col] = true
	}
	db.auth.trusted = true
	st, _, err := db.conn.Prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0`)
	db.auth.trusted = false
	if err != nil {
		return false
	}
	defer st.Close()
	_ = st.BindText(1, table)
	n := 0
	for st.Step() {
		if !want[st.ColumnText(0)] {
			return false
		}
		n++
	}
	return n == len(want)
}

func bind(st *sqlite3.Stmt, params []any) error {
	for i, p := range params {
		var err error
		switch v := p.(type) {
		case nil:
			err = st.BindNull(i + 1)
		case float64:
			err = st.BindFloat(i+1, v)
		case int64:
			err = st.BindInt64(i+1, v)
		case string:
			err = st.BindText(i+1, v)
		case []byte:
			if v == nil {
				v = []byte{}
			}
			err = st.BindBlob(i+1, v)
		default:
			err = fmt.Errorf("d1: cannot bind a %T", p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// collect steps st to the end; with keep, it returns the columns and rows.
// The columns are read after the first step: a cached statement that the
// schema has changed under is compiled again there (SELECT * gains a
// column).
func collect(st *sqlite3.Stmt, keep bool) ([]string, [][]any, error) {
	more := st.Step()
	if !keep {
		for more {
			more = st.Step()
		}
		return nil, nil, st.Err()
	}
	n := st.ColumnCount()
	cols := make([]string, n)
	for i := range cols {
		cols[i] = st.ColumnName(i)
	}
	rows := [][]any{}
	for ; more; more = st.Step() {
		row := make([]any, n)
		for i := range row {
			switch st.ColumnType(i) {
			case sqlite3.INTEGER:
				row[i] = st.ColumnInt64(i)
			case sqlite3.FLOAT:
				row[i] = st.ColumnFloat(i)
			case sqlite3.TEXT:
				row[i] = st.ColumnText(i)
			case sqlite3.BLOB:
				row[i] = st.ColumnBlob(i, nil)
			default:
				row[i] = nil
			}
		}
		rows = append(rows, row)
	}
	if err := st.Err(); err != nil {
		return nil, nil, err
	}
	return cols, rows, nil
}
