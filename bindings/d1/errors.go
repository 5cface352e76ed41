package d1

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Error is a failed query as the platform reports it: Message is the text
// after "D1_ERROR: " (workerd's binding adds the prefix), for example
// "no such table: users: SQLITE_ERROR".
type Error struct {
	Message string
}

func (e *Error) Error() string { return e.Message }

// Messages the local platform gives, word for word (recorded from wrangler
// 4.86.0 in testdata/wrangler-4.86.0-probe.json).
const (
	// msgTransaction is workerd's refusal of BEGIN, COMMIT, ROLLBACK,
	// SAVEPOINT and RELEASE (SqlStorageRegulator::allowTransactions);
	// production D1 gives the same text (workerd#5411).
	msgTransaction  = "To execute a transaction, please use the state.storage.transaction() or state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT statements. The JavaScript API is safer because it will automatically roll back on exceptions, and because it interacts correctly with Durable Objects' automatic atomic write coalescing."
	msgMultiParams  = "When executing multiple SQL statements in a single call, only the last statement can have parameters."
	msgWrongParams  = "Wrong number of parameter bindings for SQL query."
	msgNoStatements = "No SQL statements detected."
	// msgDeferredFK is what SQLite says when a commit finds a deferred
	// foreign key still violated.
	msgDeferredFK = "FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)"
)

// ErrLocked means another process holds the database file.
var ErrLocked = errors.New("database file is locked by another process")

// ErrClosed means the database was closed.
var ErrClosed = errors.New("database is closed")

// sqlError turns an SQLite error into the text workerd's dbErrorMessage
// builds: sqlite3_errmsg, " at offset N" when SQLite knows where, then
// ": SQLITE_<CODE>" and " (extended: SQLITE_<EXT>)" when the extended code
// differs. sql is the text that was being prepared ("" after a step).
func sqlError(err error, sql string) *Error {
	var se *sqlite3.Error
	var code sqlite3.ExtendedErrorCode
	var msg string
	switch {
	case errors.As(err, &se):
		code = se.ExtendedCode()
		msg = strings.TrimPrefix(se.Error(), code.Error()+": ")
		if msg == se.Error() || msg == "" {
			msg = strings.TrimPrefix(code.Error(), "sqlite3: ")
		}
		if sql != "" && se.SQL() != "" {
			msg += " at offset " + strconv.Itoa(len(sql)-len(se.SQL()))
		}
	case errors.As(err, &code):
		msg = strings.TrimPrefix(code.Error(), "sqlite3: ")
	default:
		return &Error{Message: err.Error()}
	}
	primary := code.Code()
	msg += ": " + primaryNames[primary]
	if sqlite3.ErrorCode(code) != primary {
		if name, ok := extendedNames[code]; ok {
			msg += " (extended: " + name + ")"
		}
	}
	return &Error{Message: msg}
}
