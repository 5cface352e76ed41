package durable

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/ncruces/go-sqlite3"

	"edgedev/sqlitefile"
)

// Object is one Durable Object's storage: its own SQLite file
// (<state>/do/<uniqueKey>/<id>.sqlite, as Miniflare lays them out), with
// the KV API's rows in _cf_KV and the user's SQL tables beside them. All
// of it runs on the calling goroutine (the worker's loop): a point read or
// a write into the open transaction costs microseconds, and running it
// there is what makes the input gate hold (no other event is delivered
// while a storage call runs). Writes go into one open transaction that
// Commit closes, so writes with no real I/O between them commit together.
type Object struct {
	mu   sync.Mutex
	id   string
	path string
	conn *sqlite3.Conn
	inTx bool
	st   map[string]*sqlite3.Stmt
	// refused is set by the authorizer when it denies a statement of the
	// user's, with the message to give instead of SQLite's.
	refused string
	user    bool // the statement being prepared is the user's

	// Group commit: COMMIT runs on the loop without an fsync
	// (synchronous=NORMAL: the WAL has the frames, which survives a crash of
	// the process), and Durable fsyncs the WAL off the loop, one fsync for
	// every commit made before it started, so the loop never waits on the
	// disk and a burst of requests shares fsyncs.
	syncMu  sync.Mutex
	syncing bool
	waiters []func(error)
	wal     *os.File
}

// openObject opens (creating) the object's file.
func openObject(path, id string) (*Object, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	c, err := sqlitefile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open Durable Object storage %s: %w%s", path, err, lockedHint(err))
	}
	o := &Object{id: id, path: path, conn: c, st: map[string]*sqlite3.Stmt{}}
	if err := c.Exec("PRAGMA synchronous=NORMAL"); err != nil {
		c.Close()
		return nil, err
	}
	if err := c.Exec("CREATE TABLE IF NOT EXISTS _cf_KV (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID"); err != nil {
		c.Close()
		return nil, fmt.Errorf("set up Durable Object storage %s: %w (delete the file to start the object empty)", path, err)
	}
	if err := c.SetAuthorizer(o.authorize); err != nil {
		c.Close()
		return nil, err
	}
	return o, nil
}

// authorize refuses the user's SQL what workerd refuses: transactions
// (the storage API owns them) and the platform's _cf_ tables.
func (o *Object) authorize(action sqlite3.AuthorizerActionCode, p1, _, _, _ string) sqlite3.AuthorizerReturnCode {
	if !o.user {
		return sqlite3.AUTH_OK
	}
	switch action {
	case sqlite3.AUTH_TRANSACTION, sqlite3.AUTH_SAVEPOINT:
		o.refused = "To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing."
		return sqlite3.AUTH_DENY
	case sqlite3.AUTH_ATTACH, sqlite3.AUTH_DETACH:
		return sqlite3.AUTH_DENY
	}
	if len(p1) >= 4 && strings.EqualFold(p1[:4], "_cf_") && action != sqlite3.AUTH_FUNCTION && action != sqlite3.AUTH_PRAGMA {
		o.refused = "no such table: " + p1 + ": SQLITE_ERROR"
		return sqlite3.AUTH_DENY
	}
	return sqlite3.AUTH_OK
}

func (o *Object) stmt(sql string) (*sqlite3.Stmt, error) {
	if s, ok := o.st[sql]; ok {
		return s, nil
	}
	s, _, err := o.conn.Prepare(sql)
	if err != nil {
		return nil, err
	}
	o.st[sql] = s
	return s, nil
}

// begin opens the write transaction if none is open; it reports whether it
// opened one (the caller then arranges the Commit).
func (o *Object) begin() (bool, error) {
	if o.inTx {
		return false, nil
	}
	if err := o.conn.Exec("BEGIN IMMEDIATE"); err != nil {
		return false, err
	}
	o.inTx = true
	return true, nil
}

// Durable calls done once every commit made so far is on disk (the WAL
// fsync'd), from another goroutine.
func (o *Object) Durable(done func(error)) {
	o.syncMu.Lock()
	o.waiters = append(o.waiters, done)
	if o.syncing {
		o.syncMu.Unlock()
		return
	}
	o.syncing = true
	o.syncMu.Unlock()
	go o.syncLoop()
}

func (o *Object) syncLoop() {
	for {
		o.syncMu.Lock()
		ws := o.waiters
		o.waiters = nil
		if len(ws) == 0 {
			o.syncing = false
			o.syncMu.Unlock()
			return
		}
		o.syncMu.Unlock()
		err := o.fsync()
		for _, w := range ws {
			w(err)
		}
	}
}

// fsync syncs the WAL (where the commits are) and, when there is none
// (after a checkpoint removed it), the database file.
func (o *Object) fsync() error {
	if o.wal == nil {
		f, err := os.OpenFile(o.path+"-wal", os.O_RDWR, 0)
		if err != nil {
			f, err = os.OpenFile(o.path, os.O_RDWR, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Sync()
		}
		o.wal = f
	}
	return o.wal.Sync()
}

// Commit ends the open transaction (durable once Durable says so).
func (o *Object) Commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.inTx {
		return nil
	}
	o.inTx = false
	if err := o.conn.Exec("COMMIT"); err != nil {
		_ = o.conn.Exec("ROLLBACK")
		return fmt.Errorf("Durable Object storage %s: commit failed: %w", o.path, err)
	}
	return nil
}

// Pending reports whether writes wait for Commit.
func (o *Object) Pending() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.inTx
}

// Entry is one key and its serialized value.
type Entry struct {
	Key   string
	Value []byte
}

// Get returns the entries found, in the order of keys.
func (o *Object) Get(keys []string) ([]Entry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	s, err := o.stmt("SELECT value FROM _cf_KV WHERE key = ?")
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, k := range keys {
		s.BindText(1, k)
		if s.Step() {
			out = append(out, Entry{k, s.ColumnBlob(0, nil)})
		}
		err := s.Reset()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Put writes entries into the open transaction; opened reports that this
// call opened it.
func (o *Object) Put(es []Entry) (opened bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if opened, err = o.begin(); err != nil {
		return false, err
	}
	s, err := o.stmt("INSERT OR REPLACE INTO _cf_KV (key, value) VALUES (?, ?)")
	if err != nil {
		return opened, err
	}
	for _, e := range es {
		s.BindText(1, e.Key)
		s.BindBlob(2, e.Value)
		if err := s.Exec(); err != nil {
			return opened, err
		}
	}
	return opened, nil
}

// Delete removes keys and counts those that existed.
func (o *Object) Delete(keys []string) (n int, opened bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if opened, err = o.begin(); err != nil {
		return 0, false, err
	}
	s, err := o.stmt("DELETE FROM _cf_KV WHERE key = ?")
	if err != nil {
		return 0, opened, err
	}
	for _, k := range keys {
		s.BindText(1, k)
		if err := s.Exec(); err != nil {
			return n, opened, err
		}
		n += int(o.conn.Changes())
	}
	return n, opened, nil
}

// DeleteAll removes every KV entry.
func (o *Object) DeleteAll() (opened bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if opened, err = o.begin(); err != nil {
		return false, err
	}
	return opened, o.conn.Exec("DELETE FROM _cf_KV")
}

// ListOptions are list()'s, already validated. Keys compare as UTF-8
// bytes (SQLite's BINARY collation on UTF-8 text), as on the platform.
type ListOptions struct {
	Start      string
	StartAfter bool // Start is exclusive (startAfter)
	HasStart   bool
	End        string
	HasEnd     bool
	Prefix     string
	Reverse    bool
	Limit      int // 0: none
}

// List returns the entries in range, ascending (descending with Reverse).
func (o *Object) List(opt ListOptions) ([]Entry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var where []string
	var args []string
	if opt.HasStart {
		if opt.StartAfter {
			where = append(where, "key > ?")
		} else {
			where = append(where, "key >= ?")
		}
		args = append(args, opt.Start)
	}
	if opt.HasEnd {
		where = append(where, "key < ?")
		args = append(args, opt.End)
	}
	if opt.Prefix != "" {
		where = append(where, "substr(key, 1, length(?)) = ?")
		args = append(args, opt.Prefix, opt.Prefix)
	}
	q := "SELECT key, value FROM _cf_KV"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY key"
	if opt.Reverse {
		q += " DESC"
	}
	if opt.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", opt.Limit)
	}
	s, err := o.stmt(q)
	if err != nil {
		return nil, err
	}
	defer s.Reset()
	for i, a := range args {
		s.BindText(i+1, a)
	}
	var out []Entry
	for s.Step() {
		out = append(out, Entry{s.ColumnText(0), s.ColumnBlob(1, nil)})
	}
	return out, s.Err()
}

// Result is what one sql.exec gives: the last statement's columns and
// rows, and the counters over all of them.
type Result struct {
	Columns     []string
	Rows        [][]any
	RowsRead    int64
	RowsWritten int64
}

// Exec runs the user's SQL (one or more statements) with params bound to
// the first statement that has parameters, inside the open transaction.
func (o *Object) Exec(query string, params []any) (res Result, opened bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if opened, err = o.begin(); err != nil {
		return res, false, err
	}
	tail := query
	bound := false
	for strings.TrimSpace(tail) != "" {
		o.user, o.refused = true, ""
		s, rest, err := o.conn.Prepare(tail)
		o.user = false
		if err != nil {
			if o.refused != "" {
				return res, opened, errors.New(o.refused)
			}
			return res, opened, sqlError(err, tail)
		}
		if s == nil { // only a comment or whitespace left
			break
		}
		tail = rest
		if n := s.BindCount(); n > 0 && !bound {
			bound = true
			if len(params) != n {
				s.Close()
				return res, opened, fmt.Errorf("Wrong number of parameter bindings for SQL query.")
			}
			for i, p := range params {
				if err := bindValue(s, i+1, p); err != nil {
					s.Close()
					return res, opened, err
				}
			}
		}
		before := o.conn.TotalChanges()
		cols, rows, err := collectRows(s)
		written := o.conn.TotalChanges() - before
		// Approximated: workerd counts rows read from tables and from the
		// sorter with a counter of its own SQLite; here the rows returned,
		// twice when they went through a sort (wrangler 4.86.0: 4 for
		// SELECT * ... ORDER BY over 2 rows).
		read := int64(len(rows))
		if s.Status(sqlite3.STMTSTATUS_SORT, false) > 0 {
			read *= 2
		}
		s.Close()
		if err != nil {
			return res, opened, sqlError(err, "")
		}
		res.Columns, res.Rows = cols, rows
		res.RowsRead += read
		res.RowsWritten += written
	}
	if res.Columns == nil {
		res.Columns = []string{}
	}
	return res, opened, nil
}

// sqlError is the text workerd's dbErrorMessage builds (the same as
// D1's): sqlite3_errmsg, " at offset N" when SQLite knows where in sql,
// then ": SQLITE_<CODE>". sql is the text being prepared ("" after a step).
func sqlError(err error, sql string) error {
	var se *sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	code := se.ExtendedCode()
	msg := strings.TrimPrefix(se.Error(), code.Error()+": ")
	if msg == se.Error() || msg == "" {
		msg = strings.TrimPrefix(code.Error(), "sqlite3: ")
	}
	if sql != "" && se.SQL() != "" {
		msg += " at offset " + strconv.Itoa(len(sql)-len(se.SQL()))
	}
	return errors.New(msg + ": " + codeName(code.Code()))
}

func codeName(c sqlite3.ErrorCode) string {
	switch c {
	case sqlite3.CONSTRAINT:
		return "SQLITE_CONSTRAINT"
	case sqlite3.TOOBIG:
		return "SQLITE_TOOBIG"
	case sqlite3.RANGE:
		return "SQLITE_RANGE"
	case sqlite3.MISMATCH:
		return "SQLITE_MISMATCH"
	case sqlite3.AUTH:
		return "SQLITE_AUTH"
	}
	return "SQLITE_ERROR"
}

func bindValue(s *sqlite3.Stmt, i int, p any) error {
	switch v := p.(type) {
	case nil:
		return s.BindNull(i)
	case string:
		return s.BindText(i, v)
	case float64:
		if v == float64(int64(v)) && v < 1<<53 && v > -(1<<53) {
			return s.BindInt64(i, int64(v))
		}
		return s.BindFloat(i, v)
	case int64:
		return s.BindInt64(i, v)
	case []byte:
		return s.BindBlob(i, v)
	}
	return fmt.Errorf("Unsupported binding type: %T", p)
}

// collectRows steps s to the end, keeping its columns and rows.
func collectRows(s *sqlite3.Stmt) ([]string, [][]any, error) {
	more := s.Step()
	n := s.ColumnCount()
	cols := make([]string, n)
	for i := range cols {
		cols[i] = s.ColumnName(i)
	}
	var rows [][]any
	for ; more; more = s.Step() {
		row := make([]any, n)
		for i := range row {
			switch s.ColumnType(i) {
			case sqlite3.INTEGER:
				row[i] = s.ColumnInt64(i)
			case sqlite3.FLOAT:
				row[i] = s.ColumnFloat(i)
			case sqlite3.TEXT:
				row[i] = s.ColumnText(i)
			case sqlite3.BLOB:
				row[i] = s.ColumnBlob(i, nil)
			}
		}
		rows = append(rows, row)
	}
	return cols, rows, s.Err()
}

// Size is the database's size in bytes (sql.databaseSize).
func (o *Object) Size() int64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	var n [2]int64
	for i, q := range []string{"PRAGMA page_count", "PRAGMA page_size"} {
		s, err := o.stmt(q)
		if err != nil {
			return 0
		}
		if s.Step() {
			n[i] = s.ColumnInt64(0)
		}
		s.Reset()
	}
	return n[0] * n[1]
}

// Close commits what is pending and closes the file.
func (o *Object) Close() error {
	err := o.Commit()
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, s := range o.st {
		s.Close()
	}
	o.st = nil
	if cerr := o.conn.Close(); err == nil {
		err = cerr
	}
	o.syncMu.Lock()
	if o.wal != nil {
		o.wal.Close()
		o.wal = nil
	}
	o.syncMu.Unlock()
	return err
}

// Savepoint runs op ("begin", "release" or "rollback") on the savepoint
// storage.transaction() runs in, inside the open transaction.
func (o *Object) Savepoint(op string) (opened bool, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if opened, err = o.begin(); err != nil {
		return false, err
	}
	switch op {
	case "begin":
		return opened, o.conn.Exec("SAVEPOINT edgedev_txn")
	case "release":
		return opened, o.conn.Exec("RELEASE edgedev_txn")
	default:
		if err := o.conn.Exec("ROLLBACK TO edgedev_txn"); err != nil {
			return opened, err
		}
		return opened, o.conn.Exec("RELEASE edgedev_txn")
	}
}

// lockedHint says what to do when another process holds a file.
func lockedHint(err error) string {
	if strings.Contains(err.Error(), "locked") {
		return " (another edgedev process uses this state directory: stop it, or give this one its own --persist-to)"
	}
	return ""
}
